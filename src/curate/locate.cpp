// Finding a JSON path in the text of a corpus file, so that a finding can say FILE:LINE:COL.
// The text has already been loaded (it is valid JSON); this only skips over values.
#include <algorithm>
#include <charconv>
#include <optional>

#include "papertree/curate/validate.hpp"

namespace papertree {

namespace {

struct Step {
  std::string key;  // object member, when not an index
  std::size_t index = 0;
  bool is_index = false;
};

std::vector<Step> split_path(std::string_view path) {
  std::vector<Step> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      Step step;
      step.is_index = true;
      std::from_chars(path.data() + i + 1, path.data() + close, step.index);
      steps.push_back(step);
      i = close + 1;
    } else {
      std::size_t end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
      steps.push_back(Step{std::string(path.substr(i, end - i)), 0, false});
      i = end;
    }
  }
  return steps;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  std::size_t pos() const { return m_pos; }
  void skip_space() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                     m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
      ++m_pos;
    }
  }
  char peek() {
    skip_space();
    return m_pos < m_text.size() ? m_text[m_pos] : '\0';
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++m_pos;
    return true;
  }
  // A string's raw contents (escapes left as written; keys in a corpus need none).
  std::string read_string() {
    std::string out;
    if (!eat('"')) return out;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) out.push_back(m_text[m_pos++]);
      out.push_back(m_text[m_pos++]);
    }
    ++m_pos;
    return out;
  }
  // Skips one value of any kind, nested ones included.
  void skip_value() {
    char c = peek();
    if (c == '"') {
      read_string();
      return;
    }
    if (c != '{' && c != '[') {
      while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' &&
             m_text[m_pos] != ']') {
        ++m_pos;
      }
      return;
    }
    int depth = 0;
    while (m_pos < m_text.size()) {
      char d = m_text[m_pos];
      if (d == '"') {
        read_string();
        continue;
      }
      ++m_pos;
      if (d == '{' || d == '[') ++depth;
      if ((d == '}' || d == ']') && --depth == 0) return;
    }
  }
  // Moves to the value of member `key` of the object here; false (position undefined) if none.
  bool enter_member(const std::string& key) {
    if (!eat('{')) return false;
    while (peek() == '"') {
      std::string name = read_string();
      if (!eat(':')) return false;
      if (name == key) {
        skip_space();
        return true;
      }
      skip_value();
      if (!eat(',')) return false;
    }
    return false;
  }
  bool enter_element(std::size_t index) {
    if (!eat('[')) return false;
    for (std::size_t i = 0; i < index; ++i) {
      if (peek() == ']') return false;
      skip_value();
      if (!eat(',')) return false;
    }
    if (peek() == ']') return false;
    return true;
  }
  void seek(std::size_t pos) { m_pos = pos; }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

// Follows `steps` from the value at the scanner's position; the offset of the deepest one found.
std::size_t follow(Scanner& scanner, std::span<const Step> steps) {
  scanner.skip_space();
  std::size_t found = scanner.pos();
  for (const Step& step : steps) {
    bool ok = step.is_index ? scanner.enter_element(step.index) : scanner.enter_member(step.key);
    if (!ok) break;
    found = scanner.pos();
  }
  return found;
}

// Where each element of the top-level "papers" array starts, found in one pass.
std::vector<std::size_t> paper_offsets(std::string_view json_text) {
  std::vector<std::size_t> offsets;
  Scanner scanner(json_text);
  if (!scanner.enter_member("papers") || !scanner.eat('[')) return offsets;
  while (scanner.peek() != ']' && scanner.peek() != '\0') {
    offsets.push_back(scanner.pos());
    scanner.skip_value();
    if (!scanner.eat(',')) break;
  }
  return offsets;
}

}  // namespace

std::size_t locate_json_path(std::string_view json_text, std::string_view json_path) {
  Scanner scanner(json_text);
  std::vector<Step> steps = split_path(json_path);
  return follow(scanner, steps);
}

void locate_findings(std::vector<Finding>& findings, std::string_view json_text) {
  // Line starts, once, so that each offset maps to a line by binary search; paper starts, once,
  // so that a finding on papers[N] does not rescan the N papers before it.
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < json_text.size(); ++i) {
    if (json_text[i] == '\n') line_starts.push_back(i + 1);
  }
  std::vector<std::size_t> papers = paper_offsets(json_text);
  for (Finding& finding : findings) {
    std::vector<Step> steps = split_path(finding.json_path);
    Scanner scanner(json_text);
    std::span<const Step> rest(steps);
    if (steps.size() >= 2 && !steps[0].is_index && steps[0].key == "papers" && steps[1].is_index &&
        steps[1].index < papers.size()) {
      scanner.seek(papers[steps[1].index]);
      rest = rest.subspan(2);
    }
    std::size_t offset = follow(scanner, rest);
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
    finding.line = line;
    finding.column = offset - line_starts[line - 1] + 1;
  }
}

}  // namespace papertree
