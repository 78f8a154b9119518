// Says which filter of an empty selection matches no paper of the corpus at all, and what the
// corpus has instead (docs/query-language.md, "Filters").
#include <algorithm>
#include <map>
#include <set>

#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// Calls `visit` with every paper in turn until it returns false; from a snapshot each paper is
// decoded into one scratch paper and let go, so a pass holds one paper, not the corpus.
template <class Visit>
void each_paper(const Corpus& corpus, Visit visit) {
  Paper scratch;
  for (PaperIndex p = 0; p < corpus.paper_count(); ++p)
    if (!visit(corpus.paper_passing(p, scratch))) return;
}

bool any_paper(const Corpus& corpus, const Filters& filters) {
  bool found = false;
  each_paper(corpus, [&](const Paper& paper) {
    found = filters.matches(paper);
    return !found;
  });
  return found;
}

// The spelling of `names` that `typed` most likely means (likeliest_name), compared with case
// and accents folded; empty when none is that close.
std::string nearest(const std::set<std::string>& names, std::string_view typed) {
  std::string folded = fold_case_accents(trim(typed));
  if (folded.empty()) return {};
  std::vector<Spelling> spellings;
  spellings.reserve(names.size());
  for (const std::string& name : names) spellings.push_back({fold_case_accents(name), name});
  return likeliest_name(spellings, folded);
}

std::string venue_note(const Corpus& corpus, const std::string& venue) {
  std::map<std::string, std::size_t> counts;
  each_paper(corpus, [&](const Paper& paper) {
    std::string name = normalize_venue(paper.venue);
    if (!name.empty()) ++counts[name];
    return true;
  });
  std::string note = "no paper has the venue " + quote_for_message(venue);
  if (counts.empty()) return note;
  std::set<std::string> names;
  for (const auto& [name, count] : counts) names.insert(name);
  if (std::string near = nearest(names, venue); !near.empty())
    return note + "; did you mean \"" + near + "\"?";
  std::vector<std::pair<std::string, std::size_t>> common(counts.begin(), counts.end());
  std::stable_sort(common.begin(), common.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  note += "; venues include ";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, common.size()); ++i)
    note += (i > 0 ? ", " : "") + common[i].first;
  return note;
}

std::string author_note(const Corpus& corpus, const std::string& author) {
  std::set<std::string> names;
  each_paper(corpus, [&](const Paper& paper) {
    for (const Author& a : paper.authors) {
      names.insert(display_name(a));
      if (!a.family.empty()) names.insert(a.family);
    }
    return true;
  });
  std::string note = "no paper is by " + quote_for_message(author);
  if (std::string near = nearest(names, author); !near.empty())
    note += "; did you mean \"" + near + "\"?";
  return note;
}

std::string years_text(const YearRange& r) {
  if (r.min == r.max) return std::to_string(r.min);
  if (r.min == INT_MIN) return "before " + std::to_string(r.max + 1);
  if (r.max == INT_MAX) return std::to_string(r.min) + " or later";
  return std::to_string(r.min) + " to " + std::to_string(r.max);
}

std::string year_note(const Corpus& corpus, const YearRange& years) {
  int lo = INT_MAX, hi = INT_MIN;
  each_paper(corpus, [&](const Paper& paper) {
    if (paper.year != 0) {
      lo = std::min(lo, paper.year);
      hi = std::max(hi, paper.year);
    }
    return true;
  });
  if (lo > hi) return "no paper has a year";
  std::string note = "no paper is from " + years_text(years) + "; the papers are from ";
  return note + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi));
}

std::string kind_note(const Corpus& corpus, const std::string& kind) {
  std::set<std::string> kinds;
  each_paper(corpus, [&](const Paper& paper) {
    kinds.insert(paper.kind);
    return true;
  });
  std::string note = "no paper is of the kind " + quote_for_message(kind) + "; kinds: ";
  for (auto it = kinds.begin(); it != kinds.end(); ++it)
    note += (it == kinds.begin() ? "" : ", ") + *it;
  return note;
}

std::string added_note(const Corpus& corpus, const std::string& since) {
  std::string latest;
  each_paper(corpus, [&](const Paper& paper) {
    latest = std::max(latest, paper.added);
    return true;
  });
  if (latest.empty()) return "no paper has an added date (import --history sets them)";
  return "no paper was added on or after " + since + "; the latest was added on " + latest;
}

}  // namespace

std::vector<std::string> unmatched_filters(const Corpus& corpus, const Filters& filters) {
  std::vector<std::string> notes;
  if (corpus.paper_count() > k_unmatched_filters_max_papers) return notes;
  auto alone = [&](auto set) {
    Filters one;
    set(one);
    return any_paper(corpus, one);
  };
  if (filters.years && !alone([&](Filters& f) { f.years = filters.years; }))
    notes.push_back(year_note(corpus, *filters.years));
  for (const std::string& v : filters.venues) {
    if (!alone([&](Filters& f) { f.venues = {v}; })) notes.push_back(venue_note(corpus, v));
  }
  if (filters.has_code && !alone([](Filters& f) { f.has_code = true; }))
    notes.push_back("no paper has a code link");
  if (!filters.kind.empty() && !alone([&](Filters& f) { f.kind = filters.kind; }))
    notes.push_back(kind_note(corpus, filters.kind));
  if (filters.arxiv_only && !alone([](Filters& f) { f.arxiv_only = true; }))
    notes.push_back("no paper is an arXiv preprint");
  for (const std::string& a : filters.authors) {
    if (!alone([&](Filters& f) { f.authors = {a}; })) notes.push_back(author_note(corpus, a));
  }
  if (!filters.added_since.empty() &&
      !alone([&](Filters& f) { f.added_since = filters.added_since; }))
    notes.push_back(added_note(corpus, filters.added_since));
  return notes;
}

}  // namespace papertree
