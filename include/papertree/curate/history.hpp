#pragma once

#include <span>
#include <string>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// One past version of a paper list: its text and the date it was committed.
struct ListVersion {
  std::string commit;
  std::string date;  ///< "YYYY-MM-DD"
  std::string text;
};

/// What assign_added_dates did.
struct HistoryResult {
  std::size_t versions_read = 0;
  std::size_t versions_skipped = 0;  ///< versions that are not a paper list (no headings…)
  std::size_t papers_dated = 0;      ///< papers of the corpus that got an `added` date
};

/// Sets each paper's `added` to the date of the oldest version (`versions` oldest first) that
/// lists it. A paper is recognised across versions by its arXiv id, its DOI or its normalised
/// title, and a date found by one of these passes to the others: a paper keeps its date across
/// re-titling when its arXiv id or DOI stays the same, and across a new arXiv link when its title
/// stays the same. An arXiv id or DOI that one list (a version, or `corpus`) gives to papers of
/// different titles identifies none of them there: such papers are matched by title. A paper no
/// version lists keeps the `added` it had.
HistoryResult assign_added_dates(CorpusData& corpus, std::span<const ListVersion> versions);

}  // namespace papertree
