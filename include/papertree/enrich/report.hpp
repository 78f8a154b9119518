#pragma once

#include <cstddef>
#include <ostream>

#include <nlohmann/json.hpp>

#include "papertree/enrich/enrich.hpp"

namespace papertree {

/// The report for people: records read, matches by key, unmatched records and conflicts with
/// file:line, and the number of changes by field; with `list_changes` every change too
/// (what --dry-run shows). Text is escaped for display. With a `width`, a line wider than that
/// has its title, or its author lists, cut with "…" to fit, to no fewer than 20 columns; file
/// names, ids, DOIs and arXiv ids are never cut. 0: no limit.
void render_enrich_report(const EnrichReport& report, bool list_changes, std::ostream& out,
                          std::size_t width = 0);

/// The report for programs (docs/json-output.md, "enrich").
nlohmann::ordered_json enrich_report_to_json(const EnrichReport& report);

}  // namespace papertree
