// The bash completion script, and zsh's through bashcompinit.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "completion.hpp"

namespace papertree::cli {

namespace {

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
         "# _papertree_unquote WORD: WORD as the shell will pass it, for the simple quoting\n"
         "# people type (\"my file\", 'my file', my\\ file, ~/file); nothing is evaluated.\n"
         "_papertree_unquote() {\n"
         "  local w=\"$1\"\n"
         "  case \"$w\" in\n"
         "    \\\"*) w=\"${w#\\\"}\"; w=\"${w%\\\"}\" ;;\n"
         "    \\'*) w=\"${w#\\'}\"; w=\"${w%\\'}\" ;;\n"
         "    *) w=\"${w//\\\\/}\" ;;\n"
         "  esac\n"
         "  printf '%s' \"${w/#\\~\\//$HOME/}\"\n"
         "}\n\n"
         "# _papertree_ids KIND: the ids `papertree __complete-KIND` prints, read with the\n"
         "# program's options of the line being completed (--corpus FILE, --max-input SIZE),\n"
         "# before the command or after it.\n"
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
         "        global+=(\"$word\" \"$(_papertree_unquote \"${COMP_WORDS[i]}\")\") ;;\n"
         "      "
      << global_assignments
      << ") global+=(\"$word\") ;;\n"
         "    esac\n"
         "  done\n"
         "  \"${COMP_WORDS[0]}\" \"${global[@]}\" \"__complete-$1\" 2>/dev/null\n"
         "}\n\n"
         "_papertree_words() {\n"
         "  COMPREPLY=($(compgen -W \"$1\" -- \"$cur\"))\n"
         "}\n\n"
         "# One reply per line that compgen prints: a file name may hold spaces or * ? [.\n"
         "_papertree_files() {\n"
         "  local f\n"
         "  COMPREPLY=()\n"
         "  while IFS= read -r f; do COMPREPLY+=(\"$f\"); done < <(compgen -f -- \"$(_papertree_unquote \"$cur\")\")\n"
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
  // What bash and zsh call: the replies of _papertree_reply, each given back the
  // "--option=" that zsh (and a bash whose COMP_WORDBREAKS lacks "=") leaves in the word.
  out << "_papertree() {\n"
         "  local _papertree_assigned=\"\" i\n"
         "  _papertree_reply\n"
         "  [[ -z $_papertree_assigned ]] && return\n"
         "  for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do\n"
         "    COMPREPLY[i]=\"$_papertree_assigned${COMPREPLY[i]}\"\n"
         "  done\n"
         "}\n\n";
  out << "_papertree_reply() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD - 1]}\" "
         "cmd=\"\" i\n"
         "  # bash splits --option=value at the \"=\": the option is the word before it.\n"
         "  if [[ $cur == = ]]; then\n"
         "    cur=\"\"\n"
         "  elif [[ $prev == = ]]; then\n"
         "    prev=\"${COMP_WORDS[COMP_CWORD - 2]}\"\n"
         "  elif [[ $cur == --*=* ]]; then\n"
         "    # zsh keeps it one word: the option is what comes before the \"=\".\n"
         "    prev=\"${cur%%=*}\"\n"
         "    _papertree_assigned=\"$prev=\"\n"
         "    cur=\"${cur#*=}\"\n"
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
  out << "  # --option= of an option whose values are not offered above: nothing to offer.\n"
         "  [[ -n $_papertree_assigned ]] && { COMPREPLY=(); return; }\n"
         "  case \"$cmd\" in\n"
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
         "  local _papertree_nospace=\"\" _papertree_filenames=\"\" i f\n"
         "  _papertree \"$@\"\n"
         "  [[ -n $_papertree_nospace ]] && return\n"
         "  for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do\n"
         "    f=\"${COMPREPLY[i]}\"\n"
         "    [[ $f == --*=* ]] && f=\"${f#*=}\"\n"
         "    if [[ -n $_papertree_filenames && -d $f ]]; then\n"
         "      COMPREPLY[i]=\"${COMPREPLY[i]}/\"\n"
         "    else\n"
         "      COMPREPLY[i]=\"${COMPREPLY[i]} \"\n"
         "    fi\n"
         "  done\n"
         "}\n\n"
         "complete -o nospace -F _papertree_zsh papertree\n";
}

}  // namespace

void write_bash_completion(const CLI::App& app, bool zsh, std::ostream& out) {
  if (zsh) {
    out << "#compdef papertree\n# zsh completion for papertree: source <(papertree "
           "completion zsh)\n"
           "autoload -U +X bashcompinit && bashcompinit\n";
  }
  write_bash(app, out);
  if (zsh) {
    write_zsh_registration(out);
  } else {
    out << "complete -F _papertree papertree\n";
  }
}

}  // namespace papertree::cli
