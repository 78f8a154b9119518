// `papertree check --against LIST.md`: does the corpus regenerate the given list? (docs/curate.md)
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "help.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/curate/line_diff.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct CheckCommand {
  std::string against;
};

void run_check(const CheckCommand& cmd, Context& ctx) {
  std::string given = ctx.read_input(cmd.against);
  const Corpus& corpus = ctx.corpus();
  ExportSelection selection;
  selection.papers = select_papers(corpus, std::nullopt, false, Filters{});
  std::ostringstream exported;
  render_markdown(corpus, selection, ExportOptions{}, exported);
  std::string diff =
      unified_diff(given, exported.str(), cmd.against, "papertree export --format markdown");
  if (diff.empty()) {
    if (!ctx.quiet)
      std::cerr << "papertree: " << sanitize_for_display(cmd.against)
                << " is what the corpus exports\n";
    return;
  }
  std::cout << diff;
  ctx.exit_code = static_cast<int>(ExitCode::check_failed);
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<CheckCommand>(
      app, ctx, run_check, "check",
      "Exit 0 when the corpus exports exactly the given markdown list; else a diff, exit 1");
  sub->add_option("--against", cmd->against, "The markdown list (a survey's README.md)")
      ->required()
      ->type_name("FILE");
  set_examples(*sub,
               {{"papertree --corpus c.json check --against README.md",
                 "exit 1 and a diff unless README.md is what c.json exports"},
                {"papertree check --against README.md > fix.diff || patch README.md fix.diff",
                 "make the list what the corpus exports"}},
               {},
               "Exit codes: 0 the list is what the corpus exports, 1 it differs (the diff is "
               "printed), 2 usage error, 3 bad input data, 4 I/O error.");
}

}  // namespace papertree::cli
