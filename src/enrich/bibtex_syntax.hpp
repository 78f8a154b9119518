#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace papertree::detail {

/// Where one entry stands in the text: [begin, end), from its '@' to just after its closing brace.
struct EntrySpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The most bytes the names of one file's @string definitions may take (a NUL after each, a
/// redefinition counted again). btparse copies each definition's name into a fixed table of
/// 400 960 bytes and exits the process when it is full.
inline constexpr std::size_t k_max_macro_name_bytes = std::size_t{256} * 1024;

/// Checks that `text` is well-formed BibTeX (entries, fields, balanced braces and quotes, defined
/// @string macros, the month macros predefined). Returns the span of each entry, @comment left
/// out; text between entries is BibTeX's comment. Throws DataError with file:line:col at the first
/// mistake.
std::vector<EntrySpan> check_bibtex_syntax(std::string_view text, const std::string& origin);

}  // namespace papertree::detail
