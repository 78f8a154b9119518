#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace papertree {

/// ASCII lower-casing (non-ASCII bytes are left alone).
std::string ascii_lower(std::string_view s);

/// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);

/// Lower-case slug: ASCII letters and digits kept, accents folded, everything else collapsed into
/// single '-', no leading or trailing '-'. "Post-Training Quantization" ->
/// "post-training-quantization".
std::string slugify(std::string_view s);

/// Folds a UTF-8 string for matching (utf8proc): compatibility forms unified (NFKC: "ﬁ" -> "fi",
/// fullwidth "Ａ" -> "a"), Unicode case folding ("Straße" -> "strasse", "ΣΟΦΊΑ" -> "σοφια"),
/// accents of Latin, Greek and Cyrillic removed ("Déjà" -> "deja"), letters with a stroke or a
/// missing dot taken as their base ("Łódź" -> "lodz", Turkish "ı" and "İ" -> "i"), default
/// ignorables such as soft hyphens dropped. Marks that are part of a letter in other scripts
/// (Indic vowel signs and viramas, Arabic and Hebrew points, kana voicing) stay.
std::string fold_case_accents(std::string_view s);

/// The words of `text` once folded (fold_case_accents): its runs of ASCII letters, digits and
/// non-ASCII bytes; anything else separates ("Dao, Tri" -> dao, tri; "TensorRT-LLM" ->
/// tensorrt, llm).
std::vector<std::string> folded_words(std::string_view text);

/// Edit distance on bytes: insertions, deletions, substitutions and swaps of two adjacent
/// characters cost one each (optimal string alignment, so "serach" is one edit from "search").
std::size_t edit_distance(std::string_view a, std::string_view b);

/// One way to write a name: the spelling compared with what was typed, and the name it stands
/// for (an alias and its name, or a folded name and the name as shown).
struct Spelling {
  std::string text;
  std::string name;
};

/// The name `typed` most likely means, for a "did you mean" hint: the one name that has a
/// spelling `typed` starts (when `typed` is not empty), else the name of the first spelling
/// nearest by edit distance when that is at most a third of `typed`'s letters (at least 1);
/// else empty. So "csl-jsn" is csljson and "yaer" is year, and "yaml" is nothing, not html.
/// Compared byte for byte: fold both sides first to ignore case and accents.
std::string likeliest_name(const std::vector<Spelling>& spellings, std::string_view typed);

/// Decodes the next code point from `s` at `pos`, advancing `pos`. Invalid bytes decode as U+FFFD
/// and advance by one byte.
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Columns a code point takes in a terminal (utf8proc's charwidth, every script): 0 for
/// combining marks, format and control characters, 2 for wide East Asian characters and emoji,
/// 1 otherwise.
int code_point_width(char32_t cp);

/// The end of the grapheme cluster (what a reader sees as one character: a letter with its
/// combining marks, an emoji ZWJ sequence or one with a skin tone, a flag) that starts at `pos`.
std::size_t next_grapheme(std::string_view s, std::size_t pos);

/// Columns one grapheme cluster takes: 2 for an emoji sequence or a flag, otherwise the sum of
/// its code points' widths.
int grapheme_width(std::string_view cluster);

/// Display width of a UTF-8 string in terminal columns, by grapheme clusters.
std::size_t display_width(std::string_view s);

/// Cuts `s` to at most `width` columns, ending with "…" when cut; never splits a grapheme
/// cluster (no emoji sequence, flag or letter with its marks is cut in half).
std::string truncate_to_width(std::string_view s, std::size_t width);

/// Like truncate_to_width, but keeps the end: "…" and the last columns of `s` that fit.
std::string truncate_left_to_width(std::string_view s, std::size_t width);

/// True for what words are made of in any script: letters, combining marks and digits (Unicode
/// general categories L*, M*, N*, from utf8proc), except default-ignorable ones (variation
/// selectors) and the emoji keycap. Punctuation, symbols, emoji and spaces are not.
bool is_word_character(char32_t cp);

/// True for what decorates a heading without being a word: emoji and other pictographs
/// (Extended_Pictographic, from utf8proc), emoji modifiers and regional indicators, the keycap, and
/// default-ignorable characters (the zero-width joiner, variation selectors, tag characters).
/// Symbols that carry meaning (→, ×, ±, ≥) are not decoration.
bool is_decoration(char32_t cp);

/// True for C0 controls, DEL and C1 controls.
bool is_control_character(char32_t cp);

/// True for the bidirectional controls that can reorder a line: the embeddings and overrides
/// U+202A..U+202E, the isolates U+2066..U+2069, the marks U+200E, U+200F and U+061C.
bool is_bidi_control(char32_t cp);

/// Makes an untrusted string safe to print: control characters (C0, DEL, C1) and bidi controls
/// become visible escapes such as "\x1b" or "\u{202e}"; invalid UTF-8 becomes U+FFFD.
std::string sanitize_for_display(std::string_view s);

/// Untrusted text as an error message quotes it: sanitized for display, in double quotes, and cut
/// to `max_width` columns with "…" and the full length in bytes when longer, so that a 50 000-byte
/// argument gives a one-line message: "https://arxiv.org/abs/1111…" (50022 bytes).
std::string quote_for_message(std::string_view s, std::size_t max_width = 60);

/// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s);

}  // namespace papertree
