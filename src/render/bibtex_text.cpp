#include <array>
#include <string>
#include <string_view>

#include "export_common.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// For U+00C0..U+017F: the accent command letter ('-' for the bare base letter, '*' for a letter
// with its own command, handled in special_letter), and the base letter.
constexpr std::string_view k_accent =
    "`'^~\"**c`'^\"`'^\""
    "-~`'^~\"**`'^\"'**"
    "`'^~\"**c`'^\"`'^\""
    "-~`'^~\"**`'^\"'*\""
    "==uu--''^^..vvvv"
    "--==uu..--vv^^uu"
    "..cc^^--~~==uu--"
    ".***^^cc-''ccvv-"
    "-**''ccvv---==uu"
    "HH**''ccvv''^^cc"
    "vvccvv--~~==uurr"
    "HH--^^^^\"''..vv-";
constexpr std::string_view k_base =
    "AAAAAAACEEEEIIII"
    "DNOOOOOxOUUUUYTs"
    "aaaaaaaceeeeiiii"
    "dnooooo/ouuuuyty"
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "IiJjJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";

std::string_view special_letter(char32_t cp) {
  switch (cp) {
    case 0xC5:
      return "{\\AA}";
    case 0xE5:
      return "{\\aa}";
    case 0xC6:
      return "{\\AE}";
    case 0xE6:
      return "{\\ae}";
    case 0xD8:
      return "{\\O}";
    case 0xF8:
      return "{\\o}";
    case 0xDF:
      return "{\\ss}";
    case 0xD7:
      return "$\\times$";
    case 0xF7:
      return "$\\div$";
    case 0xDE:
      return "Th";
    case 0xFE:
      return "th";
    case 0x131:
      return "{\\i}";
    case 0x132:
      return "IJ";
    case 0x133:
      return "ij";
    case 0x141:
      return "{\\L}";
    case 0x142:
      return "{\\l}";
    case 0x152:
      return "{\\OE}";
    case 0x153:
      return "{\\oe}";
    default:
      return {};
  }
}

constexpr std::array<std::string_view, 25> k_greek = {
    "alpha", "beta",   "gamma",   "delta", "epsilon", "zeta", "eta",  "theta", "iota",
    "kappa", "lambda", "mu",      "nu",    "xi",      "o",    "pi",   "rho",   "varsigma",
    "sigma", "tau",    "upsilon", "phi",   "chi",     "psi",  "omega"};

// Greek capitals U+0391..U+03A9 that look like Latin letters; '*' for those that need a command,
// '\0' for the unassigned U+03A2.
constexpr std::string_view k_greek_capital("AB**EZH*IK*MN*O*P\0*T**X**", 25);

// LaTeX for a non-ASCII code point; "?" when pdflatex has no way to typeset it.
std::string latex_for(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    std::size_t i = cp - 0xC0;
    if (k_accent[i] == '*') return std::string(special_letter(cp));
    if (k_accent[i] == '-') return std::string(1, k_base[i]);
    std::string base(1, k_base[i]);
    if (base == "i" && k_accent[i] != 'c') base = "\\i";
    if (k_accent[i] == 'c' || k_accent[i] == 'u' || k_accent[i] == 'v' || k_accent[i] == 'H' ||
        k_accent[i] == 'r') {
      return std::string("{\\") + k_accent[i] + "{" + base + "}}";
    }
    return std::string("{\\") + k_accent[i] + base + "}";
  }
  if (cp >= 0x3B1 && cp <= 0x3C9 && k_greek[cp - 0x3B1] != "o") {
    return "$\\" + std::string(k_greek[cp - 0x3B1]) + "$";
  }
  if (cp >= 0x391 && cp <= 0x3A9 && k_greek_capital[cp - 0x391] != '\0') {
    char c = k_greek_capital[cp - 0x391];
    if (c != '*') return std::string(1, c);
  }
  switch (cp) {
    case 0x393:
      return "$\\Gamma$";
    case 0x394:
      return "$\\Delta$";
    case 0x398:
      return "$\\Theta$";
    case 0x39B:
      return "$\\Lambda$";
    case 0x39E:
      return "$\\Xi$";
    case 0x3A0:
      return "$\\Pi$";
    case 0x3A3:
      return "$\\Sigma$";
    case 0x3A5:
      return "$\\Upsilon$";
    case 0x3A6:
      return "$\\Phi$";
    case 0x3A8:
      return "$\\Psi$";
    case 0x3A9:
      return "$\\Omega$";
    case 0x221E:
      return "$\\infty$";
    case 0x2217:
      return "$\\ast$";
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

bool is_invisible(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
         cp == 0xAD || (cp >= 0xFE00 && cp <= 0xFE0F);
}

std::string_view ascii_escape(char c) {
  switch (c) {
    case '\\':
      return "\\textbackslash{}";
    case '{':
      return "\\textbraceleft{}";
    case '}':
      return "\\textbraceright{}";
    case '%':
      return "\\%";
    case '&':
      return "\\&";
    case '#':
      return "\\#";
    case '$':
      return "\\$";
    case '_':
      return "\\_";
    case '~':
      return "\\textasciitilde{}";
    case '^':
      return "\\textasciicircum{}";
    case '<':
      return "\\textless{}";
    case '>':
      return "\\textgreater{}";
    case '|':
      return "\\textbar{}";
    default:
      return {};
  }
}

// Escapes one word (no spaces); sets `needs_braces` when it holds a capital or a command.
std::string escape_word(std::string_view word, bool& needs_braces) {
  std::string out;
  needs_braces = false;
  for (std::size_t pos = 0; pos < word.size();) {
    auto c = static_cast<unsigned char>(word[pos]);
    if (c < 0x80) {
      ++pos;
      if (c >= 'A' && c <= 'Z') needs_braces = true;
      std::string_view escaped = ascii_escape(static_cast<char>(c));
      if (!escaped.empty()) {
        needs_braces = needs_braces || escaped.size() > 2;
        out += escaped;
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    char32_t cp = next_code_point(word, pos);
    if (is_invisible(cp)) continue;
    std::string latex = latex_for(cp);
    if (latex.find('\\') != std::string::npos) needs_braces = true;
    out += latex;
  }
  return out;
}

}  // namespace

std::string bibtex_text(std::string_view text, bool protect_case) {
  std::string spaced;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    if (detail::is_control(cp) || cp == 0xFFFD) {
      spaced += ' ';
    } else {
      spaced.append(text.substr(start, pos - start));
    }
  }
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

char32_t latex_accented_letter(char accent, char base) {
  for (std::size_t i = 0; i < k_accent.size(); ++i) {
    if (k_accent[i] == accent && k_base[i] == base) return static_cast<char32_t>(0xC0 + i);
  }
  return 0;
}

}  // namespace papertree
