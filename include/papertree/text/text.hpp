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

/// Folds a UTF-8 string for matching: lower case, common Latin accents removed
/// ("Déjà" -> "deja"). Other characters are kept as they are.
std::string fold_case_accents(std::string_view s);

/// Levenshtein edit distance, on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Decodes the next code point from `s` at `pos`, advancing `pos`. Invalid bytes decode as U+FFFD
/// and advance by one byte.
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Columns a code point takes in a terminal: 0 for combining marks, 2 for wide East Asian
/// characters and emoji, 1 otherwise.
int code_point_width(char32_t cp);

/// Display width of a UTF-8 string in terminal columns.
std::size_t display_width(std::string_view s);

/// Cuts `s` to at most `width` columns, ending with "…" when cut; never splits a character.
std::string truncate_to_width(std::string_view s, std::size_t width);

/// Makes an untrusted string safe to print: control characters (C0, DEL, C1, and bidi
/// overrides) become visible escapes such as "\x1b"; invalid UTF-8 becomes U+FFFD.
std::string sanitize_for_display(std::string_view s);

/// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s);

}  // namespace papertree
