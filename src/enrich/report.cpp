#include "papertree/enrich/report.hpp"

#include <algorithm>
#include <map>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::string where(const std::string& origin, std::size_t line) {
  return sanitize_for_display(origin) + (line > 0 ? ":" + std::to_string(line) : "");
}

// The narrowest a title or an author list is cut to when a line is fitted to a width.
constexpr std::size_t k_min_text_width = 20;

// `text` cut with "…" so that `used` columns and it fit `width`, to no fewer than
// k_min_text_width columns; whole when `width` is 0.
std::string fitted(const std::string& text, std::size_t used, std::size_t width) {
  if (width == 0) return text;
  std::size_t room = width > used ? width - used : 0;
  return truncate_to_width(text, std::max(room, k_min_text_width));
}

// A before or after value of a change as the report shows it: quoted, or "(none)"; an author
// list is cut so that `used` columns and it fit `width`, an id or a DOI never.
std::string change_value(const EnrichChange& c, const std::string& value, std::size_t used,
                         std::size_t width) {
  if (value.empty()) return "(none)";
  std::string text = sanitize_for_display(value);
  return "\"" + (c.field == "authors" ? fitted(text, used, width) : text) + "\"";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void render_enrich_report(const EnrichReport& report, bool list_changes, std::ostream& out,
                          std::size_t width) {
  out << "Read " << plural(report.records, "record", "records") << "; matched " << report.matched()
      << " (" << report.by_doi << " by DOI, " << report.by_arxiv << " by arXiv id, "
      << report.by_title << " by title).\n";
  if (!report.unmatched.empty()) {
    out << "Unmatched " << plural(report.unmatched.size(), "record", "records") << ":\n";
    for (const UnmatchedRecord& u : report.unmatched) {
      std::string place = where(u.origin, u.line);
      std::size_t used = display_width(place) + u.reason.size() + 9;
      out << "  " << place << ": \"" << fitted(sanitize_for_display(u.title), used, width) << "\" ("
          << u.reason << ")\n";
    }
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
    // The value before gets at most half the room the paper and the field leave, the value
    // after the rest.
    std::string paper = sanitize_for_display(c.paper);
    std::size_t used = display_width(paper) + c.field.size() + 12;  // "  ", ": " twice, " -> ", ""
    std::size_t half = width > used ? used + (width - used) / 2 : used;
    std::string before = change_value(c, c.before, half, width);
    std::string after = change_value(c, c.after, used + display_width(before), width);
    out << "  " << paper << ": " << c.field << ": " << before << " -> " << after << "\n";
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
