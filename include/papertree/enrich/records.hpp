#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// One bibliographic record read from a CSL-JSON or BibTeX file, before it is matched to a paper.
/// Text is UTF-8 with LaTeX markup decoded; ids are normalised (bare arXiv id, DOI without
/// resolver).
struct SourceRecord {
  std::string origin;    ///< the file it came from
  std::size_t line = 0;  ///< 1-based line where the record starts
  std::string key;       ///< CSL `id` or BibTeX cite key
  std::string title;
  std::vector<Author> authors;
  bool authors_truncated = false;  ///< "and others" (BibTeX) or a trailing "others" name
  std::string doi;                 ///< as normalize_doi gives it
  std::string arxiv;               ///< bare id without version, "2306.00978" or "cs/0112017"
};

/// Something a reader tolerated in a file: the record was still read (or the definition still
/// made); `line` says where.
struct ReadWarning {
  std::size_t line = 0;  ///< 1-based line, 0 when unknown
  std::string message;
  bool operator==(const ReadWarning&) const = default;
};

/// Reads a CSL-JSON file: an array of items (or one item). Throws DataError with file:line:col on
/// a syntax error and with file:line and the JSON path on an item of the wrong shape.
std::vector<SourceRecord> read_csljson(std::string_view text, const std::string& origin);

/// Reads a BibTeX/BibLaTeX file with btparse: @string macros, `#` concatenation, braces and
/// quotes; names split by BibTeX's rules ("von Last, Jr, First"), `and others` sets
/// authors_truncated; a field given twice in one entry is read the first time, as BibTeX does.
/// Throws DataError with file:line:col on malformed input. What btparse warns about (an empty
/// name in a list, a redefined @string macro) and repeated fields are added to `warnings` when
/// it is given, and printed nowhere. Not thread-safe (btparse keeps global state).
std::vector<SourceRecord> read_bibtex(std::string_view text, const std::string& origin,
                                      std::vector<ReadWarning>* warnings = nullptr);

/// CSL-JSON when the file name ends in .json or the text starts with '[' or '{', else BibTeX
/// (whose warnings go to `warnings` when given).
std::vector<SourceRecord> read_records(std::string_view text, const std::string& origin,
                                       std::vector<ReadWarning>* warnings = nullptr);

/// LaTeX text as UTF-8: accent commands ({\"o}, \'e, \c{c}, \v{s}…) and letter commands (\ss,
/// \o, \aa, \l, \i…) decoded, escaped specials (\& \% \_ \$ \#) unescaped, `~` as a space, `--`
/// and `---` as dashes, grouping braces dropped, whitespace collapsed.
std::string latex_to_unicode(std::string_view tex);

/// The arXiv id a text names, without version: a bare id ("2306.00978v2"), "arXiv:…", an
/// arxiv.org URL (abs, pdf, html), or an arXiv DOI (10.48550/arXiv.…). Empty when there is none.
std::string arxiv_id_in(std::string_view text);

/// A DOI without its "https://doi.org/" or "doi:" prefix (DOIs compare case-insensitively).
/// Empty when what remains does not start with "10.".
std::string normalize_doi(std::string_view text);

/// A title as compared: LaTeX decoded, case and accents folded, everything but letters and digits
/// dropped, so that spaces and hyphens do not count ("{GPTQ}: Accurate Post-Training…" ->
/// "gptqaccurateposttraining…", and "Self-Attention", "selfattention" and "Self Attention" agree).
std::string normalize_title(std::string_view title);

}  // namespace papertree
