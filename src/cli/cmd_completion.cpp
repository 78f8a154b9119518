#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "help.hpp"

namespace papertree::cli {

namespace {

// What a value completes to, read from its metavariable (the one the help shows): the words of
// `a|b|c`, or the ids, files or command names a CATEGORY, PAPER, FILE or COMMAND stands for.
enum class ValueKind { none, words, categories, papers, files, commands };

struct ValueCompletion {
  ValueKind kind = ValueKind::none;
  std::string words;  ///< space-separated, for ValueKind::words
  bool list = false;  ///< a comma-separated list of the words, each once (`--columns id,title`)
};

// The options whose value is a comma-separated list of the words their metavariable allows.
const std::set<std::string> k_list_options = {"columns"};

std::string joined(const std::vector<std::string>& words, std::string_view separator = " ") {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

ValueCompletion value_completion(const CLI::Option& opt) {
  std::string meta = metavariable(opt);
  if (meta.ends_with("...")) meta.resize(meta.size() - 3);
  ValueCompletion v;
  if (meta.find('|') != std::string::npos) {
    v.kind = ValueKind::words;
    for (char& c : meta) c = c == '|' ? ' ' : c;
    v.words = meta;
    for (const auto& l : opt.get_lnames()) v.list = v.list || k_list_options.count(l) > 0;
  } else if (meta == "CATEGORY") {
    v.kind = ValueKind::categories;
  } else if (meta == "PAPER") {
    v.kind = ValueKind::papers;
  } else if (meta == "FILE") {
    v.kind = ValueKind::files;
  } else if (meta == "COMMAND") {
    v.kind = ValueKind::commands;
  }
  return v;
}

std::vector<std::string> option_names(const CLI::Option& opt) {
  std::vector<std::string> names;
  for (const auto& l : opt.get_lnames()) names.push_back("--" + l);
  for (const auto& s : opt.get_snames()) names.push_back("-" + s);
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (auto& n : option_names(*opt)) names.push_back(std::move(n));
  }
  return names;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

std::vector<std::string> visible_command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* c : visible_commands(app)) names.push_back(c->get_name());
  return names;
}

// The options that take a value (not the positionals).
std::vector<const CLI::Option*> valued_options(const CLI::App& app) {
  return app.get_options(
      [](const CLI::Option* o) { return !o->get_positional() && takes_value(*o); });
}

// The names of the program's own options that take a value (`--corpus FILE`): skipped with their
// value when looking for the command word.
std::vector<std::string> global_valued_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : valued_options(app))
    for (auto& n : option_names(*opt)) names.push_back(std::move(n));
  return names;
}

// What the command's first positional completes to.
ValueCompletion positional_completion(const CLI::App& sub) {
  auto positionals = sub.get_options([](const CLI::Option* o) { return o->get_positional(); });
  return positionals.empty() ? ValueCompletion{} : value_completion(*positionals.front());
}

// The bash code that sets COMPREPLY to the completions of `$cur` as such a value.
std::string bash_values(const ValueCompletion& v, const std::vector<std::string>& commands) {
  switch (v.kind) {
    case ValueKind::words:
      return (v.list ? "_papertree_list \"" : "_papertree_words \"") + v.words + "\"";
    case ValueKind::categories:
      return "_papertree_words \"$(_papertree_ids categories)\"";
    case ValueKind::papers:
      return "_papertree_words \"$(_papertree_ids papers)\"";
    case ValueKind::files:
      return "_papertree_files";
    case ValueKind::commands:
      return "_papertree_words \"" + joined(commands) + "\"";
    case ValueKind::none:
      break;
  }
  return "COMPREPLY=()";
}

// `case "$cmd $prev"` branches: the value of the option just typed, one branch per way to
// complete it. A command's own options first; the program's options may also follow a command.
void write_bash_values(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> commands = visible_command_names(app);
  std::vector<std::pair<std::string, std::vector<std::string>>> branches;  // code, patterns
  auto add = [&](const std::string& code, const std::string& pattern) {
    auto it = std::find_if(branches.begin(), branches.end(),
                           [&](const auto& b) { return b.first == code; });
    if (it == branches.end()) it = branches.insert(branches.end(), {code, {}});
    it->second.push_back(pattern);
  };
  for (const CLI::App* sub : visible_commands(app)) {
    for (const CLI::Option* opt : valued_options(*sub)) {
      for (const auto& n : option_names(*opt))
        add(bash_values(value_completion(*opt), commands), "\"" + sub->get_name() + " " + n + "\"");
    }
  }
  out << "  case \"$cmd $prev\" in\n";
  for (const auto& [code, patterns] : branches)
    out << "    " << joined(patterns, " | ") << ")\n      " << code << "; return ;;\n";
  for (const CLI::Option* opt : valued_options(app)) {
    std::vector<std::string> patterns;
    for (const auto& n : option_names(*opt)) patterns.push_back("*\" " + n + "\"");
    out << "    " << joined(patterns, " | ") << ")\n      "
        << bash_values(value_completion(*opt), commands) << "; return ;;\n";
  }
  out << "  esac\n";
}

void write_bash_helpers(const CLI::App& app, std::ostream& out) {
  std::string globals = joined(global_valued_names(app), " | ");
  std::string global_assignments;
  for (const CLI::Option* opt : valued_options(app))
    for (const auto& l : opt->get_lnames())
      global_assignments += (global_assignments.empty() ? "--" : " | --") + l + "=*";
  out << "# bash completion for papertree: source <(papertree completion bash)\n"
         "# _papertree_ids KIND: the ids `papertree __complete-KIND` prints, read with the\n"
         "# program's options of the line being completed (--corpus FILE, --max-input SIZE).\n"
         "_papertree_ids() {\n"
         "  local i word global=()\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    word=\"${COMP_WORDS[i]}\"\n"
         "    case \"$word\" in\n"
         "      "
      << globals
      << ")\n"
         "        [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))\n"
         "        ((i++))\n"
         "        global+=(\"$word\" \"${COMP_WORDS[i]/#\\~\\//$HOME/}\") ;;\n"
         "      "
      << global_assignments
      << ") global+=(\"$word\") ;;\n"
         "      -*) ;;\n"
         "      *) break ;;\n"
         "    esac\n"
         "  done\n"
         "  \"${COMP_WORDS[0]}\" \"${global[@]}\" \"__complete-$1\" 2>/dev/null\n"
         "}\n\n"
         "_papertree_words() {\n"
         "  COMPREPLY=($(compgen -W \"$1\" -- \"$cur\"))\n"
         "}\n\n"
         "_papertree_files() {\n"
         "  COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "  if type compopt &>/dev/null; then compopt -o filenames 2>/dev/null; else "
         "_papertree_filenames=1; fi\n"
         "}\n\n"
         "# _papertree_list WORDS: $cur as a comma-separated list of WORDS, each once: after\n"
         "# \"id,year,\" the words not yet in it, after that prefix. No space follows: a comma "
         "may.\n"
         "_papertree_list() {\n"
         "  local head=\"\" word list=\"\"\n"
         "  [[ $cur == *,* ]] && head=\"${cur%,*},\"\n"
         "  for word in $1; do\n"
         "    [[ \",$head\" == *\",$word,\"* ]] || list=\"$list $head$word\"\n"
         "  done\n"
         "  COMPREPLY=($(compgen -W \"$list\" -- \"$cur\"))\n"
         "  if type compopt &>/dev/null; then compopt -o nospace 2>/dev/null; else "
         "_papertree_nospace=1; fi\n"
         "}\n\n";
}

void write_bash(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> names = visible_command_names(app);
  write_bash_helpers(app, out);
  out << "_papertree() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD - 1]}\" "
         "cmd=\"\" i\n"
         "  # bash splits --option=value at the \"=\": the option is the word before it.\n"
         "  if [[ $cur == = ]]; then\n"
         "    cur=\"\"\n"
         "  elif [[ $prev == = ]]; then\n"
         "    prev=\"${COMP_WORDS[COMP_CWORD - 2]}\"\n"
         "  fi\n"
         "  # The command: the first word that is neither an option nor the value of one.\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n"
         "      "
      << joined(global_valued_names(app), " | ")
      << ")\n"
         "        [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))\n"
         "        ((i++)) ;;\n"
         "      -*) ;;\n"
         "      *) cmd=\"${COMP_WORDS[i]}\"; break ;;\n"
         "    esac\n"
         "  done\n";
  write_bash_values(app, out);
  out << "  case \"$cmd\" in\n"
         "    \"\") [[ $cur != -* ]] && { _papertree_words \""
      << joined(names) << "\"; return; }\n"
      << "      _papertree_words \"" << joined(option_names(app)) << "\" ;;\n";
  for (const CLI::App* c : visible_commands(app)) {
    out << "    " << c->get_name() << ")";
    if (ValueCompletion v = positional_completion(*c); v.kind != ValueKind::none)
      out << " [[ $cur != -* ]] && { " << bash_values(v, names) << "; return; }\n     ";
    out << " _papertree_words \"" << joined(option_names(*c)) << "\" ;;\n";
  }
  out << "  esac\n"
         "}\n\n";
}

// zsh's bashcompinit has no compopt: the completion is registered with nospace, and this wrapper
// adds what bash would, a space after each reply (bashcompinit then adds it as the suffix) but
// for a --columns list, and a slash after a directory.
void write_zsh_registration(std::ostream& out) {
  out << "_papertree_zsh() {\n"
         "  local _papertree_nospace=\"\" _papertree_filenames=\"\" i\n"
         "  _papertree \"$@\"\n"
         "  [[ -n $_papertree_nospace ]] && return\n"
         "  for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do\n"
         "    if [[ -n $_papertree_filenames && -d ${COMPREPLY[i]} ]]; then\n"
         "      COMPREPLY[i]=\"${COMPREPLY[i]}/\"\n"
         "    else\n"
         "      COMPREPLY[i]=\"${COMPREPLY[i]} \"\n"
         "    fi\n"
         "  done\n"
         "}\n\n"
         "complete -o nospace -F _papertree_zsh papertree\n";
}

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
         "            case '-*'\n"
         "            case '*'\n"
         "                break\n"
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

void write_fish(const CLI::App& app, std::ostream& out) {
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

void run_completion(const std::string& shell, const CLI::App& app) {
  if (shell == "fish") {
    write_fish(app, std::cout);
    return;
  }
  if (shell == "zsh") {
    std::cout << "#compdef papertree\n# zsh completion for papertree: source <(papertree "
                 "completion zsh)\n"
                 "autoload -U +X bashcompinit && bashcompinit\n";
    write_bash(app, std::cout);
    write_zsh_registration(std::cout);
    return;
  }
  write_bash(app, std::cout);
  std::cout << "complete -F _papertree papertree\n";
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  CLI::App* sub =
      app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  sub->add_option("shell", *shell, "The shell to complete for")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  set_examples(*sub, {{"source <(papertree completion bash)", "in ~/.bashrc"},
                      {"source <(papertree completion zsh)", "in ~/.zshrc"},
                      {"papertree completion fish | source", "in ~/.config/fish/config.fish"}});
  sub->callback([shell, &app] { run_completion(*shell, app); });

  CLI::App* categories =
      app.add_subcommand("__complete-categories", "Print the category ids, one a line");
  categories->group("");
  categories->callback([&ctx] {
    for (const Category& c : ctx.corpus().categories()) std::cout << c.id << '\n';
  });
  CLI::App* papers = app.add_subcommand("__complete-papers", "Print the paper ids, one a line");
  papers->group("");
  papers->callback([&ctx] {
    for (const Paper& p : ctx.corpus().papers()) std::cout << p.id << '\n';
  });
}

}  // namespace papertree::cli
