#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace papertree::cli {

/// One usage example of a command: the command line and what it does.
struct Example {
  std::string_view command;
  std::string_view what;
};

/// The exit-code line most commands' help ends with.
inline constexpr std::string_view k_exit_codes =
    "Exit codes: 0 success, 2 usage error, 3 bad input data, 4 I/O error.";

/// CLI11's formatter, with columns aligned by display width (so `≥` or `…` in a description
/// or a metavariable does not shift them), descriptions wrapped to the width, and one
/// metavariable style: FILE, N, CATEGORY, a|b|c.
class HelpFormatter : public CLI::Formatter {
 public:
  /// Descriptions are wrapped to end by column `width` (0: not wrapped).
  explicit HelpFormatter(std::size_t width = 0);
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_usage(const CLI::Option* opt) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;

 private:
  std::size_t m_width = 0;
};

/// Whether the option takes a value (a flag does not).
bool takes_value(const CLI::Option& opt);
/// The values an option allows, from its check (`one_of`, `IsMember`); empty when any goes.
std::vector<std::string> option_choices(const CLI::Option& opt);
/// The metavariable shown for an option's value: its option text, else its type name with a
/// list of allowed values written `a|b|c` and a whole-number check written `N`. CLI11's names
/// of C++ types (TEXT, INT) are never shown: an option without a name of its own shows VALUE.
std::string metavariable(const CLI::Option& opt);
/// What an option's value is, in words for a message: "a number N ≥ 0", "one of a, b, c", or
/// the metavariable ("FILE").
std::string value_description(const CLI::Option& opt);
/// "-f, --format FORMAT" or "CATEGORY" (positional), as the help and the man page show it.
std::string option_label(const CLI::Option& opt);
/// The option's description, with its default value when it has one.
std::string option_description(const CLI::Option& opt);

/// Sets `sub`'s help footer: an optional `prologue` (such as a syntax summary), an Examples
/// section and the exit codes. Every command has one; the man page prints the same text, and
/// tests/e2e/test_help_examples.sh runs every example.
void set_examples(CLI::App& sub, const std::vector<Example>& examples,
                  std::string_view prologue = {}, std::string_view exit_codes = k_exit_codes);

/// Sets the footer of `papertree --help`: examples and the exit codes. Called once every
/// command is added (a command added later would take it over as its own).
void set_program_help(CLI::App& app);
/// The Examples section of `papertree --help`, and its exit codes (the man page's EXAMPLES and
/// EXIT STATUS).
std::string program_examples();
std::string_view program_exit_codes();

/// The help of `search`: metavariables, a summary of the query syntax and examples.
void set_search_help(CLI::App& sub);

/// The short help `papertree` alone prints: usage, the commands, a few examples.
void write_short_help(const CLI::App& app, std::ostream& out);

/// Adds `papertree help [COMMAND]`, which prints the full help of the program or of one command.
void setup_help(CLI::App& app);

/// Before parsing: the first word that is not an option must name a command. An unknown one is
/// a UsageError with the closest command suggested ("did you mean "search"?").
void check_command_word(const CLI::App& app, const std::vector<std::string>& args);

/// After a parse error in `sub`: a hint for a word that starts with `-` but is no option: put
/// `--` before the arguments, shown as the whole command line with its options first and every
/// argument after `--`, in order. A negative number given as an option's value gets what the
/// option takes instead. Empty when no such word was typed.
std::string dash_hint(const CLI::App& sub, const std::vector<std::string>& args);
/// After `search` given filters but no query: the `list` command line that filters alone
/// (`papertree list --author dettmers`); else empty.
std::string missing_query_hint(const CLI::App& sub, const std::vector<std::string>& args);
/// The word of `args` that CLI11 reported as `reported`: CLI11 reads "-quantization" as the
/// flag -q followed by "-uantization", and reports the latter; this finds the word as typed.
std::string typed_option_word(const std::vector<std::string>& args, const std::string& reported);
/// For the first word of `args` after `sub`'s name that looks like a long option `sub` does not
/// know ("--limt"): a hint naming the nearest option ("did you mean \"--limit\"?"); else empty.
std::string option_hint(const CLI::App& sub, const std::vector<std::string>& args);

/// The man page (roff), generated from the same text as the help.
std::string man_page(const CLI::App& app);
/// Adds the hidden `__man FILE` command, which writes the man page generated from the help.
void setup_man(CLI::App& app);

}  // namespace papertree::cli
