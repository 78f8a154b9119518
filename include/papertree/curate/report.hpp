#pragma once

#include <ostream>
#include <string>

#include "papertree/curate/validate.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

struct ValidationOutput {
  std::string origin;  ///< the corpus file as the user named it, or "<embedded>"
  bool strict = false;
  Severity shown = Severity::warning;  ///< findings below this severity are counted, not listed
  TextStyle style;
  std::size_t width = 0;  ///< text: fit lines to this many columns by cutting long quoted values
                          ///< (titles) with "…"; 0 for no limit
};

/// One line per finding (`FILE:LINE:COL: SEVERITY [RULE] KIND ID: MESSAGE`, a `fix:` line under
/// it when there is a suggestion), then a summary line. Text from the corpus is escaped for
/// display. With `output.width`, a line wider than that has its widest quoted values cut, to no
/// fewer than 20 columns each, until it fits; locations, rules and ids are never cut.
void render_validation_text(const ValidationReport& report, const ValidationOutput& output,
                            std::ostream& out);

/// The JSON document of docs/json-output.md ("validate").
void render_validation_json(const ValidationReport& report, const ValidationOutput& output,
                            std::ostream& out);

/// `validate --explain RULE`: the rule's id, severity, summary and explanation.
void render_rule_explanation(const RuleInfo& rule, std::ostream& out);

/// `validate --list-rules`: one line per rule, id, severity and summary, aligned.
void render_rule_list(std::ostream& out);

}  // namespace papertree
