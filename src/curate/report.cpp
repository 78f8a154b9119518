// Output of `papertree validate`: text for people, JSON for programs.
#include "papertree/json/dump.hpp"
#include "papertree/curate/report.hpp"

#include <algorithm>
#include <numeric>

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

// The narrowest a quoted value is cut to when a line is fitted to a width.
constexpr std::size_t k_min_quoted_width = 20;

struct Quoted {
  std::size_t begin;  // the first byte inside the quotes
  std::size_t end;    // the closing quote
};

// The values a message quotes: a '"' at the start or after a space or '(' opens one, the next
// '"' at the end or before a space or one of "),:;." closes it.
std::vector<Quoted> quoted_values(std::string_view text) {
  std::vector<Quoted> values;
  auto closes = [&](std::size_t i) {
    return i + 1 == text.size() ||
           std::string_view(" ),:;.").find(text[i + 1]) != std::string_view::npos;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '"' || (i > 0 && text[i - 1] != ' ' && text[i - 1] != '(')) continue;
    std::size_t end = i + 1;
    while (end < text.size() && !(text[end] == '"' && closes(end))) ++end;
    if (end == text.size()) break;
    values.push_back({i + 1, end});
    i = end;
  }
  return values;
}

// `text` with its widest quoted values cut (with "…", to no fewer than k_min_quoted_width
// columns) until `used` columns before it and the text fit `width`; as it is when `width` is 0.
// The words around the values (ids, paths, rule names) are never cut.
std::string fit_quoted(const std::string& text, std::size_t used, std::size_t width) {
  if (width == 0) return text;
  std::vector<Quoted> values = quoted_values(text);
  std::vector<std::string> shown;
  std::vector<std::size_t> widths, order(values.size());
  for (const Quoted& q : values) {
    shown.push_back(text.substr(q.begin, q.end - q.begin));
    widths.push_back(display_width(shown.back()));
  }
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return widths[a] > widths[b]; });
  std::size_t total = used + display_width(text);
  for (std::size_t i : order) {
    if (total <= width || widths[i] <= k_min_quoted_width) break;
    std::size_t keep = std::max(k_min_quoted_width, widths[i] - std::min(widths[i], total - width));
    shown[i] = truncate_to_width(shown[i], keep);
    total -= widths[i] - display_width(shown[i]);
  }
  std::string out;
  std::size_t done = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.append(text, done, values[i].begin - done);
    out += shown[i];
    done = values[i].end;
  }
  return out.append(text, done);
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
    std::string where = location(finding, origin);
    std::string_view severity = severity_name(finding.severity);
    std::string id = sanitize_for_display(finding.subject_id);
    std::size_t used = display_width(where) + severity.size() + finding.rule.size() +
                       finding.subject_kind.size() + display_width(id) + 9;
    out << where << ": " << severity_style(finding.severity, style) << severity << style.reset
        << " [" << finding.rule << "] " << finding.subject_kind << ' ' << style.bold << id
        << style.reset << ": "
        << fit_quoted(sanitize_for_display(finding.message), used, output.width) << '\n';
    if (!finding.suggestion.empty()) {
      out << "    " << style.dim << "fix: " << style.reset
          << fit_quoted(sanitize_for_display(finding.suggestion), 9, output.width) << '\n';
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
  out << json_text(doc, 2) << '\n';
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
