#include "bibtex_syntax.hpp"

#include <fmt/format.h>

#include <set>

#include "../json/syntax.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree::detail {

namespace {

bool is_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7F && c != '{' && c != '}' && c != '(' && c != ')' && c != ',' &&
         c != '=' && c != '"' && c != '#' && c != '%' && c != '\'';
}

// A recursive-descent check of BibTeX's grammar, so that btparse (which prints its own messages
// on stderr) only ever sees well-formed text, and a mistake is reported with its file:line:col.
class Checker {
 public:
  Checker(std::string_view text, const std::string& origin) : m_text(text), m_origin(origin) {}

  std::vector<EntrySpan> run() {
    std::vector<EntrySpan> spans;
    while (true) {
      std::size_t at = m_text.find('@', m_pos);
      if (at == std::string_view::npos) break;
      m_pos = at + 1;
      if (entry(at)) spans.push_back({at, m_pos});
    }
    return spans;
  }

 private:
  std::string_view m_text;
  const std::string& m_origin;
  std::size_t m_pos = 0;
  std::set<std::string, std::less<>> m_macros = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};

  std::size_t m_macro_bytes = 0;  // every definition's name and a NUL, as btparse keeps them

  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    auto [line, column] = line_column(m_text, offset);
    throw DataError(Location{m_origin, line, column, {}}, message);
  }

  std::string found() const {
    if (m_pos >= m_text.size()) return "the end of the file";
    return "\"" + sanitize_for_display(m_text.substr(m_pos, 1)) + "\"";
  }

  void skip_space() {
    while (m_pos < m_text.size()) {
      char c = m_text[m_pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++m_pos;
      } else if (c == '%') {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') ++m_pos;
      } else {
        break;
      }
    }
  }

  std::string_view name() {
    std::size_t start = m_pos;
    while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) ++m_pos;
    return m_text.substr(start, m_pos - start);
  }

  void expect(char c, const std::string& what) {
    skip_space();
    if (m_pos >= m_text.size() || m_text[m_pos] != c)
      fail(m_pos, "expected " + what + ", found " + found());
    ++m_pos;
  }

  // A {…} group from m_pos (at '{'), braces balanced.
  void braced(std::size_t entry_at) {
    int depth = 0;
    for (; m_pos < m_text.size(); ++m_pos) {
      if (m_text[m_pos] == '{') ++depth;
      if (m_text[m_pos] == '}' && --depth == 0) {
        ++m_pos;
        return;
      }
    }
    fail(entry_at, "this entry is not closed: a '{' has no matching '}'");
  }

  void quoted(std::size_t entry_at) {
    std::size_t start = m_pos++;
    int depth = 0;
    for (; m_pos < m_text.size(); ++m_pos) {
      char c = m_text[m_pos];
      if (c == '{') ++depth;
      if (c == '}' && --depth < 0) fail(m_pos, "unbalanced '}' inside a quoted value");
      if (c == '"' && depth == 0) {
        ++m_pos;
        return;
      }
    }
    (void)entry_at;
    fail(start, "this quoted value has no closing '\"'");
  }

  // value := part ('#' part)*, part := {…} | "…" | number | macro
  void value(std::size_t entry_at) {
    while (true) {
      skip_space();
      if (m_pos >= m_text.size())
        fail(entry_at, "this entry is not closed (the file ends inside it)");
      char c = m_text[m_pos];
      if (c == '{') {
        braced(entry_at);
      } else if (c == '"') {
        quoted(entry_at);
      } else {
        std::size_t start = m_pos;
        std::string_view word = name();
        if (word.empty())
          fail(m_pos, "expected a value ({…}, \"…\", a number or a macro), found " + found());
        bool number = word.find_first_not_of("0123456789") == std::string_view::npos;
        if (!number && !m_macros.contains(ascii_lower(word)))
          fail(start, "undefined @string macro \"" + sanitize_for_display(word) + "\"");
      }
      skip_space();
      if (m_pos >= m_text.size() || m_text[m_pos] != '#') return;
      ++m_pos;
    }
  }

  // One entry from m_pos (after its '@'); false for a @comment, whose text is ignored.
  bool entry(std::size_t at) {
    std::string type = ascii_lower(name());
    if (type.empty()) fail(m_pos, "expected an entry type after '@', found " + found());
    skip_space();
    if (m_pos >= m_text.size() || (m_text[m_pos] != '{' && m_text[m_pos] != '('))
      fail(m_pos, "expected '{' after @" + type + ", found " + found());
    char close = m_text[m_pos] == '{' ? '}' : ')';
    if (type == "comment") {
      if (close == '}') braced(at);
      return false;
    }
    ++m_pos;
    if (type == "preamble") {
      value(at);
    } else if (type == "string") {
      skip_space();
      std::size_t start = m_pos;
      field_name("a macro name");
      std::string macro = ascii_lower(m_text.substr(start, m_pos - start));
      expect('=', "'=' after the macro name");
      value(at);
      // btparse copies the name again at every definition, a redefinition too.
      m_macro_bytes += macro.size() + 1;
      if (m_macro_bytes > k_max_macro_name_bytes)
        fail(start, fmt::format("the @string macros' names take more than {} KiB in all, more "
                                "than the BibTeX reader (btparse) holds",
                                k_max_macro_name_bytes / 1024));
      m_macros.insert(macro);
    } else {
      return fields(at, type, close);
    }
    expect(close, std::string("'") + close + "' closing @" + type);
    return true;
  }

  // A field or macro name: btparse refuses one that starts with a digit.
  void field_name(const char* what) {
    std::size_t start = m_pos;
    std::string_view word = name();
    if (word.empty()) fail(m_pos, std::string("expected ") + what + ", found " + found());
    if (word[0] >= '0' && word[0] <= '9')
      fail(start, std::string(what) + " cannot start with a digit: \"" +
                      sanitize_for_display(word) + "\"");
  }

  // The key and fields of a regular entry; false for one with no field (nothing to read, and
  // btparse refuses it).
  bool fields(std::size_t at, const std::string& type, char close) {
    skip_space();
    if (name().empty()) fail(m_pos, "expected a cite key after @" + type + "{, found " + found());
    bool any = false;
    while (true) {
      skip_space();
      if (m_pos < m_text.size() && m_text[m_pos] == close) {
        ++m_pos;
        return any;
      }
      if (m_pos >= m_text.size()) fail(at, "this entry is not closed (the file ends inside it)");
      if (m_text[m_pos] != ',')
        fail(m_pos,
             "expected ',' or '" + std::string(1, close) + "' after a field, found " + found());
      ++m_pos;
      skip_space();
      if (m_pos < m_text.size() && m_text[m_pos] == close) continue;
      field_name("a field name");
      expect('=', "'=' after the field name");
      value(at);
      any = true;
    }
  }
};

}  // namespace

std::vector<EntrySpan> check_bibtex_syntax(std::string_view text, const std::string& origin) {
  return Checker(text, origin).run();
}

}  // namespace papertree::detail
