#pragma once

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// An inclusive range of years; a paper without a year (0) is never inside one.
struct YearRange {
  int min = INT_MIN;
  int max = INT_MAX;
  bool contains(int year) const { return year != 0 && year >= min && year <= max; }
  bool operator==(const YearRange&) const = default;
};

/// Parses `2023`, `2022..2024`, `2022..`, `..2024`, `>=2023`, `>2022`, `<=2024`, `<2024`, `=2023`.
/// Throws UsageError saying what was expected when `text` is none of these.
YearRange parse_year_range(std::string_view text);

/// Which papers to keep. Every member has a "keep all" default; set ones are ANDed.
struct Filters {
  std::optional<YearRange> years;
  std::vector<std::string> venues;   ///< keep papers at any of these venues (normalised, any case)
  bool has_code = false;             ///< keep papers with a code link
  std::string kind;                  ///< "paper", "blog" or "website"; empty for any
  bool arxiv_only = false;           ///< keep papers whose venue is arXiv (preprints)
  std::vector<std::string> authors;  ///< keep papers by any of these people (`author_matches`)
  std::string
      added_since;  ///< "YYYY-MM-DD": keep papers first seen that day or later (undated: out)

  /// True when `paper` passes every filter that is set.
  bool matches(const Paper& paper) const;
  /// True when no filter is set (every paper passes).
  bool keep_all() const {
    return !years && venues.empty() && !has_code && kind.empty() && !arxiv_only &&
           authors.empty() && added_since.empty();
  }
};

/// True when `author` is the person `name` names: every word of `name` (case and accents
/// folded) is a word of the author's family or given names, or the initial of a given name, and
/// one of them is a family-name word ("dao", "tri dao", "t dao", "Dao, Tri"). A literal name
/// ("OpenAI") matches when every word of `name` is one of its words.
bool author_matches(const Author& author, std::string_view name);

/// Why `filters` may keep no paper: for each filter that no paper of `corpus` passes on its own,
/// a sentence saying so and what the corpus has instead (`no paper has the venue "foo"; did you
/// mean "FOCS"?`, `no paper is from 2030; the papers are from 2017 to 2024`), in the order of
/// the members of Filters, each venue and author apart. Empty when every filter alone keeps some
/// paper. One or two passes over the papers per filter, each decoding every paper: for an empty
/// result only, and only on a corpus of at most k_unmatched_filters_max_papers papers (empty
/// above it, where the passes would cost seconds and a paper's decoded copy each).
std::vector<std::string> unmatched_filters(const Corpus& corpus, const Filters& filters);

inline constexpr std::size_t k_unmatched_filters_max_papers = 100000;

/// Papers of the subtree of `root` (only `root` itself when `direct`), or of the whole corpus
/// when `root` is empty, that pass `filters`; each paper once, in corpus order.
std::vector<PaperIndex> select_papers(const Corpus& corpus, std::optional<CategoryIndex> root,
                                      bool direct, const Filters& filters);

/// "year", "title", "venue" or "added"; throws UsageError otherwise.
SortKey parse_sort_key(std::string_view text);

/// How to order a paper list: `year` is newest first, then title; `title` is A to Z, then newest
/// first; `venue` is by normalised venue A to Z, then newest first, then title; `added` is the
/// most recently added first, then title, and undated papers last, by title. Ties end with the
/// paper id, so the order is total and `reverse` flips it exactly, except that under `added`
/// it flips only the dated papers (oldest first) and the undated ones stay last, by title.
struct SortOptions {
  SortKey key = SortKey::year;
  bool reverse = false;
  /// When not 0, only the first `first` positions are put in order (the rest follow in no
  /// particular order): enough for a list cut to a page, and much less work on a long one.
  std::size_t first = 0;
};

/// Sorts `papers` in place (case- and accent-insensitive on text keys).
void sort_papers(const Corpus& corpus, std::vector<PaperIndex>& papers, const SortOptions& options);

/// Finds the one paper a person means: an id, an arXiv id (`2306.00978`, `arXiv:2306.00978v2`),
/// an arXiv URL, or a fragment of a title (case- and accent-insensitive) matching one paper.
/// Throws UsageError when nothing matches, or when a fragment matches several papers (the detail
/// lists them, one "id  title" a line).
PaperIndex resolve_paper(const Corpus& corpus, std::string_view text);

}  // namespace papertree
