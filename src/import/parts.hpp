#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entry.hpp"

namespace papertree::import_detail {

/// One piece of a list item's inline content as cmark-gfm parsed it, markup resolved.
struct Piece {
  enum class Kind { text, link, image, line_break };
  Kind kind = Kind::text;
  std::string text;   ///< the text; a link's label; an image's alt text
  std::string url;    ///< a link's or image's target
  std::string image;  ///< the image URL inside a link's label (a badge), else empty
  bool strong = false;
  bool emph = false;
};

/// Reads an entry that has no `<ins>` slot by its parts (docs/import.md, "Entries by parts"):
/// title, venue and year wherever they stand, links with classified labels, an authors line.
/// Returns an entry with an empty title when none can be found.
ParsedEntry read_by_parts(const std::vector<Piece>& pieces, std::size_t line,
                          std::vector<ImportWarning>& warnings);

/// Fills `e.authors` from the first line after the first that holds no link and reads as a byline,
/// as read_by_parts does, for an entry read by its `<ins>` slot (the author line `export --authors`
/// writes). Leaves `e` as it is when it has authors already or no line reads as a byline.
void read_later_byline(const std::vector<Piece>& pieces, ParsedEntry& e);

/// A label for a link that has none of its own (a bare URL, a badge): Paper, Code, Project,
/// Blog or Video by the URL's host and path, else Link.
std::string label_for_url(std::string_view url);

/// What a link label names when it names a kind of link ("paper", "code", "project", "blog",
/// "video"): `[PDF]`, `[Code2]`, `[GitHub]`…; empty for any other label (a title).
std::string_view label_kind(std::string_view label);

/// Venue and year from a slot's text: "ICML 2023", "ICML, 2023", "ICML'23", "2023", "2023.10",
/// "ICML2023" (a known venue glued to its year), or a known venue alone. False when it is none.
bool read_venue_year(std::string_view slot, std::string& venue, int& year);

/// A table row's cells, each as pieces; `line` is the row's source line.
struct TableRow {
  std::size_t line = 0;
  std::vector<std::vector<Piece>> cells;
  /// Parallel to `cells`: the column each starts at (1-based; 0 when unknown).
  std::vector<std::size_t> columns;
};

/// An entry read from a row of a paper table.
struct TableEntry {
  std::size_t line = 0;
  ParsedEntry entry;
};

/// True when the header row names a title column (`Title`, `Paper`, `Paper Title`, `Name`).
bool is_paper_table(const std::vector<TableRow>& rows);

/// The rows of a paper table as entries: the title column's text (or its link's label, the link
/// then the Paper link), venue and year from `Venue`/`Conference`/`Published`/`Year`/`Date`
/// columns, authors from `Authors`, links from every other cell (a generic label takes its
/// column's name). A row with no title is skipped with a warning.
std::vector<TableEntry> read_paper_table(const std::vector<TableRow>& rows,
                                         std::vector<ImportWarning>& warnings);

}  // namespace papertree::import_detail
