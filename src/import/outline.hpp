#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/import/markdown.hpp"
#include "parts.hpp"

namespace papertree::import_detail {

/// A markdown heading; `parent` is the nearest earlier heading of a smaller level (-1: none).
struct Heading {
  std::size_t line = 0;
  int level = 0;
  std::string raw;   ///< the heading's text as written
  std::string name;  ///< emoji and markup stripped
  int parent = -1;
  std::vector<int> children;
};

/// A table-of-contents item: a bullet that is only a link to an anchor in the page.
struct TocItem {
  std::size_t line = 0;
  std::size_t indent = 0;
  std::string text;
  std::string anchor;  ///< without the '#'
};

/// A bullet that is not a table-of-contents item, under heading `heading` (-1: none).
struct Bullet {
  std::size_t line = 0;
  int heading = -1;
  std::string text;                 ///< after the bullet marker
  std::size_t column = 0;           ///< 1-based column where the text starts
  std::size_t first_line_size = 0;  ///< bytes of `text` on its first line (later ones are joined)
  std::vector<Piece> pieces;        ///< the item's paragraphs as cmark-gfm read them; empty when
                                    ///< the text has a slot tag (has_slot_tag)
  bool has_link = false;            ///< a link among the pieces (bare URLs too)
};

/// Consecutive `|` lines under heading `heading`.
struct Table {
  int heading = -1;
  std::vector<std::pair<std::size_t, std::string>> rows;  ///< line number, text
  std::vector<TableRow> cells;                            ///< the rows' cells, header first
};

/// The blocks of a markdown file the importer reads; code blocks and HTML hold none.
struct Outline {
  std::vector<Heading> headings;
  std::vector<TocItem> toc;
  std::vector<Bullet> bullets;
  std::vector<Table> tables;
  std::vector<std::pair<std::size_t, std::string>> preamble_links;  ///< URLs before any bullet
};

/// The headings, items, tables and early links of a markdown file, from cmark-gfm's tree.
Outline scan_outline(std::string_view text);

/// A heading's text without emoji, variation selectors, joiners, `*`, backticks and link markup;
/// backslash escapes resolved (`\*` is a literal `*`).
std::string clean_heading(std::string_view raw);

/// A heading's text as GitHub renders it, before it makes the anchor: escapes resolved, `*`,
/// backticks and link markup removed, emoji and spaces kept.
std::string heading_text(std::string_view raw);

/// `text` with CommonMark's backslash escapes resolved: `\X` (X ASCII punctuation) is X.
std::string unescape_markdown(std::string_view text);

/// True when the character at `pos` is backslash-escaped (an odd run of '\' before it).
bool is_escaped(std::string_view text, std::size_t pos);

/// The first `needle` at or after `from` whose first character is not backslash-escaped.
std::size_t find_unescaped(std::string_view text, std::string_view needle, std::size_t from = 0);

/// A key for comparing names and titles: case and accents folded, only letters and digits kept
/// (non-ASCII characters kept as they are).
std::string match_key(std::string_view s);

}  // namespace papertree::import_detail

#include <functional>

namespace papertree::import_detail {

/// Warns where the table of contents and the body headings disagree: anchors GitHub would not
/// generate, items that match no heading, and a different nesting. `kept` tells which headings
/// are categories; `title` is the document title heading (-1: none).
void compare_toc(const Outline& o, const std::function<bool(int)>& kept, int title,
                 std::vector<ImportWarning>& warnings);

}  // namespace papertree::import_detail
