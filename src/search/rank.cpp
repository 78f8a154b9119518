#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "evaluator.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/corpus/thesaurus.hpp"
#include "papertree/text/english.hpp"
#include "papertree/text/text.hpp"

// The loops that count bits once per word or posting are built twice with GCC on x86-64, once
// with the CPU's popcnt instruction and once without it, the loader picking the one this CPU
// runs.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
#define PAPERTREE_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define PAPERTREE_POPCNT_CLONES
#endif

namespace papertree {

PAPERTREE_POPCNT_CLONES
std::size_t PaperBits::count() const {
  std::size_t members = 0;
  for (std::uint64_t word : m_words) members += static_cast<std::size_t>(std::popcount(word));
  return members;
}

PAPERTREE_POPCNT_CLONES
std::vector<std::uint32_t> PaperBits::counts_before() const {
  std::vector<std::uint32_t> before(m_words.size());
  std::uint32_t members = 0;
  for (std::size_t w = 0; w < m_words.size(); ++w) {
    before[w] = members;
    members += static_cast<std::uint32_t>(std::popcount(m_words[w]));
  }
  return before;
}

PaperSet PaperBits::list() const {
  PaperSet out(count());
  std::size_t next = 0;
  for (std::size_t w = 0; w < m_words.size(); ++w) {
    for (std::uint64_t bits = m_words[w]; bits != 0; bits &= bits - 1)
      out[next++] =
          static_cast<PaperIndex>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
  }
  return out;
}

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
constexpr double k_named_boost = 3.0;
// Near matches are ranked by where the topic sits (boost_by_topic): a paper's score is multiplied
// by one plus this many times the share of the topic placed in one of its categories.
constexpr double k_topic_weight = 3.0;

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

namespace {

// What BM25 takes of a field and a leaf.
struct Bm25 {
  double weight;          // the field's
  double average_length;  // the field's, in tokens
  double idf;             // the leaf's
  // The leaf's term for one paper: `count` occurrences in a field of `length` tokens.
  double operator()(std::uint32_t count, std::uint32_t length) const {
    const double tf = count;
    const double relative = average_length > 0 ? length / average_length : 1.0;
    return weight * idf * tf * (k_bm25_k1 + 1) /
           (tf + k_bm25_k1 * (1 - k_bm25_b + k_bm25_b * relative));
  }
};

// Bm25 for the small counts and lengths nearly every posting has, each value computed once per
// leaf by the same expression (so the same double), which spares two divisions per posting.
// Filling it costs 4 KiB, so a list shorter than k_table_min is scored directly.
class Bm25Table {
 public:
  static constexpr std::size_t k_table_min = 1024;
  Bm25Table(const Bm25& bm25, std::size_t entries) : m_bm25(bm25), m_used(entries >= k_table_min) {
    if (m_used) m_values.fill(-1.0);
  }
  double operator()(std::uint32_t count, std::uint32_t length) {
    // Counts and lengths come from the postings (a snapshot's are untrusted): out of the
    // table's range they are computed directly.
    if (!m_used || count == 0 || count > k_counts || length >= k_lengths)
      return m_bm25(count, length);
    double& value = m_values[(count - 1) * k_lengths + length];
    if (value < 0) value = m_bm25(count, length);
    return value;
  }

 private:
  static constexpr std::uint32_t k_counts = 4;
  static constexpr std::uint32_t k_lengths = 128;
  Bm25 m_bm25;
  bool m_used;
  std::array<double, k_counts * k_lengths> m_values;
};

// A large sorted set of papers as a bit set with the number of members before each word, so a
// paper's position in the set is found without a search (a pass over papers / 64 words).
class SetPositions {
 public:
  SetPositions(const PaperSet& set, std::size_t papers) : m_bits(papers) {
    m_bits.mark(set);
    m_before = m_bits.counts_before();
  }
  /// True, with `*at` its position, when paper `p` (< papers) is in the set.
  bool find(PaperIndex p, std::size_t* at) const {
    const std::uint64_t word = m_bits.words()[p / 64];
    const std::uint64_t bit = std::uint64_t{1} << (p % 64);
    *at = m_before[p / 64] + static_cast<std::size_t>(std::popcount(word & (bit - 1)));
    return (word & bit) != 0;
  }

 private:
  PaperBits m_bits;
  std::vector<std::uint32_t> m_before;
};

// Adds a leaf's terms to `sums` for the entries of `list` that `positions` (the ranked set)
// holds, each placed by its position in the set.
template <class Entry>
[[gnu::always_inline]] inline void add_placed(const Bm25& bm25, std::span<const Entry> list,
                                              const SetPositions& positions,
                                              std::vector<double>& sums) {
  Bm25Table table(bm25, list.size());
  for (const Entry& e : list) {
    std::size_t at = 0;
    if (positions.find(e.paper, &at)) sums[at] += table(e.count, e.length);
  }
}

// The hot loop above counts bits once per posting: built twice (PAPERTREE_POPCNT_CLONES).
PAPERTREE_POPCNT_CLONES
void add_placed_postings(const Bm25& bm25, std::span<const QueryEvaluator::IndexPosting> list,
                         const SetPositions& positions, std::vector<double>& sums) {
  add_placed(bm25, list, positions, sums);
}

// Adds a leaf's terms to `sums` (parallel to `set`) for the papers of `set` that `list` holds;
// both are sorted by paper. With `positions`, each entry of the list finds its place in the set
// directly; else a set much smaller than the list is looked up in it (each search starting
// where the last ended), or the two are merged.
template <class Entry>
void add_terms(const Bm25& bm25, std::span<const Entry> list, const PaperSet& set,
               const SetPositions* positions, std::vector<double>& sums) {
  if (positions != nullptr) {
    if constexpr (std::is_same_v<Entry, QueryEvaluator::IndexPosting>) {
      add_placed_postings(bm25, list, *positions, sums);
    } else {
      add_placed(bm25, list, *positions, sums);
    }
    return;
  }
  Bm25Table table(bm25, std::min(list.size(), set.size()));
  auto at = list.begin();
  const bool look_up = set.size() * 16 < list.size();
  for (std::size_t i = 0; i < set.size() && at != list.end(); ++i) {
    if (look_up) {
      at = std::lower_bound(at, list.end(), set[i],
                            [](const Entry& e, PaperIndex p) { return e.paper < p; });
    } else {
      while (at != list.end() && at->paper < set[i]) ++at;
    }
    if (at != list.end() && at->paper == set[i]) sums[i] += table(at->count, at->length);
  }
}

template <class Entry>
void add_dense(const Bm25& bm25, std::span<const Entry> list, std::vector<double>& dense) {
  Bm25Table table(bm25, list.size());
  for (const Entry& e : list) dense[e.paper] += table(e.count, e.length);
}

}  // namespace

void QueryEvaluator::add_leaf(std::size_t f, std::span<const SearchIndex::Posting> postings,
                              Docs docs) {
  const std::size_t df = postings.empty() ? docs.size() : postings.size();
  if (df == 0) return;
  const double n = static_cast<double>(m_corpus.paper_count());
  const double idf =
      std::log(1.0 + (n - static_cast<double>(df) + 0.5) / (static_cast<double>(df) + 0.5));
  m_kept += docs.size();
  m_leaves.push_back({f, idf, postings, std::move(docs)});
  if (m_dense.empty() && m_fold_after > 0 && m_kept <= m_fold_after) return;
  // Past the threshold: every sum so far moves to a per-paper array, added in leaf order as
  // scores_of adds them, so both give the same doubles; each leaf's docs go as it is added.
  if (m_dense.empty()) m_dense.assign(m_corpus.paper_count(), 0.0);
  for (Leaf& leaf : m_leaves) {
    const SearchIndex::FieldIndex& field = m_index.m_fields[leaf.field];
    const Bm25 bm25{field.weight, field.average_length, leaf.idf};
    if (leaf.postings.empty()) {
      add_dense(bm25, std::span<const Doc>(leaf.docs), m_dense);
      Docs().swap(leaf.docs);
    } else {
      add_dense(bm25, leaf.postings, m_dense);
    }
  }
  m_leaves.clear();
}

std::vector<double> QueryEvaluator::scores_of(const PaperSet& set) const {
  std::vector<double> out(set.size(), 0.0);
  if (!m_dense.empty()) {
    for (std::size_t i = 0; i < set.size(); ++i) out[i] = m_dense[set[i]];
    return out;
  }
  // A set holding more than one paper in 64, scored against lists at least as long as it, is
  // worth a bit set to place the lists' entries in it.
  std::size_t entries = 0;
  for (const Leaf& leaf : m_leaves) entries += leaf.postings.size() + leaf.docs.size();
  std::optional<SetPositions> positions;
  if (set.size() * 64 >= m_corpus.paper_count() && entries >= set.size())
    positions.emplace(set, m_corpus.paper_count());
  const SetPositions* at = positions ? &*positions : nullptr;
  for (const Leaf& leaf : m_leaves) {
    const SearchIndex::FieldIndex& field = m_index.m_fields[leaf.field];
    const Bm25 bm25{field.weight, field.average_length, leaf.idf};
    if (leaf.postings.empty()) {
      add_terms(bm25, std::span<const Doc>(leaf.docs), set, at, out);
    } else {
      add_terms(bm25, leaf.postings, set, at, out);
    }
  }
  return out;
}

PaperSet unite_all(std::vector<PaperSet> parts, std::size_t papers) {
  if (parts.empty()) return {};
  std::size_t entries = 0;
  for (const PaperSet& part : parts) entries += part.size();
  if (parts.size() == 1 || entries * 64 < papers) {
    PaperSet out = std::move(parts.front());
    for (std::size_t k = 1; k < parts.size(); ++k) out = unite(out, parts[k]);
    return out;
  }
  PaperBits marked(papers);
  for (const PaperSet& part : parts) marked.mark(part);
  return marked.list();
}

PaperSet intersect_all(const std::vector<PaperParts>& sets, std::size_t papers) {
  if (sets.empty()) return {};
  if (sets.size() == 1) return unite_all(sets.front(), papers);
  std::size_t entries = 0;
  for (const PaperParts& parts : sets) {
    for (const PaperSet& part : parts) entries += part.size();
  }
  if (entries * 64 < papers) {
    PaperSet out = unite_all(sets.front(), papers);
    for (std::size_t k = 1; k < sets.size() && !out.empty(); ++k)
      out = intersect(out, unite_all(sets[k], papers));
    return out;
  }
  PaperBits common(papers);
  for (const PaperSet& part : sets.front()) common.mark(part);
  PaperBits next(papers);
  for (std::size_t k = 1; k < sets.size(); ++k) {
    next.clear();
    for (const PaperSet& part : sets[k]) next.mark(part);
    common.keep_common(next);
  }
  return common.list();
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
    // The rarest word's papers lead; each other list is searched from where its last search
    // ended, and positions are read only for papers that hold every word.
    std::vector<std::span<const SearchIndex::Posting>> lists;
    for (std::uint32_t id : ids) lists.push_back(index.postings_of(id));
    std::size_t rarest = 0;
    for (std::size_t i = 1; i < lists.size(); ++i)
      if (lists[i].size() < lists[rarest].size()) rarest = i;
    std::vector<std::size_t> at(lists.size(), 0);
    std::vector<std::span<const std::uint32_t>> positions(ids.size());
    for (const auto& lead : lists[rarest]) {
      bool all_present = true;
      for (std::size_t i = 0; i < lists.size() && all_present; ++i) {
        if (i == rarest) continue;
        auto it = std::lower_bound(
            lists[i].begin() + static_cast<std::ptrdiff_t>(at[i]), lists[i].end(), lead.paper,
            [](const auto& posting, PaperIndex p) { return posting.paper < p; });
        at[i] = static_cast<std::size_t>(it - lists[i].begin());
        all_present = it != lists[i].end() && it->paper == lead.paper;
      }
      if (!all_present) continue;
      for (std::size_t i = 0; i < lists.size(); ++i)
        positions[i] = index.positions_of(i == rarest ? lead : lists[i][at[i]]);
      std::uint32_t count = 0;
      for (std::uint32_t start : positions[0]) count += has_run(positions, start) ? 1 : 0;
      if (count > 0) docs.push_back({lead.paper, count, lead.length});
    }
    PaperSet found;
    found.reserve(docs.size());
    for (const auto& d : docs) found.push_back(d.paper);
    hits = unite(hits, found);
    if (positive) add_leaf(f, {}, std::move(docs));
  }
  return hits;
}

std::vector<std::uint32_t> QueryEvaluator::prefixed(const std::string& start) const {
  std::vector<std::uint32_t> ids;
  const StringTable& vocabulary = m_index.m_vocabulary;
  for (std::size_t i = vocabulary.lower_bound(start);
       i < vocabulary.size() && vocabulary[i].starts_with(start); ++i) {
    // A thesaurus term indexed as a unit ("continu_batch") is no word to complete.
    if (vocabulary[i].find('_') == std::string_view::npos)
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
// typos, and common English words ("soft", "spare"), the thesaurus's own words ("jamba", not
// "mamba") and the words of the frameworks' names ("vllm", not "llm") are what was meant: none
// is corrected.
std::vector<std::pair<std::uint32_t, std::string>> QueryEvaluator::corrections(
    const std::string& word, Field field) const {
  if (word.size() < 4 || word.size() > k_max_stemmed_word ||
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      is_english_word(word) || is_thesaurus_word(word) || is_framework_word(m_corpus, word)) {
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

// The `k` best of the indices [begin, end) by `better`, best first. One pass keeps them in a heap
// whose top is the worst of them, so most indices are turned away by one comparison and no list
// of every index is made.
template <class Better>
std::vector<std::size_t> best_indices(std::size_t begin, std::size_t end, std::size_t k,
                                      Better better) {
  std::vector<std::size_t> best;
  best.reserve(std::min(k, end - begin));
  for (std::size_t i = begin; i < end; ++i) {
    if (best.size() < k) {
      best.push_back(i);
      std::push_heap(best.begin(), best.end(), better);
    } else if (k > 0 && better(i, best.front())) {
      std::pop_heap(best.begin(), best.end(), better);
      best.back() = i;
      std::push_heap(best.begin(), best.end(), better);
    }
  }
  std::sort_heap(best.begin(), best.end(), better);
  return best;
}

// Multiplies the scores of the hits that sit in the subtree of `root` by `factor`. For a broad
// query (hits outnumbering a sixty-fourth of the papers, and a subtree with at most a few
// placements per hit) the subtree's papers are marked in a bit set from its categories' paper
// lists, read in order, and each hit is one bit test; otherwise each hit's categories are looked
// up, a random read per hit. Both multiply the same scores.
void boost_subtree(const Corpus& corpus, const PaperSet& hits, CategoryIndex root, double factor,
                   std::vector<double>& scores) {
  const CategoryIndex end = corpus.category(root).subtree_end;
  std::size_t placements = 0;
  for (CategoryIndex c = root; c < end; ++c) placements += corpus.category(c).direct_count;
  if (hits.size() * 64 >= corpus.paper_count() && placements <= 4 * hits.size()) {
    PaperBits marked(corpus.paper_count());
    for (CategoryIndex c = root; c < end; ++c) marked.mark(corpus.direct_papers(c));
    // Multiplying by 1 keeps a score as it is; the factor is picked by the bit, as an index, so
    // there is no branch to mispredict on every other hit.
    const double factors[2] = {1.0, factor};
    for (std::size_t i = 0; i < hits.size(); ++i) scores[i] *= factors[marked.bit(hits[i])];
    return;
  }
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
  // The best k_cluster_top: higher score first, ties in corpus order.
  std::vector<std::size_t> best =
      best_indices(0, hits.size(), k_cluster_top, [&](std::size_t a, std::size_t b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
      });
  if (scores[best.back()] <= 0) return;
  std::vector<PaperIndex> top;
  for (std::size_t i : best) top.push_back(hits[i]);
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

// Pseudo-relevance feedback through the taxonomy: a paper's score is multiplied by one plus
// k_topic_weight times the share of `topic` (the papers that hold every word, or where none does,
// those holding the rarest word) placed in one of its own categories, so near matches that sit
// where the topic sits come first.
void boost_by_topic(const Corpus& corpus, const PaperSet& topic,
                    const std::vector<std::size_t>& counts, const PaperSet& hits,
                    std::vector<double>& scores) {
  if (topic.empty()) return;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    std::size_t best = 0;
    for (CategoryIndex c : corpus.paper_categories(hits[i])) best = std::max(best, counts[c]);
    scores[i] *=
        1.0 + k_topic_weight * static_cast<double>(best) / static_cast<double>(topic.size());
  }
}

}  // namespace

void QueryEvaluator::score_near(const PaperSet& topic, const std::vector<std::size_t>& topic_counts,
                                const PaperSet& near, std::optional<CategoryIndex> named,
                                std::uint8_t missing) {
  std::vector<double> scores = scores_of(near);
  if (named) boost_subtree(m_corpus, near, *named, k_named_boost, scores);
  boost_by_topic(m_corpus, topic, topic_counts, near, scores);
  if (topic.empty()) boost_cluster(m_corpus, near, scores);
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
  if (m_result.scores.empty()) {
    m_result.scores = std::move(scores);
  } else {
    m_result.scores.insert(m_result.scores.end(), scores.begin(), scores.end());
  }
  m_result.near.resize(m_result.papers.size(), 0);
}

namespace {

// Puts the best `wanted` of result entries [begin, end) first, in rank order: higher score
// first, ties in the order they are in (corpus order); the others follow in that order. A
// selection, then a sort of what is shown, so a page of a large result costs O(hits), and in
// place: only the page is copied aside.
void rank_range(SearchResult& result, std::size_t begin, std::size_t end, std::size_t wanted) {
  const std::size_t n = end - begin;
  if (n < 2 || wanted == 0) return;
  auto better = [&](std::size_t a, std::size_t b) {
    const std::vector<double>& scores = result.scores;
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  };
  std::vector<std::size_t> best;  // the page, best first
  if (wanted >= n) {
    best.resize(n);
    std::iota(best.begin(), best.end(), begin);
    std::sort(best.begin(), best.end(), better);
  } else {
    best = best_indices(begin, end, wanted, better);
  }
  const std::size_t shown = best.size();
  std::vector<PaperIndex> papers(shown);
  std::vector<double> ranked(shown);
  std::vector<std::uint8_t> near(shown);
  for (std::size_t k = 0; k < shown; ++k) {
    papers[k] = result.papers[best[k]];
    ranked[k] = result.scores[best[k]];
    near[k] = result.near[best[k]];
  }
  if (shown < n) {
    // The others move up to the end of the range, keeping their order; the page fills the start.
    std::sort(best.begin(), best.end());
    std::size_t to = end;
    auto picked = best.rbegin();
    for (std::size_t from = end; from-- > begin;) {
      if (picked != best.rend() && *picked == from) {
        ++picked;
        continue;
      }
      --to;
      result.papers[to] = result.papers[from];
      result.scores[to] = result.scores[from];
      result.near[to] = result.near[from];
    }
  }
  const auto at = static_cast<std::ptrdiff_t>(begin);
  std::copy(papers.begin(), papers.end(), result.papers.begin() + at);
  std::copy(ranked.begin(), ranked.end(), result.scores.begin() + at);
  std::copy(near.begin(), near.end(), result.near.begin() + at);
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
