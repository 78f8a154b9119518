#include "outline.hpp"

#include "entry.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

bool is_decoration(char32_t cp) {
  return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F) || cp == 0x20E3;
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ')
      n += 1;
    else if (c == '\t')
      n += 4;
    else
      break;
  }
  return n;
}

// "### Name ##" -> level 3, "Name"; level 0 when the line is not an ATX heading.
int heading_level(std::string_view line, std::string_view& text) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  std::size_t after = i + hashes;
  if (after < line.size() && line[after] != ' ' && line[after] != '\t') return 0;
  text = trim(line.substr(after));
  while (!text.empty() && text.back() == '#') text.remove_suffix(1);
  text = trim(text);
  return static_cast<int>(hashes);
}

// 1 for a "===" underline, 2 for "---", else 0.
int setext_level(std::string_view line) {
  std::string_view t = trim(line);
  if (t.size() < 3) return 0;
  if (t.find_first_not_of('=') == std::string_view::npos) return 1;
  if (t.find_first_not_of('-') == std::string_view::npos) return 2;
  return 0;
}

void add_heading(Outline& out, std::vector<int>& stack, std::size_t line, int level,
                 std::string_view text) {
  while (!stack.empty() && out.headings[stack.back()].level >= level) stack.pop_back();
  Heading h{line, level, std::string(text), clean_heading(text), stack.empty() ? -1 : stack.back(),
            {}};
  int index = static_cast<int>(out.headings.size());
  if (h.parent >= 0) out.headings[h.parent].children.push_back(index);
  out.headings.push_back(std::move(h));
  stack.push_back(index);
}

// The text after a list marker ("- ", "* ", "+ "), or false when the line is no bullet.
bool bullet_text(std::string_view line, std::string_view& text) {
  std::string_view t = trim(line);
  if (t.size() < 2 || (t[0] != '-' && t[0] != '*' && t[0] != '+') ||
      (t[1] != ' ' && t[1] != '\t')) {
    return false;
  }
  text = trim(t.substr(2));
  return true;
}

// "[text](#anchor)" alone on the bullet; the text may hold escaped brackets and parentheses.
bool toc_link(std::string_view text, TocItem& item) {
  if (!text.starts_with("[") || !text.ends_with(")")) return false;
  std::size_t mid = find_unescaped(text, "](#", 1);
  if (mid == std::string_view::npos) return false;
  std::string_view anchor = text.substr(mid + 3, text.size() - mid - 4);
  if (anchor.find_first_of("() \t") != std::string_view::npos) return false;
  item.text = clean_heading(text.substr(1, mid - 1));
  item.anchor = std::string(anchor);
  return true;
}

void collect_urls(std::string_view line, std::size_t n, Outline& out) {
  std::size_t pos = 0;
  while ((pos = line.find("](", pos)) != std::string_view::npos) {
    std::size_t end = line.find(')', pos + 2);
    if (end == std::string_view::npos) break;
    out.preamble_links.emplace_back(n, std::string(trim(line.substr(pos + 2, end - pos - 2))));
    pos = end;
  }
}

// Tracks fenced code blocks and HTML comments, which hold no markdown structure.
struct Skipper {
  bool in_fence = false;
  bool in_comment = false;

  bool skip(std::string_view line) {
    std::string_view t = trim(line);
    if (in_comment) {
      if (t.find("-->") != std::string_view::npos) in_comment = false;
      return true;
    }
    if (t.starts_with("```") || t.starts_with("~~~")) {
      in_fence = !in_fence;
      return true;
    }
    if (in_fence) return true;
    if (t.starts_with("<!--")) {
      in_comment = t.find("-->") == std::string_view::npos;
      return true;
    }
    return false;
  }
};

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

Outline scan_outline(std::string_view text) {
  Outline out;
  Skipper skipper;
  std::vector<int> stack;
  std::size_t n = 0;
  std::size_t pos = 0;
  bool last_was_table = false;
  std::string paragraph;  // the previous line when it was plain text (a setext heading's text)
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++n;
    pos = end + 1;
    bool table_row = false;
    int current = stack.empty() ? -1 : stack.back();
    std::string_view body;
    bool plain = false;
    if (skipper.skip(line)) {
    } else if (int level = heading_level(line, body); level > 0) {
      add_heading(out, stack, n, level, body);
    } else if (int underline = setext_level(line); underline > 0 && !paragraph.empty()) {
      add_heading(out, stack, n - 1, underline, paragraph);
    } else if (bullet_text(line, body)) {
      TocItem item;
      if (toc_link(body, item)) {
        item.line = n;
        item.indent = leading_spaces(line);
        out.toc.push_back(std::move(item));
      } else {
        out.bullets.push_back(Bullet{n, current, std::string(body)});
      }
    } else if (trim(line).starts_with("|")) {
      table_row = true;
      if (!last_was_table) out.tables.push_back(Table{current, {}});
      out.tables.back().rows.emplace_back(n, std::string(trim(line)));
    } else {
      plain = !trim(line).empty() && !trim(line).starts_with("<");
    }
    paragraph = plain ? std::string(trim(line)) : std::string();
    if (out.bullets.empty() && !skipper.in_fence && !skipper.in_comment) collect_urls(line, n, out);
    last_was_table = table_row;
    if (end == text.size()) break;
  }
  return out;
}

}  // namespace papertree::import_detail
