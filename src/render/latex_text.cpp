#include "latex_text.hpp"

#include <utf8proc.h>

#include <array>

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
  if (cp < 0xC0 || cp > 0x17F) return {};
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

bool latex_invisible(char32_t cp) {
  utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME ||
         category == UTF8PROC_CATEGORY_CF;
}

}  // namespace papertree::detail
