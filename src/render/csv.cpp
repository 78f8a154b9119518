#include "papertree/render/csv.hpp"

#include <array>

#include "export_common.hpp"

namespace papertree {

std::string csv_field(std::string_view value) {
  std::string text;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    text += '\'';
  }
  text += value;
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

void write_row(std::ostream& out, const std::array<std::string, 9>& cells) {
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
                  "categories"});
  for (PaperIndex p : selection.papers) {
    const Paper& paper = corpus.paper(p);
    write_row(out,
              {paper.id, paper.title, paper.venue, paper.year > 0 ? std::to_string(paper.year) : "",
               paper.kind, paper.arxiv, detail::paper_url(paper), detail::code_url(paper),
               join(detail::exported_categories(corpus, selection, p), ';')});
  }
}

}  // namespace papertree
