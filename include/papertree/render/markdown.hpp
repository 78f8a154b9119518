#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "papertree/render/export.hpp"

namespace papertree {

/// The anchor GitHub gives a heading with this text (the github-slugger rule): lower-cased,
/// punctuation and symbols (emoji included) removed except '-' and '_', each space turned into '-'.
std::string github_anchor(std::string_view heading_text);

/// Unique anchors for the headings of one document, in document order: a repeated anchor gets
/// "-1", "-2"… as on GitHub.
class AnchorSet {
 public:
  std::string add(std::string_view heading_text);

 private:
  std::map<std::string, int> m_seen;
};

/// Text made safe for one line of GitHub Markdown: control characters become spaces, Markdown
/// punctuation (\ ` * _ [ ] < | ~, '$' when there are two, '&' that would start an entity, a
/// leading # > + - = or "1." marker, a trailing #) is backslash-escaped. Undo with CommonMark's
/// rule: '\' + ASCII punctuation is that punctuation.
std::string escape_markdown(std::string_view text);

/// One paper in the survey's list format:
/// `- Title, <ins>Venue, Year</ins> [[Paper](url)] [[Code](url)]` (no <ins> part when neither
/// venue nor year is known; links in stored order with their stored labels). A blog or website
/// with no venue shows "Blog" or "Website" there, which the importer reads back as the kind.
std::string markdown_paper_line(const Paper& paper);

/// The second line of an entry with `options.authors`: two spaces and the byline in italics,
/// `  *Elias Frantar, Saleh Ashkboos and Dan Alistarh*` (" et al." when the list is truncated),
/// which the importer reads back as the authors; empty when the paper has none. The entry line
/// before it then ends with `<br>`, so the names stand on a line of their own on GitHub.
std::string markdown_author_line(const Paper& paper);

/// The selection as GitHub Markdown in the survey's layout: a title (for the whole corpus followed
/// by a link to the survey's arXiv page, when the source names one), a table of contents linking
/// to each category heading, the category headings at their relative depth (top level "##",
/// capped at "######") each followed by its selected papers, and the frameworks table. With
/// `options.flat`, only the list of selected papers, each once. With `options.authors`, each entry
/// with authors is followed by its markdown_author_line.
void render_markdown(const Corpus& corpus, const ExportSelection& selection,
                     const ExportOptions& options, std::ostream& out);

}  // namespace papertree
