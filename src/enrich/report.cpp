#include "papertree/enrich/report.hpp"

#include <map>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::string where(const std::string& origin, std::size_t line) {
  return sanitize_for_display(origin) + (line > 0 ? ":" + std::to_string(line) : "");
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void render_enrich_report(const EnrichReport& report, bool list_changes, std::ostream& out) {
  out << "Read " << plural(report.records, "record", "records") << "; matched " << report.matched()
      << " (" << report.by_doi << " by DOI, " << report.by_arxiv << " by arXiv id, "
      << report.by_title << " by title).\n";
  if (!report.unmatched.empty()) {
    out << "Unmatched " << plural(report.unmatched.size(), "record", "records") << ":\n";
    for (const UnmatchedRecord& u : report.unmatched)
      out << "  " << where(u.origin, u.line) << ": \"" << sanitize_for_display(u.title) << "\" ("
          << u.reason << ")\n";
  }
  if (!report.conflicts.empty()) {
    out << plural(report.conflicts.size(), "conflict", "conflicts") << ":\n";
    for (const EnrichConflict& c : report.conflicts)
      out << "  " << sanitize_for_display(c.paper) << ": " << c.field << ": corpus \""
          << sanitize_for_display(c.corpus) << "\", source \"" << sanitize_for_display(c.source)
          << "\" (" << where(c.origin, c.line) << "; "
          << (c.replaced ? "took the source's" : "kept the corpus's; --prefer source takes it")
          << ")\n";
  }
  std::map<std::string, std::size_t> by_field;
  std::map<std::string, int> papers;
  for (const EnrichChange& c : report.changes) {
    ++by_field[c.field];
    papers[c.paper] = 1;
  }
  out << "Changed " << plural(papers.size(), "paper", "papers");
  std::string sep = ": ";
  for (const auto& [field, n] : by_field) {
    out << sep << field << ' ' << n;
    sep = ", ";
  }
  out << ".\n";
  if (!list_changes) return;
  for (const EnrichChange& c : report.changes) {
    out << "  " << sanitize_for_display(c.paper) << ": " << c.field << ": "
        << (c.before.empty() ? "(none)" : "\"" + sanitize_for_display(c.before) + "\"") << " -> \""
        << sanitize_for_display(c.after) << "\"\n";
  }
}

nlohmann::ordered_json enrich_report_to_json(const EnrichReport& report) {
  using Json = nlohmann::ordered_json;
  Json out;
  out["records"] = report.records;
  out["matched"] = {{"doi", report.by_doi},
                    {"arxiv", report.by_arxiv},
                    {"title", report.by_title},
                    {"total", report.matched()}};
  out["unmatched"] = Json::array();
  for (const UnmatchedRecord& u : report.unmatched)
    out["unmatched"].push_back({{"file", u.origin},
                                {"line", u.line},
                                {"key", u.key},
                                {"title", u.title},
                                {"reason", u.reason}});
  out["conflicts"] = Json::array();
  for (const EnrichConflict& c : report.conflicts)
    out["conflicts"].push_back({{"paper", c.paper},
                                {"field", c.field},
                                {"corpus", c.corpus},
                                {"source", c.source},
                                {"file", c.origin},
                                {"line", c.line},
                                {"resolution", c.replaced ? "source" : "corpus"}});
  out["changes"] = Json::array();
  for (const EnrichChange& c : report.changes)
    out["changes"].push_back(
        {{"paper", c.paper}, {"field", c.field}, {"before", c.before}, {"after", c.after}});
  return out;
}

}  // namespace papertree
