#include "papertree/search/query.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// Deeper nesting is refused: parsing and evaluation recurse once per level.
constexpr int k_max_nesting = 64;

constexpr std::array<std::string_view, 7> k_fields = {"title", "venue", "year",  "in",
                                                      "has",   "kind",  "author"};

struct Token {
  enum class Type { word, phrase, lparen, rparen, minus, end };
  Type type = Type::end;
  std::string text;              // word or phrase text, without field and quotes
  std::string field;             // "title", "year"… when written as field:value
  std::size_t offset;            // where the token starts
  std::size_t value_offset = 0;  // where the value after "field:" starts
};

[[noreturn]] void syntax_error(std::string_view query, std::size_t offset,
                               const std::string& what) {
  // The query around the error, at most 60 columns, escaped, with a caret under the place.
  std::string before = truncate_left_to_width(sanitize_for_display(query.substr(0, offset)), 30);
  std::string after = truncate_to_width(sanitize_for_display(query.substr(offset)), 30);
  std::string caret(display_width(before), ' ');
  throw UsageError("query syntax error: " + what, "  " + before + after + "\n  " + caret + "^");
}

QueryNode make_node(QueryNode::Kind kind) {
  QueryNode node;
  node.kind = kind;
  return node;
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : m_query(query) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      while (m_pos < m_query.size() && is_space(m_query[m_pos])) ++m_pos;
      if (m_pos >= m_query.size()) break;
      tokens.push_back(next());
    }
    tokens.push_back(Token{Token::Type::end, {}, {}, m_query.size()});
    return tokens;
  }

 private:
  std::string_view m_query;
  std::size_t m_pos = 0;

  Token next() {
    std::size_t start = m_pos;
    char c = m_query[m_pos];
    if (c == '(') return ++m_pos, Token{Token::Type::lparen, "(", {}, start};
    if (c == ')') return ++m_pos, Token{Token::Type::rparen, ")", {}, start};
    if (c == '"') return phrase(start, {});
    if (c == '-') {
      ++m_pos;
      if (m_pos >= m_query.size() || is_space(m_query[m_pos]) || m_query[m_pos] == ')') {
        syntax_error(m_query, start, "expected a term after \"-\"");
      }
      return Token{Token::Type::minus, "-", {}, start};
    }
    return word(start);
  }

  Token phrase(std::size_t start, std::string field) {
    std::size_t quote = m_pos;
    std::size_t close = m_query.find('"', quote + 1);
    if (close == std::string_view::npos) {
      syntax_error(m_query, quote, "unterminated phrase: no closing '\"' for this one");
    }
    std::string text(trim(m_query.substr(quote + 1, close - quote - 1)));
    if (text.empty())
      syntax_error(m_query, quote, "empty phrase: expected words between the quotes");
    m_pos = close + 1;
    return Token{Token::Type::phrase, std::move(text), std::move(field), start, quote};
  }

  Token word(std::size_t start) {
    while (m_pos < m_query.size()) {
      char c = m_query[m_pos];
      if (is_space(c) || c == ')' || c == '"') break;
      // "LLM.int8()": an empty pair of parentheses inside a word belongs to the word.
      if (c == '(') {
        if (m_pos + 1 < m_query.size() && m_query[m_pos + 1] == ')') {
          m_pos += 2;
          continue;
        }
        break;
      }
      ++m_pos;
    }
    std::string_view text = m_query.substr(start, m_pos - start);
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return {Token::Type::word, std::string(text), {}, start};
    std::string name = ascii_lower(text.substr(0, colon));
    std::string_view value = text.substr(colon + 1);
    bool known = std::find(k_fields.begin(), k_fields.end(), name) != k_fields.end();
    if (!known) return unknown_field(start, name, value);
    std::size_t value_offset = start + colon + 1;
    if (value.empty()) {
      if (m_pos < m_query.size() && m_query[m_pos] == '"') return phrase(start, name);
      // "title:(a OR b)": the field applies to every word of the group.
      if ((name == "title" || name == "author") && m_pos < m_query.size() &&
          m_query[m_pos] == '(') {
        ++m_pos;
        return Token{Token::Type::lparen, "(", name, start, value_offset};
      }
      syntax_error(m_query, value_offset,
                   "expected a value after " + quote_for_message(name + ":"));
    }
    return Token{Token::Type::word, std::string(value), name, start, value_offset};
  }

  // "GPTQ:" or a URL are words; "titel:x" is a misspelt field. A single letter is no field's
  // misspelling: "n:m sparsity" and "a:b" are words.
  Token unknown_field(std::size_t start, const std::string& name, std::string_view value) {
    std::string_view text = m_query.substr(start, m_pos - start);
    bool letters =
        std::all_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (letters && name.size() > 1 && !value.empty()) {
      for (std::string_view field : k_fields) {
        if (edit_distance(name, field) <= (field.size() <= 3 ? 1u : 2u)) {
          syntax_error(
              m_query, start,
              "unknown field \"" + name + ":\"; did you mean \"" + std::string(field) + ":\"?");
        }
      }
    }
    return Token{Token::Type::word, std::string(text), {}, start};
  }
};

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens)
      : m_query(query), m_tokens(std::move(tokens)) {}

  QueryNode run() {
    if (peek().type == Token::Type::end)
      syntax_error(m_query, 0, "empty query: expected a search term");
    QueryNode node = any_of();
    if (peek().type == Token::Type::rparen) {
      syntax_error(m_query, peek().offset, "unexpected \")\" with no \"(\" before it");
    }
    return node;
  }

 private:
  std::string_view m_query;
  std::vector<Token> m_tokens;
  std::size_t m_next = 0;
  int m_depth = 0;
  int m_negations = 0;
  std::size_t m_terms = 0;

  const Token& peek() const { return m_tokens[m_next]; }
  const Token& take() { return m_tokens[m_next++]; }
  bool is_keyword(const Token& t, std::string_view word) const {
    return t.type == Token::Type::word && t.field.empty() && t.text == word;
  }
  bool ends_operand(const Token& t) const {
    return t.type == Token::Type::end || t.type == Token::Type::rparen || is_keyword(t, "OR") ||
           is_keyword(t, "AND");
  }
  void expect_operand_after(const Token& op) {
    if (ends_operand(peek()))
      syntax_error(m_query, op.offset, "expected a term after " + quote_for_message(op.text));
  }

  QueryNode any_of() {
    QueryNode first = all_of();
    if (!is_keyword(peek(), "OR")) return first;
    QueryNode node = make_node(QueryNode::Kind::any_of);
    node.offset = first.offset;
    node.children.push_back(std::move(first));
    while (is_keyword(peek(), "OR")) {
      expect_operand_after(take());
      node.children.push_back(all_of());
    }
    return node;
  }

  QueryNode all_of() {
    QueryNode node = make_node(QueryNode::Kind::all_of);
    node.offset = peek().offset;
    while (!ends_operand(peek()) || is_keyword(peek(), "AND")) {
      if (is_keyword(peek(), "AND")) {
        if (node.children.empty())
          syntax_error(m_query, peek().offset, "expected a term before \"AND\"");
        expect_operand_after(take());
        continue;
      }
      node.children.push_back(unary());
    }
    if (node.children.empty()) empty_operand();
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  [[noreturn]] void empty_operand() {
    const Token& t = peek();
    if (is_keyword(t, "OR")) syntax_error(m_query, t.offset, "expected a term before \"OR\"");
    if (t.type == Token::Type::rparen && m_depth > 0) {
      syntax_error(m_query, t.offset, "empty parentheses: expected a term inside");
    }
    // "(" or "a (" at the end of the query: the group was opened and nothing followed.
    if (t.type == Token::Type::end && m_next > 0 &&
        m_tokens[m_next - 1].type == Token::Type::lparen) {
      const Token& open = m_tokens[m_next - 1];
      syntax_error(m_query, open.field.empty() ? open.offset : open.value_offset,
                   "expected a term after \"(\"");
    }
    syntax_error(m_query, t.offset, "unexpected \")\" with no \"(\" before it");
  }

  QueryNode unary() {
    const Token& t = peek();
    if (t.type == Token::Type::minus || is_keyword(t, "NOT")) {
      const Token& op = take();
      expect_operand_after(op);
      if (m_negations == k_max_nesting) {
        syntax_error(m_query, op.offset,
                     "negations nested deeper than " + std::to_string(k_max_nesting));
      }
      QueryNode node = make_node(QueryNode::Kind::negation);
      node.offset = op.offset;
      ++m_negations;
      node.children.push_back(unary());
      --m_negations;
      return node;
    }
    return primary();
  }

  QueryNode primary() {
    const Token& t = take();
    if (t.type == Token::Type::lparen) {
      if (m_depth == k_max_nesting) {
        syntax_error(m_query, t.offset,
                     "parentheses nested deeper than " + std::to_string(k_max_nesting));
      }
      ++m_depth;
      QueryNode inner = any_of();
      --m_depth;
      if (peek().type != Token::Type::rparen) {
        syntax_error(m_query, t.field.empty() ? t.offset : t.value_offset,
                     "missing \")\" to close this \"(\"");
      }
      take();
      if (!t.field.empty()) restrict_to(inner, t.field == "author" ? Field::author : Field::title);
      return inner;
    }
    if (!t.field.empty()) return field_value(t);
    return text_node(t, Field::any);
  }

  // Applies title: or author: to the words, phrases and prefixes of a group; filters are left
  // as they are.
  static void restrict_to(QueryNode& node, Field field) {
    using Kind = QueryNode::Kind;
    if (node.kind == Kind::word || node.kind == Kind::phrase || node.kind == Kind::prefix) {
      node.field = field;
    }
    for (QueryNode& child : node.children) restrict_to(child, field);
  }

  // "int4/int8", "prefill/decode": a word of parts joined by '/' names alternatives, each part
  // of two characters or more holding a letter. Not a URL ("://"), a path of digits
  // ("arxiv.org/abs/2301"), "w/o" or "1/2".
  static std::vector<std::string_view> slash_alternatives(std::string_view text) {
    if (text.find('/') == std::string_view::npos || text.find("://") != std::string_view::npos)
      return {};
    std::vector<std::string_view> parts;
    std::size_t at = 0;
    for (;;) {
      std::size_t slash = text.find('/', at);
      std::string_view part = text.substr(at, slash == std::string_view::npos ? slash : slash - at);
      bool letter = std::any_of(part.begin(), part.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0;
      });
      if (part.size() < 2 || !letter) return {};
      parts.push_back(part);
      if (slash == std::string_view::npos) return parts;
      at = slash + 1;
    }
  }

  QueryNode text_node(const Token& t, Field field) {
    if (t.type == Token::Type::word) {
      if (std::vector<std::string_view> parts = slash_alternatives(t.text); !parts.empty()) {
        QueryNode any = make_node(QueryNode::Kind::any_of);
        any.offset = t.offset;
        for (std::string_view part : parts) {
          Token one = t;
          one.text = std::string(part);
          any.children.push_back(text_node(one, field));
        }
        return any;
      }
    }
    if (++m_terms > k_max_query_terms) {
      syntax_error(m_query, t.offset,
                   "more than " + std::to_string(k_max_query_terms) + " search terms");
    }
    QueryNode node = make_node(QueryNode::Kind::word);
    node.field = field;
    node.offset = t.offset;
    node.text = t.text;
    if (t.type == Token::Type::phrase) {
      node.kind = QueryNode::Kind::phrase;
    } else if (node.text.ends_with('*')) {
      node.kind = QueryNode::Kind::prefix;
      while (node.text.ends_with('*')) node.text.pop_back();  // "quant**" is "quant*"
      if (node.text.empty()) {
        syntax_error(m_query,
                     t.offset + t.text.size() - 1 + (t.field.empty() ? 0 : t.field.size() + 1),
                     "expected a word before \"*\"");
      }
    }
    return node;
  }

  QueryNode field_value(const Token& t);
};

QueryNode Parser::field_value(const Token& t) {
  using Kind = QueryNode::Kind;
  if (t.field == "title") return text_node(t, Field::title);
  if (t.field == "author") return text_node(t, Field::author);
  QueryNode node;
  node.offset = t.offset;
  node.text = t.text;
  if (t.field == "venue") {
    node.kind = Kind::venue;
  } else if (t.field == "in") {
    node.kind = Kind::in;
  } else if (t.field == "year") {
    node.kind = Kind::year;
    try {
      node.years = parse_year_range(t.text);
    } catch (const UsageError&) {
      syntax_error(m_query, t.value_offset,
                   "bad year \"" + t.text + "\": expected 2023, 2022..2024, >=2023 or <2024");
    }
  } else if (t.field == "has") {
    node.kind = Kind::has_code;
    if (ascii_lower(t.text) != "code") {
      syntax_error(m_query, t.value_offset,
                   "unknown value \"" + t.text + "\" for has:, expected has:code");
    }
  } else {
    node.kind = Kind::kind;
    node.text = ascii_lower(t.text);
    if (node.text != "paper" && node.text != "blog" && node.text != "website") {
      syntax_error(m_query, t.value_offset,
                   "unknown kind \"" + t.text + "\", expected paper, blog or website");
    }
  }
  return node;
}

std::string year_text(const YearRange& r) {
  if (r.min == r.max) return std::to_string(r.min);
  std::string out;
  if (r.min != INT_MIN) out += std::to_string(r.min);
  out += "..";
  if (r.max != INT_MAX) out += std::to_string(r.max);
  return out;
}

}  // namespace

QueryNode parse_query(std::string_view query) {
  if (query.size() > k_max_query_bytes) {
    throw UsageError("the query is " + std::to_string(query.size()) + " bytes long; at most " +
                     std::to_string(k_max_query_bytes) + " are allowed");
  }
  return Parser(query, Lexer(query).run()).run();
}

std::string to_string(const QueryNode& node) {
  using Kind = QueryNode::Kind;
  std::string field = node.field == Field::title    ? "title:"
                      : node.field == Field::author ? "author:"
                                                    : "";
  auto list = [&](std::string_view head) {
    std::string out = "(" + std::string(head);
    for (const auto& child : node.children) out += " " + to_string(child);
    return out + ")";
  };
  switch (node.kind) {
    case Kind::word:
      return field + node.text;
    case Kind::phrase:
      return field + "\"" + node.text + "\"";
    case Kind::prefix:
      return field + node.text + "*";
    case Kind::all_of:
      return list("and");
    case Kind::any_of:
      return list("or");
    case Kind::negation:
      return list("not");
    case Kind::year:
      return "year:" + year_text(node.years);
    case Kind::in:
      return "in:" + node.text;
    case Kind::has_code:
      return "has:code";
    case Kind::kind:
      return "kind:" + node.text;
    case Kind::venue:
      return "venue:" + node.text;
  }
  return {};
}

}  // namespace papertree
