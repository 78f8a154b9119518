#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <tuple>

#include "papertree/corpus/select.hpp"
#include "papertree/text/text.hpp"
#include "evaluator.hpp"

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
    for (const auto& first : index.postings_of(ids[0])) {
      bool all_present = true;
      for (std::size_t i = 0; i < ids.size() && all_present; ++i) {
        const auto& list = index.postings_of(ids[i]);
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
    for (std::size_t f : fields_of(field)) frequency += m_index.m_fields[f].postings_of(id).size();
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
  // Nothing to rank by (a pure negation): the order `list` uses, newest first, then title.
  if (std::all_of(scores.begin(), scores.end(), [&](double s) { return s == scores.front(); })) {
    std::vector<PaperIndex> listed(hits.begin(), hits.end());
    sort_papers(m_corpus, listed, SortOptions{});
    m_result.papers.insert(m_result.papers.end(), listed.begin(), listed.end());
    m_result.scores.insert(m_result.scores.end(), scores.begin(), scores.end());
    return;
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

}  // namespace papertree
