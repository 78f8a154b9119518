#include "latex_text.hpp"

#include "papertree/render/bibtex.hpp"
#include "papertree/text/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <vector>

namespace papertree::detail {

namespace {

struct MathSymbol {
  char32_t code_point;
  std::string_view command;
};
struct AsciiSpecial {
  char c;
  std::string_view document;
  std::string_view bibtex;  // BibTeX counts even escaped braces; quotes are plain text there
};
constexpr std::array<AsciiSpecial, 16> k_ascii_specials{{
    {'\\', "\\textbackslash{}", "\\textbackslash{}"},
    {'{', "\\{", "\\textbraceleft{}"},
    {'}', "\\}", "\\textbraceright{}"},
    {'$', "\\$", "\\$"},
    {'&', "\\&", "\\&"},
    {'#', "\\#", "\\#"},
    {'%', "\\%", "\\%"},
    {'_', "\\_", "\\_"},
    {'^', "\\textasciicircum{}", "\\textasciicircum{}"},
    {'~', "\\textasciitilde{}", "\\textasciitilde{}"},
    {'<', "\\textless{}", "\\textless{}"},
    {'>', "\\textgreater{}", "\\textgreater{}"},
    {'|', "\\textbar{}", "\\textbar{}"},
    {'"', "\\textquotedbl{}", ""},
    {'\'', "\\textquotesingle{}", ""},
    {'`', "\\textasciigrave{}", ""},
}};

// Greek letters and math symbols that pdflatex can typeset in math mode; Greek capitals shaped
// like Latin letters map to those letters.
constexpr std::array<MathSymbol, 64> k_math{{
    {U'Α', "A"},           {U'Β', "B"},
    {U'Γ', "\\Gamma"},     {U'Δ', "\\Delta"},
    {U'Ε', "E"},           {U'Ζ', "Z"},
    {U'Η', "H"},           {U'Θ', "\\Theta"},
    {U'Ι', "I"},           {U'Κ', "K"},
    {U'Λ', "\\Lambda"},    {U'Μ', "M"},
    {U'Ν', "N"},           {U'Ξ', "\\Xi"},
    {U'Ο', "O"},           {U'Π', "\\Pi"},
    {U'Ρ', "P"},           {U'Σ', "\\Sigma"},
    {U'Τ', "T"},           {U'Υ', "\\Upsilon"},
    {U'Φ', "\\Phi"},       {U'Χ', "X"},
    {U'Ψ', "\\Psi"},       {U'Ω', "\\Omega"},
    {U'α', "\\alpha"},     {U'β', "\\beta"},
    {U'γ', "\\gamma"},     {U'δ', "\\delta"},
    {U'ε', "\\epsilon"},   {U'ζ', "\\zeta"},
    {U'η', "\\eta"},       {U'θ', "\\theta"},
    {U'ι', "\\iota"},      {U'κ', "\\kappa"},
    {U'λ', "\\lambda"},    {U'μ', "\\mu"},
    {U'ν', "\\nu"},        {U'ξ', "\\xi"},
    {U'ο', "o"},           {U'π', "\\pi"},
    {U'ρ', "\\rho"},       {U'ς', "\\varsigma"},
    {U'σ', "\\sigma"},     {U'τ', "\\tau"},
    {U'υ', "\\upsilon"},   {U'φ', "\\phi"},
    {U'χ', "\\chi"},       {U'ψ', "\\psi"},
    {U'ω', "\\omega"},     {U'∗', "\\ast"},
    {U'∞', "\\infty"},     {U'≤', "\\leq"},
    {U'≥', "\\geq"},       {U'≈', "\\approx"},
    {U'≠', "\\neq"},       {U'→', "\\rightarrow"},
    {U'←', "\\leftarrow"}, {U'↔', "\\leftrightarrow"},
    {U'√', "\\surd"},      {U'∈', "\\in"},
    {U'∑', "\\sum"},       {U'∏', "\\prod"},
    {U'∂', "\\partial"},   {U'∇', "\\nabla"},
}};

// LaTeX's accent commands by the combining mark they put on a letter, those the OT1 encoding of
// plain pdflatex has (so no \k ogonek: a letter with one keeps its base letter). Which letter
// carries which marks comes from Unicode's canonical decompositions (utf8proc), for every
// precomposed Latin letter, not a table of letters.
struct AccentMark {
  char32_t mark;
  char command;
};
constexpr std::array<AccentMark, 14> k_marks{{
    {0x0300, '`'},
    {0x0301, '\''},
    {0x0302, '^'},
    {0x0303, '~'},
    {0x0304, '='},
    {0x0306, 'u'},
    {0x0307, '.'},
    {0x0308, '"'},
    {0x030A, 'r'},
    {0x030B, 'H'},
    {0x030C, 'v'},
    {0x0327, 'c'},
    {0x0323, 'd'},
    {0x0331, 'b'},
}};

// Marks OT1 has no command for, written as the nearest one it has, so the letter keeps a mark:
// the ogonek (ą) and the comma below (ș, ț) as the cedilla. Only for writing: \c is read back as
// the cedilla.
constexpr std::array<AccentMark, 2> k_substitutes{{{0x0328, 'c'}, {0x0326, 'c'}}};

char accent_command(char32_t mark) {
  for (const AccentMark& m : k_marks)
    if (m.mark == mark) return m.command;
  for (const AccentMark& m : k_substitutes)
    if (m.mark == mark) return m.command;
  return 0;
}

bool is_ascii_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

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
    // Letters Unicode does not decompose and OT1 has no command for: their base letter.
    case 0xD0:
    case 0x110:
      return "D";
    case 0xF0:
    case 0x111:
      return "d";
    case 0x126:
      return "H";
    case 0x127:
      return "h";
    case 0x138:
      return "k";
    case 0x13F:
      return "L";
    case 0x140:
      return "l";
    case 0x149:
      return "n";
    case 0x14A:
      return "N";
    case 0x14B:
      return "n";
    case 0x166:
      return "T";
    case 0x167:
      return "t";
    case 0x17F:
      return "s";
    default:
      return {};
  }
}

// The code points of `text` after canonical decomposition (NFD): "ǿ" is ø, U+0301.
std::vector<char32_t> decomposed(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  std::vector<char32_t> parts;
  if (n > 0 && out != nullptr) {
    std::string_view bytes(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    for (std::size_t pos = 0; pos < bytes.size();) parts.push_back(next_code_point(bytes, pos));
  }
  std::free(out);
  return parts;
}

bool is_mark(char32_t cp) {
  utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
         category == UTF8PROC_CATEGORY_ME;
}

// The letter accents go on: an ASCII letter, or one with its own command (ø as \o, ı as \i).
std::string base_letter(char32_t cp) {
  if (is_ascii_letter(cp)) return std::string(1, static_cast<char>(cp));
  std::string_view special = special_letter(cp);
  if (special.size() > 3 && special.front() == '{' && special[1] == '\\')
    return std::string(special.substr(1, special.size() - 2));
  return {};
}

}  // namespace

std::string_view latex_ascii_special(char c, LatexTarget target) {
  for (const AsciiSpecial& special : k_ascii_specials) {
    if (special.c == c) return target == LatexTarget::bibtex ? special.bibtex : special.document;
  }
  return {};
}

std::string_view latex_math_symbol(char32_t cp) {
  for (const MathSymbol& m : k_math) {
    if (m.code_point == cp) return m.command;
  }
  return {};
}

std::string latex_latin_letter(char32_t cp) {
  if (cp < 0xC0) return {};
  if (std::string_view special = special_letter(cp); !special.empty()) return std::string(special);
  std::string text;
  append_utf8(text, cp);
  return latex_latin_cluster(text);
}

std::string latex_latin_cluster(std::string_view cluster) {
  std::vector<char32_t> parts = decomposed(cluster);
  // A cluster that is one letter with its own command is that command (å is \aa, not \r{a}).
  char32_t first = composed_first_code_point(cluster);
  std::string alone;
  append_utf8(alone, first);
  if (std::string_view special = special_letter(first);
      !special.empty() && decomposed(alone) == parts)
    return std::string(special);
  if (parts.size() < 2) return {};
  std::string letter = base_letter(parts[0]);
  if (letter.empty()) return {};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!is_mark(parts[i])) return {};  // not one letter with marks: not ours to spell
    char command = accent_command(parts[i]);
    if (command == 0) continue;  // a mark OT1 cannot typeset (horn, hook above…) is left off
    // An accented i stays an i (`{\"i}`), not the dotless `\i` of old BibTeX habit: biber reads
    // `{\"\i}` as ı + U+0308, which pdflatex cannot typeset, and `{\"i}` as ï.
    bool symbol = std::string_view("`'^~=.\"").find(command) != std::string_view::npos;
    if (symbol && letter.size() == 1) {
      letter = std::string("\\") + command + letter;
    } else {
      letter = std::string("\\") + command + "{" + letter + "}";
    }
  }
  if (letter.size() == 1) return letter;
  return "{" + letter + "}";
}

char32_t composed_first_code_point(std::string_view cluster) {
  utf8proc_uint8_t* composed = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
                   static_cast<utf8proc_ssize_t>(cluster.size()), &composed,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  char32_t first = 0xFFFD;
  if (n > 0 && composed != nullptr) {
    std::string_view text(reinterpret_cast<const char*>(composed), static_cast<std::size_t>(n));
    std::size_t pos = 0;
    first = next_code_point(text, pos);
  }
  std::free(composed);
  return first;
}

bool latex_invisible(char32_t cp) {
  utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME ||
         category == UTF8PROC_CATEGORY_CF;
}

}  // namespace papertree::detail

namespace papertree {

char32_t latex_accented_letter(char accent, char base) {
  char32_t mark = 0;
  for (const detail::AccentMark& m : detail::k_marks)
    if (m.command == accent) mark = m.mark;
  if (accent == 'k') mark = 0x0328;  // read, though not written (OT1 has no ogonek)
  if (mark == 0 || !detail::is_ascii_letter(static_cast<unsigned char>(base))) return 0;
  std::string text(1, base);
  append_utf8(text, mark);
  char32_t composed = detail::composed_first_code_point(text);
  return composed == static_cast<unsigned char>(base) ? 0 : composed;
}

}  // namespace papertree
