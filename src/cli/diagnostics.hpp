#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "papertree/error.hpp"

namespace papertree::cli {

/// Adds the global options and every subcommand to `app`.
void setup_app(CLI::App& app, Context& ctx);

/// Prints `papertree: error: …` (and any detail lines) to stderr; returns the exit code.
int report(const Error& e);
/// A command-line parse error: the message, a hint when a word looks like a misplaced option,
/// and a pointer to the command's own --help; exit code 2.
int report_usage(const CLI::App& app, const CLI::ParseError& e,
                 const std::vector<std::string>& args);
/// An error a command raised: as `report`, and a usage error that has no detail lines of its
/// own (a hint, candidates) ends with a pointer to the command's --help, as parse errors do.
int report_command_error(const CLI::App& app, const Error& e);
/// Anything else that escaped (a bug): reported, never a crash; exit code 4 for I/O-like failures.
int report_unexpected(const std::exception& e);
/// From now on a write to a pipe whose reader has gone fails with EPIPE instead of killing the
/// process with SIGPIPE, so that finish_stdout can end with the documented exit code; a write
/// past the file-size limit fails with EFBIG instead of SIGXFSZ; and a mapped snapshot cut short
/// under the command (SIGBUS) ends it with a message and exit code 3.
void catch_signals();

/// Flushes stdout; a failed write (a full disk, a closed pipe) is an I/O error, exit code 4,
/// never a silent success. It is reported on stderr, except when the reader of a pipe stopped
/// reading, as `head` does: that ends the command quietly.
int finish_stdout();
/// A `papertree: warning: …` line on stderr.
void warn(std::string_view message);

}  // namespace papertree::cli
