#pragma once

#include <string_view>

namespace papertree {

/// Escape sequences a human-oriented renderer wraps around parts of its output. All empty by
/// default (no colour); the CLI fills them in when writing to a colour terminal.
struct TextStyle {
  std::string_view bold;
  std::string_view dim;
  std::string_view accent;     ///< category names, headings
  std::string_view highlight;  ///< matched search terms
  std::string_view good;       ///< a check mark
  std::string_view bad;        ///< a cross
  std::string_view reset;
};

}  // namespace papertree
