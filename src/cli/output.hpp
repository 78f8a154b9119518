#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace papertree::cli {

/// Where a command's result goes: `-o PATH` (written by write_file_atomic), else standard output.
struct OutputFile {
  std::string path;    ///< -o/--output; empty or "-" means standard output
  bool force = false;  ///< --force: an existing regular file may be replaced
};

/// Adds `-o,--output` (an empty name is a usage error) and `--force` to `sub`.
void add_output_file_options(CLI::App& sub, OutputFile& args, const std::string& help);

/// Whether the result goes to standard output (no -o, or -o -).
bool writes_to_stdout(const OutputFile& args);

/// Writes `content` to the -o target, or to standard output when there is none or it is "-".
/// Every command that writes a file goes through here.
void write_output(const OutputFile& args, std::string_view content);

/// The name to use in messages about the output: the path, or "<stdout>".
std::string output_name(const OutputFile& args);

}  // namespace papertree::cli
