#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/render/papers.hpp"

namespace papertree::cli {

namespace {

struct ShowCommand {
  std::string paper;
  std::string format = "text";
};

void run_show(const ShowCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  PaperIndex paper = resolve_paper(corpus, cmd.paper);
  if (cmd.format == "json") {
    std::cout << json_text(paper_to_json(corpus, paper), 2) << '\n';
    return;
  }
  render_paper_details(corpus, paper, ctx.terminal().style(), std::cout);
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
  auto cmd = std::make_shared<ShowCommand>();
  CLI::App* sub =
      app.add_subcommand("show", "Show one paper in full: links, arXiv id, every category");
  sub->add_option("paper", cmd->paper, "Paper id, arXiv id or URL, or a fragment of its title")
      ->required()
      ->type_name("PAPER");
  sub->add_option("-f,--format", cmd->format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  set_examples(*sub, {{"papertree show gptq", "by id"},
                      {"papertree show 2210.17323", "by arXiv id"},
                      {"papertree show gptq --format json", "as a JSON object"}});
  sub->callback([cmd, &ctx] { run_show(*cmd, ctx); });
}

}  // namespace papertree::cli
