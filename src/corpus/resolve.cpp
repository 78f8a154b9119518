#include <algorithm>

#include <fmt/format.h>

#include "papertree/corpus/corpus.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::vector<CategoryIndex> matching(const Corpus& corpus, auto&& pred) {
  std::vector<CategoryIndex> out;
  auto cats = corpus.categories();
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    if (pred(cats[c])) out.push_back(c);
  }
  return out;
}

std::string candidate_list(const Corpus& corpus, const std::vector<CategoryIndex>& candidates) {
  std::string out;
  constexpr std::size_t k_shown = 12;
  for (std::size_t i = 0; i < candidates.size() && i < k_shown; ++i) {
    const Category& c = corpus.category(candidates[i]);
    out += fmt::format("  {}  ({})\n", c.path, sanitize_for_display(c.name));
  }
  if (candidates.size() > k_shown)
    out += fmt::format("  … and {} more\n", candidates.size() - k_shown);
  if (!out.empty()) out.pop_back();
  return out;
}

// The closest names to `wanted`, by edit distance on lower-case names and ids.
std::vector<CategoryIndex> closest(const Corpus& corpus, const std::string& wanted) {
  std::vector<std::pair<std::size_t, CategoryIndex>> scored;
  auto cats = corpus.categories();
  std::string wanted_slug = slugify(wanted);
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    std::size_t d = std::min(edit_distance(wanted, fold_case_accents(cats[c].name)),
                             edit_distance(wanted_slug, cats[c].id));
    scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end());
  std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<CategoryIndex> out;
  for (const auto& [d, c] : scored) {
    if (d > limit || out.size() == 3) break;
    out.push_back(c);
  }
  return out;
}

}  // namespace

CategoryIndex resolve_category(const Corpus& corpus, std::string_view raw) {
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
  if (exact.size() > 1) {
    throw UsageError(fmt::format("category \"{}\" is ambiguous; it names {} categories:",
                                 sanitize_for_display(text), exact.size()),
                     candidate_list(corpus, exact));
  }

  // A prefix of an id, a name or a path, or a trailing part of a path.
  auto prefixed = matching(corpus, [&](const Category& c) {
    std::string name = fold_case_accents(c.name);
    return c.id.starts_with(slug.empty() ? folded : slug) || name.starts_with(folded) ||
           c.path.starts_with(folded) || c.path.ends_with("/" + folded);
  });
  if (prefixed.size() == 1) return prefixed.front();
  // "quant" matches Quantization and categories below it: the top one is what was meant.
  // Pre-order puts a would-be ancestor first.
  if (prefixed.size() > 1 && std::all_of(prefixed.begin(), prefixed.end(), [&](CategoryIndex c) {
        return corpus.in_subtree(c, prefixed.front());
      })) {
    return prefixed.front();
  }
  if (prefixed.size() > 1) {
    throw UsageError(fmt::format("category \"{}\" is ambiguous; it matches {} categories:",
                                 sanitize_for_display(text), prefixed.size()),
                     candidate_list(corpus, prefixed));
  }

  auto near = closest(corpus, folded);
  std::string message = fmt::format("unknown category \"{}\"", sanitize_for_display(text));
  if (!near.empty()) {
    std::vector<std::string> names;
    for (CategoryIndex c : near)
      names.push_back(fmt::format("\"{}\"", sanitize_for_display(corpus.category(c).name)));
    message += fmt::format("; did you mean {}?", fmt::join(names, " or "));
  }
  throw UsageError(message, "run 'papertree tree' to see every category");
}

}  // namespace papertree
