// The Unicode-aware text primitives, on utf8proc: folding for matching, display width and
// grapheme clusters for terminal output, the control and bidi characters that output escapes.
#include <utf8proc.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// `s` with invalid UTF-8 replaced by U+FFFD, so that utf8proc never sees a malformed sequence.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) append_utf8(out, next_code_point(s, pos));
  return out;
}

struct UnmarkedLetter {
  utf8proc_int32_t code_point;
  std::string_view base;
};
// Letters Unicode gives no decomposition although readers take them for a base letter with a
// mark (a stroke, a missing dot, a ligature): after case folding, what matching treats them as.
// Dotless ı is here so that Turkish "KIRMIZI" and "kırmızı" meet.
constexpr std::array<UnmarkedLetter, 11> k_unmarked{{
    {0x131, "i"},
    {0xF8, "o"},
    {0x111, "d"},
    {0xF0, "d"},
    {0x127, "h"},
    {0x142, "l"},
    {0x167, "t"},
    {0xE6, "ae"},
    {0x153, "oe"},
    {0xFE, "th"},
    {0x138, "k"},
}};

std::string_view unmarked_letter(utf8proc_int32_t cp) {
  for (const UnmarkedLetter& u : k_unmarked) {
    if (u.code_point == cp) return u.base;
  }
  return {};
}

// Accents: nonspacing marks in the positional combining classes (attached, below, above…), the
// diacritics of Latin, Greek and Cyrillic. Marks of lower classes (Hebrew and Arabic vowel
// points, Indic viramas and nuktas, the kana voicing marks) and marks of class 0 (Indic vowel
// signs) are part of the letter and stay.
bool is_accent(utf8proc_int32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->category == UTF8PROC_CATEGORY_MN && p->combining_class >= 200 &&
         p->combining_class <= 240;
}

bool is_regional_indicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

}  // namespace

std::string fold_case_accents(std::string_view s) {
  if (is_ascii(s)) return ascii_lower(s);
  std::string text = valid_utf8(s);
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto length = static_cast<utf8proc_ssize_t>(text.size());
  std::vector<utf8proc_int32_t> decomposed(text.size() + 4);
  utf8proc_ssize_t n = 0;
  for (;;) {
    n = utf8proc_decompose(bytes, length, decomposed.data(),
                           static_cast<utf8proc_ssize_t>(decomposed.size()), options);
    if (n < 0) return ascii_lower(s);  // cannot happen on valid UTF-8; never loses the text
    if (static_cast<std::size_t>(n) <= decomposed.size()) break;
    decomposed.resize(static_cast<std::size_t>(n));
  }
  std::vector<utf8proc_int32_t> kept;
  kept.reserve(static_cast<std::size_t>(n) * 2 + 1);
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    utf8proc_int32_t cp = decomposed[static_cast<std::size_t>(i)];
    if (is_accent(cp)) continue;
    std::string_view base = unmarked_letter(cp);
    if (base.empty()) {
      kept.push_back(cp);
    } else {
      for (char c : base) kept.push_back(c);
    }
  }
  // Recompose (NFC) what stays: Hangul syllables, Indic letters with their nuktas.
  kept.resize(kept.size() + 1);  // utf8proc_reencode may need room for the encoded bytes
  utf8proc_ssize_t bytes_out =
      utf8proc_reencode(kept.data(), static_cast<utf8proc_ssize_t>(kept.size() - 1),
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (bytes_out < 0) return ascii_lower(s);
  return std::string(reinterpret_cast<const char*>(kept.data()),
                     static_cast<std::size_t>(bytes_out));
}

int code_point_width(char32_t cp) {
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
}

std::size_t next_grapheme(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return s.size();
  utf8proc_int32_t state = 0;
  auto previous = static_cast<utf8proc_int32_t>(next_code_point(s, pos));
  while (pos < s.size()) {
    std::size_t at = pos;
    auto cp = static_cast<utf8proc_int32_t>(next_code_point(s, pos));
    if (utf8proc_grapheme_break_stateful(previous, cp, &state)) return at;
    previous = cp;
  }
  return s.size();
}

int grapheme_width(std::string_view cluster) {
  std::size_t pos = 0;
  if (cluster.empty()) return 0;
  char32_t first = next_code_point(cluster, pos);
  int width = code_point_width(first);
  // An emoji sequence (ZWJ joins, skin tones, flags, U+FE0F presentation) is one wide glyph.
  if (width == 2 || is_regional_indicator(first)) return 2;
  while (pos < cluster.size()) {
    char32_t cp = next_code_point(cluster, pos);
    if (cp == 0xFE0F) return 2;
    width += code_point_width(cp);
  }
  return width;
}

std::size_t display_width(std::string_view s) {
  if (is_ascii(s)) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return c >= 0x20 && c != 0x7F; }));
  }
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t end = next_grapheme(s, pos);
    width += static_cast<std::size_t>(grapheme_width(s.substr(pos, end - pos)));
    pos = end;
  }
  return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t end = next_grapheme(s, pos);
    std::string_view cluster = s.substr(pos, end - pos);
    auto w = static_cast<std::size_t>(grapheme_width(cluster));
    if (used + w > width - 1) break;
    out += valid_utf8(cluster);
    used += w;
    pos = end;
  }
  return out + "…";
}

std::string truncate_left_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < s.size(); pos = next_grapheme(s, pos)) starts.push_back(pos);
  std::size_t used = 0;
  std::size_t keep = starts.size();  // the kept text starts at starts[keep]
  while (keep > 0) {
    std::size_t end = keep == starts.size() ? s.size() : starts[keep];
    auto w = static_cast<std::size_t>(
        grapheme_width(s.substr(starts[keep - 1], end - starts[keep - 1])));
    if (used + w > width - 1) break;
    used += w;
    --keep;
  }
  std::size_t from = keep == starts.size() ? s.size() : starts[keep];
  return "…" + valid_utf8(s.substr(from));
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_word_character(char32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp > 0x10FFFF) return false;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (p->ignorable) return false;  // variation selectors are marks, but of emoji, not of words
  switch (p->category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return cp != 0x20E3;  // the keycap is an enclosing mark of emoji, not of words
    default:
      return false;
  }
}

bool is_decoration(char32_t cp) {
  if (cp < 0x80 || cp > 0x10FFFF) return false;
  if (cp == 0x20E3) return true;  // the combining keycap of 1️⃣
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  switch (p->boundclass) {
    case UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC:
    case UTF8PROC_BOUNDCLASS_E_ZWG:
    case UTF8PROC_BOUNDCLASS_E_MODIFIER:
    case UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR:
    case UTF8PROC_BOUNDCLASS_ZWJ:
      return true;
    case UTF8PROC_BOUNDCLASS_EXTEND:
      // Emoji skin-tone modifiers are the modifier symbols that extend a cluster.
      if (p->category == UTF8PROC_CATEGORY_SK) return true;
      [[fallthrough]];
    default:
      // ZWJ, variation selectors, tags (not the soft hyphen, which belongs to a word)
      return p->ignorable && cp != 0xAD;
  }
}

bool is_control_character(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

std::string sanitize_for_display(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = next_code_point(s, pos);
    if (is_control_character(cp) || is_bidi_control(cp)) {
      out += cp <= 0xFF ? fmt::format("\\x{:02x}", static_cast<unsigned>(cp))
                        : fmt::format("\\u{{{:04x}}}", static_cast<unsigned>(cp));
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

}  // namespace papertree

namespace papertree {

std::string quote_for_message(std::string_view s, std::size_t max_width) {
  std::string shown = sanitize_for_display(s);
  if (display_width(shown) <= max_width) return "\"" + shown + "\"";
  return "\"" + truncate_to_width(shown, max_width) + "\" (" + std::to_string(s.size()) + " bytes)";
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : fold_case_accents(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace papertree
