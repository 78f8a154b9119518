// Where a JSON syntax error is, in words a person reads: line, column, the line with a caret.
#include "syntax.hpp"

#include <algorithm>
#include <cctype>

#include "papertree/text/text.hpp"

namespace papertree::detail {

// Line and column (1-based, in bytes) of byte offset `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

// A longer line (as shown, escaped) is not quoted in a message.
constexpr std::size_t k_max_excerpt_bytes = 200;

// The offending line with a caret under `column`, for a syntax error.
std::string caret_excerpt(std::string_view text, std::size_t offset, std::size_t column) {
  offset = std::min(offset, text.size());
  std::size_t begin = offset - (column - 1);
  std::size_t end = text.find('\n', begin);
  std::string_view raw =
      text.substr(begin, end == std::string_view::npos ? text.size() - begin : end - begin);
  // Escaping never makes a line shorter: one too long as it is is left out before it is escaped
  // (a line may be the whole input, hundreds of megabytes of control bytes).
  if (raw.size() > k_max_excerpt_bytes) return {};
  std::string line = sanitize_for_display(raw);
  if (line.size() > k_max_excerpt_bytes) return {};
  std::string caret_line;
  std::string_view before = text.substr(begin, column - 1);
  caret_line.append(display_width(sanitize_for_display(before)), ' ');
  return "  " + line + "\n  " + caret_line + "^";
}

// nlohmann's message without its "[json.exception…] parse error at line L, column C: " prefix.
std::string syntax_message(const std::string& what) {
  std::string msg = what;
  if (auto pos = msg.find("column "); pos != std::string::npos) {
    if (auto colon = msg.find(": ", pos); colon != std::string::npos) msg = msg.substr(colon + 2);
  } else if (auto bracket = msg.find("] "); bracket != std::string::npos) {
    msg = msg.substr(bracket + 2);
  }
  return "invalid JSON: " + sanitize_for_display(msg);
}

// Offset of the first bracket nested deeper than `limit`, or npos. Deep nesting is refused
// before parsing so that no later recursive step (copies, dumps) can exhaust the stack.
std::size_t too_deep_at(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// nlohmann reports the position of the last byte it read, which for an unexpected string or
// literal is the token's end; a person wants the caret at the token's start.
std::size_t token_start(std::string_view text, std::size_t last) {
  if (last >= text.size()) return text.size();
  auto literal = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  if (text[last] == '"' && last > 0) {
    for (std::size_t i = last; i-- > 0;) {
      if (text[i] == '\n') break;
      if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) return i;
    }
  } else if (literal(text[last])) {
    std::size_t i = last;
    while (i > 0 && literal(text[i - 1])) --i;
    return i;
  }
  return last;
}

}  // namespace papertree::detail
