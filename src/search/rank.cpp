#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

#include "evaluator.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/text/english.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr double k_bm25_k1 = 1.2;
constexpr double k_bm25_b = 0.75;
constexpr std::size_t k_max_corrections = 3;
// Taxonomy-aware ranking: of the k_cluster_top best hits, at least k_cluster_min_hits below one
// category (not a top-level branch) make it the query's topic; its hits' scores are multiplied
// by k_cluster_boost. The deepest such category wins.
constexpr std::size_t k_cluster_top = 10;
constexpr std::size_t k_cluster_min_hits = 6;
constexpr double k_cluster_boost = 1.5;
// A query whose words name a category (category_named_by) multiplies its hits' scores by this.
constexpr double k_named_boost = 1.5;

bool has_run(const std::vector<std::span<const std::uint32_t>>& positions, std::uint32_t start) {
  for (std::size_t i = 1; i < positions.size(); ++i) {
    if (!std::binary_search(positions[i].begin(), positions[i].end(),
                            start + static_cast<std::uint32_t>(i))) {
      return false;
    }
  }
  return true;
}

// Optimal string alignment distance (an adjacent transposition costs one edit), or
// `limit + 1` as soon as it must exceed `limit`.
std::size_t typo_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], prev2[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

}  // namespace

void QueryEvaluator::add_scores(std::size_t f, const Docs& docs) {
  if (docs.empty()) return;
  const SearchIndex::FieldIndex& field = m_index.m_fields[f];
  const double n = static_cast<double>(m_corpus.paper_count());
  const double df = static_cast<double>(docs.size());
  const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  // Once the merges have copied as many entries as there are papers (a query of many words),
  // the sums move to a per-paper array, so scoring never costs more than the postings plus the
  // papers. Both give the same doubles: each sum starts at 0 and adds in leaf order.
  if (m_dense.empty() && m_merge_work > m_corpus.paper_count()) {
    m_dense.assign(m_corpus.paper_count(), 0.0);
    for (const auto& [paper, score] : m_scores) m_dense[paper] = score;
    std::vector<std::pair<PaperIndex, double>>().swap(m_scores);
    std::vector<std::pair<PaperIndex, double>>().swap(m_merged);
  }
  if (!m_dense.empty()) {
    for (const auto& [paper, count] : docs) {
      const double tf = count;
      const double relative =
          field.average_length > 0 ? field.length_of(paper) / field.average_length : 1.0;
      m_dense[paper] += field.weight * idf * tf * (k_bm25_k1 + 1) /
                        (tf + k_bm25_k1 * (1 - k_bm25_b + k_bm25_b * relative));
    }
    return;
  }
  m_merge_work += m_scores.size();
  // Merges this leaf's scores into the sums: both lists are sorted by paper.
  m_merged.clear();
  m_merged.reserve(m_scores.size() + docs.size());
  auto sum = m_scores.begin();
  for (const auto& [paper, count] : docs) {
    while (sum != m_scores.end() && sum->first < paper) m_merged.push_back(*sum++);
    const double tf = count;
    const double relative =
        field.average_length > 0 ? field.length_of(paper) / field.average_length : 1.0;
    const double add = field.weight * idf * tf * (k_bm25_k1 + 1) /
                       (tf + k_bm25_k1 * (1 - k_bm25_b + k_bm25_b * relative));
    if (sum != m_scores.end() && sum->first == paper) {
      m_merged.emplace_back(paper, sum->second + add);
      ++sum;
    } else {
      m_merged.emplace_back(paper, 0.0 + add);
    }
  }
  m_merged.insert(m_merged.end(), sum, m_scores.end());
  m_scores.swap(m_merged);
}

std::vector<double> QueryEvaluator::scores_of(const PaperSet& set) const {
  std::vector<double> out(set.size(), 0.0);
  if (!m_dense.empty()) {
    for (std::size_t i = 0; i < set.size(); ++i) out[i] = m_dense[set[i]];
    return out;
  }
  auto sum = m_scores.begin();
  for (std::size_t i = 0; i < set.size(); ++i) {
    while (sum != m_scores.end() && sum->first < set[i]) ++sum;
    if (sum != m_scores.end() && sum->first == set[i]) out[i] = sum->second;
  }
  return out;
}

PaperSet QueryEvaluator::phrase(const std::vector<std::string>& words, Field field, bool positive) {
  if (words.empty()) return {};
  std::vector<std::uint32_t> ids;
  for (const auto& w : words) {
    auto id = m_index.term_id(w);
    if (!id) return {};
    ids.push_back(*id);
  }
  if (positive) {
    for (const auto& w : words) remember_highlight(w, field);
  }
  PaperSet hits;
  for (std::size_t f : fields_of(field)) {
    const SearchIndex::FieldIndex& index = m_index.m_fields[f];
    Docs docs;
    std::vector<std::span<const std::uint32_t>> positions(ids.size());
    for (const auto& first : index.postings_of(ids[0])) {
      bool all_present = true;
      for (std::size_t i = 0; i < ids.size() && all_present; ++i) {
        const auto& list = index.postings_of(ids[i]);
        auto it =
            std::lower_bound(list.begin(), list.end(), first.paper,
                             [](const auto& posting, PaperIndex p) { return posting.paper < p; });
        all_present = it != list.end() && it->paper == first.paper;
        if (all_present) positions[i] = index.positions_of(*it);
      }
      if (!all_present) continue;
      std::uint32_t count = 0;
      for (std::uint32_t start : positions[0]) count += has_run(positions, start) ? 1 : 0;
      if (count > 0) docs.emplace_back(first.paper, count);
    }
    PaperSet found;
    found.reserve(docs.size());
    for (const auto& d : docs) found.push_back(d.first);
    hits = unite(hits, found);
    if (positive) add_scores(f, docs);
  }
  return hits;
}

std::vector<std::uint32_t> QueryEvaluator::prefixed(const std::string& start) const {
  std::vector<std::uint32_t> ids;
  const StringTable& vocabulary = m_index.m_vocabulary;
  for (std::size_t i = vocabulary.lower_bound(start);
       i < vocabulary.size() && vocabulary[i].starts_with(start); ++i) {
    ids.push_back(static_cast<std::uint32_t>(i));
  }
  // Whole words too: "attention*" finds "attention" although its stem is "attent".
  const StringTable& words = m_index.m_words;
  for (std::size_t i = words.lower_bound(start); i < words.size() && words[i].starts_with(start);
       ++i) {
    ids.push_back(m_index.m_word_ids[i]);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

PaperSet QueryEvaluator::prefix(const QueryNode& node, bool positive) {
  std::string start = fold_case_accents(node.text);
  if (tokenize(start).empty()) return {};
  return terms(prefixed(start), node.field, positive);
}

// The indexed words one edit away from `word` (two for words of eight letters or more), closest
// and then most frequent first. Words with digits ("int4") are names of formats and models, not
// typos, and common English words ("soft", "spare") are what was meant: neither is corrected.
std::vector<std::pair<std::uint32_t, std::string>> QueryEvaluator::corrections(
    const std::string& word, Field field) const {
  if (word.size() < 4 || word.size() > k_max_stemmed_word ||
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      is_english_word(word)) {
    return {};
  }
  const std::size_t max_distance = word.size() >= 8 ? 2 : 1;
  struct Candidate {
    std::size_t distance;
    std::size_t neg_frequency;
    std::uint32_t id;
    std::string_view text;
    bool operator<(const Candidate& o) const {
      return std::tie(distance, neg_frequency, id, text) <
             std::tie(o.distance, o.neg_frequency, o.id, o.text);
    }
  };
  std::vector<Candidate> candidates;
  for (std::size_t w = 0; w < m_index.m_words.size(); ++w) {
    const std::string_view text = m_index.m_words[w];
    const std::uint32_t id = m_index.m_word_ids[w];
    std::size_t distance = typo_distance(word, text, max_distance);
    if (distance > max_distance) continue;
    std::size_t frequency = 0;
    for (std::size_t f : fields_of(field)) frequency += m_index.m_fields[f].postings_of(id).size();
    if (frequency > 0) candidates.push_back({distance, SIZE_MAX - frequency, id, text});
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::pair<std::uint32_t, std::string>> out;
  for (const auto& c : candidates) {
    if (c.distance != candidates.front().distance || out.size() == k_max_corrections) break;
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == c.id; }))
      out.emplace_back(c.id, std::string(c.text));
  }
  return out;
}

namespace {

// Multiplies the scores of the hits that sit in the subtree of `root` by `factor`.
void boost_subtree(const Corpus& corpus, const PaperSet& hits, CategoryIndex root, double factor,
                   std::vector<double>& scores) {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    auto cats = corpus.paper_categories(hits[i]);
    if (std::any_of(cats.begin(), cats.end(),
                    [&](CategoryIndex c) { return corpus.in_subtree(c, root); })) {
      scores[i] *= factor;
    }
  }
}

// Taxonomy-aware ranking, as in cluster-based retrieval: when most of the best hits sit below
// one category, that category says what the query is about, and its other hits move up.
void boost_cluster(const Corpus& corpus, const PaperSet& hits, std::vector<double>& scores) {
  if (hits.size() <= k_cluster_top) return;
  std::vector<std::size_t> order(hits.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::partial_sort(order.begin(), order.begin() + k_cluster_top, order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
                    });
  if (scores[order[k_cluster_top - 1]] <= 0) return;
  std::vector<PaperIndex> top;
  for (std::size_t i = 0; i < k_cluster_top; ++i) top.push_back(hits[order[i]]);
  std::vector<std::size_t> counts = count_in_subtrees(corpus, top);
  std::optional<CategoryIndex> cluster;
  for (CategoryIndex c = 0; c < counts.size(); ++c) {
    const Category& cat = corpus.category(c);
    if (cat.depth == 0 || counts[c] < k_cluster_min_hits) continue;
    if (!cluster || cat.depth > corpus.category(*cluster).depth) cluster = c;
  }
  if (cluster) boost_subtree(corpus, hits, *cluster, k_cluster_boost, scores);
}

}  // namespace

namespace {

// Pseudo-relevance feedback through the taxonomy: a paper's score is multiplied by one plus the
// share of `topic` (the papers that hold every word) placed in one of its own categories, so
// near matches that sit where the full matches sit come first.
void boost_by_topic(const Corpus& corpus, const PaperSet& topic, const PaperSet& hits,
                    std::vector<double>& scores) {
  if (topic.empty()) return;
  std::vector<std::size_t> counts = count_in_subtrees(corpus, topic);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    std::size_t best = 0;
    for (CategoryIndex c : corpus.paper_categories(hits[i])) best = std::max(best, counts[c]);
    scores[i] *= 1.0 + static_cast<double>(best) / static_cast<double>(topic.size());
  }
}

}  // namespace

void QueryEvaluator::score_near(const PaperSet& full, const PaperSet& near,
                                std::optional<CategoryIndex> named, std::uint8_t missing) {
  std::vector<double> scores = scores_of(near);
  if (named) boost_subtree(m_corpus, near, *named, k_named_boost, scores);
  boost_by_topic(m_corpus, full, near, scores);
  if (full.empty()) boost_cluster(m_corpus, near, scores);
  // A near match never scores above a full match: higher stays better down the list.
  std::span<const double> full_scores(m_result.scores);
  const double floor = full_scores.empty()
                           ? 0.0
                           : *std::min_element(full_scores.begin(), full_scores.end());
  const double top = scores.empty() ? 0.0 : *std::max_element(scores.begin(), scores.end());
  // The clamp: top * (floor / top) can round one ulp above floor.
  if (!full_scores.empty() && top > floor) {
    for (double& s : scores) s = std::min(s * (floor / top), floor);
  }
  // In corpus order: rank_result orders them once the scope has been applied.
  m_result.papers.insert(m_result.papers.end(), near.begin(), near.end());
  m_result.scores.insert(m_result.scores.end(), scores.begin(), scores.end());
  m_result.near.resize(m_result.papers.size(), missing);
}

void QueryEvaluator::score(const PaperSet& hits, std::optional<CategoryIndex> named) {
  std::vector<double> scores = scores_of(hits);
  // The query names a category ("kv cache", "lora"): its papers are what the person means.
  if (named) boost_subtree(m_corpus, hits, *named, k_named_boost, scores);
  boost_cluster(m_corpus, hits, scores);
  // Nothing to rank by (a pure negation): the order `list` uses, newest first, then title.
  if (std::all_of(scores.begin(), scores.end(), [&](double s) { return s == scores.front(); })) {
    std::vector<PaperIndex> listed(hits.begin(), hits.end());
    sort_papers(m_corpus, listed, SortOptions{});
    m_result.papers.insert(m_result.papers.end(), listed.begin(), listed.end());
    m_listed = true;
  } else {
    // In corpus order: rank_result orders them once the scope has been applied.
    m_result.papers.insert(m_result.papers.end(), hits.begin(), hits.end());
  }
  m_result.scores.insert(m_result.scores.end(), scores.begin(), scores.end());
  m_result.near.resize(m_result.papers.size(), 0);
}

namespace {

// Puts the best `wanted` of result entries [begin, end) first, in rank order: higher score
// first, ties in the order they are in (corpus order); the others follow in that order. A
// selection, then a sort of what is shown, so a page of a large result costs O(hits).
void rank_range(SearchResult& result, std::size_t begin, std::size_t end, std::size_t wanted) {
  const std::size_t n = end - begin;
  if (n < 2 || wanted == 0) return;
  const std::vector<double>& scores = result.scores;
  std::vector<std::size_t> order(n);
  auto better = [&](std::size_t a, std::size_t b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  };
  if (wanted < n) {
    // One pass keeps the best `wanted` in a heap whose top is the worst of them; most entries
    // are turned away by one comparison with it.
    std::vector<std::size_t> best;
    best.reserve(wanted);
    for (std::size_t i = begin; i < end; ++i) {
      if (best.size() < wanted) {
        best.push_back(i);
        std::push_heap(best.begin(), best.end(), better);
      } else if (better(i, best.front())) {
        std::pop_heap(best.begin(), best.end(), better);
        best.back() = i;
        std::push_heap(best.begin(), best.end(), better);
      }
    }
    std::sort_heap(best.begin(), best.end(), better);
    std::vector<std::uint8_t> picked(n, 0);
    for (std::size_t k = 0; k < wanted; ++k) {
      order[k] = best[k];
      picked[best[k] - begin] = 1;
    }
    std::size_t next = wanted;
    for (std::size_t i = 0; i < n; ++i) {
      if (picked[i] == 0) order[next++] = begin + i;
    }
  } else {
    std::iota(order.begin(), order.end(), begin);
    std::sort(order.begin(), order.end(), better);
  }
  std::vector<PaperIndex> papers(n);
  std::vector<double> ranked(n);
  std::vector<std::uint8_t> near(n);
  for (std::size_t k = 0; k < n; ++k) {
    papers[k] = result.papers[order[k]];
    ranked[k] = scores[order[k]];
    near[k] = result.near[order[k]];
  }
  std::copy(papers.begin(), papers.end(), result.papers.begin() + static_cast<std::ptrdiff_t>(begin));
  std::copy(ranked.begin(), ranked.end(), result.scores.begin() + static_cast<std::ptrdiff_t>(begin));
  std::copy(near.begin(), near.end(), result.near.begin() + static_cast<std::ptrdiff_t>(begin));
}

}  // namespace

void rank_result(SearchResult& result, bool full_listed, std::size_t wanted) {
  // The full matches come first, then each level of near matches (those missing one word, then
  // two, ...), each ranked on its own: score_near keeps every level's scores below the last's,
  // and ranking the levels apart keeps that order even where scores tie.
  std::size_t begin = 0;
  while (begin < result.papers.size()) {
    std::size_t end = begin;
    while (end < result.papers.size() && result.near[end] == result.near[begin]) ++end;
    if (begin != 0 || result.near[begin] != 0 || !full_listed)
      rank_range(result, begin, end, wanted > begin ? wanted - begin : 0);
    begin = end;
  }
}

}  // namespace papertree
