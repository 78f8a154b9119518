#include "papertree/enrich/enrich.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "papertree/corpus/authors.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

using PaperMap = std::unordered_map<std::string, std::vector<std::size_t>>;

std::set<std::string> words(const std::string& slug) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start < slug.size()) {
    std::size_t end = slug.find('-', start);
    if (end == std::string::npos) end = slug.size();
    out.emplace(slug.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Of several papers sharing an id, the one whose title shares most words with the record's.
std::size_t closest_title(const std::vector<std::size_t>& candidates,
                          const std::vector<std::string>& titles, const std::string& title) {
  std::set<std::string> want = words(title);
  std::size_t best = candidates.front(), best_score = 0;
  for (std::size_t c : candidates) {
    std::size_t score = 0;
    for (const std::string& w : words(titles[c])) score += want.count(w);
    if (score > best_score) {
      best = c;
      best_score = score;
    }
  }
  return best;
}

struct Indexes {
  PaperMap doi, arxiv, title;
  std::vector<std::string> titles;  // slugs, words joined by '-', for closest_title

  explicit Indexes(const CorpusData& data) {
    for (std::size_t i = 0; i < data.papers.size(); ++i) {
      const Paper& p = data.papers[i];
      titles.push_back(slugify(latex_to_unicode(p.title)));
      if (std::string d = ascii_lower(normalize_doi(p.doi)); !d.empty()) doi[d].push_back(i);
      if (std::string a = arxiv_id_in(p.arxiv); !a.empty()) arxiv[a].push_back(i);
      if (std::string t = normalize_title(p.title); !t.empty()) title[t].push_back(i);
    }
  }
};

std::string authors_text(const std::vector<Author>& authors, bool truncated) {
  Paper p;
  p.authors = authors;
  p.authors_truncated = truncated;
  return author_list(p);
}

std::string folded_family(const Author& a) {
  return fold_case_accents(sort_name(a));
}

class Enricher {
 public:
  Enricher(CorpusData& data, const EnrichOptions& options, EnrichReport& report)
      : m_data(data), m_options(options), m_report(report), m_index(data) {}

  void apply(const SourceRecord& r) {
    ++m_report.records;
    std::optional<std::size_t> found = find(r);
    if (!found) return;
    Paper& paper = m_data.papers[*found];
    std::string old_arxiv = paper.arxiv;
    fill_arxiv(paper, r);
    fill_doi(paper, r);
    fill_authors(paper, r);
    if (paper.arxiv != old_arxiv && !paper.arxiv.empty())
      m_index.arxiv[paper.arxiv].push_back(*found);
  }

 private:
  CorpusData& m_data;
  const EnrichOptions& m_options;
  EnrichReport& m_report;
  Indexes m_index;

  std::optional<std::size_t> find(const SourceRecord& r) {
    std::string slug = slugify(latex_to_unicode(r.title));
    auto by_id = [&](const PaperMap& map,
                     const std::string& id) -> const std::vector<std::size_t>* {
      if (id.empty()) return nullptr;
      auto it = map.find(id);
      return it == map.end() ? nullptr : &it->second;
    };
    if (const auto* c = by_id(m_index.doi, ascii_lower(r.doi))) {
      ++m_report.by_doi;
      return closest_title(*c, m_index.titles, slug);
    }
    if (const auto* c = by_id(m_index.arxiv, r.arxiv)) {
      ++m_report.by_arxiv;
      return closest_title(*c, m_index.titles, slug);
    }
    if (const auto* c = by_id(m_index.title, normalize_title(r.title))) {
      if (c->size() == 1) {
        ++m_report.by_title;
        return c->front();
      }
      unmatched(r, std::to_string(c->size()) + " papers have this title");
      return std::nullopt;
    }
    unmatched(r, "no paper has this DOI, arXiv id or title");
    return std::nullopt;
  }

  void unmatched(const SourceRecord& r, std::string reason) {
    m_report.unmatched.push_back({r.origin, r.line, r.key, r.title, std::move(reason)});
  }

  void change(const Paper& p, std::string field, std::string before, std::string after) {
    m_report.changes.push_back({p.id, std::move(field), std::move(before), std::move(after)});
  }

  // Reports a disagreement; true when the record's value is to be applied.
  bool conflict(const Paper& p, const SourceRecord& r, std::string field, std::string corpus,
                std::string source) {
    bool replace = m_options.prefer == Prefer::source;
    m_report.conflicts.push_back(
        {p.id, std::move(field), std::move(corpus), std::move(source), r.origin, r.line, replace});
    return replace;
  }

  void fill_arxiv(Paper& p, const SourceRecord& r) {
    if (r.arxiv.empty() || arxiv_id_in(p.arxiv) == r.arxiv) return;
    if (!p.arxiv.empty() && !conflict(p, r, "arxiv", p.arxiv, r.arxiv)) return;
    change(p, "arxiv", p.arxiv, r.arxiv);
    p.arxiv = r.arxiv;
  }

  void fill_doi(Paper& p, const SourceRecord& r) {
    if (r.doi.empty() || iequals(normalize_doi(p.doi), r.doi)) return;
    // The arXiv DOI of another arXiv id than the paper's belongs to the arXiv conflict.
    std::string doi_arxiv = arxiv_id_in(r.doi);
    if (!doi_arxiv.empty() && !p.arxiv.empty() && doi_arxiv != arxiv_id_in(p.arxiv)) return;
    if (!p.doi.empty() && !conflict(p, r, "doi", p.doi, r.doi)) return;
    change(p, "doi", p.doi, r.doi);
    p.doi = r.doi;
  }

  void fill_authors(Paper& p, const SourceRecord& r) {
    if (r.authors.empty()) return;
    std::string after = authors_text(r.authors, r.authors_truncated);
    if (!p.authors.empty()) {
      if (folded_family(p.authors.front()) == folded_family(r.authors.front())) {
        // Same first author: a complete list replaces a truncated one, nothing else changes.
        if (!p.authors_truncated || r.authors_truncated || r.authors.size() < p.authors.size())
          return;
      } else if (!conflict(p, r, "first author", display_name(p.authors.front()),
                           display_name(r.authors.front()))) {
        return;
      }
    }
    change(p, "authors", authors_text(p.authors, p.authors_truncated), after);
    p.authors = r.authors;
    p.authors_truncated = r.authors_truncated;
  }
};

}  // namespace

EnrichReport enrich(CorpusData& data, std::span<const SourceRecord> records,
                    const EnrichOptions& options) {
  EnrichReport report;
  Enricher enricher(data, options, report);
  for (const SourceRecord& r : records) enricher.apply(r);
  return report;
}

}  // namespace papertree
