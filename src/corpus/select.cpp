#include "papertree/corpus/select.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <numeric>
#include <tuple>

#include "papertree/corpus/venue.hpp"
#include "papertree/error.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::optional<int> parse_year(std::string_view text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || text.size() != 4) return {};
  return year;
}

std::optional<YearRange> try_parse_year_range(std::string_view text) {
  YearRange range;
  if (auto dots = text.find(".."); dots != std::string_view::npos) {
    std::string_view lo = text.substr(0, dots);
    std::string_view hi = text.substr(dots + 2);
    if (lo.empty() && hi.empty()) return {};
    if (!lo.empty()) {
      auto y = parse_year(lo);
      if (!y) return {};
      range.min = *y;
    }
    if (!hi.empty()) {
      auto y = parse_year(hi);
      if (!y) return {};
      range.max = *y;
    }
    if (range.min > range.max) return {};
    return range;
  }
  struct Op {
    std::string_view text;
    int lo_shift;  // applied to set min
    int hi_shift;  // applied to set max
    bool sets_min;
    bool sets_max;
  };
  static constexpr Op k_ops[] = {{">=", 0, 0, true, false}, {"<=", 0, 0, false, true},
                                 {">", 1, 0, true, false},  {"<", 0, -1, false, true},
                                 {"=", 0, 0, true, true},   {"", 0, 0, true, true}};
  for (const Op& op : k_ops) {
    if (text.substr(0, op.text.size()) != op.text) continue;
    auto y = parse_year(text.substr(op.text.size()));
    if (!y) return {};
    if (op.sets_min) range.min = *y + op.lo_shift;
    if (op.sets_max) range.max = *y + op.hi_shift;
    return range;
  }
  return {};
}

std::string sort_text(std::string_view s) {
  return fold_case_accents(s);
}

}  // namespace

YearRange parse_year_range(std::string_view text) {
  if (auto range = try_parse_year_range(trim(text))) return *range;
  throw UsageError("bad year " + quote_for_message(text) +
                   ": expected a year (2023), a range (2022..2024) or a bound (>=2023, <2024)");
}

namespace {

bool contains(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

bool author_matches(const Author& author, std::string_view name) {
  std::vector<std::string> wanted = folded_words(name);
  if (wanted.empty()) return false;
  if (!author.literal.empty()) {
    std::vector<std::string> words = folded_words(author.literal);
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const std::string& w) { return contains(words, w); });
  }
  std::vector<std::string> family = folded_words(author.family);
  std::vector<std::string> given = folded_words(author.given);
  bool family_seen = false;
  for (const std::string& w : wanted) {
    if (contains(family, w)) {
      family_seen = true;
    } else if (!contains(given, w) &&
               !(w.size() == 1 && std::any_of(given.begin(), given.end(), [&](const auto& g) {
                   return g.front() == w.front();
                 }))) {
      return false;
    }
  }
  return family_seen;
}

bool Filters::matches(const Paper& paper) const {
  if (years && !years->contains(paper.year)) return false;
  if (has_code && !paper.has_code()) return false;
  if (!kind.empty() && !iequals(kind, paper.kind)) return false;
  if (arxiv_only && normalize_venue(paper.venue) != "arXiv") return false;
  if (!added_since.empty() && (paper.added.empty() || paper.added < added_since)) return false;
  if (!venues.empty() && std::none_of(venues.begin(), venues.end(), [&](const std::string& v) {
        return same_venue(v, paper.venue);
      })) {
    return false;
  }
  if (!authors.empty() && std::none_of(authors.begin(), authors.end(), [&](const std::string& a) {
        return std::any_of(paper.authors.begin(), paper.authors.end(),
                           [&](const Author& author) { return author_matches(author, a); });
      })) {
    return false;
  }
  return true;
}

std::vector<PaperIndex> select_papers(const Corpus& corpus, std::optional<CategoryIndex> root,
                                      bool direct, const Filters& filters) {
  std::vector<PaperIndex> papers;
  if (root) {
    papers = corpus.papers_under(*root, direct);
  } else {
    papers.resize(corpus.paper_count());
    std::iota(papers.begin(), papers.end(), PaperIndex{0});
  }
  if (filters.keep_all()) return papers;  // a compiled snapshot's papers stay undecoded
  Paper scratch;  // each paper of a snapshot is decoded for the test and let go
  std::erase_if(papers,
                [&](PaperIndex p) { return !filters.matches(corpus.paper_passing(p, scratch)); });
  return papers;
}

SortKey parse_sort_key(std::string_view text) {
  if (text == "year") return SortKey::year;
  if (text == "title") return SortKey::title;
  if (text == "venue") return SortKey::venue;
  if (text == "added") return SortKey::added;
  throw UsageError("unknown sort key " + quote_for_message(text) +
                   ": expected year, title, venue or added");
}

namespace {

// sort_papers with the store's precomputed positions of every paper in each order: the same
// order (the comparison is total), without decoding a paper. Reversing maps each position to its
// mirror (under `added`, only the dated papers' positions, which come first), so one ascending
// sort serves both directions.
void sort_by_rank(const PaperStore& store, std::vector<PaperIndex>& papers,
                  const SortOptions& options) {
  const std::uint64_t n = store.paper_count();
  const std::uint64_t dated = store.dated_count();
  std::vector<std::uint64_t> rows;  // position << 32 | paper
  rows.reserve(papers.size());
  for (PaperIndex p : papers) {
    std::uint64_t r = store.sort_rank(options.key, p);
    if (options.reverse) {
      if (options.key != SortKey::added) r = n - 1 - r;
      else if (r < dated) r = dated - 1 - r;
    }
    rows.push_back(r << 32 | p);
  }
  if (options.first != 0 && options.first < rows.size()) {
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(options.first),
                      rows.end());
  } else {
    std::sort(rows.begin(), rows.end());
  }
  for (std::size_t i = 0; i < rows.size(); ++i)
    papers[i] = static_cast<PaperIndex>(rows[i] & 0xFFFFFFFFu);
}

}  // namespace

void sort_papers(const Corpus& corpus, std::vector<PaperIndex>& papers,
                 const SortOptions& options) {
  if (const PaperStore* store = corpus.store()) {
    sort_by_rank(*store, papers, options);
    return;
  }
  // Keys are computed once per paper, not once per comparison.
  struct Row {
    std::string primary;  // folded venue for SortKey::venue
    int neg_year;
    int neg_added;  // -YYYYMMDD; 1 when undated, so that undated papers come last
    std::string title;
    std::string_view id;
    PaperIndex index;
  };
  std::vector<Row> rows;
  rows.reserve(papers.size());
  for (PaperIndex p : papers) {
    const Paper& paper = corpus.paper(p);
    std::string venue =
        options.key == SortKey::venue ? sort_text(normalize_venue(paper.venue)) : std::string();
    int added = 1;
    if (paper.added.size() == 10) {
      std::string digits =
          paper.added.substr(0, 4) + paper.added.substr(5, 2) + paper.added.substr(8, 2);
      added = -std::stoi(digits);
    }
    rows.push_back({std::move(venue), -paper.year, added, sort_text(paper.title), paper.id, p});
  }
  auto by_year = [](const Row& r) { return std::tie(r.neg_year, r.title, r.id); };
  auto by_title = [](const Row& r) { return std::tie(r.title, r.neg_year, r.id); };
  auto by_venue = [](const Row& r) { return std::tie(r.primary, r.neg_year, r.title, r.id); };
  auto by_added = [](const Row& r) { return std::tie(r.neg_added, r.title, r.id); };
  auto sort_by = [&](auto key) {
    auto before = [&](const Row& a, const Row& b) {
      return options.reverse ? key(b) < key(a) : key(a) < key(b);
    };
    if (options.first != 0 && options.first < rows.size()) {
      std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(options.first),
                        rows.end(), before);
    } else {
      std::sort(rows.begin(), rows.end(), before);
    }
  };
  // Undated papers stay last in both directions: only the dated ones are reversed.
  if (options.key == SortKey::added && options.reverse) {
    auto undated = std::stable_partition(rows.begin(), rows.end(),
                                         [](const Row& r) { return r.neg_added != 1; });
    std::sort(rows.begin(), undated,
              [&](const Row& a, const Row& b) { return by_added(b) < by_added(a); });
    std::sort(undated, rows.end(),
              [&](const Row& a, const Row& b) { return by_added(a) < by_added(b); });
    for (std::size_t i = 0; i < rows.size(); ++i) papers[i] = rows[i].index;
    return;
  }
  switch (options.key) {
    case SortKey::year:
      sort_by(by_year);
      break;
    case SortKey::title:
      sort_by(by_title);
      break;
    case SortKey::venue:
      sort_by(by_venue);
      break;
    case SortKey::added:
      sort_by(by_added);
      break;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) papers[i] = rows[i].index;
}

namespace {

// The bare arXiv id in an arXiv URL, an "arXiv:" reference or a plain id, without its version.
std::string arxiv_id_of(std::string_view text) {
  text = trim(text);
  if (std::string id = arxiv_id_from_url(text); !id.empty()) return id;
  if (text.size() > 6 && ascii_lower(text.substr(0, 6)) == "arxiv:") text = trim(text.substr(6));
  std::string s(text);
  if (s.size() > 4 && s.ends_with(".pdf")) s.resize(s.size() - 4);
  auto is_digit = [](unsigned char c) { return std::isdigit(c) != 0; };
  if (auto v = s.rfind('v'); v != std::string::npos && v > 0 && v + 1 < s.size() &&
                             std::all_of(s.begin() + v + 1, s.end(), is_digit)) {
    s.resize(v);
  }
  return s;
}

// "10.1145/…", "doi:10.…" or "https://doi.org/10.…" without the prefix; empty when not a DOI.
std::string doi_of(std::string_view text) {
  text = trim(text);
  std::string lower = ascii_lower(text);
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"}) {
    if (lower.starts_with(prefix)) {
      text.remove_prefix(prefix.size());
      break;
    }
  }
  return text.starts_with("10.") ? std::string(text) : std::string();
}

}  // namespace

PaperIndex resolve_paper(const Corpus& corpus, std::string_view text) {
  if (auto p = corpus.find_paper(trim(text))) return *p;
  // The passes below read every paper once: from a snapshot, each is decoded and let go.
  Paper scratch;
  if (std::string doi = doi_of(text); !doi.empty()) {
    for (PaperIndex p = 0; p < corpus.paper_count(); ++p)
      if (iequals(corpus.paper_passing(p, scratch).doi, doi)) return p;
  }
  std::string arxiv = arxiv_id_of(text);
  std::string needle = fold_case_accents(trim(text));
  std::vector<PaperIndex> by_title;
  for (PaperIndex p = 0; p < corpus.paper_count(); ++p) {
    const Paper& paper = corpus.paper_passing(p, scratch);
    if (!arxiv.empty() && paper.arxiv == arxiv) return p;
    std::string title = fold_case_accents(paper.title);
    if (title == needle) return p;
    if (!needle.empty() && title.find(needle) != std::string::npos) by_title.push_back(p);
  }
  if (by_title.size() == 1) return by_title.front();
  std::string shown(trim(text));
  if (by_title.empty()) {
    throw UsageError("no paper matches " + quote_for_message(shown) +
                     ": give an id, an arXiv id or URL, a DOI, or a fragment of a title");
  }
  // The first k_listed_matches, then how many more: a fragment such as "model" may match most of
  // a large corpus.
  constexpr std::size_t k_listed_matches = 20;
  std::string detail;
  for (std::size_t i = 0; i < std::min(by_title.size(), k_listed_matches); ++i) {
    const Paper& paper = corpus.paper_passing(by_title[i], scratch);
    detail += paper.id + "  " + paper.title + "\n";
  }
  if (by_title.size() > k_listed_matches)
    detail += "… and " + std::to_string(by_title.size() - k_listed_matches) + " more\n";
  detail.pop_back();
  throw UsageError(quote_for_message(shown) + " matches " + std::to_string(by_title.size()) +
                       " papers; give one of these ids:",
                   detail);
}

}  // namespace papertree
