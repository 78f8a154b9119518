#include <string_view>

#include "papertree/import/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_max_id_length = 60;

// "https://www.arxiv.org/abs/x?y#z" -> host "www.arxiv.org", path "/abs/x".
void split_url(std::string_view url, std::string& host, std::string& path) {
  url = trim(url);
  if (auto scheme = url.find("://"); scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  std::size_t end = url.find_first_of("?#");
  if (end != std::string_view::npos) url = url.substr(0, end);
  std::size_t slash = url.find('/');
  host = ascii_lower(url.substr(0, slash));
  path = slash == std::string_view::npos ? std::string() : std::string(url.substr(slash));
  while (path.size() > 1 && path.back() == '/') path.pop_back();
}

// Scanning helpers for strip_id: each advances `i` over what it accepts and says how much.
std::size_t skip_while(std::string_view s, std::size_t& i, bool (*accept)(char)) {
  std::size_t start = i;
  while (i < s.size() && accept(s[i])) ++i;
  return i - start;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower_or_dash(char c) {
  return (c >= 'a' && c <= 'z') || c == '-';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// The id at the start of an arXiv path's rest, "2306.00978" from "2306.00978v2.pdf", or
// "hep-th/9901001" from "hep-th/9901001v1": `NNNN.NNNN(N)` or `archive(.XX)/NNNNNNN`, then an
// optional `vN` and `.pdf`, then nothing. A linear scan (a backtracking regex here once overflowed
// the stack on a URL of tens of thousands of digits).
std::string strip_id(std::string_view rest) {
  std::size_t i = 0;
  bool ok = false;
  if (skip_while(rest, i, is_digit) == 4 && i < rest.size() && rest[i] == '.') {
    ++i;
    std::size_t n = skip_while(rest, i, is_digit);
    ok = n == 4 || n == 5;
  } else if (i = 0; !rest.empty() && rest[0] >= 'a' && rest[0] <= 'z') {
    skip_while(rest, i, is_lower_or_dash);
    if (i + 3 <= rest.size() && rest[i] == '.' && is_upper(rest[i + 1]) && is_upper(rest[i + 2]))
      i += 3;
    if (i < rest.size() && rest[i] == '/') {
      ++i;
      ok = skip_while(rest, i, is_digit) == 7;
    }
  }
  if (!ok) return {};
  std::size_t id_end = i;
  if (i < rest.size() && rest[i] == 'v') {
    ++i;
    if (skip_while(rest, i, is_digit) == 0) return {};
  }
  if (rest.substr(i) == ".pdf") i += 4;
  return i == rest.size() ? std::string(rest.substr(0, id_end)) : std::string();
}

}  // namespace

std::string arxiv_id_from_url(std::string_view url) {
  std::string host;
  std::string path;
  split_url(url, host, path);
  if (host == "arxiv.org" || host == "www.arxiv.org" || host == "export.arxiv.org") {
    for (std::string_view prefix : {"/abs/", "/pdf/", "/html/", "/format/"}) {
      if (path.starts_with(prefix)) return strip_id(path.substr(prefix.size()));
    }
    return {};
  }
  if (host == "doi.org" || host == "dx.doi.org" || host == "www.doi.org") {
    constexpr std::string_view k_doi = "/10.48550/arxiv.";
    if (ascii_lower(path).starts_with(k_doi)) return strip_id(path.substr(k_doi.size()));
  }
  return {};
}

std::string paper_id_base(std::string_view title) {
  title = trim(title);
  std::size_t colon = title.find(':');
  std::string_view source = title;
  auto words = [](std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
      bool space = c == ' ' || c == '\t';
      if (!space && !in_word) ++n;
      in_word = !space;
    }
    return n;
  };
  if (colon != std::string_view::npos && words(title.substr(0, colon)) <= 5 &&
      !slugify(title.substr(0, colon)).empty()) {
    source = title.substr(0, colon);
  } else {
    std::size_t n = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < title.size(); ++i) {
      bool space = title[i] == ' ' || title[i] == '\t';
      if (!space && !in_word && ++n == 7) {
        source = title.substr(0, i);
        break;
      }
      in_word = !space;
    }
  }
  std::string slug = slugify(source);
  if (slug.size() > k_max_id_length) {
    slug.resize(k_max_id_length);
    if (auto dash = slug.rfind('-'); dash != std::string::npos && dash > 0) slug.resize(dash);
  }
  return slug;
}

}  // namespace papertree
