#include <algorithm>
#include <array>
#include <sstream>

#include "help.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

constexpr std::size_t k_column = 30;
// The fewest columns a description is wrapped to, however narrow the terminal.
constexpr std::size_t k_min_description_width = 30;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

// `text` in lines of at most `width` display columns, broken between words (a word wider than
// that on a line of its own); its own line breaks are kept. A `width` of 0 keeps its lines.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines = split(text, '\n');
  if (width == 0) return lines;
  std::vector<std::string> out;
  for (const std::string& paragraph : lines) {
    std::string line;
    for (const std::string& word : split(paragraph, ' ')) {
      if (word.empty()) continue;
      if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
        out.push_back(std::move(line));
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    out.push_back(std::move(line));
  }
  return out;
}

// "  NAME      description": the description starts at `column` display columns, or on the next
// line when the name is too wide, and is wrapped to end by `width` (0: no limit), its
// continuation lines indented to the same column.
std::string aligned(const std::string& name, const std::string& description, std::size_t column,
                    std::size_t width) {
  std::string out = "  " + name;
  std::size_t used = display_width(out);
  if (description.empty()) return out + '\n';
  if (used >= column) {
    out += '\n';
    used = 0;
  }
  out.append(column - used, ' ');
  std::size_t room = width == 0 ? 0 : std::max(width, column + k_min_description_width) - column;
  std::vector<std::string> lines = wrap(description, room);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n' + std::string(column, ' ');
    out += lines[i];
  }
  return out + '\n';
}

// The names CLI11 gives a value by its C++ type: never shown, since they say nothing of what
// the value is for.
bool generic_type_name(const std::string& name) {
  static const std::array<std::string_view, 7> k_names = {"",      "TEXT",    "INT", "UINT",
                                                          "FLOAT", "BOOLEAN", "CHAR"};
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

}  // namespace

bool takes_value(const CLI::Option& opt) {
  return opt.get_expected_max() > 0 && opt.get_type_size() != 0;
}

std::vector<std::string> option_choices(const CLI::Option& opt) {
  for (const std::string& p : split(opt.get_type_name(), ':')) {
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}')
      return split(p.substr(1, p.size() - 2), ',');
  }
  return {};
}

std::string metavariable(const CLI::Option& opt) {
  if (!opt.get_option_text().empty()) return opt.get_option_text();
  std::vector<std::string> parts = split(opt.get_type_name(), ':');
  std::string name = parts.empty() || generic_type_name(parts[0]) ? "VALUE" : parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].rfind("N≥", 0) == 0) name = "N";
  }
  if (std::vector<std::string> choices = option_choices(opt); !choices.empty()) {
    name.clear();
    for (const std::string& c : choices) name += (name.empty() ? "" : "|") + c;
  }
  if (opt.get_expected_max() == CLI::detail::expected_max_vector_size && opt.get_positional())
    name += "...";
  return name;
}

std::string value_description(const CLI::Option& opt) {
  if (!opt.get_option_text().empty()) return opt.get_option_text();
  for (const std::string& p : split(opt.get_type_name(), ':')) {
    if (p.rfind("N≥", 0) == 0) return "a number N ≥ " + p.substr(std::string("N≥").size());
  }
  if (std::vector<std::string> choices = option_choices(opt); !choices.empty()) {
    std::string list;
    for (const std::string& c : choices) list += (list.empty() ? "" : ", ") + c;
    return "one of " + list;
  }
  return metavariable(opt);
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

HelpFormatter::HelpFormatter(std::size_t width) : m_width(width) {
  column_width(k_column);
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  std::string description;
  for (const std::string& line : wrap(app->get_description(), m_width)) description += line + '\n';
  return description;
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  // Laid out by hand (examples, a syntax summary): only a line too wide is wrapped, its
  // continuation lines indented as it is. An example's command line is not: it is to be copied
  // whole (tests/e2e/test_help.sh keeps them within 100 columns).
  std::string footer;
  bool examples = false;
  for (const std::string& line : split(app->get_footer(), '\n')) {
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == 0) examples = line == "Examples:";
    bool command = examples && indent == 2;
    if (m_width == 0 || indent == std::string::npos || command || display_width(line) <= m_width) {
      footer += line + '\n';
      continue;
    }
    // A row of two columns ("  kv cache     both words, …"), split at its widest run of two
    // spaces or more: the right one is wrapped, its continuation lines starting where it starts.
    std::size_t right = std::string::npos, widest = 1;
    for (std::size_t at = line.find(' ', indent); at != std::string::npos;) {
      std::size_t end = line.find_first_not_of(' ', at);
      if (end == std::string::npos) break;
      if (end - at >= widest && end - at >= 2) {
        widest = end - at;
        right = end;
      }
      at = line.find(' ', end);
    }
    if (right != std::string::npos) {
      std::size_t column = display_width(line.substr(0, right));
      std::size_t room = std::max(m_width, column + k_min_description_width) - column;
      std::vector<std::string> parts = wrap(line.substr(right), room);
      for (std::size_t i = 0; i < parts.size(); ++i)
        footer += (i == 0 ? line.substr(0, right) : std::string(column, ' ')) + parts[i] + '\n';
      continue;
    }
    std::size_t room = std::max(m_width, indent + k_min_description_width) - indent;
    for (const std::string& part : wrap(line.substr(indent), room))
      footer += std::string(indent, ' ') + part + '\n';
  }
  return footer;
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool) const {
  return aligned(option_label(*opt), option_description(*opt), get_column_width(), m_width);
}

std::string HelpFormatter::make_option_usage(const CLI::Option* opt) const {
  std::string name = metavariable(*opt);
  return opt->get_required() ? name : "[" + name + "]";
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return aligned(sub->get_name(), sub->get_description(), get_column_width(), m_width);
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  std::string usage = CLI::Formatter::make_usage(app, std::move(name));
  // CLI11 says SUBCOMMAND; papertree's documentation says COMMAND.
  if (auto at = usage.find("SUBCOMMAND"); at != std::string::npos) usage.replace(at, 10, "COMMAND");
  return usage;
}

}  // namespace papertree::cli
