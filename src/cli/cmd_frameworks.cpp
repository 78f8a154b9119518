#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/render/frameworks.hpp"

namespace papertree::cli {

namespace {

struct FrameworksCommand {
  std::string supports;
  std::string format;  ///< empty: table on a terminal, plain otherwise
};

void run_frameworks(const FrameworksCommand& cmd, Context& ctx) {
  std::vector<const Framework*> rows;
  for (const Framework& f : ctx.corpus().frameworks()) {
    if (cmd.supports.empty() ||
        std::find(f.supports.begin(), f.supports.end(), cmd.supports) != f.supports.end()) {
      rows.push_back(&f);
    }
  }
  std::string format =
      cmd.format.empty() ? (ctx.terminal().is_tty ? "table" : "plain") : cmd.format;
  if (format == "json") {
    render_frameworks_json(rows, std::cout);
    return;
  }
  if (rows.empty()) {
    std::cerr << "papertree: no framework supports " << cmd.supports << '\n';
    return;
  }
  if (format == "plain") {
    render_frameworks_plain(rows, std::cout);
    return;
  }
  render_frameworks_table(rows, ctx.terminal().style(), ctx.terminal().width, std::cout);
}

}  // namespace

void setup_frameworks(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<FrameworksCommand>(app, ctx, run_frameworks, "frameworks",
                                                   "The LLM frameworks and what each supports");
  sub->add_option("--supports", cmd->supports,
                  "Only frameworks supporting this: training, inference or fine-tuning")
      ->transform(one_of({"training", "inference", "fine-tuning"}));
  sub->add_option("-f,--format", cmd->format,
                  "table (default on a terminal), plain (default otherwise) or json")
      ->transform(one_of({"table", "plain", "json"}));
  set_examples(*sub, {{"papertree frameworks", "every framework"},
                      {"papertree frameworks --supports fine-tuning", "those that fine-tune"},
                      {"papertree frameworks | cut -f2,6", "names and URLs, for scripts"}});
}

}  // namespace papertree::cli
