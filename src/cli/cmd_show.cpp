#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/render/csljson.hpp"
#include "papertree/render/papers.hpp"

namespace papertree::cli {

namespace {

struct ShowCommand {
  std::vector<std::string> papers;
  std::string format = "text";
};

void run_show(const ShowCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  ExportSelection selection;
  for (const std::string& text : cmd.papers) {
    PaperIndex p = resolve_paper(corpus, text);
    if (std::find(selection.papers.begin(), selection.papers.end(), p) == selection.papers.end())
      selection.papers.push_back(p);
  }
  if (cmd.format == "bibtex" || cmd.format == "csljson") {
    (cmd.format == "bibtex" ? render_bibtex : render_csljson)(corpus, selection, {}, std::cout);
    return;
  }
  if (cmd.format == "json") {
    if (selection.papers.size() == 1) {
      std::cout << json_text(paper_to_json(corpus, selection.papers.front()), 2) << '\n';
      return;
    }
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (PaperIndex p : selection.papers) all.push_back(paper_to_json(corpus, p));
    std::cout << json_text(all, 2) << '\n';
    return;
  }
  for (std::size_t i = 0; i < selection.papers.size(); ++i) {
    if (i > 0) std::cout << '\n';
    render_paper_details(corpus, selection.papers[i], ctx.terminal().style(), std::cout);
  }
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<ShowCommand>(
      app, ctx, run_show, "show",
      "Show papers in full (authors, links, arXiv id, categories), or cite them");
  sub->add_option("paper", cmd->papers,
                  "Paper ids, arXiv ids or URLs, DOIs, or fragments of titles")
      ->required()
      ->type_name("PAPER");
  sub->add_option("-f,--format", cmd->format,
                  "text, json (an object, or an array for several papers), bibtex or csljson")
      ->capture_default_str()
      ->transform(one_of({"text", "json", "bibtex", "csljson"}, format_aliases()));
  set_examples(*sub, {{"papertree show gptq", "by id"},
                      {"papertree show 2306.00978", "by arXiv id"},
                      {"papertree show gptq sparsegpt --format bibtex", "BibTeX to cite them"},
                      {"papertree show gptq --format json", "as a JSON object"}});
}

}  // namespace papertree::cli
