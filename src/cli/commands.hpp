#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace papertree::cli {

/// One function per subcommand: adds it to `app` with its options and its callback.
void setup_tree(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_stats(CLI::App& app, Context& ctx);

}  // namespace papertree::cli
