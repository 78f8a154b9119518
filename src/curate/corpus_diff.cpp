// `papertree diff OLD NEW`: matching papers and categories across two versions of a corpus.
#include "papertree/curate/corpus_diff.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::string title_key(std::string_view title) {
  std::string folded = fold_case_accents(title);
  std::string out;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

std::string links_text(const std::vector<Link>& links) {
  std::string out;
  for (const Link& l : links) out += (out.empty() ? "" : " ") + l.label + "=" + l.url;
  return out;
}

std::string authors_text(const std::vector<Author>& authors) {
  std::string out;
  for (const Author& a : authors) {
    std::string name =
        a.literal.empty() ? (a.given.empty() ? a.family : a.given + " " + a.family) : a.literal;
    out += (out.empty() ? "" : "; ") + name;
  }
  return out;
}

std::vector<FieldChange> field_changes(const Paper& a, const Paper& b) {
  std::vector<FieldChange> out;
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({name, x, y});
  };
  field("title", a.title, b.title);
  field("venue", a.venue, b.venue);
  field("year", a.year ? std::to_string(a.year) : "", b.year ? std::to_string(b.year) : "");
  field("kind", a.kind, b.kind);
  field("links", links_text(a.links), links_text(b.links));
  field("authors", authors_text(a.authors), authors_text(b.authors));
  field("arxiv", a.arxiv, b.arxiv);
  field("doi", a.doi, b.doi);
  return out;
}

// Which paper of `before` each paper of `after` is: the same arXiv id, else DOI, else normalised
// title, else id (ids follow titles, so an id alone is the weakest sign: "lora" may be LoRA in
// one version and LoRA+ in the next); each old paper matched at most once.
std::vector<std::optional<PaperIndex>> match_papers(const Corpus& before, const Corpus& after) {
  std::unordered_map<std::string, PaperIndex> by_arxiv, by_doi, by_id, by_title;
  for (PaperIndex p = 0; p < before.papers().size(); ++p) {
    const Paper& paper = before.paper(p);
    if (!paper.arxiv.empty()) by_arxiv.emplace(paper.arxiv, p);
    if (!paper.doi.empty()) by_doi.emplace(ascii_lower(paper.doi), p);
    by_id.emplace(paper.id, p);
    by_title.emplace(title_key(paper.title), p);
  }
  std::vector<bool> taken(before.papers().size(), false);
  std::vector<std::optional<PaperIndex>> match(after.papers().size());
  auto try_match = [&](const std::unordered_map<std::string, PaperIndex>& table,
                       const std::string& key, PaperIndex q) {
    if (match[q] || key.empty()) return;
    auto it = table.find(key);
    if (it != table.end() && !taken[it->second]) {
      match[q] = it->second;
      taken[it->second] = true;
    }
  };
  // One pass per key, so that a strong match (arXiv) is never taken by a weak one (title).
  for (PaperIndex q = 0; q < after.papers().size(); ++q)
    try_match(by_arxiv, after.paper(q).arxiv, q);
  for (PaperIndex q = 0; q < after.papers().size(); ++q)
    try_match(by_doi, ascii_lower(after.paper(q).doi), q);
  for (PaperIndex q = 0; q < after.papers().size(); ++q)
    try_match(by_title, title_key(after.paper(q).title), q);
  for (PaperIndex q = 0; q < after.papers().size(); ++q) try_match(by_id, after.paper(q).id, q);
  return match;
}

CategoryRef ref_of(const Corpus& corpus, CategoryIndex c) {
  return {corpus.category(c).id, corpus.category(c).name, corpus.display_path(c)};
}

// The papers of a category, by title key, for matching renamed categories: those placed in it
// directly, or, for a category that holds none (a parent), those of its whole subtree.
std::vector<std::string> paper_keys(const Corpus& corpus, CategoryIndex c) {
  bool direct = corpus.category(c).direct_count != 0;
  std::vector<std::string> keys;
  for (PaperIndex p : corpus.papers_under(c, direct))
    keys.push_back(title_key(corpus.paper(p).title));
  std::sort(keys.begin(), keys.end());
  keys.push_back(direct ? "direct" : "subtree");  // only like is compared with like
  return keys;
}

void diff_categories(const Corpus& before, const Corpus& after, CorpusDiff& diff) {
  std::vector<bool> old_matched(before.categories().size(), false);
  std::vector<CategoryIndex> unmatched_new;
  for (CategoryIndex c = 0; c < after.categories().size(); ++c) {
    std::optional<CategoryIndex> old = before.find_category(after.category(c).id);
    if (!old) {
      unmatched_new.push_back(c);
      continue;
    }
    old_matched[*old] = true;
    if (before.category(*old).name != after.category(c).name) {
      diff.categories_renamed.push_back({ref_of(before, *old), ref_of(after, c)});
    }
  }
  // A new id for an old category: the unmatched old one whose papers overlap most, if the common
  // papers are at least half of each side's.
  for (CategoryIndex c : unmatched_new) {
    std::vector<std::string> mine = paper_keys(after, c);
    std::optional<CategoryIndex> best;
    std::size_t best_common = 0;
    for (CategoryIndex o = 0; o < before.categories().size(); ++o) {
      if (old_matched[o]) continue;
      std::vector<std::string> theirs = paper_keys(before, o);
      if (theirs.back() != mine.back()) continue;
      std::vector<std::string> common;
      std::set_intersection(mine.begin(), mine.end() - 1, theirs.begin(), theirs.end() - 1,
                            std::back_inserter(common));
      bool enough = !common.empty() && 2 * common.size() >= mine.size() - 1 &&
                    2 * common.size() >= theirs.size() - 1;
      if (enough && common.size() > best_common) {
        best = o;
        best_common = common.size();
      }
    }
    if (best) {
      old_matched[*best] = true;
      diff.categories_renamed.push_back({ref_of(before, *best), ref_of(after, c)});
    } else {
      diff.categories_added.push_back(ref_of(after, c));
    }
  }
  for (CategoryIndex o = 0; o < before.categories().size(); ++o) {
    if (!old_matched[o]) diff.categories_removed.push_back(ref_of(before, o));
  }
}

}  // namespace

bool CorpusDiff::empty() const {
  return added.empty() && removed.empty() && moved.empty() && changed.empty() &&
         categories_added.empty() && categories_removed.empty() && categories_renamed.empty();
}

CorpusDiff diff_corpora(const Corpus& before, const Corpus& after) {
  CorpusDiff diff;
  diff_categories(before, after, diff);
  // A placement is compared through the category matching: an old category renamed to a new id
  // counts as the same place.
  std::map<std::string, std::string> old_to_new;
  for (const CategoryRename& r : diff.categories_renamed) old_to_new[r.before.id] = r.after.id;
  auto placed = [&](const Paper& paper, bool map_old) {
    std::vector<std::string> cats = paper.categories;
    if (map_old) {
      for (std::string& c : cats)
        if (auto it = old_to_new.find(c); it != old_to_new.end()) c = it->second;
    }
    std::sort(cats.begin(), cats.end());
    return cats;
  };
  std::vector<std::optional<PaperIndex>> match = match_papers(before, after);
  std::vector<bool> old_seen(before.papers().size(), false);
  for (PaperIndex q = 0; q < after.papers().size(); ++q) {
    const Paper& now = after.paper(q);
    if (!match[q]) {
      diff.added.push_back(&now);
      continue;
    }
    old_seen[*match[q]] = true;
    const Paper& was = before.paper(*match[q]);
    PaperChange change{was.id, now.id, now.title, {}, {}, field_changes(was, now)};
    bool moved = placed(was, true) != placed(now, false);
    if (moved) {
      change.old_categories = was.categories;
      change.new_categories = now.categories;
      diff.moved.push_back(std::move(change));
    } else if (!change.fields.empty()) {
      diff.changed.push_back(std::move(change));
    }
  }
  for (PaperIndex p = 0; p < before.papers().size(); ++p) {
    if (!old_seen[p]) diff.removed.push_back(&before.paper(p));
  }
  return diff;
}

}  // namespace papertree
