#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/progress.hpp"

namespace papertree {

/// Facts the markdown file does not carry, given on the command line.
struct ImportOptions {
  std::string title;       ///< corpus title; empty: the document's title heading
  std::string source_url;  ///< where the list comes from (source.url)
  std::string source_commit;
  std::string citation;
  /// Told the phases ("parsing markdown", then "reading entries" with entries done of total);
  /// may be empty.
  ProgressFn progress;
};

/// Something the importer tolerated: the entry was still read, the line says where.
struct ImportWarning {
  std::size_t line = 0;  ///< 1-based line of the markdown file
  std::string message;
  std::size_t column = 0;  ///< 1-based column where the entry starts; 0 when not given
  bool operator==(const ImportWarning&) const = default;
};

/// How many entries were read and how many entry-like items were skipped, by reason.
struct ImportSummary {
  std::size_t entries = 0;           ///< list items and table rows read as entries
  std::size_t repeats = 0;           ///< of those, listed again under the same heading (dropped)
  std::size_t skipped_notes = 0;     ///< in a notes section (News, Citation, …)
  std::size_t skipped_outside = 0;   ///< above every category heading
  std::size_t skipped_untitled = 0;  ///< no title could be read
  std::size_t skipped_unread = 0;    ///< list items under a category that read as no entry
  bool operator==(const ImportSummary&) const = default;
};

/// The imported corpus (canonical order, ready for to_canonical_json), what was tolerated, and
/// the counts behind the summary line.
struct ImportResult {
  CorpusData corpus;
  std::vector<ImportWarning> warnings;
  ImportSummary summary;
};

/// The summary line for people: "read 120 entries as 118 papers in 14 categories; skipped 3:
/// 2 in notes sections, 1 without a title".
std::string describe_summary(const ImportResult& result);

/// Reads an awesome-list style markdown paper list (docs/import.md): headings form the taxonomy,
/// `- Title, <ins>Venue, Year</ins> [[Paper](url)] [[Code](url)]` bullets are placements, a table
/// of ✅/❌ cells gives the frameworks. `origin` names the file in errors. Throws DataError when
/// the text is not such a list (binary, no headings, no entries).
ImportResult import_markdown(std::string_view text, const std::string& origin,
                             const ImportOptions& options = {});

/// The arXiv id named by a URL in any of its forms (abs, pdf, html, versioned, www., export.,
/// DOI 10.48550/arXiv.…), without its version: "2306.00978". Empty when the URL is not arXiv's.
std::string arxiv_id_from_url(std::string_view url);

/// The paper id the importer derives from a title before collisions are resolved: the slug of
/// the short name before a colon (up to 5 words), else of the first 6 words.
std::string paper_id_base(std::string_view title);

}  // namespace papertree
