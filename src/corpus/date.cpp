#include "papertree/corpus/date.hpp"

namespace papertree {

namespace {

int digits(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = digits(text.substr(0, 4));
  int month = digits(text.substr(5, 2));
  int day = digits(text.substr(8, 2));
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > k_days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month != 2 || day <= 28 || leap;
}

}  // namespace papertree
