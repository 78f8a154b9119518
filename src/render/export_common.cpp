#include "export_common.hpp"

#include <algorithm>

#include "papertree/text/text.hpp"

namespace papertree::detail {

bool is_code_label(std::string_view label) {
  std::string lower = ascii_lower(label);
  return lower.rfind("code", 0) == 0 || lower == "github";
}

std::string paper_url(const Paper& paper) {
  auto it = std::find_if(paper.links.begin(), paper.links.end(),
                         [](const Link& l) { return !is_code_label(l.label); });
  return it == paper.links.end() ? std::string{} : std::string(trim(it->url));
}

std::string code_url(const Paper& paper) {
  auto it = std::find_if(paper.links.begin(), paper.links.end(),
                         [](const Link& l) { return is_code_label(l.label); });
  return it == paper.links.end() ? std::string{} : std::string(trim(it->url));
}

std::vector<std::string> exported_categories(const Corpus& corpus, const ExportSelection& selection,
                                             PaperIndex p) {
  std::vector<std::string> ids;
  for (CategoryIndex c : corpus.paper_categories(p)) {
    if (!selection.root || corpus.in_subtree(c, *selection.root))
      ids.push_back(corpus.category(c).id);
  }
  return ids;
}

std::string replace_chars(std::string_view s, std::span<const CharReplacement> replacements) {
  std::string clean = sanitize_for_display(s);
  std::string out;
  out.reserve(clean.size());
  for (char ch : clean) {
    auto it = std::find_if(replacements.begin(), replacements.end(),
                           [ch](const CharReplacement& r) { return r.c == ch; });
    if (it == replacements.end()) {
      out += ch;
    } else {
      out += it->text;
    }
  }
  return out;
}

std::string quote_replacing(std::string_view s, std::span<const CharReplacement> replacements) {
  return '"' + replace_chars(s, replacements) + '"';
}

std::string percent_encode_url(std::string_view url, std::string_view also_encode) {
  constexpr char k_hex[] = "0123456789ABCDEF";
  url = trim(url);
  std::string out;
  for (std::size_t pos = 0; pos < url.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(url, pos);
    bool invalid = cp == 0xFFFD && url.substr(start, pos - start) != "\uFFFD";
    bool encode = invalid || is_control_character(cp) || is_bidi_control(cp) ||
                  (cp < 0x80 && also_encode.find(static_cast<char>(cp)) != std::string_view::npos);
    if (!encode) {
      out.append(url, start, pos - start);
      continue;
    }
    for (std::size_t i = start; i < pos; ++i) {
      auto u = static_cast<unsigned char>(url[i]);
      out += '%';
      out += k_hex[u >> 4];
      out += k_hex[u & 0xF];
    }
  }
  return out;
}

bool is_script_url(std::string_view url) {
  // Browsers skip leading controls and spaces and drop tabs and newlines inside the scheme;
  // markdown decodes entities ("&#58;") and backslash escapes, which a web URL never has before
  // its first '/', '?' or '#', so a link holding one there is refused too.
  std::string prefix;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (c == '/' || c == '?' || c == '#') break;
    if (u <= 0x20 && (prefix.empty() || c == '\t' || c == '\n' || c == '\r')) continue;
    if (c == '&' || c == '\\') return true;
    prefix += c;
  }
  std::size_t colon = prefix.find(':');
  if (colon == std::string::npos) return false;
  std::string scheme = ascii_lower(std::string_view(prefix).substr(0, colon));
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

std::string controls_as_spaces(std::string_view text, std::u32string_view keep,
                               std::u32string_view also) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    bool control = is_control_character(cp) && keep.find(cp) == std::u32string_view::npos;
    if (control || also.find(cp) != std::u32string_view::npos) {
      out += ' ';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string without_controls(std::string_view text) {
  return std::string(trim(controls_as_spaces(text, {}, {})));
}

}  // namespace papertree::detail
