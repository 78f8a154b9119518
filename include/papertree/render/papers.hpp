#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// What the paper list renderers draw besides the papers.
struct PaperListOptions {
  std::size_t width = 0;               ///< table: fit lines to this many columns; 0 for no limit
  TextStyle style;                     ///< table: colours
  std::vector<std::string> highlight;  ///< table: folded search terms to mark in titles, sorted
  std::span<const double> scores;      ///< search scores parallel to the papers; empty for lists
  bool header = false;                 ///< table: a first row naming the columns
};

/// Aligned columns: year, venue, title, a code mark (✓), after a header row when asked. Titles are
/// cut to fit `width` without splitting a character; corpus strings pass sanitize_for_display.
void render_papers_table(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out);

/// One line a paper, tab-separated: id, year, venue, title, "code" or empty, and the score when
/// there are scores. No colour; corpus strings pass sanitize_for_display.
void render_papers_plain(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out);

/// One paper id a line.
void render_papers_ids(const Corpus& corpus, std::span<const PaperIndex> papers, std::ostream& out);

/// A paper as in the corpus file, plus `category_paths` (id paths of its categories) and, when
/// given, `score` (docs/json-output.md).
nlohmann::ordered_json paper_to_json(const Corpus& corpus, PaperIndex paper,
                                     const double* score = nullptr);

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
