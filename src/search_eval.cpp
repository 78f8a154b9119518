#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <tuple>

#include "papertree/search.hpp"
#include "papertree/text.hpp"
#include "papertree/venue.hpp"

namespace papertree {

using PaperSet = std::vector<PaperIndex>;  // sorted, distinct

/// Evaluates one query against a SearchIndex: sets of papers per node, then BM25 scores for the
/// positive text leaves.
// Unknown words at least this long are tried as prefixes before typo correction.
constexpr std::size_t k_min_prefix_correction = 4;

class QueryEvaluator {
 public:
  QueryEvaluator(const SearchIndex& index, SearchResult& result)
      : m_index(index), m_corpus(index.m_corpus), m_result(result) {}

  PaperSet eval(const QueryNode& node, bool positive);
  void score(const PaperSet& hits);

 private:
  // One scored leaf: (paper, occurrences) pairs for one field, and the leaf's idf.
  struct Leaf {
    std::size_t field;
    std::vector<std::pair<PaperIndex, std::uint32_t>> docs;
  };

  const SearchIndex& m_index;
  const Corpus& m_corpus;
  SearchResult& m_result;
  std::vector<Leaf> m_leaves;

  PaperSet all_papers() const;
  std::vector<std::size_t> fields_of(Field field) const;
  PaperSet all_of(const QueryNode& node, bool positive);
  PaperSet any_of(const QueryNode& node, bool positive);
  PaperSet complement(const PaperSet& set) const;
  PaperSet filter(const QueryNode& node, PaperSet candidates) const;
  PaperSet word(const QueryNode& node, bool positive);
  PaperSet terms(const std::vector<std::uint32_t>& ids, Field field, bool positive);
  PaperSet phrase(const std::vector<std::string>& words, Field field, bool positive);
  PaperSet prefix(const QueryNode& node, bool positive);
  std::vector<std::uint32_t> prefixed(const std::string& start) const;
  std::vector<std::uint32_t> corrections(const std::string& term, Field field) const;
  void remember_highlight(const std::string& term, Field field) {
    if (field == Field::any || field == Field::title) m_result.highlight.push_back(term);
  }
};

namespace {

bool is_filter(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  return node.kind == Kind::year || node.kind == Kind::in || node.kind == Kind::has_code ||
         node.kind == Kind::kind || node.kind == Kind::venue;
}

PaperSet unite(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

PaperSet intersect(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

PaperSet subtract(const PaperSet& a, const PaperSet& b) {
  PaperSet out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

PaperSet QueryEvaluator::all_papers() const {
  PaperSet all(m_corpus.papers().size());
  std::iota(all.begin(), all.end(), PaperIndex{0});
  return all;
}

PaperSet QueryEvaluator::complement(const PaperSet& set) const {
  return subtract(all_papers(), set);
}

std::vector<std::size_t> QueryEvaluator::fields_of(Field field) const {
  switch (field) {
    case Field::title:
      return {0};
    case Field::category:
      return {1};
    case Field::venue:
      return {2};
    case Field::any:
      break;
  }
  return {0, 1, 2};
}

PaperSet QueryEvaluator::eval(const QueryNode& node, bool positive) {
  using Kind = QueryNode::Kind;
  switch (node.kind) {
    case Kind::all_of:
      return all_of(node, positive);
    case Kind::any_of:
      return any_of(node, positive);
    case Kind::negation:
      return complement(eval(node.children.front(), !positive));
    case Kind::word:
      return word(node, positive);
    case Kind::phrase: {
      std::vector<std::string> words;
      for (auto& t : tokenize(node.text)) words.push_back(std::move(t.term));
      return phrase(words, node.field, positive);
    }
    case Kind::prefix:
      return prefix(node, positive);
    default:
      return filter(node, all_papers());
  }
}

PaperSet QueryEvaluator::all_of(const QueryNode& node, bool positive) {
  std::optional<PaperSet> hits;
  std::vector<const QueryNode*> filters;
  std::vector<const QueryNode*> negations;
  for (const QueryNode& child : node.children) {
    if (is_filter(child)) {
      filters.push_back(&child);
    } else if (child.kind == QueryNode::Kind::negation) {
      negations.push_back(&child.children.front());
    } else {
      PaperSet set = eval(child, positive);
      hits = hits ? intersect(*hits, set) : std::move(set);
    }
  }
  if (!hits) hits = all_papers();
  for (const QueryNode* f : filters) hits = filter(*f, std::move(*hits));
  for (const QueryNode* n : negations) hits = subtract(*hits, eval(*n, !positive));
  return std::move(*hits);
}

PaperSet QueryEvaluator::any_of(const QueryNode& node, bool positive) {
  PaperSet hits;
  for (const QueryNode& child : node.children) hits = unite(hits, eval(child, positive));
  return hits;
}

PaperSet QueryEvaluator::filter(const QueryNode& node, PaperSet candidates) const {
  using Kind = QueryNode::Kind;
  std::optional<CategoryIndex> root;
  if (node.kind == Kind::in) root = resolve_category(m_corpus, node.text);
  std::string venue = node.kind == Kind::venue ? normalize_venue(node.text) : std::string();
  std::erase_if(candidates, [&](PaperIndex p) {
    const Paper& paper = m_corpus.paper(p);
    switch (node.kind) {
      case Kind::year:
        return !node.years.contains(paper.year);
      case Kind::has_code:
        return !paper.has_code();
      case Kind::kind:
        return !iequals(paper.kind, node.text);
      case Kind::venue:
        return !iequals(normalize_venue(paper.venue), venue);
      case Kind::in: {
        auto cats = m_corpus.paper_categories(p);
        return std::none_of(cats.begin(), cats.end(),
                            [&](CategoryIndex c) { return m_corpus.in_subtree(c, *root); });
      }
      default:
        return false;
    }
  });
  return candidates;
}

PaperSet QueryEvaluator::word(const QueryNode& node, bool positive) {
  std::vector<TextToken> tokens = tokenize(node.text);
  if (tokens.empty()) return all_papers();
  if (tokens.size() > 1) {
    std::vector<std::string> words;
    for (auto& t : tokens) words.push_back(std::move(t.term));
    return phrase(words, node.field, positive);
  }
  const std::string& term = tokens.front().term;
  auto id = m_index.term_id(term);
  PaperSet hits = id ? terms({*id}, node.field, positive) : PaperSet{};
  if (!hits.empty() || !positive) return hits;
  // A word that is the start of indexed words ("quant") is read as a prefix before it is
  // read as a typo.
  std::vector<std::uint32_t> ids =
      term.size() >= k_min_prefix_correction ? prefixed(term) : std::vector<std::uint32_t>{};
  if (!ids.empty()) {
    hits = terms(ids, node.field, positive);
    if (!hits.empty()) {
      m_result.corrections.push_back({node.text, {term + "*"}});
      return hits;
    }
  }
  ids = corrections(term, node.field);
  if (ids.empty()) return hits;
  Correction correction{node.text, {}};
  for (auto i : ids) correction.used.push_back(m_index.m_surface[i]);
  m_result.corrections.push_back(std::move(correction));
  return terms(ids, node.field, positive);
}

// Several ids (a prefix, typo candidates) score as one term: a paper's count is the sum of its
// counts and the document frequency is that of the union, so a rare expansion ("quantease")
// does not outweigh a common one ("quantization").
PaperSet QueryEvaluator::terms(const std::vector<std::uint32_t>& ids, Field field, bool positive) {
  PaperSet hits;
  if (positive) {
    for (std::uint32_t id : ids) remember_highlight(m_index.m_vocabulary[id], field);
  }
  for (std::size_t f : fields_of(field)) {
    Leaf leaf{f, {}};
    for (std::uint32_t id : ids) {
      for (const auto& posting : m_index.m_fields[f].postings[id]) {
        leaf.docs.emplace_back(posting.paper, posting.count);
      }
    }
    if (leaf.docs.empty()) continue;
    if (ids.size() > 1) {
      std::sort(leaf.docs.begin(), leaf.docs.end());
      std::size_t kept = 0;
      for (std::size_t i = 0; i < leaf.docs.size(); ++i) {
        if (kept > 0 && leaf.docs[kept - 1].first == leaf.docs[i].first) {
          leaf.docs[kept - 1].second += leaf.docs[i].second;
        } else {
          leaf.docs[kept++] = leaf.docs[i];
        }
      }
      leaf.docs.resize(kept);
    }
    PaperSet docs;
    docs.reserve(leaf.docs.size());
    for (const auto& d : leaf.docs) docs.push_back(d.first);
    hits = unite(hits, docs);
    if (positive) m_leaves.push_back(std::move(leaf));
  }
  return hits;
}

}  // namespace papertree

namespace papertree {

namespace {

constexpr double k_bm25_k1 = 1.2;
constexpr double k_bm25_b = 0.75;
constexpr std::size_t k_max_corrections = 3;

bool has_run(const std::vector<std::span<const std::uint32_t>>& positions, std::uint32_t start) {
  for (std::size_t i = 1; i < positions.size(); ++i) {
    if (!std::binary_search(positions[i].begin(), positions[i].end(),
                            start + static_cast<std::uint32_t>(i))) {
      return false;
    }
  }
  return true;
}

}  // namespace

PaperSet QueryEvaluator::phrase(const std::vector<std::string>& words, Field field, bool positive) {
  if (words.empty()) return all_papers();
  std::vector<std::uint32_t> ids;
  for (const auto& w : words) {
    auto id = m_index.term_id(w);
    if (!id) return {};
    ids.push_back(*id);
    if (positive) remember_highlight(w, field);
  }
  PaperSet hits;
  for (std::size_t f : fields_of(field)) {
    const SearchIndex::FieldIndex& index = m_index.m_fields[f];
    Leaf leaf{f, {}};
    std::vector<std::span<const std::uint32_t>> positions(ids.size());
    for (const auto& first : index.postings[ids[0]]) {
      bool all_present = true;
      for (std::size_t i = 0; i < ids.size() && all_present; ++i) {
        const auto& list = index.postings[ids[i]];
        auto it =
            std::lower_bound(list.begin(), list.end(), first.paper,
                             [](const auto& posting, PaperIndex p) { return posting.paper < p; });
        all_present = it != list.end() && it->paper == first.paper;
        if (all_present) positions[i] = {index.positions.data() + it->first_position, it->count};
      }
      if (!all_present) continue;
      std::uint32_t count = 0;
      for (std::uint32_t start : positions[0]) count += has_run(positions, start) ? 1 : 0;
      if (count > 0) leaf.docs.emplace_back(first.paper, count);
    }
    PaperSet docs;
    for (const auto& d : leaf.docs) docs.push_back(d.first);
    hits = unite(hits, docs);
    if (positive && !leaf.docs.empty()) m_leaves.push_back(std::move(leaf));
  }
  return hits;
}

std::vector<std::uint32_t> QueryEvaluator::prefixed(const std::string& start) const {
  const auto& vocabulary = m_index.m_vocabulary;
  auto first = std::lower_bound(vocabulary.begin(), vocabulary.end(), start);
  std::vector<std::uint32_t> ids;
  for (auto it = first; it != vocabulary.end() && it->starts_with(start); ++it) {
    ids.push_back(static_cast<std::uint32_t>(it - vocabulary.begin()));
  }
  return ids;
}

PaperSet QueryEvaluator::prefix(const QueryNode& node, bool positive) {
  return terms(prefixed(fold_case_accents(node.text)), node.field, positive);
}

std::vector<std::uint32_t> QueryEvaluator::corrections(const std::string& term, Field field) const {
  if (term.size() < 4) return {};
  std::size_t max_distance = term.size() <= 5 ? 1 : 2;
  struct Candidate {
    std::size_t distance;
    std::size_t neg_frequency;
    std::uint32_t id;
    bool operator<(const Candidate& o) const {
      return std::tie(distance, neg_frequency, id) < std::tie(o.distance, o.neg_frequency, o.id);
    }
  };
  std::vector<Candidate> candidates;
  const auto& vocabulary = m_index.m_vocabulary;
  for (std::uint32_t id = 0; id < vocabulary.size(); ++id) {
    const std::string& word = vocabulary[id];
    std::size_t gap =
        word.size() > term.size() ? word.size() - term.size() : term.size() - word.size();
    if (gap > max_distance) continue;
    std::size_t distance = edit_distance(term, word);
    if (distance > max_distance) continue;
    std::size_t frequency = 0;
    for (std::size_t f : fields_of(field)) frequency += m_index.m_fields[f].postings[id].size();
    if (frequency > 0) candidates.push_back({distance, SIZE_MAX - frequency, id});
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::uint32_t> ids;
  for (const auto& c : candidates) {
    if (c.distance != candidates.front().distance || ids.size() == k_max_corrections) break;
    ids.push_back(c.id);
  }
  return ids;
}

void QueryEvaluator::score(const PaperSet& hits) {
  std::vector<double> scores(hits.size(), 0.0);
  const double n = static_cast<double>(m_corpus.papers().size());
  for (const Leaf& leaf : m_leaves) {
    const SearchIndex::FieldIndex& field = m_index.m_fields[leaf.field];
    const double df = static_cast<double>(leaf.docs.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    std::size_t i = 0;
    for (const auto& [paper, count] : leaf.docs) {
      while (i < hits.size() && hits[i] < paper) ++i;
      if (i == hits.size()) break;
      if (hits[i] != paper) continue;
      const double tf = count;
      const double relative =
          field.average_length > 0 ? field.length[paper] / field.average_length : 1.0;
      scores[i] += field.weight * idf * tf * (k_bm25_k1 + 1) /
                   (tf + k_bm25_k1 * (1 - k_bm25_b + k_bm25_b * relative));
    }
  }
  std::vector<std::size_t> order(hits.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  for (std::size_t i : order) {
    m_result.papers.push_back(hits[i]);
    m_result.scores.push_back(scores[i]);
  }
}

SearchResult SearchIndex::search(const QueryNode& query) const {
  SearchResult result;
  QueryEvaluator evaluator(*this, result);
  evaluator.score(evaluator.eval(query, true));
  std::sort(result.highlight.begin(), result.highlight.end());
  result.highlight.erase(std::unique(result.highlight.begin(), result.highlight.end()),
                         result.highlight.end());
  return result;
}

void filter_result(const Corpus& corpus, SearchResult& result, const Filters& filters,
                   std::optional<CategoryIndex> within) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < result.papers.size(); ++i) {
    PaperIndex p = result.papers[i];
    if (!filters.matches(corpus.paper(p))) continue;
    if (within) {
      auto cats = corpus.paper_categories(p);
      if (std::none_of(cats.begin(), cats.end(),
                       [&](CategoryIndex c) { return corpus.in_subtree(c, *within); })) {
        continue;
      }
    }
    result.papers[kept] = p;
    result.scores[kept] = result.scores[i];
    ++kept;
  }
  result.papers.resize(kept);
  result.scores.resize(kept);
}

}  // namespace papertree
