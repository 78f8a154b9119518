#pragma once

#include <span>
#include <string>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/enrich/records.hpp"

namespace papertree {

/// Which side wins a disagreement.
enum class Prefer { corpus, source };

/// How a record was matched to a paper.
enum class MatchKey { doi, arxiv, title };

struct EnrichOptions {
  Prefer prefer = Prefer::corpus;  ///< source: a conflicting record value replaces the paper's
};

/// A record that matched no paper (or several, by title).
struct UnmatchedRecord {
  std::string origin;
  std::size_t line = 0;
  std::string key;
  std::string title;
  std::string reason;  ///< "no paper with this DOI, arXiv id or title", or why it is ambiguous
};

/// A value the record and the paper disagree on.
struct EnrichConflict {
  std::string paper;      ///< paper id
  std::string field;      ///< "arxiv", "doi" or "first author"
  std::string corpus;     ///< the paper's value
  std::string source;     ///< the record's value
  std::string origin;     ///< the record's file
  std::size_t line = 0;   ///< the record's line
  bool replaced = false;  ///< true when --prefer source applied the record's value
};

/// One field of one paper that enrich set.
struct EnrichChange {
  std::string paper;
  std::string field;  ///< "authors", "doi" or "arxiv"
  std::string before;
  std::string after;
};

/// What enrich did, in record order.
struct EnrichReport {
  std::size_t records = 0;
  std::size_t by_doi = 0;
  std::size_t by_arxiv = 0;
  std::size_t by_title = 0;
  std::vector<UnmatchedRecord> unmatched;
  std::vector<EnrichConflict> conflicts;
  std::vector<EnrichChange> changes;

  std::size_t matched() const { return by_doi + by_arxiv + by_title; }
};

/// Matches every record to a paper of `data` (by DOI, then arXiv id, then normalised title) and
/// fills what the paper lacks: authors, DOI, arXiv id. A value the paper already has and the record
/// contradicts (another arXiv id or DOI, another first author) is reported as a conflict and kept,
/// unless options.prefer is source. A DOI that is the arXiv DOI of another arXiv id than the
/// paper's is not filled (it is part of that conflict). Later records see earlier changes.
EnrichReport enrich(CorpusData& data, std::span<const SourceRecord> records,
                    const EnrichOptions& options);

}  // namespace papertree
