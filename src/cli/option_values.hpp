#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace papertree::cli {

/// The --format values of the commands that print paper lists (list, search), default first.
const std::vector<std::string>& paper_formats();

/// The --format values of `export`, in the order of its format table (cmd_export.cpp).
std::vector<std::string> export_format_names();

/// A second spelling of a value and the value it stands for: {"csl-json", "csljson"}.
struct Alias {
  std::string alias;
  std::string name;
};

/// The spellings of formats people type for the names papertree uses: csl-json, bib, md.
const std::vector<Alias>& format_aliases();

/// Checks that an option's value is one of `names`, in any case, or an alias of one (an alias
/// whose name is not in `names` is ignored), and replaces it with the name: "CSL-JSON" becomes
/// "csljson". Anything else is refused with the names and, when one is close (a unique prefix,
/// or a small edit distance), "did you mean". Its description, `{a,b,c}`, gives the help's
/// `a|b|c` and the shell completion's words. Give it to CLI::Option::transform (`check` would
/// not keep the name it puts in place of an alias).
CLI::Validator one_of(std::vector<std::string> names, const std::vector<Alias>& aliases = {});

/// Adds `-f,--format` taking "text" or "json" (the commands whose output is a text report or
/// its JSON form), bound to `format`.
CLI::Option* add_text_json_format(CLI::App& sub, std::string& format);

/// Checks that an option's value is a whole number from `min` to `max`, with a plain message:
/// "expected a whole number ≥ 1, got \"0\"" rather than CLI11's floating-point range.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

/// Parses a byte count: digits with an optional unit K, M, G (or KiB, MiB, GiB; powers of 1024),
/// such as "64M". Throws UsageError naming `source` (the option or variable) when malformed or 0.
std::size_t parse_byte_size(const std::string& text, const std::string& source);

}  // namespace papertree::cli
