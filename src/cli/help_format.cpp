#include <sstream>

#include "help.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

constexpr std::size_t k_column = 30;

// "  NAME      description": the description starts at `column` display columns, or on the next
// line when the name is too wide; continuation lines are indented to the same column.
std::string aligned(const std::string& name, const std::string& description, std::size_t column) {
  std::string out = "  " + name;
  std::size_t width = display_width(out);
  if (description.empty()) return out + '\n';
  if (width >= column) {
    out += '\n';
    width = 0;
  }
  out.append(column - width, ' ');
  for (char c : description) {
    out += c;
    if (c == '\n') out.append(column, ' ');
  }
  return out + '\n';
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

}  // namespace

bool takes_value(const CLI::Option& opt) {
  return opt.get_expected_max() > 0 && opt.get_type_size() != 0;
}

std::string metavariable(const CLI::Option& opt) {
  if (!opt.get_option_text().empty()) return opt.get_option_text();
  std::vector<std::string> parts = split(opt.get_type_name(), ':');
  std::string name = parts.empty() ? "VALUE" : parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      name = p.substr(1, p.size() - 2);
      for (char& c : name) c = c == ',' ? '|' : c;
    } else if (p.rfind("N≥", 0) == 0) {
      name = "N";
    }
  }
  if (opt.get_expected_max() == CLI::detail::expected_max_vector_size && opt.get_positional())
    name += "...";
  return name;
}

std::string option_label(const CLI::Option& opt) {
  if (opt.get_positional()) return metavariable(opt);
  std::string names;
  for (const auto& s : opt.get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const auto& l : opt.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  if (takes_value(opt)) names += " " + metavariable(opt);
  return names;
}

std::string option_description(const CLI::Option& opt) {
  std::string description = opt.get_description();
  if (!opt.get_default_str().empty()) description += " (default: " + opt.get_default_str() + ")";
  return description;
}

HelpFormatter::HelpFormatter() {
  column_width(k_column);
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool) const {
  return aligned(option_label(*opt), option_description(*opt), get_column_width());
}

std::string HelpFormatter::make_option_usage(const CLI::Option* opt) const {
  std::string name = metavariable(*opt);
  return opt->get_required() ? name : "[" + name + "]";
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return aligned(sub->get_name(), sub->get_description(), get_column_width());
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  std::string usage = CLI::Formatter::make_usage(app, std::move(name));
  // CLI11 says SUBCOMMAND; papertree's documentation says COMMAND.
  if (auto at = usage.find("SUBCOMMAND"); at != std::string::npos) usage.replace(at, 10, "COMMAND");
  return usage;
}

}  // namespace papertree::cli
