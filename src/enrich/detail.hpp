#pragma once

#include <string>
#include <string_view>

namespace papertree::detail {

/// Runs of whitespace as one space, none at the ends.
std::string collapse_spaces(std::string_view s);

}  // namespace papertree::detail
