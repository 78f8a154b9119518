// `papertree validate`: runs the rules of rules.cpp over a loaded corpus.
#include "papertree/curate/validate.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "papertree/corpus/venue.hpp"
#include "papertree/curate/arxiv.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_no_paper = static_cast<std::size_t>(-1);

// A finding before `ignore` is applied, with what it is sorted by.
struct Pending {
  Finding finding;
  int section = 0;  // 0 taxonomy (pre-order), 1 papers
  std::size_t index = 0;
  std::size_t rule_order = 0;
  std::size_t other = k_no_paper;  // a second paper the finding is about (pairs)
};

class Checker {
 public:
  Checker(const Corpus& corpus, const ValidateOptions& options)
      : m_corpus(corpus), m_options(options) {
    for (const std::string& id : options.only) require_rule(id);
    for (const std::string& id : options.disabled) require_rule(id);
  }

  bool on(std::string_view rule) const {
    auto listed = [rule](const std::vector<std::string>& ids) {
      return std::find(ids.begin(), ids.end(), rule) != ids.end();
    };
    return (m_options.only.empty() || listed(m_options.only)) && !listed(m_options.disabled);
  }

  void paper(std::string_view rule, std::size_t p, std::string path_tail, std::string message,
             std::string suggestion = {}, std::size_t other = k_no_paper) {
    Pending pending = make(rule, std::move(message), std::move(suggestion));
    pending.finding.subject_kind = "paper";
    pending.finding.subject_id = m_corpus.paper(static_cast<PaperIndex>(p)).id;
    pending.finding.json_path = fmt::format("papers[{}]{}", p, path_tail);
    pending.section = 1;
    pending.index = p;
    pending.other = other;
    m_pending.push_back(std::move(pending));
  }

  void category(std::string_view rule, std::size_t pre_order, const std::string& id,
                std::string path, std::string message) {
    Pending pending = make(rule, std::move(message), {});
    pending.finding.subject_kind = "category";
    pending.finding.subject_id = id;
    pending.finding.json_path = std::move(path);
    pending.index = pre_order;
    m_pending.push_back(std::move(pending));
  }

  ValidationReport finish() {
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const Pending& a, const Pending& b) {
      return std::tie(a.section, a.index, a.rule_order) <
             std::tie(b.section, b.index, b.rule_order);
    });
    ValidationReport report;
    for (Pending& pending : m_pending) {
      if (ignored(pending)) {
        ++report.ignored;
      } else {
        report.findings.push_back(std::move(pending.finding));
      }
    }
    return report;
  }

  const Corpus& corpus() const { return m_corpus; }
  const ValidateOptions& options() const { return m_options; }

 private:
  const Corpus& m_corpus;
  const ValidateOptions& m_options;
  std::vector<Pending> m_pending;

  static void require_rule(const std::string& id) {
    if (find_rule(id) != nullptr) return;
    std::string known;
    for (const RuleInfo& rule : validation_rules()) {
      known += known.empty() ? "" : ", ";
      known += rule.id;
    }
    throw UsageError(fmt::format("unknown rule \"{}\"", id), "rules: " + known);
  }

  static Pending make(std::string_view rule, std::string message, std::string suggestion) {
    const RuleInfo* info = find_rule(rule);
    Pending pending;
    pending.finding.rule = std::string(rule);
    pending.finding.severity = info->severity;
    pending.finding.message = std::move(message);
    pending.finding.suggestion = std::move(suggestion);
    pending.rule_order = static_cast<std::size_t>(info - validation_rules().data());
    return pending;
  }

  bool paper_ignores(std::size_t p, std::string_view rule) const {
    const auto& ignore = m_corpus.paper(static_cast<PaperIndex>(p)).ignore;
    return std::find(ignore.begin(), ignore.end(), rule) != ignore.end();
  }

  bool ignored(const Pending& pending) const {
    if (pending.section != 1) return false;
    return paper_ignores(pending.index, pending.finding.rule) ||
           (pending.other != k_no_paper && paper_ignores(pending.other, pending.finding.rule));
  }
};

// Lower case, accents folded, every run of other characters (punctuation, dashes, spaces) one
// space: what "the same title" means.
std::string normalized_title(std::string_view title) {
  std::string folded = fold_case_accents(title);
  std::string out;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t start = pos;
    char32_t cp = next_code_point(folded, pos);
    bool ascii_word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    bool other_word = cp >= 0x80 && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xA0 && cp != 0xFFFD;
    if (ascii_word || other_word) {
      out.append(folded, start, pos - start);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Levenshtein distance of a and b when it is at most `limit`, else limit + 1 (banded, so
// O(length × limit)).
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t n = a.size();
  std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const std::size_t big = limit + 1;
  std::vector<std::size_t> prev(m + 1, big);
  std::vector<std::size_t> cur(m + 1, big);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::fill(cur.begin(), cur.end(), big);
    std::size_t lo = i > limit ? i - limit : 0;
    std::size_t hi = std::min(m, i + limit);
    if (lo == 0) cur[0] = i;
    std::size_t row_best = cur[0];
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1, big});
      row_best = std::min(row_best, cur[j]);
    }
    if (row_best > limit) return big;
    std::swap(prev, cur);
  }
  return std::min(prev[m], big);
}

void check_shared_identifiers(Checker& check) {
  if (!check.on("shared-identifier")) return;
  const Corpus& corpus = check.corpus();
  std::unordered_map<std::string, std::size_t> by_arxiv;
  std::unordered_map<std::string, std::size_t> by_doi;
  auto visit = [&](std::unordered_map<std::string, std::size_t>& seen, const std::string& key,
                   std::size_t p, const char* field, const char* what, const std::string& shown) {
    auto [it, fresh] = seen.emplace(key, p);
    if (fresh) return;
    const Paper& first = corpus.paper(static_cast<PaperIndex>(it->second));
    const Paper& here = corpus.paper(static_cast<PaperIndex>(p));
    if (normalized_title(first.title) == normalized_title(here.title)) return;
    check.paper("shared-identifier", p, fmt::format(".{}", field),
                fmt::format("{} {} is also the id of \"{}\" (papers[{}], \"{}\")", what, shown,
                            first.title, it->second, first.id),
                "fix the id of the paper it does not belong to", it->second);
  };
  for (std::size_t p = 0; p < corpus.papers().size(); ++p) {
    const Paper& paper = corpus.paper(static_cast<PaperIndex>(p));
    if (!paper.arxiv.empty()) visit(by_arxiv, paper.arxiv, p, "arxiv", "arXiv", paper.arxiv);
    if (!paper.doi.empty()) visit(by_doi, ascii_lower(paper.doi), p, "doi", "DOI", paper.doi);
  }
}

void check_duplicate_titles(Checker& check) {
  if (!check.on("duplicate-title")) return;
  const Corpus& corpus = check.corpus();
  std::size_t n = corpus.papers().size();
  std::vector<std::string> titles(n);
  std::vector<std::size_t> by_length(n);
  for (std::size_t p = 0; p < n; ++p) {
    titles[p] = normalized_title(corpus.paper(static_cast<PaperIndex>(p)).title);
    by_length[p] = p;
  }
  std::stable_sort(by_length.begin(), by_length.end(), [&](std::size_t a, std::size_t b) {
    return titles[a].size() < titles[b].size();
  });
  // Each paper is compared with those at most `limit` bytes longer: sorted by length, the window
  // is short, and the banded distance stops early.
  std::vector<std::optional<std::size_t>> first_match(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t a = by_length[i];
    for (std::size_t j = i + 1; j < n; ++j) {
      std::size_t b = by_length[j];
      std::size_t limit = titles[a].size() / 25;
      if (titles[b].size() - titles[a].size() > limit) break;
      if (titles[a].empty() || bounded_distance(titles[a], titles[b], limit) > limit) continue;
      std::size_t earlier = std::min(a, b);
      std::size_t later = std::max(a, b);
      if (!first_match[later] || *first_match[later] > earlier) first_match[later] = earlier;
    }
  }
  for (std::size_t p = 0; p < n; ++p) {
    if (!first_match[p]) continue;
    std::size_t q = *first_match[p];
    const Paper& other = corpus.paper(static_cast<PaperIndex>(q));
    bool same = titles[p] == titles[q];
    check.paper("duplicate-title", p, ".title",
                fmt::format("title is {} that of \"{}\" (papers[{}]): \"{}\"",
                            same ? "the same as" : "nearly", other.id, q, other.title),
                "if it is the same paper, keep one and place it in both categories", q);
  }
}

void check_title(Checker& check, std::size_t p, const Paper& paper) {
  if (!check.on("repeated-prefix")) return;
  std::size_t colon = paper.title.find(':');
  if (colon == std::string::npos) return;
  std::string_view prefix = trim(std::string_view(paper.title).substr(0, colon));
  std::string_view rest = trim(std::string_view(paper.title).substr(colon + 1));
  if (prefix.empty() || rest.size() < prefix.size()) return;
  if (!iequals(rest.substr(0, prefix.size()), prefix)) return;
  std::string_view after = rest.substr(prefix.size());
  if (!after.empty() && after[0] != ':' && after[0] != ' ') return;
  check.paper("repeated-prefix", p, ".title",
              fmt::format("title repeats its prefix \"{}\"", prefix),
              fmt::format("title \"{}\"", rest));
}

// The host of a URL, lower case, without "www."; empty when there is none.
std::string url_host(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string host = ascii_lower(rest.substr(0, rest.find_first_of("/?#")));
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// A URL as compared for duplicates: no scheme, no "www.", no trailing slash, host lower case.
std::string url_key(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::size_t slash = rest.find_first_of("/?#");
  std::string key = ascii_lower(rest.substr(0, slash));
  if (key.starts_with("www.")) key.erase(0, 4);
  if (slash != std::string_view::npos) key += rest.substr(slash);
  while (key.ends_with('/')) key.pop_back();
  return key;
}

bool is_code_host(const std::string& host) {
  static constexpr std::array<std::string_view, 5> k_hosts = {
      "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourceforge.net"};
  return std::any_of(k_hosts.begin(), k_hosts.end(), [&](std::string_view code) {
    return host == code || host.ends_with(std::string(".") + std::string(code));
  });
}

void check_links(Checker& check, std::size_t p, const Paper& paper) {
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t l = 0; l < paper.links.size(); ++l) {
    const Link& link = paper.links[l];
    std::string tail = fmt::format(".links[{}].url", l);
    bool doubled = link.url.find("http://", 1) != std::string::npos ||
                   link.url.find("https://", 1) != std::string::npos;
    if (doubled && check.on("run-together-urls")) {
      check.paper("run-together-urls", p, tail,
                  fmt::format("link \"{}\" holds two URLs run together: {}", link.label, link.url));
    }
    std::string host = url_host(link.url);
    if (check.on("paper-link-to-code") && iequals(link.label, "Paper") && is_code_host(host)) {
      check.paper("paper-link-to-code", p, tail,
                  fmt::format("the \"Paper\" link points at the code host {}: {}", host, link.url),
                  "label it \"Code\" and add the paper's own link");
    }
    auto [it, fresh] = seen.emplace(url_key(link.url), l);
    if (!fresh && check.on("duplicate-link")) {
      check.paper("duplicate-link", p, tail,
                  fmt::format("link \"{}\" repeats the URL of links[{}] (\"{}\"): {}", link.label,
                              it->second, paper.links[it->second].label, link.url),
                  "drop the repeat");
    }
  }
}

void check_arxiv(Checker& check, std::size_t p, const Paper& paper) {
  if (paper.arxiv.empty()) return;
  std::optional<ArxivId> id = parse_arxiv_id(paper.arxiv);
  if (!id) {
    if (check.on("arxiv-format")) {
      check.paper("arxiv-format", p, ".arxiv",
                  fmt::format("arXiv id \"{}\" does not parse (expected YYMM.NNNNN)", paper.arxiv));
    }
    return;
  }
  if (paper.year == 0 || !check.on("arxiv-year")) return;
  if (paper.year >= id->year && paper.year <= id->year + 2) return;
  check.paper("arxiv-year", p, ".year",
              fmt::format("year {} disagrees with arXiv id {} (posted {}-{:02})", paper.year,
                          paper.arxiv, id->year, id->month),
              fmt::format("year {} or the arXiv id", id->year));
}

void check_venue_and_year(Checker& check, std::size_t p, const Paper& paper) {
  if (!paper.venue.empty() && check.on("unknown-venue") && !is_known_venue(paper.venue)) {
    check.paper("unknown-venue", p, ".venue",
                fmt::format("venue \"{}\" is not in the alias table", paper.venue),
                fmt::format("did you mean \"{}\"?", nearest_known_venue(paper.venue)));
  }
  const ValidateOptions& options = check.options();
  if (paper.year != 0 && check.on("year-range") &&
      (paper.year < options.min_year || paper.year > options.max_year)) {
    check.paper("year-range", p, ".year",
                paper.year < options.min_year
                    ? fmt::format("year {} is before {}", paper.year, options.min_year)
                    : fmt::format("year {} is after {}", paper.year, options.max_year));
  }
}

void check_authors_and_ignore(Checker& check, std::size_t p, const Paper& paper) {
  if (check.on("authors-incomplete")) {
    if (paper.authors.empty()) {
      check.paper("authors-incomplete", p, ".authors", "no authors");
    } else if (paper.authors_truncated) {
      check.paper("authors-incomplete", p, ".authors",
                  fmt::format("author list stops short after {} name(s)", paper.authors.size()));
    }
  }
  if (!check.on("ignore-unknown-rule")) return;
  for (std::size_t i = 0; i < paper.ignore.size(); ++i) {
    if (find_rule(paper.ignore[i]) != nullptr) continue;
    check.paper("ignore-unknown-rule", p, fmt::format(".ignore[{}]", i),
                fmt::format("\"ignore\" names no rule: \"{}\"", paper.ignore[i]),
                "see `papertree validate --explain RULE` for the rule ids");
  }
}

// The category the markdown export puts the frameworks table in (render/markdown.cpp): not empty.
bool holds_frameworks(const Corpus& corpus, const CategoryNode& node) {
  return !corpus.frameworks().empty() &&
         (node.id == "llm-frameworks" || normalized_title(node.name) == "llm frameworks");
}

// Walks the taxonomy as written, in pre-order (the order of Corpus::categories()), with the
// JSON path of each node.
void check_categories(Checker& check, const std::vector<CategoryNode>& nodes,
                      const std::string& path, std::size_t& pre_order) {
  std::unordered_map<std::string, std::size_t> names;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const CategoryNode& node = nodes[i];
    std::string here = fmt::format("{}[{}]", path, i);
    auto [it, fresh] = names.emplace(fold_case_accents(trim(node.name)), i);
    if (!fresh && check.on("duplicate-category-name")) {
      check.category("duplicate-category-name", pre_order, node.id, here + ".name",
                     fmt::format("category \"{}\" has the same name as its sibling \"{}\" ({}[{}])",
                                 node.name, nodes[it->second].id, path, it->second));
    }
    std::optional<CategoryIndex> c = check.corpus().find_category(node.id);
    if (c && check.corpus().category(*c).total_papers == 0 && check.on("empty-category") &&
        !holds_frameworks(check.corpus(), node)) {
      check.category("empty-category", pre_order, node.id, here,
                     fmt::format("category \"{}\" has no papers", node.name));
    }
    ++pre_order;
    check_categories(check, node.children, here + ".children", pre_order);
  }
}

}  // namespace

ValidationReport validate_corpus(const Corpus& corpus, const ValidateOptions& options) {
  Checker check(corpus, options);
  std::size_t pre_order = 0;
  check_categories(check, corpus.data().taxonomy, "taxonomy", pre_order);
  check_shared_identifiers(check);
  check_duplicate_titles(check);
  for (std::size_t p = 0; p < corpus.papers().size(); ++p) {
    const Paper& paper = corpus.paper(static_cast<PaperIndex>(p));
    check_title(check, p, paper);
    check_links(check, p, paper);
    check_arxiv(check, p, paper);
    check_venue_and_year(check, p, paper);
    check_authors_and_ignore(check, p, paper);
  }
  return check.finish();
}

}  // namespace papertree
