#include <regex>

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

std::string strip_id(const std::string& rest) {
  static const std::regex k_new(R"(^(\d{4}\.\d{4,5})(v\d+)?(\.pdf)?$)");
  static const std::regex k_old(R"(^([a-z][a-z\-]*(\.[A-Z]{2})?/\d{7})(v\d+)?(\.pdf)?$)");
  std::smatch m;
  if (std::regex_match(rest, m, k_new) || std::regex_match(rest, m, k_old)) return m[1].str();
  return {};
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
