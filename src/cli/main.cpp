// papertree: the command-line front end. Builds the CLI, runs one subcommand, maps errors to the
// documented exit codes (docs/cli.md).
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "papertree/error.hpp"

namespace {

// A search of a large corpus builds hit and score lists of megabytes, frees them and builds the
// next. By default glibc gives each such block its own mapping and returns it on free, so every
// list is faulted in afresh, page by page (a fifth of a 3M-paper search was that). A short-lived
// process keeps them instead: blocks under 32 MiB come from the heap, and freed memory is reused
// rather than trimmed. Peak memory stays what the largest lists need (docs/performance.md).
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace papertree;
  keep_freed_memory();
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
    code = cli::report_command_error(app, e);
  } catch (const std::exception& e) {
    return cli::report_unexpected(e);
  }
  ctx.build_cache_in_background();
  return code != 0 ? code : ctx.exit_code;
}
