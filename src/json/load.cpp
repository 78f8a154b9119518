#include "papertree/json/load.hpp"

#include "load_paths.hpp"
#include "members.hpp"
#include "number_literal.hpp"
#include "syntax.hpp"

#include <atomic>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "fast_reader.hpp"
#include "paper_sax.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/date.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/snapshot/snapshot.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

using detail::append_member;
using detail::caret_excerpt;
using detail::is_number_literal;
using detail::line_column;
using detail::number_for_message;
using detail::number_literal_text;
using detail::number_literal_value;
using detail::syntax_message;
using detail::token_start;
using detail::too_deep_at;

using Json = nlohmann::ordered_json;

namespace {

constexpr int k_max_taxonomy_depth = 32;
using detail::k_max_json_depth;

// What a JSON value is, for "expected …, got …" messages. Containers are named, not dumped.
std::string describe(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::null:
      return "null";
    case Json::value_t::string: {
      std::string s = v.get_ref<const std::string&>();
      if (s.size() > 40) s = truncate_to_width(s, 40);
      return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    case Json::value_t::binary:
      if (is_number_literal(v)) return number_for_message(number_literal_text(v));
      return "binary data";
    default:
      return v.dump();
  }
}

// A number as written: nlohmann reads past-int64 integers as unsigned, which must not wrap to a
// negative number, and past-uint64 ones (and any with a fraction or exponent) as floating point,
// which the reader keeps with its text (number_literal), so that 99999999999999999999 is not
// shown as 1e+20.
std::string number_text(const Json& v) {
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return describe(v);
}

// An integer, or a number too large for 64 bits (which nlohmann reads as floating point): such a
// number is an integer out of range, not "not an integer". Other floats are not integers.
bool integer_like(const Json& v) {
  return v.is_number_integer() ||
         (is_number_literal(v) && std::abs(number_literal_value(v)) >= 9.2e18);
}

// True for an integer in lo..hi, stored in `out`; false for anything out of range.
bool integer_in(const Json& v, long long lo, long long hi, long long& out) {
  if (v.is_number_unsigned()) {
    auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(hi)) return false;
    out = static_cast<long long>(u);
    return out >= lo;
  }
  if (!v.is_number_integer()) return false;
  out = v.get<long long>();
  return out >= lo && out <= hi;
}

// A JSON path built on the stack as the reader descends; turned into text only for an error.
struct JsonPath {
  const JsonPath* parent = nullptr;
  std::string_view key;
  std::size_t index = std::string_view::npos;

  JsonPath operator/(std::string_view k) const { return JsonPath{this, k}; }
  JsonPath operator[](std::size_t i) const { return JsonPath{this, {}, i}; }

  std::string str() const {
    std::string head = parent ? parent->str() : std::string();
    if (index != std::string_view::npos) return fmt::format("{}[{}]", head, index);
    if (key.empty()) return head;
    return head.empty() ? std::string(key) : head + "." + std::string(key);
  }
};

// Turns the DOM of a corpus, or of one paper at a time, into the model, checking shapes.
// Takes values by non-const reference and moves strings out of them.
class Reader {
 public:
  explicit Reader(const std::string& origin) : m_origin(origin) {}

  [[noreturn]] void fail(const JsonPath& path, const std::string& message) const {
    throw DataError(Location{m_origin, 0, 0, path.str()}, message);
  }

  Json& require(Json& obj, const JsonPath& path, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(path, fmt::format("missing required key \"{}\"", key));
    return *it;
  }

  void expect(const Json& v, bool ok, const JsonPath& path, const char* what) const {
    if (!ok) fail(path, fmt::format("expected {}, got {}", what, describe(v)));
  }

  std::string take_string(Json& v, const JsonPath& path) const {
    expect(v, v.is_string(), path, "a string");
    return std::move(v.get_ref<std::string&>());
  }

  std::string required_string(Json& obj, const JsonPath& path, const char* key) const {
    return take_string(require(obj, path, key), path / key);
  }

  std::string optional_string(Json& obj, const JsonPath& path, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? std::string() : take_string(*it, path / key);
  }

  // Checks that `v` is an array (`what` names the expected shape), then appends each element,
  // read by `read(element, its path)`, to `out`.
  template <class T, class Read>
  void append_each(Json& v, const JsonPath& path, const char* what, std::vector<T>& out,
                   Read read) const {
    expect(v, v.is_array(), path, what);
    out.reserve(out.size() + v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(read(v[i], path[i]));
  }

  std::vector<std::string> string_list(Json& v, const JsonPath& path) const {
    std::vector<std::string> out;
    append_each(v, path, "an array of strings", out, std::bind_front(&Reader::take_string, this));
    return out;
  }

  // Keys of `obj` not in `known`, in file order; null when there are none. Their floating-point
  // numbers are numbers again (the DOM keeps them with their text, number_literal.hpp).
  static Json extras(Json& obj, std::initializer_list<std::string_view> known) {
    Json out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
        detail::restore_numbers(it.value());
        append_member(out.is_null() ? (out = Json::object()) : out, it.key(),
                      std::move(it.value()));
      }
    }
    return out;
  }

  CategoryNode category(Json& v, const JsonPath& path, int depth) const {
    expect(v, v.is_object(), path, "a category object");
    if (depth >= k_max_taxonomy_depth) {
      fail(path, fmt::format("the taxonomy is nested deeper than {} levels", k_max_taxonomy_depth));
    }
    CategoryNode node;
    node.id = required_string(v, path, "id");
    node.name = required_string(v, path, "name");
    if (auto it = v.find("children"); it != v.end()) {
      append_each(*it, path / "children", "an array of categories", node.children,
                  [this, depth](Json& child, const JsonPath& child_path) {
                    return category(child, child_path, depth + 1);
                  });
    }
    node.extra = extras(v, {"id", "name", "children"});
    return node;
  }

  Link link(Json& v, const JsonPath& path) const {
    expect(v, v.is_object(), path, "a link object {\"label\", \"url\"}");
    Link l;
    l.label = required_string(v, path, "label");
    l.url = required_string(v, path, "url");
    return l;
  }

  Author author(Json& v, const JsonPath& path) const {
    if (v.is_string()) {
      // A plain string is shorthand for a name (and the form of version 1): split it.
      Author a = parse_person_name(v.get_ref<const std::string&>());
      if (a.family.empty() && a.literal.empty()) fail(path, "an author's name must not be blank");
      return a;
    }
    expect(v, v.is_object(), path, "an author object {\"family\", \"given\"} or {\"literal\"}");
    Author a;
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& key = it.key();
      std::string* slot = key == "family"    ? &a.family
                          : key == "given"   ? &a.given
                          : key == "literal" ? &a.literal
                                             : nullptr;
      if (slot == nullptr) {
        fail(path / key,
             fmt::format("unknown key {} (an author has \"family\", \"given\" or \"literal\")",
                         quote_for_message(key)));
      }
      *slot = take_string(it.value(), path / key);
    }
    if (!a.literal.empty() && (!a.family.empty() || !a.given.empty()))
      fail(path, "an author has either \"literal\" or \"family\"/\"given\", not both");
    if (trim(a.literal).empty() && trim(a.family).empty())
      fail(path, "an author needs a non-blank \"family\" or \"literal\"");
    return a;
  }

  std::vector<Author> author_list(Json& v, const JsonPath& path) const {
    std::vector<Author> out;
    append_each(v, path, "an array of authors", out, std::bind_front(&Reader::author, this));
    return out;
  }

  Paper paper(Json& v, const JsonPath& path) const {
    expect(v, v.is_object(), path, "a paper object");
    Paper p;
    p.id = required_string(v, path, "id");
    p.title = required_string(v, path, "title");
    if (auto it = v.find("authors"); it != v.end()) p.authors = author_list(*it, path / "authors");
    if (auto it = v.find("authors_truncated"); it != v.end()) {
      expect(*it, it->is_boolean(), path / "authors_truncated", "true or false");
      p.authors_truncated = it->get<bool>();
    }
    p.venue = optional_string(v, path, "venue");
    if (auto it = v.find("year"); it != v.end()) {
      expect(*it, integer_like(*it), path / "year", "an integer");
      long long year = 0;
      if (!integer_in(*it, 0, 9999, year))
        fail(path / "year", fmt::format("year {} is out of range 0..9999", number_text(*it)));
      p.year = static_cast<int>(year);
    }
    if (auto it = v.find("kind"); it != v.end()) p.kind = take_string(*it, path / "kind");
    if (p.kind.empty()) fail(path / "kind", "a kind must not be empty");
    if (auto it = v.find("links"); it != v.end()) {
      append_each(*it, path / "links", "an array of links", p.links,
                  std::bind_front(&Reader::link, this));
    }
    p.arxiv = optional_string(v, path, "arxiv");
    p.doi = optional_string(v, path, "doi");
    p.categories = string_list(require(v, path, "categories"), path / "categories");
    p.added = optional_string(v, path, "added");
    if (!p.added.empty() && !is_iso_date(p.added)) {
      fail(path / "added",
           fmt::format("expected a date YYYY-MM-DD, got {}", describe(Json(p.added))));
    }
    if (auto it = v.find("ignore"); it != v.end()) p.ignore = string_list(*it, path / "ignore");
    p.extra = extras(v, {"id", "title", "authors", "authors_truncated", "venue", "year", "kind",
                         "links", "arxiv", "doi", "categories", "added", "ignore"});
    return p;
  }

  Framework framework(Json& v, const JsonPath& path) const {
    expect(v, v.is_object(), path, "a framework object");
    Framework f;
    f.id = required_string(v, path, "id");
    f.name = required_string(v, path, "name");
    f.url = optional_string(v, path, "url");
    if (auto it = v.find("supports"); it != v.end())
      f.supports = string_list(*it, path / "supports");
    f.extra = extras(v, {"id", "name", "url", "supports"});
    return f;
  }

  Source source(Json& v, const JsonPath& path) const {
    expect(v, v.is_object(), path, "an object");
    Source s;
    s.url = optional_string(v, path, "url");
    s.commit = optional_string(v, path, "commit");
    s.arxiv = optional_string(v, path, "arxiv");
    s.citation = optional_string(v, path, "citation");
    s.extra = extras(v, {"url", "commit", "arxiv", "citation"});
    return s;
  }

  void header(Json& root) const {
    JsonPath top;
    Json& format = require(root, top, "format");
    if (!format.is_string() || format.get_ref<const std::string&>() != "papertree-corpus") {
      fail(top / "format", fmt::format("expected \"papertree-corpus\", got {}", describe(format)));
    }
    Json& version = require(root, top, "version");
    expect(version, integer_like(version), top / "version", "an integer");
    long long v = 0;
    bool newer = is_number_literal(version) ? number_literal_value(version) > 0
                                            : !integer_in(version, LLONG_MIN, k_corpus_version, v);
    if (newer) {
      fail(top / "version",
           fmt::format(
               "corpus format version {} is newer than this papertree supports (version {}); "
               "upgrade papertree",
               number_text(version), k_corpus_version));
    }
    if (is_number_literal(version) || v < 1) {
      fail(top / "version", fmt::format("unknown corpus format version {} (supported: {})",
                                        number_text(version), k_corpus_version));
    }
  }

  // The whole corpus. `streamed` holds the papers already read one by one while parsing (their
  // DOM array is then empty); without streaming, they are read from the DOM here.
  CorpusData corpus(Json& root, std::vector<Paper> streamed) const {
    JsonPath top;
    if (!root.is_object())
      fail(top, fmt::format("expected a corpus object, got {}", describe(root)));
    header(root);
    CorpusData d;
    d.title = required_string(root, top, "title");
    if (auto it = root.find("source"); it != root.end()) d.source = source(*it, top / "source");
    append_each(require(root, top, "taxonomy"), top / "taxonomy", "an array of categories",
                d.taxonomy,
                [this](Json& node, const JsonPath& path) { return category(node, path, 0); });
    d.papers = std::move(streamed);
    append_each(require(root, top, "papers"), top / "papers", "an array of papers", d.papers,
                std::bind_front(&Reader::paper, this));
    if (auto it = root.find("frameworks"); it != root.end()) {
      append_each(*it, top / "frameworks", "an array of frameworks", d.frameworks,
                  std::bind_front(&Reader::framework, this));
    }
    d.extra =
        extras(root, {"format", "version", "title", "source", "taxonomy", "papers", "frameworks"});
    return d;
  }

 private:
  const std::string& m_origin;
};

// Where a duplicate key was found: the key, and the offsets of its first and second occurrence
// (each the opening quote; npos when the pass did not track positions).
struct DuplicateKey {
  std::string key;
  std::size_t first = std::string_view::npos;
  std::size_t second = std::string_view::npos;
};

// A char iterator over the text that publishes how far nlohmann's lexer has read, so that the
// builder can say where a key stands (nlohmann's SAX interface gives no positions).
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char* base, std::size_t* read)
      : m_at(at), m_base(base), m_read(read) {}
  reference operator*() const { return *m_at; }
  CountingIterator& operator++() {
    *m_read = static_cast<std::size_t>(++m_at - m_base);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return m_at == other.m_at; }

 private:
  const char* m_at;
  const char* m_base;
  std::size_t* m_read;
};

// The offset of the opening quote of the string whose closing quote is at `close`.
std::size_t string_start(std::string_view text, std::size_t close) {
  for (std::size_t i = close; i-- > 0;) {
    if (text[i] != '"') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return 0;
}

// SAX handler that builds the DOM of everything but the papers, and turns each element of the
// top-level "papers" array into a Paper as soon as it is complete, then drops its DOM. Peak
// memory is the model plus one paper's DOM, not a DOM of the whole file. A key repeated in one
// object stops the parse (duplicate()); with `text` and `read` (the precise pass) it knows where
// both occurrences stand.
class StreamingBuilder {
 public:
  explicit StreamingBuilder(const Reader& reader, std::string_view text = {},
                            const std::size_t* read = nullptr)
      : m_reader(reader), m_text(text), m_read(read) {}

  bool null() { return value(Json(nullptr)); }
  bool boolean(bool b) { return value(Json(b)); }
  bool number_integer(Json::number_integer_t n) { return value(Json(n)); }
  bool number_unsigned(Json::number_unsigned_t n) { return value(Json(n)); }
  // Kept with its text for messages; extras() makes it a number again.
  bool number_float(Json::number_float_t f, const std::string& text) {
    return value(detail::number_literal<Json>(f, text));
  }
  bool string(std::string& s) { return value(Json(std::move(s))); }
  bool binary(Json::binary_t& b) { return value(Json::binary(std::move(b))); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) {
    bool papers = m_stack.size() == 1 && m_key == "papers";
    open(Json::array());
    if (papers) m_papers = m_stack.back().node;
    return true;
  }
  bool key(std::string& k) {
    // Called just after the key's closing quote was read.
    std::size_t at = m_read != nullptr && *m_read > 0 ? string_start(m_text, *m_read - 1)
                                                      : std::string_view::npos;
    auto [it, fresh] = m_stack.back().keys.try_emplace(k, at);
    if (!fresh) {
      m_duplicate = DuplicateKey{k, it->second, at};
      return false;
    }
    m_key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    m_error_position = position;
    m_error = e.what();
    return false;
  }

  Json& root() { return m_root; }
  std::vector<Paper>& papers() { return m_streamed; }
  const std::string& error() const { return m_error; }
  std::size_t error_position() const { return m_error_position; }
  const std::optional<DuplicateKey>& duplicate() const { return m_duplicate; }

 private:
  struct Open {
    Json* node;
    std::unordered_map<std::string, std::size_t> keys;  // an object's keys so far, and where
  };

  Json* place(Json v) {
    if (m_stack.empty()) {
      m_root = std::move(v);
      return &m_root;
    }
    Json& parent = *m_stack.back().node;
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    return &append_member(parent, m_key, std::move(v));
  }

  bool value(Json v) {
    place(std::move(v));
    take_paper_if_complete();
    return true;
  }

  bool open(Json v) {
    m_stack.push_back(Open{place(std::move(v)), {}});
    return true;
  }

  bool close() {
    m_stack.pop_back();
    take_paper_if_complete();
    return true;
  }

  // When the last element of the papers array is complete, converts and drops it.
  void take_paper_if_complete() {
    if (m_papers == nullptr || m_stack.empty() || m_stack.back().node != m_papers ||
        m_papers->empty())
      return;
    const JsonPath root;
    const JsonPath papers_path = root / "papers";
    m_streamed.push_back(m_reader.paper(m_papers->back(), papers_path[m_streamed.size()]));
    m_papers->erase(m_papers->size() - 1);
  }

  const Reader& m_reader;
  std::string_view m_text;
  const std::size_t* m_read;
  Json m_root;
  std::vector<Open> m_stack;
  std::string m_key;
  Json* m_papers = nullptr;
  std::vector<Paper> m_streamed;
  std::string m_error;
  std::size_t m_error_position = 0;
  std::optional<DuplicateKey> m_duplicate;
};

// The error for a key given twice in one object, at its second place, naming the first.
DataError duplicate_key_error(std::string_view text, const std::string& origin,
                              const DuplicateKey& d) {
  auto [line, column] = line_column(text, d.second);
  auto [first_line, first_column] = line_column(text, d.first);
  return DataError(Location{origin, line, column, {}},
                   fmt::format("duplicate key {} in one object (first at {}:{})",
                               describe(Json(d.key)), first_line, first_column),
                   caret_excerpt(text, d.second, column));
}

// A NUL byte at `at`: nlohmann takes it for the end of the text and would ignore what follows.
DataError nul_error(std::string_view text, const std::string& origin, std::size_t at) {
  auto [line, column] = line_column(text, at);
  return DataError(Location{origin, line, column, {}},
                   "a NUL byte, which JSON text cannot hold (is this a binary file?)",
                   caret_excerpt(text, at, column));
}

// What both load paths refuse before parsing: an empty text, a snapshot. (Nesting too deep for
// recursion is refused by check_depth before nlohmann parses; the fast reader gives up on it.)
void check_shape(std::string_view text, const std::string& origin) {
  if (trim(text).empty())
    throw DataError(Location{origin, 0, 0, {}}, "the file is empty, expected a corpus JSON object");
  // Reading commands take a snapshot for --corpus; what edits, compiles or compares a corpus
  // needs its JSON (and would otherwise report the binary's bytes as a JSON syntax error).
  if (text.starts_with(k_snapshot_magic))
    throw DataError(Location{origin, 0, 0, {}},
                    "this is a compiled snapshot (papertree index), not a corpus JSON file; give "
                    "the JSON file it was compiled from");
}

void check_depth(std::string_view text, const std::string& origin) {
  if (std::size_t at = too_deep_at(text, k_max_json_depth); at != std::string_view::npos) {
    auto [line, column] = line_column(text, at);
    throw DataError(Location{origin, line, column, {}},
                    fmt::format("JSON nested deeper than {} levels", k_max_json_depth));
  }
}

// nlohmann's SAX parser through StreamingBuilder: exact positions for every error.
CorpusData parse_precisely(std::string_view text, const std::string& origin, const Reader& reader) {
  check_depth(text, origin);
  std::size_t nul = text.find('\0');
  std::size_t read = 0;
  StreamingBuilder builder(reader, text, &read);
  bool ok =
      Json::sax_parse(CountingIterator(text.data(), text.data(), &read),
                      CountingIterator(text.data() + text.size(), text.data(), &read), &builder);
  if (!ok && builder.duplicate()) throw duplicate_key_error(text, origin, *builder.duplicate());
  // Whatever nlohmann reports before the first NUL comes first; from the NUL on, the NUL.
  if (nul != std::string_view::npos && (ok || builder.error_position() > nul))
    throw nul_error(text, origin, nul);
  if (!ok) {
    // The position is one past the offending character.
    std::size_t offset =
        token_start(text, builder.error_position() > 0 ? builder.error_position() - 1 : 0);
    auto [line, column] = line_column(text, offset);
    throw DataError(Location{origin, line, column, {}}, syntax_message(builder.error()),
                    caret_excerpt(text, offset, column));
  }
  return reader.corpus(builder.root(), std::move(builder.papers()));
}

// Where a second thread starts reading papers: the first element of the papers array that
// seems to start at or after the middle of the text (a `{` after a `,` and before `"id":`, as
// papertree writes papers), or npos for a text too
// small to gain or a machine of one core. Only a guess: the first thread, reading from the
// start, hands over only if it meets an element of the papers array exactly there.
std::size_t split_point(std::string_view text) {
  constexpr std::size_t k_min_split = std::size_t{16} << 20;
  if (text.size() < k_min_split || std::thread::hardware_concurrency() < 2)
    return std::string_view::npos;
  for (std::size_t at = text.find('{', text.size() / 2); at != std::string_view::npos;
       at = text.find('{', at + 1)) {
    std::size_t before = text.find_last_not_of(" \t\r\n", at - 1);
    std::size_t after = text.find_first_not_of(" \t\r\n", at + 1);
    if (before != std::string_view::npos && text[before] == ',' &&
        after != std::string_view::npos && text.substr(after, 5) == "\"id\":")
      return at;
  }
  return std::string_view::npos;
}

// The papers of the papers array from `at` to its end, read by a second thread, and where the
// array ends; `ok` is false when that thread gave up (or was told to stop), and the first
// thread then reads them itself.
struct LaterPapers {
  std::vector<Paper> papers;
  std::size_t end = 0;
  bool ok = false;
};

void read_later_papers(std::string_view text, std::size_t at, const std::atomic<bool>& stop,
                       LaterPapers& out) {
  try {
    detail::RefuseAll nothing;
    detail::DirectPaperBuilder<detail::RefuseAll> builder(nothing);
    builder.start_inside_papers();
    builder.stop_when(&stop);
    builder.papers().reserve((text.size() - at) / 128);
    detail::FastSaxParser<detail::DirectPaperBuilder<detail::RefuseAll>> parser(text, builder);
    // The papers array's elements sit inside two brackets: the corpus object's, the array's.
    if (parser.parse_elements(at, 2)) {
      out.papers = std::move(builder.papers());
      out.end = parser.position();
      out.ok = true;
    }
  } catch (...) {
    out.ok = false;  // out of memory: the first thread reads them, and reports it
  }
}

}  // namespace

CorpusData detail::parse_corpus_split(std::string_view text, const std::string& origin,
                                      std::size_t split_at) {
  check_shape(text, origin);
  Reader reader(origin);
  {
    StreamingBuilder rest(reader);
    detail::DirectPaperBuilder<StreamingBuilder> fast(rest);
    // Room for more papers than the text can hold (a paper takes well over 128 bytes of JSON),
    // so the vector never grows by copying. Pages never written to take no memory.
    fast.papers().reserve(text.size() / 128);
    detail::FastSaxParser<detail::DirectPaperBuilder<StreamingBuilder>> parser(text, fast);
    std::atomic<bool> stop{false};
    LaterPapers later;
    std::thread second;
    if (split_at < text.size()) {
      try {
        second = std::thread(read_later_papers, text, split_at, std::cref(stop), std::ref(later));
      } catch (const std::system_error&) {
        split_at = std::string_view::npos;  // no thread to be had: one thread reads it all
      }
    }
    if (split_at < text.size()) {
      parser.offer_rest_at(split_at);
      fast.adopt_with([&](std::vector<Paper>& papers, std::size_t& end) {
        second.join();
        if (!later.ok) return false;
        papers.insert(papers.end(), std::make_move_iterator(later.papers.begin()),
                      std::make_move_iterator(later.papers.end()));
        end = later.end;
        return true;
      });
    }
    // The second thread stops and is joined however the first one ends.
    struct Joiner {
      std::atomic<bool>& stop;
      std::thread& thread;
      ~Joiner() {
        stop = true;
        if (thread.joinable()) thread.join();
      }
    } joiner{stop, second};
    try {
      if (parser.parse()) return reader.corpus(rest.root(), std::move(fast.papers()));
    } catch (const DataError&) {
      check_depth(text, origin);  // too deep nesting is reported first, as on the slow path
      throw;
    }
  }
  // Something unusual (most likely an error): parse again with nlohmann for its exact position.
  return parse_precisely(text, origin, reader);
}

CorpusData parse_corpus(std::string_view text, const std::string& origin) {
  return detail::parse_corpus_split(text, origin, split_point(text));
}

CorpusData detail::parse_corpus_precisely(std::string_view text, const std::string& origin) {
  check_shape(text, origin);
  Reader reader(origin);
  return parse_precisely(text, origin, reader);
}

Corpus load_corpus_text(std::string_view text, const std::string& origin) {
  return Corpus::build(parse_corpus(text, origin), origin);
}

Corpus load_corpus_file(const std::string& path, std::size_t max_bytes) {
  CorpusData data;
  {
    // The text is dropped before the indexes are built, so the two never peak together.
    std::string text = read_file(path, max_bytes);
    data = parse_corpus(text, path);
  }
  return Corpus::build(std::move(data), path);
}

}  // namespace papertree
