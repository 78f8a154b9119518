#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "export_common.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// What GitHub's anchors drop: all but word characters (is_word_character: letters, marks,
// numbers; variation selectors and the keycap are not), '_', space and '-', and of the numbers
// only decimal and letter ones (Ruby's \p{Word}, which GitHub uses, has no other numbers such
// as "²"). So punctuation, symbols, emoji and format characters (bidi controls, U+FEFF) go.
bool dropped_from_anchor(char32_t cp) {
  if (cp == ' ' || cp == '-' || cp == '_') return false;
  return !is_word_character(cp) ||
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_NO;
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

}  // namespace

std::string github_anchor(std::string_view heading_text) {
  std::string text = detail::without_controls(heading_text);
  std::string anchor;
  for (std::size_t pos = 0; pos < text.size();) {
    // GitHub lower-cases with JavaScript's toLowerCase: Unicode's mapping, every script.
    auto cp = static_cast<char32_t>(
        utf8proc_tolower(static_cast<utf8proc_int32_t>(next_code_point(text, pos))));
    if (dropped_from_anchor(cp)) continue;
    if (cp == ' ') {
      anchor += '-';
    } else {
      append_utf8(anchor, cp);
    }
  }
  return anchor;
}

std::string AnchorSet::add(std::string_view heading_text) {
  std::string base = github_anchor(heading_text);
  std::string anchor = base;
  for (auto it = m_seen.find(anchor); it != m_seen.end(); it = m_seen.find(anchor)) {
    anchor = base + "-" + std::to_string(++m_seen[base]);
  }
  m_seen.emplace(anchor, 0);
  return anchor;
}

std::string escape_markdown(std::string_view raw) {
  std::string text = detail::without_controls(raw);
  std::string out;
  auto dollars = std::count(text.begin(), text.end(), '$');
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool escape = std::string_view("\\`*_[]<|~").find(c) != std::string_view::npos;
    // GitHub reads "$…$" as math; a lone '$' ("$100 K Budget") is plain text.
    if (c == '$') escape = dollars > 1;
    if (c == '&') {
      // Only "&name;" or "&#123;" would become an entity.
      std::size_t j = i + 1;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '#'))
        ++j;
      escape = j > i + 1 && j < text.size() && text[j] == ';';
    }
    if (i == 0 && std::string_view("#>+-=").find(c) != std::string_view::npos) escape = true;
    if (i == digits && digits > 0 && (c == '.' || c == ')')) escape = true;
    if (i + 1 == text.size() && c == '#') escape = true;
    if (escape && is_ascii_punct(c)) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace papertree
