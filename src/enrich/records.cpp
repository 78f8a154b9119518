#include "papertree/enrich/records.hpp"

#include "detail.hpp"

#include <cctype>

#include "papertree/render/bibtex.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Letters LaTeX writes as commands of their own: \ss, \o, \aa, \l, \i…
std::string_view letter_command(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> k_letters[] = {
      {"ss", "ß"},
      {"o", "ø"},
      {"O", "Ø"},
      {"aa", "å"},
      {"AA", "Å"},
      {"ae", "æ"},
      {"AE", "Æ"},
      {"oe", "œ"},
      {"OE", "Œ"},
      {"l", "ł"},
      {"L", "Ł"},
      {"i", "ı"},
      {"j", "ȷ"},
      {"textendash", "–"},
      {"textemdash", "—"},
      {"ldots", "…"},
      {"dots", "…"},
      {"textquoteright", "’"},
      {"textquoteleft", "‘"},
      {"textbackslash", "\\"}};
  for (const auto& [command, text] : k_letters)
    if (command == name) return text;
  return {};
}

bool is_accent(std::string_view name) {
  return name.size() == 1 && std::string_view("\"'`^~=.uvHcrdbk").find(name[0]) != std::string::npos;
}

// The base letter of an accent command's argument at `pos`: "o", "{o}", "{\i}", " o". Returns the
// letter ('i' for \i) and moves `pos` past the argument; 0 when there is no letter.
char accent_base(std::string_view tex, std::size_t& pos) {
  std::size_t p = pos;
  while (p < tex.size() && tex[p] == ' ') ++p;
  bool braced = p < tex.size() && tex[p] == '{';
  if (braced) ++p;
  char base = 0;
  if (tex.substr(p, 2) == "\\i" && (p + 2 >= tex.size() || !is_letter(tex[p + 2]))) {
    base = 'i';
    p += 2;
  } else if (tex.substr(p, 2) == "\\j" && (p + 2 >= tex.size() || !is_letter(tex[p + 2]))) {
    base = 'j';
    p += 2;
  } else if (p < tex.size() && is_letter(tex[p])) {
    base = tex[p++];
  }
  if (base == 0) return 0;
  if (braced) {
    while (p < tex.size() && tex[p] == ' ') ++p;
    if (p >= tex.size() || tex[p] != '}') return 0;
    ++p;
  }
  pos = p;
  return base;
}

// Decodes the command starting at tex[pos] == '\\'; appends its text and moves `pos` past it.
void decode_command(std::string_view tex, std::size_t& pos, std::string& out) {
  std::size_t start = pos + 1;
  if (start >= tex.size()) {
    pos = start;
    return;
  }
  std::size_t end = start;
  if (is_letter(tex[start])) {
    while (end < tex.size() && is_letter(tex[end])) ++end;
  } else {
    end = start + 1;
  }
  std::string_view name = tex.substr(start, end - start);
  if (is_accent(name)) {
    std::size_t after = end;
    char base = accent_base(tex, after);
    char32_t cp = base != 0 ? latex_accented_letter(name[0], base) : 0;
    if (cp != 0) {
      append_utf8(out, cp);
      pos = after;
      return;
    }
    if (base != 0) {  // an accent the table does not hold: keep the letter
      out += base;
      pos = after;
      return;
    }
  }
  pos = end;
  if (std::string_view sv = letter_command(name); !sv.empty()) {
    out += sv;
  } else if (name.size() == 1 && !is_letter(name[0])) {
    out += name == "\\" ? ' ' : name[0];  // \& \% \_ \$ \# \{ \}; "\\" is a line break
  }
  // Any other command (\emph, \textit…) is dropped and its argument kept.
  // A control word swallows the spaces after it, as in TeX.
  if (is_letter(name[0]))
    while (pos < tex.size() && tex[pos] == ' ') ++pos;
}

// A new-style arXiv id at text[pos] ("2306.00978", "2306.00978v2", "0704.0001"); empty if none.
std::string new_style_id(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && is_digit(text[p])) ++p;
  if (p - pos != 4 || p >= text.size() || text[p] != '.') return {};
  std::size_t q = p + 1;
  while (q < text.size() && is_digit(text[q])) ++q;
  if (q - p - 1 < 4 || q - p - 1 > 5) return {};
  if (q + 1 < text.size() && text[q] == 'v' && is_digit(text[q + 1])) {  // a version: "v2"
    ++q;
    while (q < text.size() && is_digit(text[q])) ++q;
  }
  if (q < text.size() && is_letter(text[q])) return {};
  return std::string(text.substr(pos, q - pos));
}

// An old-style id at text[pos] ("cs/0112017", "hep-th/9901001", "math.AG/0601001").
std::string old_style_id(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p < text.size() && (std::islower(static_cast<unsigned char>(text[p])) || text[p] == '-'))
    ++p;
  if (p == pos) return {};
  if (p < text.size() && text[p] == '.') {
    std::size_t q = p + 1;
    while (q < text.size() && std::isupper(static_cast<unsigned char>(text[q]))) ++q;
    if (q - p - 1 != 2) return {};
    p = q;
  }
  if (p >= text.size() || text[p] != '/') return {};
  std::size_t q = p + 1;
  while (q < text.size() && is_digit(text[q])) ++q;
  if (q - p - 1 != 7) return {};
  return std::string(text.substr(pos, q - pos));
}

std::string id_at(std::string_view text, std::size_t pos) {
  std::string id = new_style_id(text, pos);
  if (id.empty()) id = old_style_id(text, pos);
  return id;
}

}  // namespace

std::string detail::collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string latex_to_unicode(std::string_view tex) {
  std::string out;
  for (std::size_t pos = 0; pos < tex.size();) {
    char c = tex[pos];
    if (c == '\\') {
      decode_command(tex, pos, out);
    } else if (c == '{' || c == '}' || c == '$') {
      ++pos;
    } else if (c == '~') {
      out += ' ';
      ++pos;
    } else if (tex.substr(pos, 3) == "---") {
      out += "—";
      pos += 3;
    } else if (tex.substr(pos, 2) == "--") {
      out += "–";
      pos += 2;
    } else {
      out += c;
      ++pos;
    }
  }
  return detail::collapse_spaces(out);
}

std::string arxiv_id_in(std::string_view text) {
  text = trim(text);
  std::string lower = ascii_lower(text);
  std::string id;
  if (std::string bare = id_at(text, 0); bare.size() == text.size()) {
    id = bare;
  } else {
    static constexpr std::string_view k_marks[] = {"arxiv.org/abs/", "arxiv.org/pdf/",
                                                   "arxiv.org/html/", "10.48550/arxiv.", "arxiv:"};
    for (std::string_view mark : k_marks) {
      std::size_t at = lower.find(mark);
      if (at == std::string::npos) continue;
      std::size_t p = at + mark.size();
      while (p < text.size() && text[p] == ' ') ++p;
      id = id_at(text, p);
      if (!id.empty()) break;
    }
  }
  if (std::size_t v = id.rfind('v'); v != std::string::npos && v > 0 && is_digit(id[v - 1]))
    id.resize(v);
  return id;
}

std::string normalize_doi(std::string_view text) {
  std::string_view doi = trim(text);
  std::string lower = ascii_lower(doi);
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi:"}) {
    if (lower.starts_with(prefix)) {
      doi.remove_prefix(prefix.size());
      break;
    }
  }
  doi = trim(doi);
  return doi.starts_with("10.") ? std::string(doi) : std::string();
}

std::string normalize_title(std::string_view title) {
  std::string slug = slugify(latex_to_unicode(title));
  std::erase(slug, '-');
  return slug;
}

std::vector<SourceRecord> read_records(std::string_view text, const std::string& origin,
                                       std::vector<ReadWarning>* warnings) {
  std::string lower = ascii_lower(origin);
  std::string_view start = trim(text);
  if (lower.ends_with(".json") ||
      (!lower.ends_with(".bib") && !start.empty() && (start[0] == '[' || start[0] == '{'))) {
    return read_csljson(text, origin);
  }
  return read_bibtex(text, origin, warnings);
}

}  // namespace papertree
