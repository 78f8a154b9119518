#pragma once

#include <string>
#include <string_view>

namespace papertree {

/// A unified diff (`diff -u` style, `context` lines around each change) of two texts, line by
/// line, headed `--- OLD_NAME` / `+++ NEW_NAME`; empty when the texts are equal. Lines common to
/// both ends are set aside first, so a small edit of a large file costs little; the middle is
/// compared with Myers' O(ND) algorithm. A missing final newline is shown as diff shows it.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name,
                         std::size_t context = 3);

}  // namespace papertree
