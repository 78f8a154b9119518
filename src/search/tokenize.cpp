#include <algorithm>

#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_ascii_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}

bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return is_ascii_digit(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 punctuation and signs
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, arrows, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  return cp != 0xFFFD;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.ends_with(suffix);
}

// Removes `suffix` when at least `keep` bytes remain.
bool strip(std::string& w, std::string_view suffix, std::size_t keep = 4) {
  if (!ends_with(w, suffix) || w.size() < suffix.size() + keep) return false;
  w.resize(w.size() - suffix.size());
  return true;
}

}  // namespace

std::string fold_term(std::string_view word) {
  std::string w(word);
  if (w.size() <= 3 ||
      !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return w;
  }
  if (ends_with(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends_with(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
             !ends_with(w, "is")) {
    w.pop_back();
  }
  strip(w, "ly");
  if (!strip(w, "ation") && !strip(w, "ing")) strip(w, "ed");
  strip(w, "e");
  return w;
}

std::vector<TextToken> tokenize(std::string_view text) {
  std::vector<TextToken> tokens;
  std::size_t pos = 0;
  std::size_t start = std::string_view::npos;
  char32_t previous = 0;
  auto flush = [&](std::size_t end) {
    if (start == std::string_view::npos) return;
    tokens.push_back({fold_term(fold_case_accents(text.substr(start, end - start))), start, end});
    start = std::string_view::npos;
  };
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t cp = next_code_point(text, pos);
    bool decimal_point = cp == '.' && is_ascii_digit(previous) && pos < text.size() &&
                         is_ascii_digit(static_cast<unsigned char>(text[pos])) &&
                         start != std::string_view::npos;
    if (is_word_code_point(cp) || decimal_point) {
      if (start == std::string_view::npos) start = at;
    } else {
      flush(at);
    }
    previous = cp;
  }
  flush(text.size());
  return tokens;
}

}  // namespace papertree
