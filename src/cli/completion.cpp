#include <set>
#include <string>
#include <utility>
#include <vector>

#include "completion.hpp"
#include "help.hpp"

namespace papertree::cli {

namespace {

// The options whose value is a comma-separated list of the words their metavariable allows.
const std::set<std::string> k_list_options = {"columns"};

}  // namespace

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

ValueCompletion value_completion(const CLI::Option& opt) {
  std::string meta = metavariable(opt);
  if (meta.ends_with("...")) meta.resize(meta.size() - 3);
  ValueCompletion v;
  // The words a value may be: its check's choices ({a,b,c}), which the help may show under
  // another name (--columns: COL[,COL...]).
  if (std::vector<std::string> choices = option_choices(opt); !choices.empty()) {
    v.kind = ValueKind::words;
    v.words = joined(choices, " ");
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

std::vector<const CLI::Option*> valued_options(const CLI::App& app) {
  return app.get_options(
      [](const CLI::Option* o) { return !o->get_positional() && takes_value(*o); });
}

std::vector<std::string> global_valued_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : valued_options(app))
    for (auto& n : option_names(*opt)) names.push_back(std::move(n));
  return names;
}

ValueCompletion positional_completion(const CLI::App& sub) {
  auto positionals = sub.get_options([](const CLI::Option* o) { return o->get_positional(); });
  return positionals.empty() ? ValueCompletion{} : value_completion(*positionals.front());
}

}  // namespace papertree::cli
