#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// A column of the paper table and of plain output (`--columns`, docs/cli.md "Columns").
enum class PaperColumn { id, year, venue, title, authors, code, categories };

/// The column names in the order of PaperColumn: "id", "year", "venue", "title", "authors",
/// "code", "categories".
const std::vector<std::string>& paper_column_names();

/// Parses a comma-separated list of column names ("year,title,code"), kept in the given order.
/// Throws UsageError naming the valid columns for an unknown, repeated or missing name.
std::vector<PaperColumn> parse_paper_columns(std::string_view text);

/// The table's columns when none are asked for: year, venue, authors, title, code.
const std::vector<PaperColumn>& default_table_columns();

/// What the paper list renderers draw besides the papers.
struct PaperListOptions {
  std::size_t width = 0;               ///< table: fit lines to this many columns; 0 for no limit
  TextStyle style;                     ///< table: colours
  std::vector<std::string> highlight;  ///< table: folded search terms to mark in titles, sorted
  std::span<const double> scores;      ///< search scores parallel to the papers; empty for lists
  std::span<const std::uint8_t> near;  ///< search: 1 for a near match, parallel to the papers
  bool header = false;                 ///< table: a first row naming the columns
  std::vector<PaperColumn> columns;    ///< table, plain: the columns; empty for the default
};

/// Aligned columns (`options.columns`, else default_table_columns()), after a header row when
/// asked, fitted to `width` when it is not 0. The title takes the room the others leave and is cut
/// with "…" at a grapheme boundary; categories, authors and venue are cut the same way when the
/// title would get fewer than 12 columns, and then categories, authors, venue, code and year are
/// left out, in that order, until it gets them. A URL (code) and an id are never cut: beside a
/// title, the code column shows the URL when the title keeps at least 40 columns, else a ✓ for
/// papers with code. In the default layout the authors column goes before the title gets fewer
/// than 40 columns, and a column other than year and title that is empty for every paper is left
/// out; chosen columns are always drawn. An empty cell shows "—", so no row is blank; the ✓
/// column, drawn only beside a title and when some paper has code, is blank for no code. Corpus
/// strings pass sanitize_for_display.
void render_papers_table(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out);

/// One line a paper, tab-separated, and the score last when there are scores. Without
/// `options.columns`: id, year, venue, title, "code" or empty. With them, those columns in that
/// order (code: the code URL; authors: the short form; categories: ids joined by ","). No colour;
/// corpus strings pass sanitize_for_display.
void render_papers_plain(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out);

/// One paper id a line.
void render_papers_ids(const Corpus& corpus, std::span<const PaperIndex> papers, std::ostream& out);

/// A paper as in the corpus file, plus `category_paths` (id paths of its categories) and, when
/// a score is given, `score` and `near` (true for a near match; docs/json-output.md).
nlohmann::ordered_json paper_to_json(const Corpus& corpus, PaperIndex paper,
                                     const double* score = nullptr, bool near = false);

/// A JSON array of paper_to_json objects, indented, with a trailing newline.
void render_papers_json(const Corpus& corpus, std::span<const PaperIndex> papers,
                        const PaperListOptions& options, std::ostream& out);

/// One compact paper_to_json object a line.
void render_papers_jsonl(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out);

/// One paper in full, for people: title, id, venue, year, kind, arXiv id, authors, every link
/// and every category as a full path.
void render_paper_details(const Corpus& corpus, PaperIndex paper, const TextStyle& style,
                          std::ostream& out);

/// Categories with hits as an indented tree, each with its count (from facet_counts); categories
/// without hits are left out.
void render_facets_text(const Corpus& corpus, const std::vector<std::size_t>& counts,
                        const TextStyle& style, std::ostream& out);

/// The same as JSON: [{"id", "path", "name", "depth", "count"}] in taxonomy order.
nlohmann::ordered_json facets_to_json(const Corpus& corpus, const std::vector<std::size_t>& counts);

}  // namespace papertree
