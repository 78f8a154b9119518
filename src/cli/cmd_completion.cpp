#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"

namespace papertree::cli {

namespace {

// Commands whose positional argument is a category, and those whose one is a file.
const std::set<std::string> k_category_commands = {"list", "tree", "stats", "export"};
const std::set<std::string> k_file_commands = {"import"};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The values of each command's --format, from the lists the commands check them against.
std::map<std::string, std::string> format_values() {
  std::string paper = joined(paper_formats());
  return {{"list", paper},
          {"search", paper},
          {"tree", "text json"},
          {"show", "text json"},
          {"stats", "text json"},
          {"frameworks", "table json"},
          {"export", joined(export_format_names())}};
}

struct Command {
  std::string name;
  std::string description;
  std::vector<std::string> options;
};

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::vector<Command> visible_commands(const CLI::App& app) {
  std::vector<Command> out;
  for (const CLI::App* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    out.push_back({sub->get_name(), sub->get_description(), option_names(*sub)});
  }
  return out;
}

void write_bash(const CLI::App& app, std::ostream& out) {
  std::vector<Command> commands = visible_commands(app);
  std::vector<std::string> names;
  for (const auto& c : commands) names.push_back(c.name);
  out << "# bash completion for papertree: source <(papertree completion bash)\n"
         "_papertree_categories() {\n"
         "  local i corpus=()\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n"
         "      -c | --corpus) corpus=(--corpus \"${COMP_WORDS[i + 1]}\") ;;\n"
         "      --corpus=*) corpus=(\"${COMP_WORDS[i]}\") ;;\n"
         "    esac\n"
         "  done\n"
         "  \"${COMP_WORDS[0]}\" \"${corpus[@]}\" __complete-categories 2>/dev/null\n"
         "}\n\n"
         "_papertree() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD - 1]}\" "
         "cmd=\"\" i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n"
         "      -c | --corpus | --color) ((i++)) ;;\n"
         "      -*) ;;\n"
         "      *) cmd=\"${COMP_WORDS[i]}\"; break ;;\n"
         "    esac\n"
         "  done\n"
         "  case \"$prev\" in\n"
         "    -c | --corpus | -o | --output) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
         "    --color) COMPREPLY=($(compgen -W \"auto always never\" -- \"$cur\")); return ;;\n"
         "    --in) COMPREPLY=($(compgen -W \"$(_papertree_categories)\" -- \"$cur\")); return ;;\n"
         "    -f | --format)\n"
         "      case \"$cmd\" in\n";
  for (const auto& [name, values] : format_values()) {
    out << "        " << name << ") COMPREPLY=($(compgen -W \"" << values
        << "\" -- \"$cur\")); return ;;\n";
  }
  out << "      esac ;;\n"
         "  esac\n"
         "  local opts\n"
         "  case \"$cmd\" in\n"
         "    \"\") opts=\""
      << joined(option_names(app)) << "\"\n"
      << "      [[ $cur != -* ]] && opts=\"" << joined(names) << "\" ;;\n";
  for (const auto& c : commands) {
    out << "    " << c.name << ") opts=\"" << joined(c.options) << "\"";
    if (k_category_commands.count(c.name))
      out << "\n      [[ $cur != -* ]] && opts=\"$(_papertree_categories)\"";
    if (k_file_commands.count(c.name))
      out << "\n      [[ $cur != -* ]] && { COMPREPLY=($(compgen -f -- \"$cur\")); return; }";
    out << " ;;\n";
  }
  out << "  esac\n"
         "  COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
         "}\n\n"
         "complete -F _papertree papertree\n";
}

void write_fish(const CLI::App& app, std::ostream& out) {
  out << "# fish completion for papertree: papertree completion fish | source\n"
         "function __papertree_categories\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -l corpus\n"
         "    for i in (seq (count $tokens))\n"
         "        if contains -- $tokens[$i] -c --corpus\n"
         "            set corpus --corpus $tokens[(math $i + 1)]\n"
         "        end\n"
         "    end\n"
         "    $tokens[1] $corpus __complete-categories 2>/dev/null\n"
         "end\n"
         "complete -c papertree -f\n"
         "complete -c papertree -s c -l corpus -rF -d 'Corpus JSON file'\n";
  std::map<std::string, std::string> formats = format_values();
  for (const auto& c : visible_commands(app)) {
    std::string description = c.description;
    for (auto& ch : description) ch = ch == '\'' ? ' ' : ch;
    out << "complete -c papertree -n __fish_use_subcommand -a " << c.name << " -d '" << description
        << "'\n";
    std::string when = "'__fish_seen_subcommand_from " + c.name + "'";
    for (const auto& opt : c.options) {
      if (opt.rfind("--", 0) == 0)
        out << "complete -c papertree -n " << when << " -l " << opt.substr(2) << '\n';
    }
    if (k_category_commands.count(c.name))
      out << "complete -c papertree -n " << when << " -a '(__papertree_categories)'\n";
    if (k_file_commands.count(c.name)) out << "complete -c papertree -n " << when << " -F\n";
    if (auto it = formats.find(c.name); it != formats.end()) {
      out << "complete -c papertree -n " << when << " -s f -l format -xa '" << it->second << "'\n";
    }
  }
  out << "complete -c papertree -n '__fish_seen_subcommand_from search' -l in -xa "
         "'(__papertree_categories)'\n";
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
  }
  write_bash(app, std::cout);
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

  CLI::App* hidden =
      app.add_subcommand("__complete-categories", "Print the category ids, one a line");
  hidden->group("");
  hidden->callback([&ctx] {
    for (const Category& c : ctx.corpus().categories()) std::cout << c.id << '\n';
  });
}

}  // namespace papertree::cli
