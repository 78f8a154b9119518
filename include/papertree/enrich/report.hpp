#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "papertree/enrich/enrich.hpp"

namespace papertree {

/// The report for people: records read, matches by key, unmatched records and conflicts with
/// file:line, and the number of changes by field; with `list_changes` every change too
/// (what --dry-run shows). Text is escaped for display.
void render_enrich_report(const EnrichReport& report, bool list_changes, std::ostream& out);

/// The report for programs (docs/json-output.md, "enrich").
nlohmann::ordered_json enrich_report_to_json(const EnrichReport& report);

}  // namespace papertree
