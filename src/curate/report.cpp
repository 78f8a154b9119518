// Output of `papertree validate`: text for people, JSON for programs.
#include "papertree/curate/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::string location(const Finding& finding, const std::string& origin) {
  if (finding.line > 0) {
    return fmt::format("{}:{}:{}: {}", origin, finding.line, finding.column, finding.json_path);
  }
  return fmt::format("{}: {}", origin, finding.json_path);
}

std::string_view severity_style(Severity severity, const TextStyle& style) {
  switch (severity) {
    case Severity::error:
      return style.bad;
    case Severity::warning:
      return style.highlight;
    case Severity::info:
      return style.dim;
  }
  return {};
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

void render_validation_text(const ValidationReport& report, const ValidationOutput& output,
                            std::ostream& out) {
  const TextStyle& style = output.style;
  std::string origin = sanitize_for_display(output.origin);
  for (const Finding& finding : report.findings) {
    if (finding.severity < output.shown) continue;
    out << location(finding, origin) << ": " << severity_style(finding.severity, style)
        << severity_name(finding.severity) << style.reset << " [" << finding.rule << "] "
        << finding.subject_kind << ' ' << style.bold << sanitize_for_display(finding.subject_id)
        << style.reset << ": " << sanitize_for_display(finding.message) << '\n';
    if (!finding.suggestion.empty()) {
      out << "    " << style.dim << "fix: " << style.reset
          << sanitize_for_display(finding.suggestion) << '\n';
    }
  }
  std::size_t errors = report.count(Severity::error);
  std::size_t warnings = report.count(Severity::warning);
  std::size_t infos = report.count(Severity::info);
  bool passed = report.passed(output.strict);
  out << origin << ": " << plural(errors, "error") << ", " << plural(warnings, "warning") << ", "
      << infos << " info";
  if (infos > 0 && output.shown > Severity::info) out << " (not listed; --severity info)";
  if (report.ignored > 0) out << ", " << report.ignored << " ignored by the corpus";
  out << " — " << (passed ? style.good : style.bad) << (passed ? "passed" : "failed") << style.reset
      << (output.strict ? " (--strict)" : "") << '\n';
}

void render_validation_json(const ValidationReport& report, const ValidationOutput& output,
                            std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["corpus"] = output.origin;
  doc["strict"] = output.strict;
  doc["passed"] = report.passed(output.strict);
  doc["counts"] = {{"error", report.count(Severity::error)},
                   {"warning", report.count(Severity::warning)},
                   {"info", report.count(Severity::info)},
                   {"ignored", report.ignored}};
  doc["findings"] = nlohmann::ordered_json::array();
  for (const Finding& finding : report.findings) {
    if (finding.severity < output.shown) continue;
    nlohmann::ordered_json item;
    item["rule"] = finding.rule;
    item["severity"] = severity_name(finding.severity);
    item["subject"] = {{"kind", finding.subject_kind}, {"id", finding.subject_id}};
    item["path"] = finding.json_path;
    item["line"] = finding.line > 0 ? nlohmann::ordered_json(finding.line) : nullptr;
    item["column"] = finding.column > 0 ? nlohmann::ordered_json(finding.column) : nullptr;
    item["message"] = finding.message;
    item["suggestion"] = finding.suggestion;
    doc["findings"].push_back(std::move(item));
  }
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void render_rule_explanation(const RuleInfo& rule, std::ostream& out) {
  out << rule.id << " (" << severity_name(rule.severity) << "): " << rule.summary << "\n\n"
      << rule.explanation << '\n';
}

void render_rule_list(std::ostream& out) {
  std::size_t width = 0;
  for (const RuleInfo& rule : validation_rules()) width = std::max(width, rule.id.size());
  for (const RuleInfo& rule : validation_rules()) {
    out << fmt::format("{:<{}}  {:<7}  {}\n", rule.id, width, severity_name(rule.severity),
                       rule.summary);
  }
}

}  // namespace papertree
