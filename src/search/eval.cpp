#include <algorithm>
#include <numeric>
#include <optional>

#include "evaluator.hpp"
#include "papertree/corpus/thesaurus.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/english.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_filter(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  return node.kind == Kind::year || node.kind == Kind::in || node.kind == Kind::has_code ||
         node.kind == Kind::kind || node.kind == Kind::venue;
}

}  // namespace

PaperSet QueryEvaluator::all_papers() const {
  PaperSet all(m_corpus.paper_count());
  std::iota(all.begin(), all.end(), PaperIndex{0});
  return all;
}

void QueryEvaluator::keep_in_scope(PaperSet& set) const {
  if (m_scope != nullptr && !m_scope->admits_all())
    std::erase_if(set, [&](PaperIndex p) { return !m_scope->admits(m_corpus, p); });
}

PaperSet QueryEvaluator::complement(const PaperSet& set) const {
  return subtract(all_papers(), set);
}

std::vector<std::size_t> QueryEvaluator::fields_of(Field field) const {
  using F = SearchIndex::FieldId;
  switch (field) {
    case Field::title:
      return {F::title, F::parts};
    case Field::category:
      return {F::category, F::ancestors};
    case Field::venue:
      return {F::venue};
    case Field::author:
      return {F::author};
    case Field::any:
      break;
  }
  return {F::title, F::category, F::venue, F::parts, F::author, F::ancestors};
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
      PaperSet hits = phrase(words, node.field, positive);
      // A thesaurus term quoted: also the papers of its category, where it is indexed as a unit.
      if (auto id = m_index.term_id(unit_term(node.text)))
        hits = unite(hits, terms({*id}, node.field, positive));
      return hits;
    }
    case Kind::prefix:
      return prefix(node, positive);
    default:
      return filter(node, all_papers());
  }
}

namespace {

// A word or phrase with no letters or digits ("✓", "."): it says nothing to search for.
bool is_empty_text(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  return (node.kind == Kind::word || node.kind == Kind::phrase || node.kind == Kind::prefix) &&
         tokenize(node.text, 1).empty();
}

constexpr std::size_t k_max_initialism = 4;  // words
constexpr std::size_t k_min_initialism = 2;  // letters
constexpr std::size_t k_min_lone_initialism = 3;  // letters, for one not written beside a query word

// A plain word of letters only, which may join the next one into a compound.
bool joinable(const QueryNode& node) {
  return node.kind == QueryNode::Kind::word && !node.text.empty() &&
         std::all_of(node.text.begin(), node.text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

constexpr std::size_t k_max_joined_words = 4;
constexpr std::size_t k_max_joined_spellings = 16;  // runs of corrected words tried

}  // namespace

PaperSet QueryEvaluator::all_of(const QueryNode& node, bool positive) {
  std::vector<const QueryNode*> filters;
  std::vector<const QueryNode*> negations;
  std::vector<const QueryNode*> texts;
  bool skipped = false;
  for (const QueryNode& child : node.children) {
    if (is_filter(child)) {
      filters.push_back(&child);
    } else if (child.kind == QueryNode::Kind::negation) {
      negations.push_back(&child.children.front());
    } else if (is_empty_text(child)) {
      skipped = true;  // neutral next to other terms, nothing on its own
    } else {
      texts.push_back(&child);
    }
  }
  if (texts.empty() && skipped) return {};
  PaperSet hits = texts.empty() ? all_papers()
                                : intersect_all(part_sets(texts, positive), m_corpus.paper_count());
  for (const QueryNode* f : filters) hits = filter(*f, std::move(hits));
  for (const QueryNode* n : negations) hits = subtract(hits, eval(*n, !positive));
  return hits;
}

std::vector<PaperParts> QueryEvaluator::part_sets(const std::vector<const QueryNode*>& texts,
                                                  bool positive) {
  std::vector<PaperParts> sets;
  sets.reserve(texts.size());
  for (const QueryNode* t : texts) {
    if (t->kind == QueryNode::Kind::word) {
      sets.push_back(word_parts(*t, positive));
    } else {
      sets.emplace_back().push_back(eval(*t, positive));
    }
  }
  // `extra` joins the parts of `set`, to be united with them only if the set must be listed.
  auto add_to = [](PaperParts& set, const PaperSet& extra) {
    if (!extra.empty()) set.push_back(extra);
  };
  // Two adjacent words also match the one word they make together: "flash attention" finds
  // FlashAttention, "kv cache" KVCache. The pair then matches (A and B) or AB.
  // A word corrected as a typo joins by its corrections too: "flash atention" finds
  // FlashAttention as "flash attention" does.
  auto spellings = [&](const QueryNode& w) {
    std::vector<std::string> out{w.text};
    for (const Correction& c : m_result.corrections) {
      if (c.typed != w.text) continue;
      for (const std::string& used : c.used)
        if (!used.ends_with('*')) out.push_back(used);
    }
    return out;
  };
  for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
    const QueryNode& a = *texts[i];
    const QueryNode& b = *texts[i + 1];
    if (!joinable(a) || !joinable(b) || a.field != b.field) continue;
    std::vector<std::uint32_t> ids;
    for (const std::string& x : spellings(a)) {
      for (const std::string& y : spellings(b)) {
        std::vector<TextToken> joined = tokenize(x + y);
        if (joined.size() != 1) continue;
        if (auto id = m_index.term_id(joined.front().term)) ids.push_back(*id);
      }
    }
    if (ids.empty()) continue;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    PaperSet together = terms(ids, a.field, positive);
    add_to(sets[i], together);
    add_to(sets[i + 1], together);
  }
  // Two to four adjacent words also match the thesaurus term they make, indexed as one unit
  // (unit_term: "continuous batching", "zero redundancy optimizer", "kv-cache quantization"),
  // so a term matches as a whole where its words alone would not; a word corrected as a typo
  // joins by its corrections too ("continuous batchng").
  for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
    if (texts[i]->kind != QueryNode::Kind::word) continue;
    std::vector<std::string> runs = spellings(*texts[i]);
    for (std::size_t n = 1; n < k_max_joined_words && i + n < texts.size(); ++n) {
      const QueryNode& w = *texts[i + n];
      if (w.kind != QueryNode::Kind::word || w.field != texts[i]->field) break;
      std::vector<std::string> longer;
      for (const std::string& run : runs) {
        for (const std::string& next : spellings(w)) {
          if (longer.size() < k_max_joined_spellings) longer.push_back(run + ' ' + next);
        }
      }
      runs = std::move(longer);
      std::vector<std::uint32_t> ids;
      for (const std::string& run : runs) {
        if (auto id = m_index.term_id(unit_term(run))) ids.push_back(*id);
      }
      if (ids.empty()) continue;
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      PaperSet together = terms(ids, w.field, positive);
      for (std::size_t k = i; k <= i + n; ++k) add_to(sets[k], together);
    }
  }
  // Two to four adjacent words also match the initialism they make: "key value cache" finds
  // "KV cache", "mixture of experts" MoE, "state space models" SSMs. Two letters are taken only
  // where some title writes them next to the query's word before or after ("kv" beside "cache"),
  // as two-letter terms are often something else ("cache eviction" is no "CE").
  auto term_of = [&](std::size_t k) {
    std::vector<TextToken> token = tokenize(texts[k]->text);
    return token.size() == 1 ? token.front().term : std::string();
  };
  for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
    std::string initials;
    for (std::size_t n = 0; n < k_max_initialism && i + n < texts.size(); ++n) {
      const QueryNode& w = *texts[i + n];
      if (!joinable(w) || w.field != texts[i]->field) break;
      initials += static_cast<char>(w.text.front() | 0x20);
      if (n == 0 || initials.size() < k_min_initialism) continue;
      std::vector<TextToken> token = tokenize(initials);
      if (token.size() != 1) continue;
      const std::string& acronym = token.front().term;
      auto id = m_index.term_id(acronym);
      if (!id) continue;
      if (initials.size() < k_min_lone_initialism) {
        std::string before = i > 0 ? term_of(i - 1) : std::string();
        std::string after = i + n + 1 < texts.size() ? term_of(i + n + 1) : std::string();
        bool beside = (!before.empty() && !phrase({before, acronym}, w.field, false).empty()) ||
                      (!after.empty() && !phrase({acronym, after}, w.field, false).empty());
        if (!beside) continue;
      }
      PaperSet together = terms({*id}, w.field, positive);
      for (std::size_t k = i; k <= i + n; ++k) add_to(sets[k], together);
    }
  }
  return sets;
}

namespace {

// Up to this many words' sets, near matches are found by merging them (no per-paper array).
constexpr std::size_t k_merged_sets = 8;

// The word's one token as written, folded ("t." gives "t", "The," gives "the"); empty when the
// word makes no token or several.
std::string single_word(const QueryNode& node) {
  std::vector<TextToken> tokens = tokenize(node.text, 2);
  if (tokens.size() != 1) return {};
  return fold_case_accents(std::string_view(node.text).substr(
      tokens.front().begin, tokens.front().end - tokens.front().begin));
}

}  // namespace

// Stop words ("the", "of") add to the score of the papers that hold them, but in a query of
// plain words they are not required, unless every word is one. A near match holds all the
// required words but one, and not only single letters or digits: "t dettmers" lists no paper
// for an author's initial "t" alone.
void QueryEvaluator::rank_words(const std::vector<const QueryNode*>& texts,
                                std::optional<CategoryIndex> named) {
  std::vector<PaperParts> all = part_sets(texts, true);
  std::vector<PaperParts> required;
  std::vector<std::uint8_t> letter;  // parallel to required: the word is one letter or digit
  for (std::size_t k = 0; k < texts.size(); ++k) {
    std::string word = single_word(*texts[k]);
    // A quoted word is wanted as it is, even "the".
    if (texts[k]->kind == QueryNode::Kind::word && is_stop_word(word)) continue;
    required.push_back(std::move(all[k]));
    letter.push_back(word.size() == 1 ? 1 : 0);
  }
  if (required.empty()) {  // nothing moved out of `all`
    required = std::move(all);
    letter.assign(required.size(), 0);
  }
  PaperSet full = intersect_all(required, m_corpus.paper_count());
  keep_in_scope(full);
  score(full, named);
  if (full.size() >= k_few_full_matches) return;
  if (required.size() < 2) return fill_from_topic(required.size(), named);
  // Only now is each word's set listed, for counting the words each paper holds.
  std::vector<PaperSet> sets;
  sets.reserve(required.size());
  for (PaperParts& parts : required)
    sets.push_back(unite_all(std::move(parts), m_corpus.paper_count()));
  // Few papers hold every word: those that hold all but one follow them (any one word of two),
  // and while that still leaves fewer than k_few_full_matches, those that hold one word fewer
  // again, down to one word: a coordination-level fallback, each level ranked below the last.
  // The sets are merged: each step takes the smallest paper at the head of any set and counts
  // the sets that hold it. Past a few words, a count per paper costs less (at most 256 words).
  struct Held {
    PaperIndex paper;
    std::uint16_t count;
  };
  std::vector<Held> held_by;  // the papers that hold at least one word that is not a letter
  if (sets.size() > k_merged_sets) {
    std::vector<std::uint16_t> held(m_corpus.paper_count(), 0);
    std::vector<std::uint8_t> word_held(m_corpus.paper_count(), 0);
    for (std::size_t k = 0; k < sets.size(); ++k) {
      for (PaperIndex p : sets[k]) {
        ++held[p];
        if (letter[k] == 0) word_held[p] = 1;
      }
    }
    for (PaperIndex p = 0; p < held.size(); ++p) {
      if (held[p] != 0 && word_held[p] != 0) held_by.push_back({p, held[p]});
    }
  } else {
    std::vector<std::size_t> at(sets.size(), 0);
    for (;;) {
      std::optional<PaperIndex> next;
      for (std::size_t k = 0; k < sets.size(); ++k) {
        if (at[k] < sets[k].size() && (!next || sets[k][at[k]] < *next)) next = sets[k][at[k]];
      }
      if (!next) break;
      std::uint16_t held = 0;
      bool only_letters = true;
      for (std::size_t k = 0; k < sets.size(); ++k) {
        if (at[k] < sets[k].size() && sets[k][at[k]] == *next) {
          ++held;
          ++at[k];
          if (letter[k] == 0) only_letters = false;
        }
      }
      if (!only_letters) held_by.push_back({*next, held});
    }
  }
  // Grouped by the number of words held (a counting sort, paper order kept within a group), so
  // each level is one range however many levels a long query tries.
  std::vector<std::size_t> level_at(sets.size() + 2, 0);
  for (const Held& h : held_by) ++level_at[h.count + 1];
  for (std::size_t k = 1; k < level_at.size(); ++k) level_at[k] += level_at[k - 1];
  PaperSet by_level(held_by.size());
  {
    std::vector<std::size_t> next(level_at.begin(), level_at.end() - 1);
    for (const Held& h : held_by) by_level[next[h.count]++] = h.paper;
  }
  // Where no paper holds every word, the papers holding the rarest word (the most specific one,
  // not a lone letter or digit) stand in for them as the topic the near matches are ranked by:
  // `int8 inference` lists the inference papers among the quantization ones first.
  // Rarest within the scope: under --in or a filter each word's papers are counted there.
  PaperSet rarest;
  if (full.empty()) {
    const bool scoped = m_scope != nullptr && !m_scope->admits_all();
    std::optional<std::size_t> at;
    for (std::size_t k = 0; k < sets.size(); ++k) {
      if (letter[k] != 0 || sets[k].empty()) continue;
      if (!scoped) {
        if (!at || sets[k].size() < sets[*at].size()) at = k;
        continue;
      }
      PaperSet in_scope = sets[k];
      keep_in_scope(in_scope);
      if (!in_scope.empty() && (rarest.empty() || in_scope.size() < rarest.size()))
        rarest = std::move(in_scope);
    }
    if (at) rarest = sets[*at];
  }
  const PaperSet& topic = full.empty() ? rarest : full;
  // Where the topic sits, counted once for every level.
  const std::vector<std::size_t> topic_counts =
      topic.empty() ? std::vector<std::size_t>{} : count_in_subtrees(m_corpus, topic);
  std::size_t listed = full.size();
  for (std::size_t need = sets.size() - 1; need >= 1; --need) {
    if (need + 1 < sets.size() && listed >= k_few_full_matches) break;
    PaperSet near(by_level.begin() + static_cast<std::ptrdiff_t>(level_at[need]),
                  by_level.begin() + static_cast<std::ptrdiff_t>(level_at[need + 1]));
    keep_in_scope(near);
    if (near.empty()) continue;
    listed += near.size();
    // Levels stop at 254 words lacking: 255 is the filled papers' (fill_from_topic).
    score_near(topic, topic_counts, near, named,
               static_cast<std::uint8_t>(std::min<std::size_t>(sets.size() - need, 254)));
  }
  fill_from_topic(sets.size(), named);
}

// A short page ends with the other papers of a category, as cluster-based retrieval returns a
// document's cluster. Where the query names a category below a top-level branch ("gptq",
// "retnet", whose paper no title names), of that one, whether the page holds full matches, near
// matches or nothing. Otherwise a page with near matches, still short when every paper holding any
// of the words is listed
// ("aligning feedback": one paper holds both words, five one of them), ends with the deepest
// category below a top-level branch whose subtree holds at least half of them, the one holding
// the best of them where two are as deep; a page of full matches only ("author:dao", "sinkhorn")
// is left as it is. Newest first, as `list` orders them, up to a page; they score 0, below every
// match.
void QueryEvaluator::fill_from_topic(std::size_t words, std::optional<CategoryIndex> named) {
  const std::size_t listed = m_result.papers.size();
  if (listed >= k_few_full_matches || words == 0) return;
  // In another order than relevance the added papers would stand among the matches; where
  // there are none, there is nothing to stand among.
  if (m_scope != nullptr && !m_scope->fill_from_category && listed != 0) return;
  if (named && m_corpus.category(*named).depth > 0 && !outside_scope_of(*named) &&
      fill_from(*named, listed, words))
    return;
  if (listed == 0) return;
  if (std::all_of(m_result.near.begin(), m_result.near.end(),
                  [](std::uint8_t n) { return n == 0; }))
    return;
  std::size_t best = 0;
  for (std::size_t i = 1; i < listed; ++i) {
    if (m_result.scores[i] > m_result.scores[best]) best = i;
  }
  auto best_cats = m_corpus.paper_categories(m_result.papers[best]);
  auto holds_best = [&](CategoryIndex c) {
    return std::any_of(best_cats.begin(), best_cats.end(),
                       [&](CategoryIndex b) { return m_corpus.in_subtree(b, c); });
  };
  std::vector<std::size_t> counts = count_in_subtrees(m_corpus, m_result.papers);
  // Within --in, only the categories of its subtree (a paper placed in two may sit outside too).
  auto outside_scope = [&](CategoryIndex c) {
    return m_scope != nullptr && m_scope->within.has_value() &&
           !m_corpus.in_subtree(c, m_scope->within.value());
  };
  std::optional<CategoryIndex> topic;
  for (CategoryIndex c = 0; c < counts.size(); ++c) {
    const Category& cat = m_corpus.category(c);
    if (cat.depth == 0 || counts[c] * 2 < listed || outside_scope(c)) continue;
    if (!topic) {
      topic = c;
      continue;
    }
    const Category& now = m_corpus.category(*topic);
    if (cat.depth > now.depth || (cat.depth == now.depth && holds_best(c) && !holds_best(*topic)))
      topic = c;
  }
  if (!topic) return;
  fill_from(*topic, listed, words);
}

void QueryEvaluator::rank_one(const QueryNode& query, std::optional<CategoryIndex> named) {
  PaperSet hits = eval(query, true);
  keep_in_scope(hits);  // so that the fill counts only what will be listed
  score(hits, named);
  fill_from_topic(1, named);
}

bool QueryEvaluator::outside_scope_of(CategoryIndex c) const {
  return m_scope != nullptr && m_scope->within.has_value() &&
         !m_corpus.in_subtree(c, m_scope->within.value()) &&
         !m_corpus.in_subtree(m_scope->within.value(), c);
}

bool QueryEvaluator::fill_from(CategoryIndex topic, std::size_t listed, std::size_t words) {
  PaperSet shown(m_result.papers.begin(), m_result.papers.end());
  std::sort(shown.begin(), shown.end());
  PaperSet others = subtract(m_corpus.papers_under(topic), shown);
  // In list order, then the first few the scope admits: a filter decodes only the papers it
  // passes over, not the whole category.
  const bool test = m_scope != nullptr && !m_scope->admits_all();
  SortOptions order;
  if (!test) order.first = k_few_full_matches - listed;  // every one of them is admitted
  sort_papers(m_corpus, others, order);
  PaperSet picked;
  for (PaperIndex p : others) {
    if (listed + picked.size() == k_few_full_matches) break;
    if (!test || m_scope->admits(m_corpus, p)) picked.push_back(p);
  }
  if (picked.empty()) return false;
  m_result.papers.insert(m_result.papers.end(), picked.begin(), picked.end());
  m_result.scores.resize(m_result.papers.size(), 0.0);
  m_result.near.resize(m_result.papers.size(),
                       static_cast<std::uint8_t>(std::min<std::size_t>(words, 255)));
  m_result.filled_from = topic;
  return true;
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
  Paper scratch;  // each paper of a snapshot is decoded for the test and let go
  std::erase_if(candidates, [&](PaperIndex p) {
    if (node.kind == Kind::in) {  // placements only: the paper itself is not decoded
      auto cats = m_corpus.paper_categories(p);
      return std::none_of(cats.begin(), cats.end(),
                          [&](CategoryIndex c) { return m_corpus.in_subtree(c, *root); });
    }
    const Paper& paper = m_corpus.paper_passing(p, scratch);
    switch (node.kind) {
      case Kind::year:
        return !node.years.contains(paper.year);
      case Kind::has_code:
        return !paper.has_code();
      case Kind::kind:
        return !iequals(paper.kind, node.text);
      case Kind::venue:
        return !iequals(normalize_venue(paper.venue), venue);
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

// A word typed as one that titles write as two: "flashattention" or "FlashAttention" finds
// "Flash Attention", "kvcache" finds "KV cache". Every split into two indexed words that stand
// together somewhere counts.
PaperSet QueryEvaluator::joined_words(const std::string& word, Field field, bool positive) {
  PaperSet hits;
  if (word.size() < 5 || word.size() > k_max_stemmed_word ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return hits;
  }
  for (std::size_t cut = 2; cut + 2 <= word.size(); ++cut) {
    std::string left = fold_term(word.substr(0, cut));
    std::string right = fold_term(word.substr(cut));
    if (!m_index.term_id(left) || !m_index.term_id(right)) continue;
    hits = unite(hits, phrase({left, right}, field, positive));
  }
  return hits;
}

PaperSet QueryEvaluator::word(const QueryNode& node, bool positive) {
  return unite_all(word_parts(node, positive), m_corpus.paper_count());
}

namespace {

bool holds_none(const PaperParts& parts) {
  return std::all_of(parts.begin(), parts.end(), [](const PaperSet& p) { return p.empty(); });
}

}  // namespace

PaperParts QueryEvaluator::word_parts(const QueryNode& node, bool positive) {
  std::vector<TextToken> tokens = tokenize(node.text);
  if (tokens.empty()) return {};  // no letters or digits: nothing to look for
  if (tokens.size() > 1) {
    PaperParts parts;
    parts.push_back(compound(tokens, node.field, positive));
    // Also the thesaurus term its parts make, indexed as one unit ("chain-of-thought").
    if (auto id = m_index.term_id(unit_term(node.text)))
      parts.push_back(terms({*id}, node.field, positive));
    return parts;
  }
  const std::string& term = tokens.front().term;
  const std::string typed = fold_case_accents(std::string_view(node.text).substr(
      tokens.front().begin, tokens.front().end - tokens.front().begin));
  auto id = m_index.term_id(term);
  PaperParts hits = id ? term_parts({*id}, node.field, positive) : PaperParts{};
  PaperSet joined = joined_words(typed, node.field, positive);
  if (!joined.empty()) hits.push_back(std::move(joined));
  if (!holds_none(hits) || !positive) return hits;
  // A word that is the start of indexed words ("quant") is read as a prefix before it is
  // read as a typo.
  std::vector<std::uint32_t> ids =
      typed.size() >= k_min_prefix_correction ? prefixed(typed) : std::vector<std::uint32_t>{};
  if (!ids.empty()) {
    hits = term_parts(ids, node.field, positive);
    if (!holds_none(hits)) {
      m_result.corrections.push_back({node.text, {typed + "*"}});
      return hits;
    }
  }
  auto near = corrections(typed, node.field);
  if (near.empty()) return hits;
  Correction correction{node.text, {}};
  ids.clear();
  for (auto& [i, text] : near) {
    ids.push_back(i);
    correction.used.push_back(std::move(text));
  }
  m_result.corrections.push_back(std::move(correction));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return term_parts(ids, node.field, positive);
}

// Several ids (a prefix, typo candidates) score as one term: a paper's count is the sum of its
// counts and the document frequency is that of the union, so a rare expansion ("quantease")
// does not outweigh a common one ("quantization"). The counts are summed by sorting the
// postings, or, when they outnumber the papers (a prefix such as "a*" with thousands of
// expansions), in a per-paper array: time in proportion to the postings, memory to the smaller
// of the postings and the papers.
PaperSet QueryEvaluator::terms(const std::vector<std::uint32_t>& ids, Field field, bool positive) {
  return unite_all(term_parts(ids, field, positive), m_corpus.paper_count());
}

PaperParts QueryEvaluator::term_parts(const std::vector<std::uint32_t>& ids, Field field,
                                      bool positive) {
  PaperParts parts;  // the papers found in each field
  if (positive) {
    for (std::uint32_t id : ids) {
      std::string_view term = m_index.m_vocabulary[id];
      // A thesaurus term indexed as a unit ("kv_cach") is in no title to highlight.
      if (term.find('_') == std::string_view::npos) remember_highlight(std::string(term), field);
    }
  }
  std::vector<std::uint32_t> counts, lengths;  // per paper, for many postings
  for (std::size_t f : fields_of(field)) {
    const SearchIndex::FieldIndex& index = m_index.m_fields[f];
    std::size_t postings = 0;
    for (std::uint32_t id : ids) postings += index.postings_of(id).size();
    if (postings == 0) continue;
    PaperSet touched;
    if (ids.size() == 1) {
      // One term: its postings are scored where they lie.
      std::span<const SearchIndex::Posting> list = index.postings_of(ids.front());
      touched.resize(list.size());
      for (std::size_t i = 0; i < list.size(); ++i) touched[i] = list[i].paper;
      if (positive) add_leaf(f, list, {});
      parts.push_back(std::move(touched));
      continue;
    }
    Docs docs;
    if (postings <= m_corpus.paper_count()) {
      docs.reserve(postings);
      for (std::uint32_t id : ids) {
        for (const auto& posting : index.postings_of(id))
          docs.push_back({posting.paper, posting.count, posting.length});
      }
      std::sort(docs.begin(), docs.end(),
                [](const Doc& a, const Doc& b) { return a.paper < b.paper; });
      std::size_t kept = 0;
      for (const auto& d : docs) {
        if (kept > 0 && docs[kept - 1].paper == d.paper) {
          docs[kept - 1].count += d.count;
        } else {
          docs[kept++] = d;
        }
      }
      docs.resize(kept);
    } else {
      if (counts.empty()) {
        counts.assign(m_corpus.paper_count(), 0);
        lengths.assign(m_corpus.paper_count(), 0);
      }
      for (std::uint32_t id : ids) {
        for (const auto& posting : index.postings_of(id)) {
          counts[posting.paper] += posting.count;
          lengths[posting.paper] = posting.length;
        }
      }
      for (PaperIndex p = 0; p < counts.size(); ++p) {
        if (counts[p] == 0) continue;
        docs.push_back({p, counts[p], lengths[p]});
        counts[p] = 0;
      }
    }
    touched.resize(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) touched[i] = docs[i].paper;
    if (positive) add_leaf(f, {}, std::move(docs));
    parts.push_back(std::move(touched));
  }
  return parts;
}

namespace {

// The words of a query made only of plain words in the default fields ("kv cache"), joined by
// spaces; empty for anything else.
std::string plain_words(const QueryNode& query) {
  using Kind = QueryNode::Kind;
  auto plain = [](const QueryNode& n) {
    return (n.kind == Kind::word || n.kind == Kind::phrase) && n.field == Field::any;
  };
  if (plain(query)) return query.text;
  if (query.kind != Kind::all_of) return {};
  std::string out;
  for (const QueryNode& child : query.children) {
    if (!plain(child)) return {};
    out += (out.empty() ? "" : " ") + child.text;
  }
  return out;
}

// A query of plain words that is a paper's id, slugified ("lora", "LLM.int8", "flashattention
// 2"): people type a paper's short name to find it, so that paper, when it holds every word,
// comes first, its score k_named_paper_boost times the best one.
constexpr double k_named_paper_boost = 1.25;

void put_named_paper_first(const Corpus& corpus, const std::string& words, SearchResult& result) {
  std::optional<PaperIndex> named = corpus.find_paper(slugify(words));
  if (!named) return;
  double best = 0;
  std::optional<std::size_t> at;
  for (std::size_t i = 0; i < result.papers.size(); ++i) {
    if (result.near[i] != 0) continue;
    best = std::max(best, result.scores[i]);
    if (result.papers[i] == *named) at = i;
  }
  if (at && best > 0) result.scores[*at] = best * k_named_paper_boost;
}

}  // namespace

SearchResult SearchIndex::search(const QueryNode& query) const {
  return search(query, nullptr);
}

SearchResult SearchIndex::search(const QueryNode& query, const SearchScope& scope) const {
  return search(query, &scope);
}

SearchResult SearchIndex::search(const QueryNode& query, const SearchScope* scope) const {
  SearchResult result;
  QueryEvaluator evaluator(*this, result, scope);
  std::string words = plain_words(query);
  std::optional<CategoryIndex> named =
      words.empty() ? std::nullopt : category_named_by(m_corpus, words);
  if (!words.empty() && query.kind == QueryNode::Kind::all_of) {
    std::vector<const QueryNode*> texts;
    for (const QueryNode& child : query.children) {
      if (!is_empty_text(child)) texts.push_back(&child);
    }
    evaluator.rank_words(texts, named);
  } else {
    if (words.empty()) {
      evaluator.score(evaluator.eval(query, true), named);
    } else {
      evaluator.rank_one(query, named);
    }
  }
  result.near.resize(result.papers.size(), 0);
  if (scope != nullptr) filter_result(m_corpus, result, scope->filters, scope->within);
  if (!words.empty() && !evaluator.listed_in_order())
    put_named_paper_first(m_corpus, words, result);
  rank_result(result, evaluator.listed_in_order(), scope != nullptr ? scope->ranked : SIZE_MAX);
  std::sort(result.highlight.begin(), result.highlight.end());
  result.highlight.erase(std::unique(result.highlight.begin(), result.highlight.end()),
                         result.highlight.end());
  return result;
}

bool SearchScope::admits(const Corpus& corpus, PaperIndex p) const {
  // Without filters a paper is not decoded (a compiled snapshot's stay where they are).
  if (!filters.keep_all()) {
    Paper scratch;  // a paper of a snapshot is decoded for the test and let go
    if (!filters.matches(corpus.paper_passing(p, scratch))) return false;
  }
  if (!within) return true;
  auto cats = corpus.paper_categories(p);
  return std::any_of(cats.begin(), cats.end(),
                     [&](CategoryIndex c) { return corpus.in_subtree(c, *within); });
}

void filter_result(const Corpus& corpus, SearchResult& result, const Filters& filters,
                   std::optional<CategoryIndex> within) {
  const SearchScope scope{filters, within};
  result.near.resize(result.papers.size(), 0);
  if (scope.admits_all()) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < result.papers.size(); ++i) {
    PaperIndex p = result.papers[i];
    if (!scope.admits(corpus, p)) continue;
    result.papers[kept] = p;
    result.scores[kept] = result.scores[i];
    result.near[kept] = result.near[i];
    ++kept;
  }
  result.papers.resize(kept);
  result.scores.resize(kept);
  result.near.resize(kept);
}

}  // namespace papertree
