#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/export.hpp"

namespace papertree::detail {

/// True for link labels that name source code ("Code", "Code1", "GitHub"…).
bool is_code_label(std::string_view label);

/// The URL of the paper itself: the first link that is not code; empty when none.
std::string paper_url(const Paper& paper);

/// The URL of the first code link; empty when none.
std::string code_url(const Paper& paper);

/// Ids of the paper's categories inside the exported subtree, in the paper's order.
std::vector<std::string> exported_categories(const Corpus& corpus, const ExportSelection& selection,
                                             PaperIndex p);

/// `text` with control characters (C0, DEL, C1) replaced by spaces and surrounding whitespace
/// trimmed: what a format that cannot carry control characters shows.
std::string without_controls(std::string_view text);

/// True when the code point is a C0/C1 control character or DEL.
inline bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

}  // namespace papertree::detail
