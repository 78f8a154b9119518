#include "outline.hpp"

#include "entry.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool is_escaped(std::string_view text, std::size_t pos) {
  std::size_t backslashes = 0;
  while (backslashes < pos && text[pos - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

std::size_t find_unescaped(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t pos = text.find(needle, from); pos != std::string_view::npos;
       pos = text.find(needle, pos + 1)) {
    if (!is_escaped(text, pos)) return pos;
  }
  return std::string_view::npos;
}

std::string unescape_markdown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && is_ascii_punct(text[i + 1])) ++i;
    out.push_back(text[i]);
  }
  return out;
}

std::string heading_text(std::string_view raw) {
  std::string out;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t start = pos;
    char32_t cp = next_code_point(raw, pos);
    if (cp == '\\' && pos < raw.size() && is_ascii_punct(raw[pos])) {
      out.push_back(raw[pos++]);
      continue;
    }
    if (cp == '*' || cp == '`' || cp == '[' || cp == ']') continue;
    if (cp == '(' && start > 0 && raw[start - 1] == ']' && !is_escaped(raw, start - 1)) {
      std::size_t close = raw.find(')', pos);
      if (close != std::string_view::npos) pos = close + 1;
      continue;
    }
    append_utf8(out, cp);
  }
  return out;
}

// "1. Pruning", "1.1 Structured", "2) Quantization", "IV. Serving" -> the name without the number.
std::string_view without_ordinal(std::string_view name) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t from = i;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
    return i > from;
  };
  bool numbered = false;
  if (digits()) {
    bool dotted = false;
    while (i + 1 < name.size() && name[i] == '.' && name[i + 1] >= '0' && name[i + 1] <= '9') {
      ++i;
      digits();
      dotted = true;
    }
    numbered = dotted;
    if (i < name.size() && (name[i] == '.' || name[i] == ')')) ++i, numbered = true;
  } else {
    while (i < name.size() && std::string_view("IVXLC").find(name[i]) != std::string_view::npos)
      ++i;
    numbered = i > 0 && i < name.size() && name[i] == '.' && ++i;
  }
  if (!numbered || i >= name.size() || name[i] != ' ') return name;
  return trim(name.substr(i));
}

std::string clean_heading(std::string_view raw) {
  std::string text = heading_text(raw);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (is_decoration(cp)) continue;
    bool space = cp == ' ' || cp == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    append_utf8(out, space ? U' ' : cp);
  }
  return std::string(without_ordinal(trim(out)));
}

std::string match_key(std::string_view s) {
  std::string folded = fold_case_accents(s);
  std::string out;
  for (char c : folded) {
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
  }
  return out;
}

}  // namespace papertree::import_detail
