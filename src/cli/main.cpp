// papertree: the command-line front end. Builds the CLI, runs one subcommand, maps errors to the
// documented exit codes (docs/cli.md).
#include <iostream>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "papertree/error.hpp"

int main(int argc, char** argv) {
  using namespace papertree;
  cli::catch_closed_pipe();
  cli::Context ctx;
  CLI::App app{"papertree — a catalog of research papers organised by a survey's taxonomy",
               "papertree"};
  cli::setup_app(app, ctx);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = 0;
  try {
    cli::check_command_word(app, args);
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) cli::write_short_help(app, std::cout);
    code = cli::finish_stdout();
  } catch (const CLI::Success& e) {
    // --help: printed like any output, so a full disk or a closed pipe ends as it does there.
    int code = app.exit(e);
    int written = cli::finish_stdout();
    return code != 0 ? code : written;
  } catch (const CLI::ParseError& e) {
    return cli::report_usage(app, e, args);
  } catch (const Error& e) {
    code = cli::report(e);
  } catch (const std::exception& e) {
    return cli::report_unexpected(e);
  }
  ctx.build_cache_in_background();
  return code != 0 ? code : ctx.exit_code;
}
