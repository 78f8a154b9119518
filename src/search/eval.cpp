#include <algorithm>
#include <numeric>

#include "papertree/text/text.hpp"
#include "papertree/corpus/venue.hpp"
#include "evaluator.hpp"

namespace papertree {

namespace {

bool is_filter(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  return node.kind == Kind::year || node.kind == Kind::in || node.kind == Kind::has_code ||
         node.kind == Kind::kind || node.kind == Kind::venue;
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

// A word written with inner punctuation (kv-cache, LLM.int8(), 1.58-bit) matches the papers that
// hold all its parts, as the parts typed apart do ("kv cache"); where the parts stand together,
// the phrase adds to the score, so "KV-Cache" titles rank first.
PaperSet QueryEvaluator::compound(const std::vector<TextToken>& tokens, Field field,
                                  bool positive) {
  std::vector<std::string> words;
  std::optional<PaperSet> hits;
  for (const auto& t : tokens) {
    auto id = m_index.term_id(t.term);
    PaperSet part = id ? terms({*id}, field, positive) : PaperSet{};
    hits = hits ? intersect(*hits, part) : std::move(part);
    words.push_back(t.term);
  }
  if (positive && !hits->empty()) phrase(words, field, positive);
  return std::move(*hits);
}

PaperSet QueryEvaluator::word(const QueryNode& node, bool positive) {
  std::vector<TextToken> tokens = tokenize(node.text);
  if (tokens.empty()) return all_papers();
  if (tokens.size() > 1) return compound(tokens, node.field, positive);
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
      for (const auto& posting : m_index.m_fields[f].postings_of(id)) {
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
