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

// Punctuation, symbols, emoji and invisible format characters, which GitHub's anchors drop.
bool dropped_from_anchor(char32_t cp) {
  if (cp < 0x80) {
    bool word =
        (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || cp == '_' || cp == ' ';
    return !word;
  }
  return (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 ||
         cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
         (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40 && cp != 0xFF3F) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         cp == 0xFEFF || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F);
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
