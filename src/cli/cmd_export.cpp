#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>
#include <string_view>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "output.hpp"
#include "paper_output.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/error.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/render/corpus_json.hpp"
#include "papertree/render/csljson.hpp"
#include "papertree/render/csv.hpp"
#include "papertree/render/export.hpp"
#include "papertree/render/figure.hpp"
#include "papertree/render/html.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct ExportFormat {
  std::string_view name;
  ExportFunction render;
};

// One row per export format (docs/export.md describes each).
const std::vector<ExportFormat>& export_formats() {
  // clang-format off
  static const std::vector<ExportFormat> formats = {
      {"markdown", render_markdown},
      {"bibtex", render_bibtex},
      {"csljson", render_csljson},
      {"csv", render_csv},
      {"json", render_corpus_json},
      {"dot", export_dot},
      {"mermaid", export_mermaid},
      {"latex", export_latex},
      {"html", export_html},
  };
  // clang-format on
  return formats;
}

struct ExportCommand {
  std::string category;
  std::string format;
  OutputFile output;
  bool flat = false;
  bool authors = false;
  bool with_papers = false;
  int depth = -1;
  std::string ids;   ///< --ids FILE or "-": the papers to export, one reference a line
  std::string sort;  ///< empty: corpus order (or the --ids list's)
  bool reverse = false;
  FilterArgs filters;
};

// The papers named in an --ids list (ids, arXiv ids or URLs, DOIs; blank lines and '#' comments
// skipped), in list order, each once. A line that names no paper is a usage error with its line.
std::vector<PaperIndex> papers_from_list(const Corpus& corpus, const std::string& source,
                                         const Context& ctx) {
  std::string text = ctx.read_input(source);  // "-" is stdin; capped like every input
  std::string name = source == "-" ? "<stdin>" : source;
  std::vector<PaperIndex> papers;
  std::istringstream lines(text);
  std::string line;
  for (std::size_t number = 1; std::getline(lines, line); ++number) {
    std::string_view ref = trim(line);
    if (ref.empty() || ref.front() == '#') continue;
    PaperIndex p = 0;
    try {
      p = resolve_paper(corpus, ref);
    } catch (const UsageError& e) {
      throw UsageError(name + ":" + std::to_string(number) + ": " + e.what(), e.detail());
    }
    if (std::find(papers.begin(), papers.end(), p) == papers.end()) papers.push_back(p);
  }
  return papers;
}

void run_export(const ExportCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  ExportSelection selection;
  if (!cmd.ids.empty() && !cmd.category.empty())
    throw UsageError("give a category or --ids, not both");
  if (!cmd.category.empty()) selection.root = resolve_category(corpus, cmd.category);
  Filters filters = cmd.filters.to_filters();
  selection.papers = select_papers(corpus, selection.root, false, filters);
  if (!cmd.ids.empty()) {
    std::vector<PaperIndex> listed = papers_from_list(corpus, cmd.ids, ctx);
    std::erase_if(listed, [&](PaperIndex p) {
      return !std::binary_search(selection.papers.begin(), selection.papers.end(), p);
    });
    selection.papers = std::move(listed);
  }
  if (!cmd.sort.empty())
    sort_papers(corpus, selection.papers, SortOptions{parse_sort_key(cmd.sort), cmd.reverse});
  ExportOptions options{cmd.flat, cmd.with_papers, cmd.depth};
  options.authors = cmd.authors;
  const auto& formats = export_formats();
  auto it = std::find_if(formats.begin(), formats.end(),
                         [&](const ExportFormat& f) { return f.name == cmd.format; });
  if (it == formats.end())
    throw UsageError("unknown export format " + quote_for_message(cmd.format));
  if (selection.papers.empty()) {
    std::cerr << "papertree: no papers match\n";
    report_unmatched_filters(corpus, filters);
  }
  if (writes_to_stdout(cmd.output)) {
    it->render(corpus, selection, options, std::cout);
    return;
  }
  std::ostringstream buffer;
  it->render(corpus, selection, options, buffer);
  write_output(cmd.output, buffer.view());
}

}  // namespace

std::vector<std::string> export_format_names() {
  std::vector<std::string> names;
  for (const auto& f : export_formats()) names.emplace_back(f.name);
  return names;
}

void setup_export(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<ExportCommand>(
      app, ctx, run_export, "export", "Export the corpus or one category in another format");
  sub->add_option("category", cmd->category, "Export only this category's subtree")
      ->type_name("CATEGORY");
  sub->add_option("-f,--format", cmd->format, "Output format")
      ->required()
      ->transform(one_of(export_format_names(), format_aliases()));
  add_output_file_options(*sub, cmd->output, "Write to this file (atomically) instead of stdout");
  sub->add_flag("--flat", cmd->flat, "markdown: one list without headings");
  sub->add_flag("--authors", cmd->authors,
                "markdown: an author line under each entry (import reads it back)");
  sub->add_flag("--with-papers", cmd->with_papers, "dot, mermaid, latex: add the papers as leaves");
  sub->add_option("-d,--depth", cmd->depth, "dot, mermaid, latex: levels below the start")
      ->check(whole_number(0, std::numeric_limits<int>::max()));
  sub->add_option("--ids", cmd->ids,
                  "Export only the papers listed in FILE (- for stdin): ids, arXiv ids or URLs, "
                  "DOIs, one a line, in that order")
      ->type_name("FILE");
  CLI::Option* sort =
      sub->add_option("-s,--sort", cmd->sort,
                      "Order: year (newest first), title, venue or added (latest first); the "
                      "papers of list-shaped formats (bibtex, csljson, csv, json, markdown --flat) "
                      "are in corpus order without it")
          ->transform(one_of({"year", "title", "venue", "added"}));
  sub->add_flag("-r,--reverse", cmd->reverse, "Reverse the order")->needs(sort);
  add_filter_options(*sub, cmd->filters);
  set_examples(
      *sub,
      {{"papertree export --format markdown -o PAPERS.md", "the survey's list as Markdown"},
       {"papertree export speculative-decoding --format bibtex -o spec.bib", "BibTeX"},
       {"papertree export --format dot | dot -Tsvg -o taxonomy.svg", "the taxonomy figure"},
       {"papertree export quantization --format json -o quant.json", "a corpus of one subtree"}});
}

}  // namespace papertree::cli
