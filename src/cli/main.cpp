// papertree: the command-line front end. Builds the CLI, runs one subcommand, maps errors to the
// documented exit codes (docs/cli.md).
#include <iostream>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "papertree/error.hpp"

int main(int argc, char** argv) {
  using namespace papertree;
  cli::Context ctx;
  CLI::App app{"papertree — a catalog of research papers organised by a survey's taxonomy",
               "papertree"};
  cli::setup_app(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return cli::report_usage(app, e);
  } catch (const Error& e) {
    return cli::report(e);
  } catch (const std::exception& e) {
    return cli::report_unexpected(e);
  }
  int flushed = cli::finish_stdout();
  return flushed != 0 ? flushed : ctx.exit_code;
}
