#include <cstdio>
#include <memory>
#include <sstream>

#include "help.hpp"
#include "papertree/io/io.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

// Text for roff: backslashes and hyphens escaped, a line never starting with a control
// character, anything outside ASCII written as a \[uXXXX] glyph so no input encoding is assumed.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (line_start && (cp == '.' || cp == '\'')) out += "\\&";
    line_start = cp == '\n';
    if (cp == '\\') {
      out += "\\e";
    } else if (cp == '-') {
      out += "\\-";
    } else if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\[u%04X]", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  return out;
}

std::string usage_of(const CLI::App& app, const std::string& name) {
  std::string usage = HelpFormatter().make_usage(&app, name);
  if (usage.rfind("Usage: ", 0) == 0) usage.erase(0, 7);
  while (!usage.empty() && usage.back() == '\n') usage.pop_back();
  return usage;
}

void write_options(const CLI::App& app, std::ostream& out) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_name() == "--help" || opt->get_description().empty()) continue;
    out << ".TP\n\\fB" << roff(option_label(*opt)) << "\\fR\n"
        << roff(option_description(*opt)) << '\n';
  }
}

void write_preformatted(std::string_view text, std::ostream& out) {
  out << ".PP\n.nf\n.RS 4\n" << roff(text);
  if (!text.empty() && text.back() != '\n') out << '\n';
  out << ".RE\n.fi\n";
}

void write_command(const CLI::App& app, const CLI::App& sub, std::ostream& out) {
  std::string name = app.get_name() + " " + sub.get_name();
  out << ".SS \"" << roff(usage_of(sub, name)) << "\"\n" << roff(sub.get_description()) << '\n';
  write_options(sub, out);
  if (!sub.get_footer().empty()) write_preformatted(sub.get_footer(), out);
}

}  // namespace

std::string man_page(const CLI::App& app) {
  std::ostringstream out;
  out << ".TH PAPERTREE 1 \"\" \"" << roff(app.get_name() + " " + PAPERTREE_VERSION)
      << "\" \"User Commands\"\n"
      << ".SH NAME\n"
      << roff(app.get_name()) << " \\- "
      << roff(app.get_description().substr(app.get_description().find("— ") + 4))
      << "\n.SH SYNOPSIS\n"
      << roff(usage_of(app, app.get_name())) << "\n.SH OPTIONS\n";
  write_options(app, out);
  out << ".SH COMMANDS\n";
  for (const CLI::App* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    write_command(app, *sub, out);
  }
  out << ".SH ENVIRONMENT\n"
      << ".TP\n.B PAPERTREE_CORPUS\nThe corpus file to use when \\-\\-corpus is not given.\n"
      << ".TP\n.B NO_COLOR\nWhen set and not empty, no colour (unless \\-\\-color always).\n"
      << ".TP\n.B COLUMNS\nThe width to fit tables to when the terminal does not say.\n"
      << ".SH EXIT STATUS\n"
      << roff(program_exit_codes()) << "\n.SH EXAMPLES\n";
  write_preformatted(program_examples(), out);
  out << ".SH SEE ALSO\n"
      << "The documentation in the docs/ folder of the source: cli.md, query-language.md,\n"
         "json-output.md, export.md.\n";
  return out.str();
}

void setup_man(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("__man", "Write the man page, generated from the help");
  sub->group("");
  sub->add_option("file", *file, "Where to write it")->required();
  sub->callback([file, &app] { write_file_atomic(*file, man_page(app), true); });
}

}  // namespace papertree::cli
