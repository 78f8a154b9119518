#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "papertree/render/frameworks.hpp"

namespace papertree::cli {

namespace {

struct FrameworksCommand {
  std::string supports;
  std::string format = "table";
};

void run_frameworks(const FrameworksCommand& cmd, Context& ctx) {
  std::vector<const Framework*> rows;
  for (const Framework& f : ctx.corpus().frameworks()) {
    if (cmd.supports.empty() ||
        std::find(f.supports.begin(), f.supports.end(), cmd.supports) != f.supports.end()) {
      rows.push_back(&f);
    }
  }
  if (cmd.format == "json") {
    render_frameworks_json(rows, std::cout);
    return;
  }
  if (rows.empty()) {
    std::cerr << "papertree: no framework supports " << cmd.supports << '\n';
    return;
  }
  render_frameworks_table(rows, ctx.terminal().style(), ctx.terminal().width, std::cout);
}

}  // namespace

void setup_frameworks(CLI::App& app, Context& ctx) {
  auto cmd = std::make_shared<FrameworksCommand>();
  CLI::App* sub = app.add_subcommand("frameworks", "The LLM frameworks and what each supports");
  sub->add_option("--supports", cmd->supports,
                  "Only frameworks supporting this: training, inference or fine-tuning")
      ->check(CLI::IsMember({"training", "inference", "fine-tuning"}));
  sub->add_option("-f,--format", cmd->format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  set_examples(*sub, {{"papertree frameworks", "every framework"},
                      {"papertree frameworks --supports fine-tuning", "those that fine-tune"}});
  sub->callback([cmd, &ctx] { run_frameworks(*cmd, ctx); });
}

}  // namespace papertree::cli
