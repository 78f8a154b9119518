#pragma once

#include <string_view>

namespace papertree {

/// The default corpus (data/efficient-llms-survey.json), compiled into the binary at build time.
std::string_view embedded_corpus_json();

/// The name the embedded corpus goes by in messages.
inline constexpr std::string_view k_embedded_origin = "<embedded>/efficient-llms-survey.json";

}  // namespace papertree
