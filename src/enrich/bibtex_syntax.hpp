#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace papertree::detail {

/// Checks that `text` is well-formed BibTeX (entries, fields, balanced braces and quotes, defined
/// @string macros, the month macros predefined). Returns the offset of each '@'. Throws DataError
/// with file:line:col at the first mistake.
std::vector<std::size_t> check_bibtex_syntax(std::string_view text, const std::string& origin);

}  // namespace papertree::detail
