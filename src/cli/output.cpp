#include "output.hpp"

#include <iostream>

#include "papertree/io/io.hpp"

namespace papertree::cli {

bool writes_to_stdout(const OutputFile& args) {
  return args.path.empty() || args.path == "-";
}

void add_output_file_options(CLI::App& sub, OutputFile& args, const std::string& help) {
  sub.add_option("-o,--output", args.path, help + " (- for standard output)")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            return value.empty() ? "the output file name is empty (use -o - for standard output)"
                                 : "";
          },
          "FILE", "output_file"))
      ->type_name("FILE");
  sub.add_flag("--force", args.force, "Overwrite an existing output file");
}

void write_output(const OutputFile& args, std::string_view content) {
  if (writes_to_stdout(args)) {
    std::cout << content;
    return;
  }
  write_file_atomic(args.path, std::string(content), args.force);
}

std::string output_name(const OutputFile& args) {
  return writes_to_stdout(args) ? "<stdout>" : args.path;
}

}  // namespace papertree::cli
