#pragma once

#include <string_view>

namespace papertree {

/// The default corpus (data/efficient-llms-survey.json), compiled into the binary at build time.
std::string_view embedded_corpus_json();

/// The same corpus compiled into a snapshot at build time (tools/compile_snapshot.cpp), 8-byte
/// aligned, to be used in place. Linked into the papertree binary only (papertree_data_snapshot).
std::string_view embedded_corpus_snapshot();

/// The name the embedded corpus goes by in messages.
inline constexpr std::string_view k_embedded_origin = "<embedded>/efficient-llms-survey.json";

}  // namespace papertree
