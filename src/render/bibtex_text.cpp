#include <string>
#include <string_view>

#include "export_common.hpp"
#include "latex_text.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// ASCII LaTeX for a non-ASCII code point; "?" when pdflatex has no way to typeset it.
std::string latex_for(char32_t cp) {
  if (std::string letter = detail::latex_latin_letter(cp); !letter.empty()) return letter;
  if (std::string_view math = detail::latex_math_symbol(cp); !math.empty()) {
    return math[0] == '\\' ? "$" + std::string(math) + "$" : std::string(math);
  }
  switch (cp) {
    case 0xFF0C:
      return ",";
    case 0xA0:
      return "~";
    case 0xB5:
      return "$\\mu$";
    case 0x2018:
      return "`";
    case 0x2019:
      return "'";
    case 0x201C:
      return "``";
    case 0x201D:
      return "''";
    case 0x2013:
      return "--";
    case 0x2014:
      return "---";
    case 0x2026:
      return "\\ldots{}";
    default:
      return "?";
  }
}

// Escapes one word (no spaces); sets `needs_braces` when it holds a capital or a command. Goes one
// grapheme cluster at a time: a letter with marks as accent commands, else composed first, and an
// emoji sequence (with modifiers, joiners, selectors) that pdflatex cannot typeset is one '?', not
// four.
std::string escape_word(std::string_view word, bool& needs_braces) {
  std::string out;
  needs_braces = false;
  for (std::size_t pos = 0; pos < word.size();) {
    auto c = static_cast<unsigned char>(word[pos]);
    bool lone_ascii =
        c < 0x80 && (pos + 1 == word.size() || static_cast<unsigned char>(word[pos + 1]) < 0x80);
    std::size_t end = lone_ascii ? pos + 1 : next_grapheme(word, pos);
    if (!lone_ascii) {
      // A letter with marks, with or without a precomposed form ("x" + U+0304 is {\=x}).
      std::string letter = detail::latex_latin_cluster(word.substr(pos, end - pos));
      if (letter.size() > 1) {
        needs_braces = true;
        out += letter;
        pos = end;
        continue;
      }
    }
    char32_t cp = lone_ascii ? c : detail::composed_first_code_point(word.substr(pos, end - pos));
    pos = end;
    if (cp >= 0x80) {
      if (detail::latex_invisible(cp)) continue;
      std::string latex = latex_for(cp);
      if (latex.find('\\') != std::string::npos) needs_braces = true;
      out += latex;
      continue;
    }
    if (cp >= 'A' && cp <= 'Z') needs_braces = true;
    std::string_view escaped =
        detail::latex_ascii_special(static_cast<char>(cp), detail::LatexTarget::bibtex);
    if (escaped.empty()) {
      out += static_cast<char>(cp);
    } else {
      needs_braces = needs_braces || escaped.size() > 2;
      out += escaped;
    }
  }
  return out;
}

}  // namespace

std::string bibtex_text(std::string_view text, bool protect_case) {
  // Controls and what could not be decoded as spaces: BibTeX and LaTeX cannot carry them.
  std::string spaced = detail::controls_as_spaces(text, {}, U"\uFFFD");
  std::string out;
  std::size_t pos = 0;
  while (pos < spaced.size()) {
    std::size_t end = spaced.find(' ', pos);
    if (end == std::string::npos) end = spaced.size();
    if (end > pos) {
      bool needs_braces = false;
      std::string word = escape_word(std::string_view(spaced).substr(pos, end - pos), needs_braces);
      if (!out.empty()) out += ' ';
      if (protect_case && needs_braces) {
        out += word[0] == '\\' ? "{{" + word + "}}" : "{" + word + "}";
      } else {
        out += word;
      }
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace papertree
