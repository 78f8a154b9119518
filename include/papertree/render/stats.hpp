#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// A label and how many papers it has (a venue, a kind, a branch).
struct StatsCount {
  std::string id;  ///< category id for branches, else the label itself
  std::string label;
  std::size_t papers = 0;
};

/// Counts over the whole corpus or one category's subtree (docs/stats.md).
struct CorpusStats {
  std::string title;                   ///< the corpus title
  std::optional<CategoryIndex> scope;  ///< the subtree counted, or none for the whole corpus
  std::string scope_name;              ///< display path of the subtree, empty for the whole corpus
  std::size_t papers = 0;              ///< distinct papers
  std::size_t placements = 0;          ///< (paper, category) pairs
  std::size_t categories = 0;          ///< categories counted, the subtree's root included
  std::size_t frameworks = 0;          ///< the corpus's frameworks table (not per category)
  std::size_t with_code = 0;           ///< papers with a code link
  std::vector<std::pair<int, std::size_t>> by_year;  ///< ascending; year 0 means unknown
  std::vector<StatsCount> by_venue;   ///< normalised venue; most papers first, then by name
  std::vector<StatsCount> by_kind;    ///< paper, blog, website…; most first
  std::vector<StatsCount> by_branch;  ///< top-level branches (or the subtree's children)
};

/// Counts the corpus, or the subtree of `scope` when given.
CorpusStats compute_stats(const Corpus& corpus, std::optional<CategoryIndex> scope = std::nullopt);

/// What the text form draws.
struct StatsOptions {
  std::size_t width = 0;        ///< terminal columns; 0: 80
  std::size_t top_venues = 10;  ///< venues shown in the text chart (JSON has them all)
  bool ascii = false;           ///< '#' bars instead of '█'
  TextStyle style;
};

/// The counts and horizontal bar charts (papers per year, top venues, papers per branch).
void render_stats_text(const CorpusStats& stats, const StatsOptions& options, std::ostream& out);

/// {"papers","placements","categories","frameworks","by_year","by_venue","by_kind","by_branch",
///  "with_code","code_share","scope"} (docs/stats.md).
void render_stats_json(const CorpusStats& stats, const Corpus& corpus, std::ostream& out);

}  // namespace papertree
