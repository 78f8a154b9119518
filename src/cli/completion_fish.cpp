// The fish completion script.
#include <string>
#include <vector>

#include "completion.hpp"
#include "help.hpp"

namespace papertree::cli {

namespace {

// The fish `-a` argument for a value of this kind; empty for files and for any value.
std::string fish_words(const ValueCompletion& v, const std::vector<std::string>& commands) {
  switch (v.kind) {
    case ValueKind::words:
      return v.list ? "'(__papertree_list " + v.words + ")'" : "'" + v.words + "'";
    case ValueKind::categories:
      return "'(__papertree_ids categories)'";
    case ValueKind::papers:
      return "'(__papertree_ids papers)'";
    case ValueKind::commands:
      return "'" + joined(commands) + "'";
    case ValueKind::files:
    case ValueKind::none:
      break;
  }
  return {};
}

// One `complete` line per option: its names, and what its value completes to.
void write_fish_options(const CLI::App& app, const std::string& when,
                        const std::vector<std::string>& commands, std::ostream& out) {
  for (const CLI::Option* opt :
       app.get_options([](const CLI::Option* o) { return !o->get_positional(); })) {
    out << "complete -c papertree -n " << when;
    for (const auto& s : opt->get_snames()) out << " -s " << s;
    for (const auto& l : opt->get_lnames()) out << " -l " << l;
    if (takes_value(*opt)) {
      ValueCompletion v = value_completion(*opt);
      std::string words = fish_words(v, commands);
      out << (!words.empty() ? " -xa " + words : v.kind == ValueKind::files ? " -rF" : " -x");
    }
    out << '\n';
  }
}

void write_fish_helpers(const CLI::App& app, std::ostream& out) {
  std::string globals = joined(global_valued_names(app));
  std::string global_assignments;
  for (const CLI::Option* opt : valued_options(app))
    for (const auto& l : opt->get_lnames()) global_assignments += " '--" + l + "=*'";
  out << "# fish completion for papertree: papertree completion fish | source\n"
         "# The command word: the first that is neither an option nor the value of one.\n"
         "function __papertree_command\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -l i 2\n"
         "    while test $i -le (count $tokens)\n"
         "        switch $tokens[$i]\n"
         "            case "
      << globals
      << "\n"
         "                set i (math $i + 1)\n"
         "            case '-*'\n"
         "            case '*'\n"
         "                printf '%s\\n' $tokens[$i]\n"
         "                return 0\n"
         "        end\n"
         "        set i (math $i + 1)\n"
         "    end\n"
         "    return 1\n"
         "end\n"
         "function __papertree_needs_command\n"
         "    not __papertree_command >/dev/null\n"
         "end\n"
         "function __papertree_using\n"
         "    set -l command (__papertree_command); and test \"$command\" = $argv[1]\n"
         "end\n"
         "# The ids `papertree __complete-KIND` prints, with the line's --corpus and --max-input.\n"
         "function __papertree_ids\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -l global\n"
         "    set -l i 2\n"
         "    while test $i -le (count $tokens)\n"
         "        switch $tokens[$i]\n"
         "            case "
      << globals
      << "\n"
         "                set -a global $tokens[$i] (string replace -r '^~/' ~/ -- "
         "$tokens[(math $i + 1)])\n"
         "                set i (math $i + 1)\n"
         "            case"
      << global_assignments
      << "\n"
         "                set -a global $tokens[$i]\n"
         "        end\n"
         "        set i (math $i + 1)\n"
         "    end\n"
         "    $tokens[1] $global __complete-$argv[1] 2>/dev/null\n"
         "end\n"
         "# The token as a comma-separated list of the words given, each once.\n"
         "function __papertree_list\n"
         "    set -l token (commandline -ct | string replace -r -- '^-[^=]*=' '')\n"
         "    set -l head (string match -r -- '.*,' $token)\n"
         "    set -l used (string split , -- $head)\n"
         "    for word in $argv\n"
         "        contains -- $word $used; or printf '%s\\n' $head$word\n"
         "    end\n"
         "end\n"
         "complete -c papertree -f\n";
}

}  // namespace

void write_fish_completion(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> names = visible_command_names(app);
  write_fish_helpers(app, out);
  write_fish_options(app, "__papertree_needs_command", names, out);
  for (const CLI::App* c : visible_commands(app)) {
    const std::string& name = c->get_name();
    std::string description = c->get_description();
    for (auto& ch : description) ch = ch == '\'' ? ' ' : ch;
    out << "complete -c papertree -n __papertree_needs_command -a " << name << " -d '"
        << description << "'\n";
    std::string when = "'__papertree_using " + name + "'";
    write_fish_options(*c, when, names, out);
    ValueCompletion v = positional_completion(*c);
    if (std::string words = fish_words(v, names); !words.empty())
      out << "complete -c papertree -n " << when << " -a " << words << '\n';
    if (v.kind == ValueKind::files) out << "complete -c papertree -n " << when << " -F\n";
  }
}

}  // namespace papertree::cli
