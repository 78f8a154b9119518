#include "papertree/curate/arxiv.hpp"

#include <algorithm>

namespace papertree {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int two_digits(std::string_view s) {
  return (s[0] - '0') * 10 + (s[1] - '0');
}

bool archive_name(std::string_view s) {
  // "cs", "hep-th", "math.AG": lower-case letters and '-', then an optional ".XX" subject class.
  std::size_t dot = s.find('.');
  std::string_view name = s.substr(0, dot);
  bool letters = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '-';
  });
  if (!letters) return false;
  if (dot == std::string_view::npos) return true;
  std::string_view subject = s.substr(dot + 1);
  return subject.size() == 2 &&
         std::all_of(subject.begin(), subject.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::optional<ArxivId> parse_arxiv_id(std::string_view id) {
  std::size_t slash = id.find('/');
  if (slash != std::string_view::npos) {
    std::string_view number = id.substr(slash + 1);
    if (!archive_name(id.substr(0, slash)) || number.size() != 7 || !all_digits(number)) {
      return std::nullopt;
    }
    int yy = two_digits(number);
    int month = two_digits(number.substr(2));
    int year = yy >= 91 ? 1900 + yy : 2000 + yy;
    if (month < 1 || month > 12 || year > 2007 || (year == 2007 && month > 3)) return std::nullopt;
    return ArxivId{year, month};
  }
  std::size_t dot = id.find('.');
  if (dot != 4) return std::nullopt;
  std::string_view yymm = id.substr(0, 4);
  std::string_view number = id.substr(5);
  if (!all_digits(yymm) || !all_digits(number)) return std::nullopt;
  int year = 2000 + two_digits(yymm);
  int month = two_digits(yymm.substr(2));
  if (month < 1 || month > 12 || (year == 2007 && month < 4)) return std::nullopt;
  std::size_t digits = year >= 2015 ? 5 : 4;
  if (number.size() != digits) return std::nullopt;
  return ArxivId{year, month};
}

}  // namespace papertree
