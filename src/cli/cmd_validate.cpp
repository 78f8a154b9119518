#include <iostream>
#include <memory>

#include "commands.hpp"
#include "edit_session.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/curate/report.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct ValidateCommand {
  std::string format = "text";
  bool strict = false;
  std::vector<std::string> rules;
  std::vector<std::string> ignore;
  std::string severity = "warning";
  std::string explain;
  bool list_rules = false;
};

Severity parse_severity(const std::string& name) {
  if (name == "info") return Severity::info;
  if (name == "error") return Severity::error;
  return Severity::warning;
}

void run_validate(const ValidateCommand& cmd, Context& ctx) {
  if (cmd.list_rules) {
    render_rule_list(std::cout);
    return;
  }
  if (!cmd.explain.empty()) {
    const RuleInfo* rule = find_rule(cmd.explain);
    if (rule == nullptr) {
      throw UsageError("unknown rule " + quote_for_message(cmd.explain),
                       "run 'papertree validate --list-rules' for the rule ids");
    }
    render_rule_explanation(*rule, std::cout);
    return;
  }
  ValidateOptions options = default_validate_options();
  options.only = cmd.rules;
  options.disabled = cmd.ignore;
  const Corpus& corpus = ctx.corpus();
  ValidationReport report = validate_corpus(corpus, options);
  std::string file = ctx.corpus_file();
  // A snapshot has no JSON text to point into: its findings name the file without a position.
  if (!file.empty() && !ctx.corpus_is_snapshot_file())
    locate_findings(report.findings, ctx.read_input(file));
  ValidationOutput output;
  output.origin = corpus.origin();
  output.strict = cmd.strict;
  output.shown = parse_severity(cmd.severity);
  if (cmd.format == "json") {
    render_validation_json(report, output, std::cout);
  } else {
    const Terminal& term = ctx.terminal();
    output.style = term.style();
    // Only on a terminal: a pipe (an editor, grep) gets every value whole.
    if (term.is_tty) output.width = term.width;
    render_validation_text(report, output, std::cout);
  }
  if (!report.passed(cmd.strict)) ctx.exit_code = static_cast<int>(ExitCode::check_failed);
}

}  // namespace

void setup_validate(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<ValidateCommand>(
      app, ctx, run_validate, "validate",
      "Check the corpus for defects (duplicates, bad ids, venues, links); exit 1 if any");
  add_text_json_format(*sub, cmd->format);
  sub->add_flag("--strict", cmd->strict, "Fail on warnings too, not only on errors");
  sub->add_option("--rule", cmd->rules, "Run only this rule (repeatable)")->type_name("RULE");
  sub->add_option("--ignore", cmd->ignore, "Switch this rule off (repeatable)")->type_name("RULE");
  sub->add_option("--severity", cmd->severity,
                  "Lowest severity listed: info, warning (default) or error; all are counted")
      ->transform(one_of({"info", "warning", "error"}));
  sub->add_option("--explain", cmd->explain, "Explain one rule and exit")->type_name("RULE");
  sub->add_flag("--list-rules", cmd->list_rules, "List the rules and exit");
  set_examples(*sub,
               {{"papertree validate", "the embedded survey's defects"},
                {"papertree --corpus c.json validate --strict", "a corpus file; warnings fail too"},
                {"papertree validate --format json --severity info", "every finding, for programs"},
                {"papertree validate --explain unknown-venue", "what one rule checks, and why"}},
               {},
               "Exit codes: 0 no problems, 1 problems found (an error; under --strict, a warning "
               "too), 2 usage error, 3 bad input data, 4 I/O error.");
}

}  // namespace papertree::cli
