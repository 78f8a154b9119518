#pragma once

#include <string_view>

namespace papertree {

/// True for a calendar date written "YYYY-MM-DD" (a real day: no February 30th), years 1000-9999.
bool is_iso_date(std::string_view text);

}  // namespace papertree
