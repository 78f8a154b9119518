#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"

namespace papertree::cli {

namespace {

// What a command's positional argument completes to, beyond the values its check allows.
const std::set<std::string> k_category_commands = {"list", "tree", "stats", "export"};
const std::set<std::string> k_file_commands = {"import", "index"};
const std::set<std::string> k_paper_commands = {"show"};
const std::set<std::string> k_command_commands = {"help"};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The words an option's value may be, from its check (`a|b|c` in the help), space-separated;
// empty when any value goes.
std::string allowed_values(const CLI::Option& opt) {
  std::string words;
  for (const std::string& c : option_choices(opt)) words += (words.empty() ? "" : " ") + c;
  return words;
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

std::vector<const CLI::Option*> valued_options(const CLI::App& app) {
  return app.get_options(
      [](const CLI::Option* o) { return !o->get_positional() && !allowed_values(*o).empty(); });
}

std::string positional_values(const CLI::App& sub) {
  for (const CLI::Option* opt :
       sub.get_options([](const CLI::Option* o) { return o->get_positional(); }))
    if (std::string values = allowed_values(*opt); !values.empty()) return values;
  return {};
}

std::string compreply(const std::string& words) {
  return "COMPREPLY=($(compgen -W \"" + words + "\" -- \"$cur\")); return ;;";
}

void write_bash_values(const CLI::App& app, std::ostream& out) {
  out << "  case \"$prev\" in\n"
         "    -c | --corpus | -o | --output) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
         "    --in) COMPREPLY=($(compgen -W \"$(_papertree_ids categories)\" -- \"$cur\")); "
         "return ;;\n";
  for (const CLI::Option* opt : valued_options(app)) {
    std::vector<std::string> names = option_names(*opt);
    std::string pattern;
    for (const auto& n : names) pattern += (pattern.empty() ? "" : " | ") + n;
    out << "    " << pattern << ") " << compreply(allowed_values(*opt)) << '\n';
  }
  out << "  esac\n  case \"$cmd $prev\" in\n";
  for (const CLI::App* sub : visible_commands(app)) {
    for (const CLI::Option* opt : valued_options(*sub)) {
      std::string pattern;
      for (const auto& n : option_names(*opt))
        pattern += (pattern.empty() ? "\"" : " | \"") + sub->get_name() + " " + n + "\"";
      out << "    " << pattern << ") " << compreply(allowed_values(*opt)) << '\n';
    }
  }
  out << "  esac\n";
}

void write_bash(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> names = visible_command_names(app);
  out << "# bash completion for papertree: source <(papertree completion bash)\n"
         "_papertree_ids() {\n"
         "  local i corpus=()\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"${COMP_WORDS[i]}\" in\n"
         "      -c | --corpus) corpus=(--corpus \"${COMP_WORDS[i + 1]}\") ;;\n"
         "      --corpus=*) corpus=(\"${COMP_WORDS[i]}\") ;;\n"
         "    esac\n"
         "  done\n"
         "  \"${COMP_WORDS[0]}\" \"${corpus[@]}\" \"__complete-$1\" 2>/dev/null\n"
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
         "  done\n";
  write_bash_values(app, out);
  out << "  local opts\n"
         "  case \"$cmd\" in\n"
         "    \"\") opts=\""
      << joined(option_names(app)) << "\"\n"
      << "      [[ $cur != -* ]] && opts=\"" << joined(names) << "\" ;;\n";
  for (const CLI::App* c : visible_commands(app)) {
    const std::string& name = c->get_name();
    out << "    " << name << ") opts=\"" << joined(option_names(*c)) << "\"";
    std::string words = positional_values(*c);
    if (k_category_commands.count(name)) words = "$(_papertree_ids categories)";
    if (k_paper_commands.count(name)) words = "$(_papertree_ids papers)";
    if (k_command_commands.count(name)) words = joined(names);
    if (!words.empty()) out << "\n      [[ $cur != -* ]] && opts=\"" << words << "\"";
    if (k_file_commands.count(name))
      out << "\n      [[ $cur != -* ]] && { COMPREPLY=($(compgen -f -- \"$cur\")); return; }";
    out << " ;;\n";
  }
  out << "  esac\n"
         "  COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
         "}\n\n"
         "complete -F _papertree papertree\n";
}

// One `complete` line per option: its names, and its values when they are a fixed list.
void write_fish_options(const CLI::App& app, const std::string& when, std::ostream& out) {
  for (const CLI::Option* opt :
       app.get_options([](const CLI::Option* o) { return !o->get_positional(); })) {
    out << "complete -c papertree -n " << when;
    for (const auto& s : opt->get_snames()) out << " -s " << s;
    for (const auto& l : opt->get_lnames()) out << " -l " << l;
    if (std::string values = allowed_values(*opt); !values.empty())
      out << " -xa '" << values << "'";
    else if (takes_value(*opt))
      out << " -r";
    out << '\n';
  }
}

void write_fish(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> names = visible_command_names(app);
  out << "# fish completion for papertree: papertree completion fish | source\n"
         "function __papertree_ids\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -l corpus\n"
         "    for i in (seq (count $tokens))\n"
         "        if contains -- $tokens[$i] -c --corpus\n"
         "            set corpus --corpus $tokens[(math $i + 1)]\n"
         "        end\n"
         "    end\n"
         "    $tokens[1] $corpus __complete-$argv[1] 2>/dev/null\n"
         "end\n"
         "complete -c papertree -f\n";
  write_fish_options(app, "__fish_use_subcommand", out);
  out << "complete -c papertree -n '__fish_seen_subcommand_from search' -l in -xa "
         "'(__papertree_ids categories)'\n";
  for (const CLI::App* c : visible_commands(app)) {
    const std::string& name = c->get_name();
    std::string description = c->get_description();
    for (auto& ch : description) ch = ch == '\'' ? ' ' : ch;
    out << "complete -c papertree -n __fish_use_subcommand -a " << name << " -d '" << description
        << "'\n";
    std::string when = "'__fish_seen_subcommand_from " + name + "'";
    write_fish_options(*c, when, out);
    std::string words = positional_values(*c);
    if (k_category_commands.count(name)) words = "(__papertree_ids categories)";
    if (k_paper_commands.count(name)) words = "(__papertree_ids papers)";
    if (k_command_commands.count(name)) words = joined(names);
    if (!words.empty()) out << "complete -c papertree -n " << when << " -a '" << words << "'\n";
    if (k_file_commands.count(name)) out << "complete -c papertree -n " << when << " -F\n";
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
      ->transform(one_of({"bash", "zsh", "fish"}));
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
