#include "ids.hpp"

#include <cctype>

#include <fmt/format.h>

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

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The index after the run of digits starting at `i`.
std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// True when an id ending at `i` may be followed by what is left: an optional version "v2" and
// an optional ".pdf", then nothing.
bool id_tail(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == 'v') {
    std::size_t end = skip_digits(s, i + 1);
    if (end == i + 1) return false;
    i = end;
  }
  if (s.substr(i) == ".pdf") i += 4;
  return i == s.size();
}

// "2306.00978v2.pdf" -> "2306.00978"; "hep-th/9901001v1" -> "hep-th/9901001"; else empty. A
// hand-written scan, one pass: the text is untrusted, and a recursive std::regex overflowed the
// stack on an id of tens of thousands of digits.
std::string strip_id(std::string_view rest) {
  std::size_t dot = skip_digits(rest, 0);
  if (dot == 4 && dot < rest.size() && rest[dot] == '.') {
    std::size_t end = skip_digits(rest, dot + 1);
    std::size_t n = end - dot - 1;
    if (n >= 4 && n <= 5 && id_tail(rest, end)) return std::string(rest.substr(0, end));
    return {};
  }
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::size_t i = 0;
  if (rest.empty() || !lower(rest[0])) return {};
  while (i < rest.size() && (lower(rest[i]) || rest[i] == '-')) ++i;
  if (i + 2 < rest.size() && rest[i] == '.' && upper(rest[i + 1]) && upper(rest[i + 2])) i += 3;
  if (i >= rest.size() || rest[i] != '/') return {};
  std::size_t end = skip_digits(rest, i + 1);
  if (end - i - 1 != 7 || !id_tail(rest, end)) return {};
  return std::string(rest.substr(0, end));
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
  // A '+' after a name is part of it: "LoRA+" is lora-plus, not a second "lora".
  std::string spelled;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const bool after_name =
        i > 0 &&
        (std::isalnum(static_cast<unsigned char>(source[i - 1])) != 0 || source[i - 1] == '+');
    spelled += source[i] == '+' && after_name ? std::string_view(" plus ") : source.substr(i, 1);
  }
  std::string slug = slugify(spelled);
  if (slug.size() > k_max_id_length) {
    slug.resize(k_max_id_length);
    if (auto dash = slug.rfind('-'); dash != std::string::npos && dash > 0) slug.resize(dash);
  }
  return slug;
}

namespace import_detail {

std::string UniqueIds::take(const std::string& base) {
  if (m_taken.insert(base).second) return base;
  int& k = m_next[base];
  if (k < 2) k = 2;
  for (;;) {
    std::string id = fmt::format("{}-{}", base, k++);
    if (m_taken.insert(id).second) return id;
  }
}

}  // namespace import_detail

}  // namespace papertree
