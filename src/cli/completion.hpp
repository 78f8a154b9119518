#pragma once
// Shell completion scripts, generated from the CLI: what each option and positional completes to
// is read from its metavariable, as the help shows it.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace papertree::cli {

/// What a value completes to: the words of `a|b|c`, or the ids, files or command names a
/// CATEGORY, PAPER, FILE or COMMAND metavariable stands for; `none` for free text.
enum class ValueKind { none, words, categories, papers, files, commands };

struct ValueCompletion {
  ValueKind kind = ValueKind::none;
  std::string words;  ///< space-separated, for ValueKind::words
  bool list = false;  ///< a comma-separated list of the words, each once (`--columns id,title`)
};

/// What the option's (or positional's) value completes to, read from its metavariable.
ValueCompletion value_completion(const CLI::Option& opt);
/// What the command's first positional completes to.
ValueCompletion positional_completion(const CLI::App& sub);

/// "--format", "-f": the names an option is typed with; of an app, those of all its options.
std::vector<std::string> option_names(const CLI::Option& opt);
std::vector<std::string> option_names(const CLI::App& app);
/// The commands the help lists (not the hidden `__complete-*` ones), and their names.
std::vector<const CLI::App*> visible_commands(const CLI::App& app);
std::vector<std::string> visible_command_names(const CLI::App& app);
/// The options that take a value (not the positionals).
std::vector<const CLI::Option*> valued_options(const CLI::App& app);
/// The names of the program's own options that take a value (`--corpus FILE`): skipped with
/// their value when looking for the command word.
std::vector<std::string> global_valued_names(const CLI::App& app);
/// The words joined by `separator`.
std::string joined(const std::vector<std::string>& words, std::string_view separator = " ");

/// The bash script (`complete -F`); for zsh, the same through bashcompinit, with its own
/// registration.
void write_bash_completion(const CLI::App& app, bool zsh, std::ostream& out);
/// The fish script (`complete -c papertree …`).
void write_fish_completion(const CLI::App& app, std::ostream& out);

}  // namespace papertree::cli
