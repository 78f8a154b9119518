#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace papertree::cli {

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
