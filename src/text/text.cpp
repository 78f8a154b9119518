#include "papertree/text/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>

namespace papertree {

namespace {

// ASCII base letters of U+00C0..U+017F ('\0' where there is none), for accent folding.
constexpr char k_latin_fold[] =
    "AAAAAAACEEEEIIII"   // C0-CF
    "DNOOOOO\0OUUUUYTs"  // D0-DF (D7 is ×)
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF (F7 is ÷)
    "AaAaAaCcCcCcCcDd"   // 100-10F
    "DdEeEeEeEeEeGgGg"   // 110-11F
    "GgGgHhHhIiIiIiIi"   // 120-12F
    "IiJjJjKkkLlLlLlL"   // 130-13F
    "lLlNnNnNnnNnOoOo"   // 140-14F
    "OoOoRrRrRrSsSsSs"   // 150-15F
    "SsTtTtTtUuUuUuUu"   // 160-16F
    "UuUuWwYyYZzZzZzs";  // 170-17F

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x1F680 && cp <= 0x1F6FF) ||
         (cp >= 0x2600 && cp <= 0x26FF && cp != 0x2630) || (cp >= 0x2700 && cp <= 0x27BF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_zero_width(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF);
}

// Control characters and the bidirectional overrides that can reorder a terminal line.
bool is_unsafe(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(pos);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int i = 1; i < len; ++i) {
    unsigned char cc = byte(pos + i);
    if ((cc >> 6) != 0x2) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr std::array<char32_t, 5> k_min = {0, 0, 0x80, 0x800, 0x10000};
  pos += len;
  if (cp < k_min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string fold_case_accents(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++pos;
      continue;
    }
    char32_t cp = next_code_point(s, pos);
    if (cp >= 0xC0 && cp <= 0x17F && k_latin_fold[cp - 0xC0] != '\0') {
      char base = k_latin_fold[cp - 0xC0];
      if (cp == 0xDF) {
        out += "ss";
        continue;
      }
      out += (base >= 'A' && base <= 'Z') ? static_cast<char>(base - 'A' + 'a') : base;
    } else if (cp >= 0x391 && cp <= 0x3A9) {
      append_utf8(out, cp + 0x20);  // Greek capitals
    } else if (!(cp >= 0x0300 && cp <= 0x036F)) {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string slugify(std::string_view s) {
  std::string folded = fold_case_accents(s);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

int code_point_width(char32_t cp) {
  if (is_zero_width(cp)) return 0;
  return is_wide(cp) ? 2 : 1;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    width += static_cast<std::size_t>(code_point_width(next_code_point(s, pos)));
  }
  return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t start = pos;
    int w = code_point_width(next_code_point(s, pos));
    if (used + static_cast<std::size_t>(w) > width - 1) break;
    out.append(s.substr(start, pos - start));
    used += static_cast<std::size_t>(w);
  }
  return out + "…";
}

std::string sanitize_for_display(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = next_code_point(s, pos);
    if (is_unsafe(cp)) {
      out += cp <= 0xFF ? fmt::format("\\x{:02x}", static_cast<unsigned>(cp))
                        : fmt::format("\\u{{{:04x}}}", static_cast<unsigned>(cp));
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace papertree
