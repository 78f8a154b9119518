#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/render/export.hpp"

namespace papertree {

/// Citation keys for every paper of the corpus, indexed by PaperIndex, in Google Scholar's style
/// (docs/export.md): the first author's family name as lower-case ASCII letters, the year, and the
/// first significant title word ("frantar2023gptq"); the title word and the year when no author is
/// known ("gptq2023"). Papers sharing a key take further title words until they differ, then a
/// tag hashed from their id. A key depends only on the paper and the papers it collides with,
/// never on corpus order, so adding or reordering other papers leaves it unchanged; filters and
/// subtrees never change it either.
std::vector<std::string> citation_keys(const Corpus& corpus);

/// How an entry is typed, shared by BibTeX and CSL-JSON.
enum class EntryKind { conference, journal, preprint, online };

/// Journals by venue (TMLR, JMLR, TACL, TPAMI… or a name with "Journal"/"Transactions"),
/// preprints by an arXiv venue, online for blogs and websites (kind other than "paper"),
/// conferences otherwise.
EntryKind entry_kind(const Paper& paper);

/// Text as BibTeX-safe LaTeX: specials escaped (\% \& \# \$ \_ \textbackslash{}…), common Latin
/// letters as accent commands ({\"u}, {\L}), typographic punctuation as LaTeX ligatures, control
/// characters as spaces, and other characters (CJK, Arabic, emoji) as '?', which pdflatex cannot
/// typeset. With `protect_case`, each word holding a capital or a command is wrapped in braces.
std::string bibtex_text(std::string_view text, bool protect_case);

/// The inverse of bibtex_text's accents: the letter LaTeX's `\<accent>{<base>}` makes
/// (accent one of ` ' ^ ~ " = . u v H c r d b k), composed by Unicode's rules (utf8proc), so
/// every precomposed letter is found (\v{s} → š, \d{a} → ạ, \k{a} → ą); 0 when there is none.
char32_t latex_accented_letter(char accent, char base);

/// One BibTeX entry per selected paper, in selection order (see docs/export.md for the fields).
void render_bibtex(const Corpus& corpus, const ExportSelection& selection,
                   const ExportOptions& options, std::ostream& out);

}  // namespace papertree
