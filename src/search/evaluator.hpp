#pragma once
// The query evaluator shared by src/search/eval.cpp (sets of papers per query node) and
// src/search/rank.cpp (phrases, prefixes, typo candidates, BM25). Private to the core.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "papertree/search/search.hpp"

namespace papertree {

using PaperSet = std::vector<PaperIndex>;  // sorted, distinct
/// A set of papers kept as the sets whose union it is, united only when it must be a list.
using PaperParts = std::vector<PaperSet>;

/// A set of papers below a count as one bit per paper: marked from lists in any order, and-ed
/// with another, read back in order. For the sets that hold more than one paper in 64, where a
/// bit set costs less than a list and its merges.
class PaperBits {
 public:
  explicit PaperBits(std::size_t papers) : m_words((papers + 63) / 64, 0) {}
  template <class Papers>
  void mark(const Papers& papers) {
    for (PaperIndex p : papers) m_words[p / 64] |= std::uint64_t{1} << (p % 64);
  }
  /// 1 when paper `p` is in the set, else 0.
  std::size_t bit(PaperIndex p) const { return (m_words[p / 64] >> (p % 64)) & 1; }
  /// Keeps only the papers `other` holds too.
  void keep_common(const PaperBits& other) {
    for (std::size_t w = 0; w < m_words.size(); ++w) m_words[w] &= other.m_words[w];
  }
  void clear() { std::fill(m_words.begin(), m_words.end(), 0); }
  std::size_t count() const;
  /// For each word of 64 papers, the members before it.
  std::vector<std::uint32_t> counts_before() const;
  /// The members in order.
  std::vector<PaperIndex> list() const;
  const std::vector<std::uint64_t>& words() const { return m_words; }

 private:
  std::vector<std::uint64_t> m_words;
};

/// Unknown words at least this long are tried as prefixes before typo correction.
inline constexpr std::size_t k_min_prefix_correction = 4;

/// Evaluates one query against a SearchIndex: sets of papers per node, then BM25 scores for the
/// positive text leaves.
class QueryEvaluator {
 public:
  /// The index's posting, named for the scoring helpers of rank.cpp.
  using IndexPosting = SearchIndex::Posting;

  /// `fold_after`: the merged postings kept before every score moves to a per-paper array;
  /// by default two thirds of the papers (12-byte entries against 8-byte sums); 0 moves them
  /// from the first leaf. Tests set it to compare both ways of summing.
  QueryEvaluator(const SearchIndex& index, SearchResult& result, const SearchScope* scope = nullptr,
                 std::optional<std::size_t> fold_after = std::nullopt)
      : m_index(index),
        m_corpus(index.m_corpus),
        m_result(result),
        m_scope(scope),
        m_fold_after(fold_after.value_or(index.m_corpus.paper_count() * 2 / 3)) {}

  PaperSet eval(const QueryNode& node, bool positive);
  /// Ranks `hits` into the result; `named` is the category the query's words name, if any.
  void score(const PaperSet& hits, std::optional<CategoryIndex> named);
  /// Evaluates and ranks a query of plain words (`texts`, the children of its all_of node):
  /// the papers that hold every word, then, when they are few, those that hold all but one, and
  /// so on down to one word while the page is still short (a coordination-level fallback).
  void rank_words(const std::vector<const QueryNode*>& texts, std::optional<CategoryIndex> named);
  /// While fewer than k_few_full_matches papers are listed, adds the other papers of a category,
  /// up to that many, holding none of the `words` words: of `named`, the category the query
  /// names, or where it names none and some of the listed are near matches, of the category the
  /// listed ones sit in.
  void fill_from_topic(std::size_t words, std::optional<CategoryIndex> named);
  /// Scores a query of one plain word or phrase (`named`: the category it names, if any): its
  /// papers within the scope, then fill_from_topic.
  void rank_one(const QueryNode& query, std::optional<CategoryIndex> named);
  /// True when score() found nothing to rank by and put the full matches in list order.
  bool listed_in_order() const { return m_listed; }

 private:
  // What BM25 needs of one paper for one scored leaf in one field.
  struct Doc {
    PaperIndex paper;
    std::uint32_t count;   // occurrences of the leaf
    std::uint32_t length;  // tokens in the paper's field
  };
  using Docs = std::vector<Doc>;  // sorted by paper

  const SearchIndex& m_index;
  const Corpus& m_corpus;
  SearchResult& m_result;
  const SearchScope* m_scope;  // null: the whole corpus
  // The positive text leaves evaluated so far, in order. BM25 sums are taken only for the
  // papers that are ranked (scores_of), each paper's sum adding its leaves in this order, so a
  // broad word costs a pass over its postings, read in place, and no list of its own.
  struct Leaf {
    std::size_t field;
    double idf;
    std::span<const SearchIndex::Posting> postings;  // one term's postings (docs empty), or
    Docs docs;  // the merged counts of several terms (a prefix, typo corrections) or a phrase
  };
  std::vector<Leaf> m_leaves;
  std::size_t m_kept = 0;  // entries of the leaves' docs
  const std::size_t m_fold_after;
  // Every leaf's sums per paper instead, once the docs kept pass m_fold_after (a query of many
  // prefixes), so memory stays within a few bytes per paper.
  std::vector<double> m_dense;
  bool m_listed = false;

  PaperSet all_papers() const;
  void keep_in_scope(PaperSet& set) const;
  std::vector<std::size_t> fields_of(Field field) const;
  PaperSet all_of(const QueryNode& node, bool positive);
  /// Each text's papers, as parts: its own matches, then those of the compounds and initialisms
  /// it makes with its neighbours.
  std::vector<PaperParts> part_sets(const std::vector<const QueryNode*>& texts, bool positive);
  /// Adds papers of `topic` not yet listed; false when none was added.
  bool fill_from(CategoryIndex topic, std::size_t listed, std::size_t words);
  bool outside_scope_of(CategoryIndex c) const;
  /// Ranks `near` (papers holding all the words but `missing`) below every result so far, those
  /// sitting where `topic` sits first (the full matches, or the rarest word's papers), whose
  /// count_in_subtrees is `topic_counts`.
  void score_near(const PaperSet& topic, const std::vector<std::size_t>& topic_counts,
                  const PaperSet& near, std::optional<CategoryIndex> named, std::uint8_t missing);
  PaperSet any_of(const QueryNode& node, bool positive);
  PaperSet complement(const PaperSet& set) const;
  PaperSet filter(const QueryNode& node, PaperSet candidates) const;
  PaperSet compound(const std::vector<TextToken>& tokens, Field field, bool positive);
  PaperSet joined_words(const std::string& word, Field field, bool positive);
  PaperSet word(const QueryNode& node, bool positive);
  PaperParts word_parts(const QueryNode& node, bool positive);
  PaperSet terms(const std::vector<std::uint32_t>& ids, Field field, bool positive);
  PaperParts term_parts(const std::vector<std::uint32_t>& ids, Field field, bool positive);
  PaperSet phrase(const std::vector<std::string>& words, Field field, bool positive);
  PaperSet prefix(const QueryNode& node, bool positive);
  std::vector<std::uint32_t> prefixed(const std::string& start) const;
  std::vector<std::pair<std::uint32_t, std::string>> corrections(const std::string& word,
                                                                 Field field) const;
  /// Keeps a positive leaf's matches in `field` for scoring: one term's `postings`, or `docs`.
  void add_leaf(std::size_t field, std::span<const SearchIndex::Posting> postings, Docs docs);
  std::vector<double> scores_of(const PaperSet& set) const;
  void remember_highlight(const std::string& term, Field field) {
    if (field == Field::any || field == Field::title) m_result.highlight.push_back(term);
  }
};

/// Orders a result that QueryEvaluator left in corpus order (full matches, then near ones): the
/// best `wanted` first, by score (ties in corpus order), the rest after them in corpus order.
/// `full_listed`: the full matches are already in list order (nothing to rank them by).
void rank_result(SearchResult& result, bool full_listed, std::size_t wanted);

/// Set operations on sorted, distinct paper lists.
inline PaperSet unite(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

/// The union of several sorted, distinct lists of papers below `papers`. When they hold more
/// than one entry per 64 papers, they are marked in a bit set read back in order (a pass over
/// the entries plus one over papers / 64 words); otherwise they are merged pairwise.
PaperSet unite_all(std::vector<PaperSet> parts, std::size_t papers);

/// The papers in every one of `sets` (each the union of its parts), papers below `papers`.
/// When the parts hold more than one entry per 64 papers, each set is marked in a bit set and
/// the bit sets are and-ed, so no set is ever listed on its own; otherwise each set is united
/// and the lists are intersected. No sets: no papers.
PaperSet intersect_all(const std::vector<PaperParts>& sets, std::size_t papers);

inline PaperSet intersect(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

inline PaperSet subtract(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace papertree
