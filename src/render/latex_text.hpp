#pragma once

#include <string>
#include <string_view>

namespace papertree::detail {

/// Where escaped text goes: a LaTeX document (the latex figure), or a BibTeX field, where BibTeX
/// counts every brace, even `\{`, so braces are spelled as commands and quotes stay as they are.
enum class LatexTarget { document, bibtex };

/// The LaTeX for an ASCII character LaTeX treats specially (`\%`, `\textbackslash{}`…); empty
/// for the others. The one table of LaTeX specials that both LaTeX outputs use.
std::string_view latex_ascii_special(char c, LatexTarget target);

/// The math-mode command for a Greek letter or a math symbol pdflatex typesets without extra
/// packages (`\alpha`, `\Sigma`, `\infty`, `\leq`…); Greek capitals shaped like Latin letters, and
/// omicron, as that letter (`A`, `o`). Empty when there is none.
std::string_view latex_math_symbol(char32_t cp);

/// ASCII LaTeX for a Latin letter with accents (`{\'e}`, `{\c{c}}`, `{\v{s}}`, `{\~{\^e}}` for ễ),
/// read from its Unicode decomposition; for the letters with their own command (`{\L}`, `{\ss}`,
/// `{\o}`), and the ×, ÷ signs as math. The ogonek and the comma below, which OT1 has no command
/// for, are written as the cedilla (ą → `{\c{a}}`, ș → `{\c{s}}`); the other marks plain pdflatex
/// cannot typeset (horn, hook above…) are left off (ơ → `o`). Empty for anything else.
std::string latex_latin_letter(char32_t cp);

/// latex_latin_letter for a whole grapheme cluster: a letter followed by combining marks, also
/// when Unicode has no precomposed letter for them ("x" + U+0304 → `{\=x}`, "ø" + U+0301 →
/// `{\'{\o}}`). Empty when the cluster is not a Latin letter (ASCII or one with its own command)
/// followed only by marks.
std::string latex_latin_cluster(std::string_view cluster);

/// The first code point of a grapheme cluster once composed (NFC): "e" + U+0301 gives U+00E9.
char32_t composed_first_code_point(std::string_view cluster);

/// True for what a typeset text shows nothing for: combining and enclosing marks, format
/// characters (zero-width spaces and joiners, bidi controls, soft hyphen, BOM), variation
/// selectors.
bool latex_invisible(char32_t cp);

}  // namespace papertree::detail
