#include "papertree/render/csv.hpp"

#include <array>

#include "export_common.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// A spreadsheet reads a cell as a formula when it starts with = + - @, also after leading
// whitespace; a leading tab is guarded as well. (A CR has already become a space.)
bool looks_like_formula(std::string_view text) {
  if (!text.empty() && text[0] == '\t') return true;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos &&
         std::string_view("=+-@").find(text[first]) != std::string_view::npos;
}

}  // namespace

std::string csv_field(std::string_view value) {
  // Control characters other than tab and newline as spaces: a terminal showing the file, or a
  // spreadsheet, would otherwise act on them.
  std::string text = detail::controls_as_spaces(value, U"\t\n", {});
  if (looks_like_formula(text)) text.insert(text.begin(), '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

namespace {

void write_row(std::ostream& out, const std::array<std::string, 11>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(cells[i]);
  }
  out << "\r\n";
}

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) joined += sep;
    joined += part;
  }
  return joined;
}

}  // namespace

void render_csv(const Corpus& corpus, const ExportSelection& selection,
                const ExportOptions& /*options*/, std::ostream& out) {
  write_row(out, {"id", "title", "venue", "year", "kind", "arxiv", "paper_url", "code_url",
                  "categories", "authors", "doi"});
  // A script URL (javascript:, vbscript:, data:) is left out, as in every other export.
  auto link = [](std::string url) { return detail::is_script_url(url) ? std::string() : url; };
  for (PaperIndex p : selection.papers) {
    const Paper& paper = corpus.paper(p);
    std::vector<std::string> authors;
    for (const Author& a : paper.authors) authors.push_back(display_name(a));
    if (paper.authors_truncated && !authors.empty()) authors.emplace_back("et al.");
    std::string names;
    for (const std::string& name : authors) names += (names.empty() ? "" : "; ") + name;
    write_row(out,
              {paper.id, paper.title, paper.venue, paper.year > 0 ? std::to_string(paper.year) : "",
               paper.kind, paper.arxiv, link(detail::paper_url(paper)), link(detail::code_url(paper)),
               join(detail::exported_categories(corpus, selection, p), ';'), names, paper.doi});
  }
}

}  // namespace papertree
