#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "papertree/corpus/corpus.hpp"
#include "papertree/corpus/thesaurus.hpp"
#include "papertree/error.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/english.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : tokenize(text)) out.push_back(std::move(t.term));
  return out;
}

// True when `query` occurs as consecutive words of `name`; the last query word may be the start
// of a name word ("distill" → "Distillation"), except for a one-letter word.
bool phrase_in(const std::vector<std::string>& query, const std::vector<std::string>& name,
               bool allow_prefix = true) {
  if (query.empty() || query.size() > name.size()) return false;
  for (std::size_t at = 0; at + query.size() <= name.size(); ++at) {
    bool ok = true;
    for (std::size_t i = 0; i < query.size() && ok; ++i) {
      const std::string& q = query[i];
      const std::string& n = name[at + i];
      bool last = i + 1 == query.size();
      ok = n == q || (allow_prefix && last && q.size() >= 3 && n.starts_with(q));
    }
    if (ok) return true;
  }
  return false;
}

// Every query word is a word of the name, in any order.
bool words_in(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  return !query.empty() && std::all_of(query.begin(), query.end(), [&](const std::string& q) {
    return std::find(name.begin(), name.end(), q) != name.end();
  });
}

std::vector<CategoryIndex> matching(const Corpus& corpus, auto&& pred) {
  std::vector<CategoryIndex> out;
  auto cats = corpus.categories();
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    if (pred(cats[c])) out.push_back(c);
  }
  return out;
}

// The match that holds all the others in its subtree (pre-order puts it first), if any.
std::optional<CategoryIndex> common_top(const Corpus& corpus,
                                        const std::vector<CategoryIndex>& found) {
  if (found.empty()) return {};
  if (std::all_of(found.begin(), found.end(),
                  [&](CategoryIndex c) { return corpus.in_subtree(c, found.front()); })) {
    return found.front();
  }
  return {};
}

std::string candidate_list(const Corpus& corpus, const std::vector<CategoryIndex>& candidates) {
  constexpr std::size_t k_shown = 40;
  std::size_t id_width = 0;
  for (std::size_t i = 0; i < candidates.size() && i < k_shown; ++i)
    id_width = std::max(id_width, display_width(corpus.category(candidates[i]).id));
  std::string out;
  for (std::size_t i = 0; i < candidates.size() && i < k_shown; ++i) {
    const Category& c = corpus.category(candidates[i]);
    out += fmt::format("  {:<{}}  {:>4} {}  {}\n", c.id, id_width, c.total_papers,
                       c.total_papers == 1 ? "paper " : "papers",
                       sanitize_for_display(corpus.display_path(candidates[i])));
  }
  if (candidates.size() > k_shown)
    out += fmt::format("  … and {} more\n", candidates.size() - k_shown);
  out += "give one of these ids";
  return out;
}

[[noreturn]] void ambiguous(const Corpus& corpus, std::string_view text,
                            const std::vector<CategoryIndex>& found) {
  throw UsageError(fmt::format("category {} is ambiguous; it matches {} categories:",
                               quote_for_message(text), found.size()),
                   candidate_list(corpus, found));
}

// The closest names to `wanted`: by edit distance to the whole name, the id, any word of the
// name, or a synonym; at most three, closest first, none below another.
std::vector<CategoryIndex> closest(const Corpus& corpus, const std::string& wanted) {
  std::vector<std::pair<std::size_t, CategoryIndex>> scored;
  auto cats = corpus.categories();
  std::string wanted_slug = slugify(wanted);
  std::vector<std::string> wanted_words = terms_of(wanted);
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    std::size_t d = std::min(edit_distance(wanted, fold_case_accents(cats[c].name)),
                             edit_distance(wanted_slug, cats[c].id));
    if (wanted_words.size() == 1) {
      // One word: compare with each word of the name, unstemmed and stemmed.
      for (const TextToken& t : tokenize(cats[c].name)) {
        std::string raw = fold_case_accents(cats[c].name.substr(t.begin, t.end - t.begin));
        if (raw.size() >= 4)
          d = std::min({d, edit_distance(wanted, raw), edit_distance(wanted_words[0], t.term)});
      }
    }
    scored.emplace_back(d, c);
  }
  const std::size_t limit = std::clamp<std::size_t>(wanted.size() / 3, 1, 3);
  for (const Synonym& s : thesaurus()) {
    if (s.typed.size() < 4) continue;
    std::size_t d = edit_distance(wanted, s.typed);
    if (d > limit) continue;  // too far to be suggested
    std::vector<std::string> means = terms_of(s.means);
    for (CategoryIndex c = 0; c < cats.size(); ++c) {
      if (phrase_in(means, terms_of(cats[c].name), false)) scored.emplace_back(d, c);
    }
  }
  std::stable_sort(scored.begin(), scored.end());
  std::vector<CategoryIndex> out;
  for (const auto& [d, c] : scored) {
    if (d > limit || out.size() == 3) break;
    // A category below one already suggested adds nothing ("Quantization" covers
    // "Post-Training Quantization").
    if (std::none_of(out.begin(), out.end(),
                     [&, c = c](CategoryIndex o) { return corpus.in_subtree(c, o); })) {
      out.push_back(c);
    }
  }
  return out;
}

// `folded`, one word, as the two adjacent words of a category name it joins ("pretraining" ->
// "pre training" for "Efficient Pre-Training"), or nothing.
std::optional<std::string> split_as_in_names(const Corpus& corpus, std::string_view folded) {
  if (folded.size() < 4 || word_spans(folded).size() != 1) return {};
  for (const Category& c : corpus.categories()) {
    std::string name = fold_case_accents(c.name);
    auto spans = word_spans(name);
    for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
      std::string_view first =
          std::string_view(name).substr(spans[i].first, spans[i].second - spans[i].first);
      std::string_view second = std::string_view(name).substr(
          spans[i + 1].first, spans[i + 1].second - spans[i + 1].first);
      if (first.size() + second.size() == folded.size() && folded.starts_with(first) &&
          folded.ends_with(second))
        return std::string(first) + " " + std::string(second);
    }
  }
  return {};
}

// The words of `text`, folded, in the form typed (singular_form).
std::vector<std::string> typed_forms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : word_spans(text))
    out.push_back(singular_form(fold_case_accents(text.substr(begin, end - begin))));
  return out;
}

// Of several matches, the one whose name holds every word of `text` in the form typed, where the
// others only share a stem with it: "adapter" is Adapter-based Tuning, not also Low-Rank
// Adaptation. Nothing when no such category, or no single top of them, is found.
std::optional<CategoryIndex> by_typed_forms(const Corpus& corpus, std::string_view text,
                                            const std::vector<CategoryIndex>& found) {
  if (found.size() < 2) return {};
  std::vector<std::string> typed = typed_forms(text);
  if (typed.empty()) return {};
  std::vector<CategoryIndex> kept;
  for (CategoryIndex c : found) {
    std::vector<std::string> name = typed_forms(corpus.category(c).name);
    if (std::all_of(typed.begin(), typed.end(), [&](const std::string& t) {
          return std::find(name.begin(), name.end(), t) != name.end();
        }))
      kept.push_back(c);
  }
  if (kept.size() == found.size()) return {};
  return common_top(corpus, kept);
}

// Categories whose name holds `words` as a phrase, or whose id, name or path starts with the
// text, or whose path ends with it.
std::vector<CategoryIndex> by_phrase_or_prefix(const Corpus& corpus, const std::string& folded,
                                               const std::string& slug,
                                               const std::vector<std::string>& words) {
  return matching(corpus, [&](const Category& c) {
    std::string name = fold_case_accents(c.name);
    return c.id.starts_with(slug.empty() ? folded : slug) || name.starts_with(folded) ||
           c.path.starts_with(folded) || c.path.ends_with("/" + folded) ||
           phrase_in(words, terms_of(c.name));
  });
}

}  // namespace

std::vector<std::vector<CategorySynonym>> category_synonyms(const Corpus& corpus) {
  const auto& cats = corpus.categories();
  std::vector<std::vector<std::string>> names;
  for (const Category& c : cats) names.push_back(terms_of(c.name));
  // The categories each word names: those whose name holds it, then those with it as a one-word
  // entry ("lora"). Looked up by word, so a corpus of many categories is not read per entry.
  std::unordered_map<std::string, std::vector<CategoryIndex>> naming;
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    for (const std::string& w : names[c]) {
      auto& list = naming[w];
      if (list.empty() || list.back() != c) list.push_back(c);
    }
  }
  // Each entry's category, if it names one (or one subtree) of this corpus.
  std::vector<std::optional<CategoryIndex>> top;
  for (const Synonym& s : thesaurus()) {
    std::vector<std::string> means = terms_of(s.means);
    std::vector<CategoryIndex> found;
    if (auto it = means.empty() ? naming.end() : naming.find(means.front()); it != naming.end()) {
      for (CategoryIndex c : it->second) {
        if (phrase_in(means, names[c], false)) found.push_back(c);
      }
    }
    top.push_back(common_top(corpus, found));
  }
  for (std::size_t i = 0; i < thesaurus().size(); ++i) {
    std::vector<std::string> words = terms_of(thesaurus()[i].typed);
    if (top[i] && words.size() == 1) naming[words.front()].push_back(*top[i]);
  }
  auto names_another = [&](const std::string& word, CategoryIndex t) {
    auto it = naming.find(word);
    if (it == naming.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](CategoryIndex c) {
      return !corpus.in_subtree(c, t) && !corpus.in_subtree(t, c);
    });
  };
  std::vector<std::vector<CategorySynonym>> out(cats.size());
  for (std::size_t i = 0; i < thesaurus().size(); ++i) {
    if (!top[i] || !thesaurus()[i].term) continue;
    std::string_view typed = thesaurus()[i].typed;
    std::vector<TextToken> words = tokenize(typed);
    if (words.empty()) continue;
    CategorySynonym entry{unit_term(typed), std::string(typed), {}};
    // The last word is the thing a term names when it stands on its own ("batching" of
    // "continuous batching"), not when a hyphen ties it to the word before ("free" of
    // "attention-free", "autoregressive" of "non-autoregressive").
    const TextToken& head = words.back();
    const bool own = words.size() == 1 || (head.begin > 0 && typed[head.begin - 1] == ' ');
    if (words.size() == 1 || (own && !names_another(head.term, *top[i])))
      entry.words = typed.substr(head.begin, head.end - head.begin);
    out[*top[i]].push_back(std::move(entry));
  }
  return out;
}

std::optional<CategoryIndex> category_named_by(const Corpus& corpus, std::string_view text) {
  std::vector<std::string> words = terms_of(text);
  if (words.empty()) return {};
  std::string slug = slugify(text);
  std::string folded = fold_case_accents(trim(text));
  for (const Synonym& s : thesaurus()) {
    if (slugify(s.typed) != slug && s.typed != folded) continue;
    std::vector<std::string> means = terms_of(s.means);
    auto found = matching(
        corpus, [&](const Category& c) { return phrase_in(means, terms_of(c.name), false); });
    if (auto top = common_top(corpus, found)) return top;
  }
  // A category named exactly so is meant, even where longer names hold the words too
  // ("efficient pre-training", not also "Data Selection for Efficient Pre-Training").
  auto exact = matching(corpus, [&](const Category& c) { return terms_of(c.name) == words; });
  if (exact.size() == 1) return exact.front();
  auto found = matching(
      corpus, [&](const Category& c) { return phrase_in(words, terms_of(c.name), false); });
  if (auto top = common_top(corpus, found)) return top;
  return by_typed_forms(corpus, text, found);
}

namespace {

// resolve_category, naming the category `shown` in its errors (the text as typed).
CategoryIndex resolve_as(const Corpus& corpus, std::string_view raw, std::string_view shown);

}  // namespace

CategoryIndex resolve_category(const Corpus& corpus, std::string_view raw) {
  return resolve_as(corpus, raw, trim(raw));
}

namespace {

CategoryIndex resolve_as(const Corpus& corpus, std::string_view raw, std::string_view shown) {
  std::string text(trim(raw));
  while (!text.empty() && text.back() == '/') text.pop_back();
  if (text.empty()) throw UsageError("empty category name");
  if (auto c = corpus.find_category(text)) return *c;

  std::string folded = fold_case_accents(text);
  std::string slug = slugify(text);
  if (auto c = corpus.find_category(slug); c && folded.find('/') == std::string::npos) return *c;

  // Exact: a full id path, or the name, compared case-insensitively.
  auto exact = matching(corpus, [&](const Category& c) {
    return c.path == folded || fold_case_accents(c.name) == folded;
  });
  if (exact.size() == 1) return exact.front();
  if (exact.size() > 1) ambiguous(corpus, shown, exact);

  // An abbreviation or everyday name: the category its expansion names.
  std::vector<std::string> words = terms_of(folded);
  for (const Synonym& s : thesaurus()) {
    if (slugify(s.typed) != slug && s.typed != folded) continue;
    std::vector<std::string> means = terms_of(s.means);
    auto found = matching(
        corpus, [&](const Category& c) { return phrase_in(means, terms_of(c.name), false); });
    if (auto top = common_top(corpus, found)) return *top;
  }

  // A prefix of an id, a name or a path, a trailing part of a path, or words of a name
  // ("pruning", "kv cache"). Matches that all lie below one of them mean that top one
  // ("quant" → Quantization, "pruning" → Parameter Pruning).
  {
    auto found = by_phrase_or_prefix(corpus, folded, slug, words);
    if (auto top = common_top(corpus, found)) return *top;
    if (auto top = by_typed_forms(corpus, folded, found)) return *top;
    if (found.size() > 1) ambiguous(corpus, shown, found);
  }

  // A search over the names: all the words, in any order ("quantization weight only").
  auto found =
      matching(corpus, [&](const Category& c) { return words_in(words, terms_of(c.name)); });
  if (auto top = common_top(corpus, found)) return *top;
  if (auto top = by_typed_forms(corpus, folded, found)) return *top;
  if (found.size() > 1) ambiguous(corpus, shown, found);

  // One word that ends thesaurus entries, as typed (up to a plural s): the thing they name
  // ("eviction", of "kv eviction" and "cache eviction"; "batching", of "continuous batching"
  // and "dynamic batching", not "batch prompting"), so the categories those entries mean.
  if (auto heads = typed_forms(folded); heads.size() == 1 && heads.front().size() >= 3) {
    std::vector<CategoryIndex> found;
    for (const Synonym& s : thesaurus()) {
      // A term's last word standing on its own (not "free" of "attention-free"; no method's
      // name: "most" of "least-to-most").
      std::vector<std::string> typed = typed_forms(s.typed);
      std::size_t space = s.typed.rfind(' ');
      if (!s.term || typed.size() < 2 || typed.back() != heads.front() ||
          space == std::string_view::npos ||
          s.typed.substr(space + 1).find_first_of("-:/.'") != std::string_view::npos)
        continue;
      std::vector<std::string> means = terms_of(s.means);
      auto named = matching(
          corpus, [&](const Category& c) { return phrase_in(means, terms_of(c.name), false); });
      if (auto top = common_top(corpus, named);
          top && std::find(found.begin(), found.end(), *top) == found.end())
        found.push_back(*top);
    }
    if (auto top = common_top(corpus, found)) return *top;
    if (found.size() > 1) ambiguous(corpus, shown, found);
  }

  // One word that two adjacent words of a name make ("pretraining", "finetuning"): read as
  // those two words, as search does.
  if (auto split = split_as_in_names(corpus, folded)) return resolve_as(corpus, *split, shown);

  auto near = closest(corpus, folded);
  std::string message = "unknown category " + quote_for_message(shown);
  if (!near.empty()) {
    std::vector<std::string> names;
    for (CategoryIndex c : near)
      names.push_back(fmt::format("\"{}\"", sanitize_for_display(corpus.category(c).name)));
    message += fmt::format("; did you mean {}?", fmt::join(names, " or "));
  }
  throw UsageError(message, "run 'papertree tree --ids' to see every category and its id");
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += w;
  return out;
}

}  // namespace

bool is_framework_word(const Corpus& corpus, std::string_view word) {
  for (const Framework& f : corpus.frameworks()) {
    for (std::string_view text : {std::string_view(f.id), std::string_view(f.name)}) {
      for (const std::string& w : folded_words(text))
        if (w == word) return true;
    }
  }
  return false;
}

const Framework* framework_named_by(const Corpus& corpus, std::string_view words) {
  const std::vector<std::string> typed = folded_words(words);
  if (typed.empty()) return nullptr;
  const std::string whole = joined(typed);
  for (const Framework& f : corpus.frameworks()) {
    if (whole == joined(folded_words(f.id)) || whole == joined(folded_words(f.name))) return &f;
  }
  // One word of a name only where it is a name itself: "tensorrt", not "foundry" of LLM-Foundry
  // or "pruning" of a "Fast Pruning Toolkit".
  if (typed.size() != 1 || typed.front().size() < 4 || is_english_word(typed.front()) ||
      category_named_by(corpus, typed.front()))
    return nullptr;
  for (const Framework& f : corpus.frameworks()) {
    for (const std::string& w : folded_words(f.name))
      if (w == typed.front()) return &f;
  }
  return nullptr;
}

}  // namespace papertree
