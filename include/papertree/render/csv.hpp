#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "papertree/render/export.hpp"

namespace papertree {

/// One CSV field as RFC 4180 writes it: quoted (with doubled quotes) when it holds a comma, a
/// quote, CR or LF. A value starting with '=', '+', '-', '@', TAB or CR is first prefixed with "'"
/// so spreadsheets do not run it as a formula.
std::string csv_field(std::string_view value);

/// RFC 4180 CSV with CRLF line ends: a header row, then one row per selected paper with the
/// columns id, title, venue, year, kind, arxiv, paper_url, code_url, categories (the ids of the
/// paper's categories inside the exported subtree, joined with ';').
void render_csv(const Corpus& corpus, const ExportSelection& selection,
                const ExportOptions& options, std::ostream& out);

}  // namespace papertree
