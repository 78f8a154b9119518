#pragma once

#include <span>
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

/// `text` with each control character (C0, DEL, C1) not in `keep`, and each code point in `also`,
/// replaced by a space (an invalid byte counts as U+FFFD); other bytes are kept as they are.
std::string controls_as_spaces(std::string_view text, std::u32string_view keep,
                               std::u32string_view also);

/// `text` with control characters (C0, DEL, C1) replaced by spaces and surrounding whitespace
/// trimmed: what a format that cannot carry control characters shows.
std::string without_controls(std::string_view text);

/// A character and what a format writes for it.
struct CharReplacement {
  char c;
  std::string_view text;
};

/// `s` made safe to print (sanitize_for_display), then each character found in `replacements`
/// written as its text: the one loop behind the HTML, Mermaid and Graphviz escapes.
std::string replace_chars(std::string_view s, std::span<const CharReplacement> replacements);

/// replace_chars(s, replacements) inside double quotes: a Mermaid or Graphviz label.
std::string quote_replacing(std::string_view s, std::span<const CharReplacement> replacements);

/// `url` trimmed, with every byte of a control character (C0, DEL, C1), of a bidi control
/// (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069) and of invalid UTF-8 percent-encoded, and
/// the ASCII characters in `also_encode`: what the export formats write as a link.
std::string percent_encode_url(std::string_view url, std::string_view also_encode);

/// True for a URL whose scheme runs code or embeds content when followed: `javascript:`,
/// `vbscript:`, `data:`, in any case, with the controls and spaces browsers skip or drop.
bool is_script_url(std::string_view url);

}  // namespace papertree::detail
