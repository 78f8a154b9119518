#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/export.hpp"

namespace papertree {

/// `s` as HTML text or attribute value: control characters made visible, invalid UTF-8
/// replaced, and `&`, `<`, `>`, `"`, `'` written as character references.
std::string html_escape(std::string_view s);

/// True when `url` may become a link in the page: an http or https URL (so no `javascript:`).
bool is_web_url(std::string_view url);

/// One self-contained HTML page: the taxonomy as a collapsible tree with the selected papers
/// under each category, and a search box that filters as you type (also from a `#q=QUERY`
/// fragment). Inline CSS and JS only; a Content-Security-Policy forbids every network load and
/// every script but the page's own. Reads no ExportOptions.
void export_html(const Corpus& corpus, const ExportSelection& selection,
                 const ExportOptions& options, std::ostream& out);

}  // namespace papertree
