#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// How much a finding matters: errors always fail `validate`, warnings fail it under `--strict`,
/// info never does.
enum class Severity { info, warning, error };

/// "info", "warning" or "error".
std::string_view severity_name(Severity severity);

/// One validation rule: its stable id, its severity and the text `validate --explain` prints.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view summary;      ///< one line
  std::string_view explanation;  ///< what it checks, why, and how to fix or silence it
};

/// Every rule, in the documented order (docs/validate.md).
std::span<const RuleInfo> validation_rules();

/// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

/// One problem found in a corpus.
struct Finding {
  std::string rule;
  Severity severity = Severity::warning;
  std::string subject_kind;  ///< "paper" or "category"
  std::string subject_id;
  std::string json_path;   ///< such as `papers[12].venue`
  std::size_t line = 0;    ///< 1-based, 0 when the corpus is not a file (see locate_findings)
  std::size_t column = 0;  ///< 1-based byte column, 0 when unknown
  std::string message;     ///< what is wrong, naming the values
  std::string suggestion;  ///< how to fix it, empty when there is nothing to say
};

struct ValidateOptions {
  /// Run only these rules (empty: all of them).
  std::vector<std::string> only;
  /// Switch these rules off.
  std::vector<std::string> disabled;
  /// Years accepted by `year-range` (0, unknown, is always accepted).
  int min_year = 1900;
  int max_year = 2100;
};

/// The outcome of a validation: the findings that apply (sorted by JSON path order: papers
/// and categories in corpus order, rules in table order) and how many a paper's `ignore` hid.
struct ValidationReport {
  std::vector<Finding> findings;
  std::size_t ignored = 0;

  std::size_t count(Severity severity) const;
  /// True when nothing fails: no error, and no warning when `strict`.
  bool passed(bool strict) const;
};

/// Runs the rules on a loaded corpus. Throws UsageError when `options` names an unknown rule.
ValidationReport validate_corpus(const Corpus& corpus, const ValidateOptions& options);

/// Fills in `line` and `column` of each finding from the corpus file's text, by finding its JSON
/// path (or the nearest enclosing value that exists) in `json_text`.
void locate_findings(std::vector<Finding>& findings, std::string_view json_text);

/// The byte offset of the value at `json_path` (`papers[3].links[0].url`) in `json_text`, or of
/// the innermost enclosing value that exists; 0 when the text is not JSON as far as it reads.
std::size_t locate_json_path(std::string_view json_text, std::string_view json_path);

}  // namespace papertree
