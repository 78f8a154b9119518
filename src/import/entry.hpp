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

/// Reads the text of a bullet (after "- "): title, venue slot, links. Every tolerated defect adds
/// a warning for `line`. Returns an entry with an empty title when none can be found.
ParsedEntry parse_entry(std::string_view text, std::size_t line,
                        std::vector<ImportWarning>& warnings);

/// The markdown links `[label](url)`, `[[label](url)]` and `[[label]](url)` in `text`, in order.
std::vector<Link> parse_links(std::string_view text, std::size_t line,
                              std::vector<ImportWarning>& warnings);

/// True when `text` holds a venue slot tag of the survey's own style, `<ins>` or `/ins>` (half
/// of a slot counts): such an entry is read from its text by parse_entry, not by its parts.
bool has_slot_tag(std::string_view text);

/// True for a 4-digit year 1900..2099.
bool is_year(std::string_view s);

}  // namespace papertree::import_detail
