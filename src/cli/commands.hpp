#pragma once

#include <memory>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace papertree::cli {

/// Adds subcommand `name` to `app` with a fresh options struct `Command`, whose callback calls
/// `run(command, ctx)`. Returns the subcommand (to bind options to the struct) and the struct.
template <class Command, class Run>
std::pair<CLI::App*, std::shared_ptr<Command>> add_command(CLI::App& app, Context& ctx, Run run,
                                                           std::string name,
                                                           std::string description) {
  auto cmd = std::make_shared<Command>();
  CLI::App* sub = app.add_subcommand(std::move(name), std::move(description));
  sub->callback([cmd, &ctx, run] { run(*cmd, ctx); });
  return {sub, cmd};
}

/// One function per subcommand: adds it to `app` with its options and its callback.
void setup_tree(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_enrich(CLI::App& app, Context& ctx);
void setup_stats(CLI::App& app, Context& ctx);
void setup_list(CLI::App& app, Context& ctx);
void setup_search(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_frameworks(CLI::App& app, Context& ctx);
void setup_completion(CLI::App& app, Context& ctx);
void setup_index(CLI::App& app, Context& ctx);
void setup_validate(CLI::App& app, Context& ctx);
void setup_edit(CLI::App& app, Context& ctx);
void setup_category(CLI::App& app, Context& ctx);
void setup_check(CLI::App& app, Context& ctx);
void setup_diff(CLI::App& app, Context& ctx);
void setup_news(CLI::App& app, Context& ctx);

}  // namespace papertree::cli
