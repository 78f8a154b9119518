#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "papertree/text/text.hpp"
#include "syntax.hpp"

namespace papertree::detail {

/// A fast SAX producer for nlohmann's SAX interface (`null`, `boolean`, `number_integer`,
/// `number_unsigned`, `string`, `start_object`, `key`, `end_object`, `start_array`,
/// `end_array`), for the common case of well-formed JSON: plain strings are copied in bulk
/// rather than byte by byte as nlohmann's lexer does. It gives up (returns false) on anything
/// unusual: a syntax error, a control character or invalid UTF-8 in a string, a lone surrogate, a
/// floating-point or out-of-range number, a byte order mark, or a handler that returns false.
/// The caller then parses again with nlohmann, whose messages carry the exact position, so
/// errors stay word for word what they were. The handler may have seen some events by then.
/// It also gives up on brackets nested deeper than k_max_json_depth, so a text it accepts needs
/// no separate depth scan (too_deep_at), which the slow path runs first.
template <class Handler>
class FastSaxParser {
 public:
  FastSaxParser(std::string_view text, Handler& handler) : m_text(text), m_handler(handler) {}

  /// True when the whole text was one JSON value and every event was delivered.
  bool parse() {
    skip_space();
    if (!value(0)) return false;
    skip_space();
    return m_pos == m_text.size();
  }

  /// Reads the elements of an array from `from` (the start of an element, inside `depth`
  /// brackets) through its closing bracket, which is not delivered; true when every element was.
  /// The array's end (one past the bracket) is then position().
  bool parse_elements(std::size_t from, int depth) {
    m_pos = from;
    for (;;) {
      if (!value(depth)) return false;
      skip_space();
      if (m_pos >= m_text.size()) return false;
      char c = m_text[m_pos++];
      if (c == ']') return true;
      if (c != ',') return false;
      skip_space();
    }
  }
  std::size_t position() const { return m_pos; }

  /// When an array element starts at `at`, the handler is offered the rest of that array
  /// (`adopt_rest_of_array(end)`, for a handler that has it): if it takes it, reading goes on
  /// from `end`, just past the array's closing bracket, as if the elements had been read here.
  void offer_rest_at(std::size_t at) { m_offer_at = at; }

 private:
  void skip_space() {
    while (m_pos < m_text.size()) {
      char c = m_text[m_pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++m_pos;
    }
  }

  bool literal(std::string_view word) {
    if (m_text.substr(m_pos, word.size()) != word) return false;
    m_pos += word.size();
    return true;
  }

  // `depth` counts the brackets around the value: a container here opens bracket depth + 1.
  bool value(int depth) {
    if (m_pos >= m_text.size()) return false;
    switch (m_text[m_pos]) {
      case '{':
        return depth < k_max_json_depth && object(depth);
      case '[':
        return depth < k_max_json_depth && array(depth);
      case '"': {
        std::string s;
        return string(s) && m_handler.string(s);
      }
      case 't':
        return literal("true") && m_handler.boolean(true);
      case 'f':
        return literal("false") && m_handler.boolean(false);
      case 'n':
        return literal("null") && m_handler.null();
      default:
        return number();
    }
  }

  bool object(int depth) {
    ++m_pos;
    if (!m_handler.start_object(static_cast<std::size_t>(-1))) return false;
    skip_space();
    if (m_pos < m_text.size() && m_text[m_pos] == '}') {
      ++m_pos;
      return m_handler.end_object();
    }
    for (;;) {
      std::string k;
      if (m_pos >= m_text.size() || m_text[m_pos] != '"' || !string(k) || !m_handler.key(k))
        return false;
      skip_space();
      if (m_pos >= m_text.size() || m_text[m_pos] != ':') return false;
      ++m_pos;
      skip_space();
      if (!value(depth + 1)) return false;
      skip_space();
      if (m_pos >= m_text.size()) return false;
      char c = m_text[m_pos++];
      if (c == '}') return m_handler.end_object();
      if (c != ',') return false;
      skip_space();
    }
  }

  bool array(int depth) {
    ++m_pos;
    if (!m_handler.start_array(static_cast<std::size_t>(-1))) return false;
    skip_space();
    if (m_pos < m_text.size() && m_text[m_pos] == ']') {
      ++m_pos;
      return m_handler.end_array();
    }
    for (;;) {
      if constexpr (requires(std::size_t end) { m_handler.adopt_rest_of_array(end); }) {
        std::size_t end = 0;
        if (m_pos == m_offer_at && m_handler.adopt_rest_of_array(end)) {
          m_pos = end;
          return m_handler.end_array();
        }
      }
      if (!value(depth + 1)) return false;
      skip_space();
      if (m_pos >= m_text.size()) return false;
      char c = m_text[m_pos++];
      if (c == ']') return m_handler.end_array();
      if (c != ',') return false;
      skip_space();
    }
  }

  // Integers only; anything else is left to nlohmann.
  bool number() {
    std::size_t start = m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
    std::size_t digits = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
    std::size_t count = m_pos - digits;
    if (count == 0 || (count > 1 && m_text[digits] == '0')) return false;
    if (m_pos < m_text.size() &&
        (m_text[m_pos] == '.' || m_text[m_pos] == 'e' || m_text[m_pos] == 'E'))
      return false;
    const char* first = m_text.data() + start;
    const char* last = m_text.data() + m_pos;
    if (m_text[start] == '-') {
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(first, last, v);
      return ec == std::errc() && end == last && m_handler.number_integer(v);
    }
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(first, last, v);
    return ec == std::errc() && end == last && m_handler.number_unsigned(v);
  }

  // Length of the well-formed UTF-8 sequence starting at m_pos (a byte >= 0x80), 0 if invalid.
  std::size_t utf8_length() const {
    auto byte = [&](std::size_t i) {
      return m_pos + i < m_text.size() ? static_cast<unsigned char>(m_text[m_pos + i]) : 0u;
    };
    auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
      unsigned b = byte(i);
      return b >= lo && b <= hi;
    };
    unsigned b0 = byte(0);
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (b0 >= 0xE1 && b0 <= 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (b0 == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
  }

  bool hex4(std::uint32_t& out) {
    if (m_pos + 4 > m_text.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = m_text[m_pos++];
      out <<= 4;
      if (c >= '0' && c <= '9')
        out |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        out |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        out |= static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  bool unicode_escape(std::string& out) {
    std::uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    papertree::append_utf8(out, static_cast<char32_t>(cp));
    return true;
  }

  bool escape(std::string& out) {
    if (m_pos >= m_text.size()) return false;
    char c = m_text[m_pos++];
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        return unicode_escape(out);
      default:
        return false;
    }
  }

  // A string starting at the opening quote; plain runs are appended in one go.
  bool string(std::string& out) {
    ++m_pos;
    std::size_t run = m_pos;
    while (m_pos < m_text.size()) {
      auto c = static_cast<unsigned char>(m_text[m_pos]);
      if (c == '"') {
        out.append(m_text.data() + run, m_pos - run);
        ++m_pos;
        return true;
      }
      if (c == '\\') {
        out.append(m_text.data() + run, m_pos - run);
        ++m_pos;
        if (!escape(out)) return false;
        run = m_pos;
      } else if (c < 0x20) {
        return false;
      } else if (c >= 0x80) {
        std::size_t n = utf8_length();
        if (n == 0) return false;
        m_pos += n;
      } else {
        ++m_pos;
      }
    }
    return false;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_offer_at = std::string_view::npos;
  Handler& m_handler;
};

/// Runs FastSaxParser over `text`; see there for when it gives up.
template <class Handler>
bool fast_sax_parse(std::string_view text, Handler& handler) {
  return FastSaxParser<Handler>(text, handler).parse();
}

}  // namespace papertree::detail
