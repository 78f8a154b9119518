#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/import/markdown.hpp"

namespace papertree::import_detail {

/// One bullet entry read from a line, before papers are merged.
struct ParsedEntry {
  std::string title;
  std::string venue;
  int year = 0;
  std::string kind = "paper";
  std::vector<Link> links;
  std::string arxiv;
  std::vector<Author> authors;     ///< from an authors line or column, when there is one
  bool authors_truncated = false;  ///< the byline ends with "et al."
};

/// Where a bullet's text stands in the file: the line and column of its first byte, and how
/// many of its bytes are on that line (the rest are later lines, joined).
struct TextPlace {
  std::size_t line = 0;
  std::size_t column = 0;  ///< 1-based; 0 when unknown
  std::size_t first_line_size = 0;
  /// The column of the text's byte `offset`; 0 (unknown) past the first line.
  std::size_t column_of(std::size_t offset) const {
    return column == 0 || offset >= first_line_size ? 0 : column + offset;
  }
};

/// Reads the text of a bullet (after "- "): title, venue slot, links. Every tolerated defect adds
/// a warning for the bullet's line. Returns an entry with an empty title when none can be found.
ParsedEntry parse_entry(std::string_view text, const TextPlace& place,
                        std::vector<ImportWarning>& warnings);

/// The markdown links `[label](url)`, `[[label](url)]` and `[[label]](url)` in `text`, in order.
std::vector<Link> parse_links(std::string_view text, std::size_t line,
                              std::vector<ImportWarning>& warnings);

/// True when `text` holds a venue slot tag of the survey's own style, `<ins>` or `/ins>` (half
/// of a slot counts): such an entry is read from its text by parse_entry, not by its parts.
bool has_slot_tag(std::string_view text);

/// True for a 4-digit year 1900..2099.
bool is_year(std::string_view s);

/// True for a year 1900..2099 typed with one or two letters for digits: O or o for 0, l or I for 1
/// ("2O23", "2O2l"). Such a year is read as no year, with a warning (mistyped_year_message).
bool is_mistyped_year(std::string_view s);

/// The warning for a mistyped year, quoting it.
std::string mistyped_year_message(std::string_view year);

}  // namespace papertree::import_detail
