#include "help.hpp"

#include <algorithm>
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

// The command closest to `word`: the one it is a unique prefix of, else the nearest by edit
// distance when that is at most 2 (1 for words of under four letters): "serach", "lsit".
std::string closest_command(const CLI::App& app, std::string_view word) {
  std::string best;
  std::size_t best_distance = word.size() >= 4 ? 3 : 2;
  std::vector<std::string> prefixed;
  for (const CLI::App* sub : visible_commands(app)) {
    const std::string& name = sub->get_name();
    if (name.rfind(word, 0) == 0) prefixed.push_back(name);
    std::size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  if (prefixed.size() == 1 && !word.empty()) return prefixed.front();
  return best;
}

[[noreturn]] void unknown_command(const CLI::App& app, const std::string& word) {
  std::string message = "unknown command \"" + word + "\"";
  if (std::string near = closest_command(app, word); !near.empty())
    message += "; did you mean \"" + near + "\"?";
  throw UsageError(message, "run '" + app.get_name() + " help' to see every command");
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
      if (opt != nullptr && takes_value(*opt) && word.find('=') == std::string::npos) ++i;
      continue;
    }
    if (find_command(app, word, true) == nullptr) unknown_command(app, word);
    return;
  }
}

std::string dash_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  auto start = std::find(args.begin(), args.end(), sub.get_name());
  bool takes_words =
      !sub.get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
  if (start == args.end() || !takes_words) return {};
  for (auto it = start + 1; it != args.end(); ++it) {
    const std::string& word = *it;
    if (word == "--") return {};
    if (word.size() < 2 || word[0] != '-' || word[1] == '-' || find_option(sub, word)) continue;
    std::string example = sub.get_parent()->get_name() + " " + sub.get_name() + " -- " + word;
    if (sub.get_name() == "search")
      return "\"" + word + "\" is not an option; to search for papers without \"" + word.substr(1) +
             "\", put -- before the query: " + example;
    return "\"" + word + "\" is not an option; if it is an argument, put -- before it: " + example;
  }
  return {};
}

std::string option_hint(const CLI::App& sub, const std::vector<std::string>& args) {
  auto start = std::find(args.begin(), args.end(), sub.get_name());
  if (start == args.end()) return {};
  for (auto it = start + 1; it != args.end(); ++it) {
    const std::string& word = *it;
    if (word == "--") return {};
    if (word.size() < 3 || word.rfind("--", 0) != 0 || find_option(sub, word)) continue;
    const std::string typed = word.substr(2, word.find('=') - 2);
    // The nearest long option of the command or of papertree itself: a unique prefix, else an
    // edit distance of at most 2 (1 under four letters), as for commands.
    std::string best;
    std::size_t best_distance = typed.size() >= 4 ? 3 : 2;
    std::vector<std::string> prefixed;
    for (const CLI::App* a = &sub; a != nullptr; a = a->get_parent()) {
      for (const CLI::Option* o : a->get_options()) {
        for (const std::string& name : o->get_lnames()) {
          if (name.rfind(typed, 0) == 0) prefixed.push_back(name);
          if (std::size_t d = edit_distance(typed, name); d < best_distance) {
            best_distance = d;
            best = name;
          }
        }
      }
    }
    if (prefixed.size() == 1) best = prefixed.front();
    if (best.empty()) return {};
    return "did you mean \"--" + best + "\"?";
  }
  return {};
}

}  // namespace papertree::cli
