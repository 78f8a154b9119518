#include "help.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <memory>

#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

// The examples `papertree` alone shows: one per everyday task.
const std::vector<Example> k_first_examples = {
    {"papertree tree quant", "the Quantization branch of the taxonomy, with paper counts"},
    {"papertree list speculative-decoding --year 2023", "the papers of one category and year"},
    {"papertree search 'kv cache' --has-code", "ranked full-text search"},
    {"papertree show gptq", "one paper in full: links, categories"},
    {"papertree export quantization --format bibtex -o quant.bib", "BibTeX for a bibliography"},
};

// `papertree --help` also shows the global options at work.
const std::vector<Example> k_program_examples = [] {
  std::vector<Example> examples = k_first_examples;
  examples.push_back({"papertree --corpus c.json validate", "another corpus file, not the survey"});
  return examples;
}();

constexpr std::string_view k_program_exit_codes =
    "Exit codes: 0 success, 1 a check found problems (validate, check), 2 usage error, 3 bad input "
    "data, 4 I/O error.";

std::string examples_text(const std::vector<Example>& examples) {
  std::string out = "Examples:\n";
  for (const Example& e : examples) {
    out += "  ";
    out += e.command;
    out += "\n      ";
    out += e.what;
    out += '\n';
  }
  return out;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

// The command named `name` (hidden ones too when `hidden`), or null.
const CLI::App* find_command(const CLI::App& app, const std::string& name, bool hidden) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == name && (hidden || !sub->get_group().empty())) return sub;
  }
  return nullptr;
}

// The command `word` most likely means (likeliest_name): "serach" is search, "lsit" list.
std::string closest_command(const CLI::App& app, std::string_view word) {
  std::vector<Spelling> names;
  for (const CLI::App* sub : visible_commands(app))
    names.push_back({sub->get_name(), sub->get_name()});
  return likeliest_name(names, word);
}

[[noreturn]] void unknown_command(const CLI::App& app, const std::string& word) {
  std::string message = "unknown command \"" + word + "\"";
  if (std::string near = closest_command(app, word); !near.empty())
    message += "; did you mean \"" + near + "\"?";
  throw UsageError(message, "run '" + app.get_name() + " help' to see every command");
}

// The long option of `app` or of its parents that `typed` (without its dashes) most likely
// means (likeliest_name), as for commands: "limt" is limit.
std::string nearest_long_option(const CLI::App& app, const std::string& typed) {
  std::vector<Spelling> names;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& name : o->get_lnames()) names.push_back({name, name});
    }
  }
  return likeliest_name(names, typed);
}

bool negative_number(const std::string& word) {
  return word.size() >= 2 && word[0] == '-' && std::isdigit(static_cast<unsigned char>(word[1]));
}

// Refuses `word` (args[at], an option papertree does not take, before the command): with the
// nearest global option, or where the command named later on the line takes it ("--limit 5
// list"), a hint to move it after the command.
[[noreturn]] void unknown_global_option(const CLI::App& app, const std::vector<std::string>& args,
                                        std::size_t at) {
  const std::string& typed = args[at];
  const std::size_t equals = typed.find('=');
  const std::string name =
      equals == std::string::npos || equals < 3 ? typed : typed.substr(0, equals);
  std::string message = "unknown option " + quote_for_message(name);
  const CLI::App* command = nullptr;
  for (std::size_t i = at + 1; i < args.size() && command == nullptr; ++i) {
    if (args[i] == "--") break;
    if (args[i].rfind('-', 0) != 0) command = find_command(app, args[i], true);
  }
  if (command != nullptr && command->get_option_no_throw(name) != nullptr) {
    throw UsageError(message, name + " is an option of " + command->get_name() +
                                  ": put it after the command (" + app.get_name() + " " +
                                  command->get_name() + " " + name + " ...)");
  }
  if (name.rfind("--", 0) == 0 && name.size() > 2) {
    // The nearest option of the command named later, or of papertree itself; one the command
    // alone takes is to be moved after it ("--limt 3 list" means "list --limit 3").
    const CLI::App& scope = command != nullptr ? *command : app;
    if (std::string near = nearest_long_option(scope, name.substr(2)); !near.empty()) {
      message += "; did you mean \"--" + near + "\"?";
      if (command != nullptr && app.get_option_no_throw("--" + near) == nullptr)
        throw UsageError(message, "--" + near + " is an option of " + command->get_name() +
                                      ": put it after the command (" + app.get_name() + " " +
                                      command->get_name() + " --" + near + " ...)");
    }
  }
  throw UsageError(message);
}

// Whether `word` (such as "--year=2023" or "-n") names an option of `app` or of its parents.
const CLI::Option* find_option(const CLI::App& app, const std::string& word) {
  std::string name = word.substr(0, word.find('='));
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* opt = a->get_option_no_throw(name)) return opt;
  }
  return nullptr;
}

}  // namespace

void set_examples(CLI::App& sub, const std::vector<Example>& examples, std::string_view prologue,
                  std::string_view exit_codes) {
  std::string footer;
  if (!prologue.empty()) footer = std::string(prologue) + "\n";
  sub.footer(footer + examples_text(examples) + "\n" + std::string(exit_codes));
}

void set_program_help(CLI::App& app) {
  set_examples(app, k_program_examples, {}, k_program_exit_codes);
}

std::string program_examples() {
  return examples_text(k_program_examples);
}

std::string_view program_exit_codes() {
  return k_program_exit_codes;
}

void set_search_help(CLI::App& sub) {
  if (CLI::Option* query = sub.get_option_no_throw("query")) query->type_name("QUERY");
  if (CLI::Option* in = sub.get_option_no_throw("--in")) in->type_name("CATEGORY");
  set_examples(
      sub,
      {{"papertree search kv cache", "papers with both words, best first"},
       {"papertree search '\"speculative decoding\" year:>=2024' --limit 5", "a phrase, a year"},
       {"papertree search 'title:(pruning OR sparsity) has:code' --format ids", "ids, for scripts"},
       {"papertree search lora --in efficient-fine-tuning --facets",
        "where the hits lie in the taxonomy"},
       {"papertree search 'author:dettmers quantization' --sort year",
        "by an author, newest first"}},
      "Query syntax (docs/query-language.md has it all):\n"
      "  kv cache                   both words, in a title, venue or category name\n"
      "  \"kv cache\"                 the words next to each other, in this order\n"
      "  quantization -gptq         without a word (also: NOT gptq)\n"
      "  pruning OR sparsity        either word; parentheses group: (a OR b) c\n"
      "  quant*                     a word starting with quant\n"
      "  title:WORD  venue:NAME     in the title; at the venue (any case, normalised)\n"
      "  author:NAME                by this author: author:dao, author:\"tri dao\"\n"
      "  year:2023  year:>=2023  year:2022..2024\n"
      "  in:CATEGORY  has:code  kind:paper|blog|website\n"
      "A query that starts with - needs -- before it: papertree search -- -gptq quantization\n");
}

void write_short_help(const CLI::App& app, std::ostream& out) {
  HelpFormatter formatter;
  out << app.get_description() << "\n\n"
      << "Usage: " << app.get_name() << " [OPTIONS] COMMAND [ARGS...]\n\nCommands:\n";
  for (const CLI::App* sub : visible_commands(app)) out << formatter.make_subcommand(sub);
  out << '\n'
      << examples_text(k_first_examples) << '\n'
      << "Run '" << app.get_name() << " help COMMAND' for a command's options and examples, '"
      << app.get_name() << " --help' for the global options.\n";
}

void setup_help(CLI::App& app) {
  auto command = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("help", "Print the help of papertree or of one command");
  sub->add_option("command", *command, "The command to describe")->type_name("COMMAND");
  set_examples(*sub, {{"papertree help search", "the options of search and the query syntax"}});
  sub->callback([command, &app] {
    // The formatter directly: App::help would describe the selected command, `help` itself.
    if (command->empty()) {
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return;
    }
    const CLI::App* target = find_command(app, *command, false);
    if (target == nullptr) unknown_command(app, *command);
    std::cout << target->get_formatter()->make_help(target, app.get_name() + " " + *command,
                                                    CLI::AppFormatMode::Normal);
  });
}

void check_command_word(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return;
    if (word.size() > 1 && word[0] == '-') {
      const CLI::Option* opt = find_option(app, word);
      // An unknown option before the command (a long one, or a lone short one that is not a
      // negative number): said so now, as its value (if it has one) would otherwise be read as
      // the command ("--colr always tree").
      if (opt == nullptr &&
          ((word.size() > 2 && word[1] == '-') || (word.size() == 2 && !negative_number(word))))
        unknown_global_option(app, args, i);
      if (opt != nullptr && takes_value(*opt) && word.find('=') == std::string::npos) ++i;
      continue;
    }
    if (find_command(app, word, true) == nullptr) unknown_command(app, word);
    return;
  }
}

namespace {

// `word` as a shell reads it back: as it is when it holds no character the shell treats
// specially, else in single quotes.
std::string shell_word(const std::string& word) {
  bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || std::strchr("-_./:=,@%+", c) != nullptr;
  });
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string shell_line(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + shell_word(w);
  return out;
}

// A command's words after its name, split as CLI11 reads them: the options with their values,
// and the arguments, each group in the order typed.
struct CommandWords {
  std::vector<std::string> options;
  std::vector<std::string> arguments;
};

// A short option with its value attached: "-n5" is -n 5, "-fids" is -f ids.
bool attached_short_option(const CLI::App& sub, const std::string& word) {
  if (word.size() <= 2 || word[0] != '-' || word[1] == '-') return false;
  const CLI::Option* opt = find_option(sub, word.substr(0, 2));
  return opt != nullptr && takes_value(*opt);
}

CommandWords split_command_words(const CLI::App& sub, std::vector<std::string>::const_iterator it,
                                 std::vector<std::string>::const_iterator end) {
  CommandWords words;
  for (; it != end; ++it) {
    if (*it == "--") {
      words.arguments.insert(words.arguments.end(), it + 1, end);
      break;
    }
    if (attached_short_option(sub, *it)) {
      words.options.push_back(*it);
      continue;
    }
    const CLI::Option* opt = it->size() > 1 && (*it)[0] == '-' ? find_option(sub, *it) : nullptr;
    if (opt == nullptr) {
      words.arguments.push_back(*it);
      continue;
    }
    words.options.push_back(*it);
    if (takes_value(*opt) && it->find('=') == std::string::npos && it + 1 != end)
      words.options.push_back(*++it);
  }
  return words;
}

}  // namespace

std::string dash_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  auto start = std::find(args.begin(), args.end(), sub.get_name());
  if (start == args.end()) return {};
  bool takes_words =
      !sub.get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
  for (auto it = start + 1; it != args.end(); ++it) {
    const std::string& word = *it;
    if (word == "--") return {};
    if (word.size() < 2 || word[0] != '-') continue;
    if (attached_short_option(sub, word)) continue;  // "-n5": an option and its value
    if (const CLI::Option* opt = find_option(sub, word)) {
      // An option's value, such as the -1 of `--limit -1`: no argument, and not to be moved.
      if (!takes_value(*opt) || word.find('=') != std::string::npos || it + 1 == args.end())
        continue;
      // A negative number is a wrong value only for an option that takes a number N >= 0.
      if (negative_number(*++it) && metavariable(*opt) == "N")
        return opt->get_name() + " takes " + value_description(*opt) + ", not \"" + *it + "\"";
      continue;
    }
    if (word[1] == '-') continue;  // a mistyped long option: option_hint's
    if (!takes_words) return {};
    CommandWords words = split_command_words(sub, start + 1, args.end());
    std::vector<std::string> line(args.begin(), start + 1);
    line.insert(line.end(), words.options.begin(), words.options.end());
    line.push_back("--");
    line.insert(line.end(), words.arguments.begin(), words.arguments.end());
    std::string example = sub.get_parent()->get_name() + " " + shell_line(line);
    if (sub.get_name() == "search")
      return "\"" + word + "\" is not an option; to search for papers without \"" + word.substr(1) +
             "\", put -- before the query: " + example;
    return "\"" + word + "\" is not an option; if it is an argument, put -- before it: " + example;
  }
  return {};
}

std::string missing_query_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  auto start = std::find(args.begin(), args.end(), sub.get_name());
  const CLI::App* list = find_command(*sub.get_parent(), "list", false);
  if (sub.get_name() != "search" || start == args.end() || list == nullptr) return {};
  CommandWords words = split_command_words(sub, start + 1, args.end());
  if (!words.arguments.empty()) return {};
  // The options list has too, with a value it allows; search's --in is list's CATEGORY.
  std::vector<std::string> kept, category;
  bool filtered = false;
  for (std::size_t i = 0; i < words.options.size(); ++i) {
    const std::string& name = words.options[i];
    const CLI::Option* own = find_option(sub, name);
    bool valued = own != nullptr && takes_value(*own) && name.find('=') == std::string::npos &&
                  i + 1 < words.options.size();
    std::string value = valued ? words.options[i + 1] : "";
    if (!valued && name.starts_with("--") && name.find('=') != std::string::npos)
      value = name.substr(name.find('=') + 1);  // --in=quant
    if (valued) ++i;
    if (own != nullptr && own->check_lname("in")) {
      category = {value};
      continue;
    }
    const CLI::Option* theirs = find_option(*list, name);
    if (theirs == nullptr || theirs->get_name() == "--help") continue;
    std::vector<std::string> choices = option_choices(*theirs);
    std::string given = ascii_lower(valued ? value : name.substr(name.find('=') + 1));
    if (takes_value(*theirs) && !choices.empty() &&
        std::find(choices.begin(), choices.end(), given) == choices.end())
      continue;
    filtered = filtered || theirs->get_group() == "Filters";
    kept.push_back(name);
    if (valued) kept.push_back(value);
  }
  if (!filtered && category.empty()) return {};
  std::vector<std::string> line(args.begin(), start);
  line.push_back("list");
  line.insert(line.end(), category.begin(), category.end());
  line.insert(line.end(), kept.begin(), kept.end());
  return "search needs a query; to list the papers the filters keep: " +
         sub.get_parent()->get_name() + " " + shell_line(line);
}

std::string typed_option_word(const std::vector<std::string>& args, const std::string& reported) {
  if (reported.size() < 2 || reported[0] != '-' || reported[1] == '-' ||
      std::find(args.begin(), args.end(), reported) != args.end())
    return reported;
  for (const std::string& word : args) {
    if (word == "--") break;
    if (word.size() > reported.size() && word[0] == '-' && word[1] != '-' &&
        word.ends_with(std::string_view(reported).substr(1)))
      return word;
  }
  return reported;
}

std::string option_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  auto start = std::find(args.begin(), args.end(), sub.get_name());
  if (start == args.end()) return {};
  for (auto it = start + 1; it != args.end(); ++it) {
    const std::string& word = *it;
    if (word == "--") return {};
    if (word.size() < 3 || word.rfind("--", 0) != 0 || find_option(sub, word)) continue;
    std::string best = nearest_long_option(sub, word.substr(2, word.find('=') - 2));
    if (best.empty()) return {};
    return "did you mean \"--" + best + "\"?";
  }
  return {};
}

}  // namespace papertree::cli
