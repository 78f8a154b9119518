#include "papertree/load.hpp"

#include <cctype>

#include <fmt/format.h>

#include "papertree/error.hpp"
#include "papertree/io.hpp"
#include "papertree/text.hpp"

namespace papertree {

using Json = nlohmann::ordered_json;

namespace {

constexpr int k_max_taxonomy_depth = 32;

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

// The offending line with a caret under `column`, for a syntax error.
std::string caret_excerpt(std::string_view text, std::size_t offset, std::size_t column) {
  offset = std::min(offset, text.size());
  std::size_t begin = offset - (column - 1);
  std::size_t end = text.find('\n', begin);
  std::string line = sanitize_for_display(
      text.substr(begin, end == std::string_view::npos ? text.size() - begin : end - begin));
  if (line.size() > 200) return {};
  std::string caret_line;
  std::string_view before = text.substr(begin, column - 1);
  caret_line.append(display_width(sanitize_for_display(before)), ' ');
  return "  " + line + "\n  " + caret_line + "^";
}

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
    default:
      return v.dump();
  }
}

// Walks the DOM with the current JSON path, turning shapes into the model.
class Reader {
 public:
  explicit Reader(const std::string& origin) : m_origin(origin) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw DataError(Location{m_origin, 0, 0, path}, message);
  }

  const Json& require(const Json& obj, const std::string& path, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(path, fmt::format("missing required key \"{}\"", key));
    return *it;
  }

  void expect(const Json& v, bool ok, const std::string& path, const char* what) const {
    if (!ok) fail(path, fmt::format("expected {}, got {}", what, describe(v)));
  }

  std::string string_at(const Json& v, const std::string& path) const {
    expect(v, v.is_string(), path, "a string");
    return v.get<std::string>();
  }

  std::string optional_string(const Json& obj, const std::string& path, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? std::string() : string_at(*it, join(path, key));
  }

  std::vector<std::string> string_list(const Json& v, const std::string& path) const {
    expect(v, v.is_array(), path, "an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i)
      out.push_back(string_at(v[i], fmt::format("{}[{}]", path, i)));
    return out;
  }

  static std::string join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }

  // Keys of `obj` not in `known`, in file order.
  static Json extras(const Json& obj, std::initializer_list<const char*> known) {
    Json out = Json::object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool is_known =
          std::any_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; });
      if (!is_known) out[it.key()] = it.value();
    }
    return out;
  }

  CategoryNode category(const Json& v, const std::string& path, int depth) const {
    expect(v, v.is_object(), path, "a category object");
    if (depth > k_max_taxonomy_depth) {
      fail(path, fmt::format("the taxonomy is nested deeper than {} levels", k_max_taxonomy_depth));
    }
    CategoryNode node;
    node.id = string_at(require(v, path, "id"), path + ".id");
    node.name = string_at(require(v, path, "name"), path + ".name");
    if (auto it = v.find("children"); it != v.end()) {
      std::string cpath = path + ".children";
      expect(*it, it->is_array(), cpath, "an array of categories");
      for (std::size_t i = 0; i < it->size(); ++i) {
        node.children.push_back(category((*it)[i], fmt::format("{}[{}]", cpath, i), depth + 1));
      }
    }
    node.extra = extras(v, {"id", "name", "children"});
    return node;
  }

  Link link(const Json& v, const std::string& path) const {
    expect(v, v.is_object(), path, "a link object {\"label\", \"url\"}");
    return Link{string_at(require(v, path, "label"), path + ".label"),
                string_at(require(v, path, "url"), path + ".url")};
  }

  Paper paper(const Json& v, const std::string& path) const {
    expect(v, v.is_object(), path, "a paper object");
    Paper p;
    p.id = string_at(require(v, path, "id"), path + ".id");
    p.title = string_at(require(v, path, "title"), path + ".title");
    if (auto it = v.find("authors"); it != v.end()) p.authors = string_list(*it, path + ".authors");
    p.venue = optional_string(v, path, "venue");
    if (auto it = v.find("year"); it != v.end()) {
      expect(*it, it->is_number_integer(), path + ".year", "an integer");
      auto year = it->get<long long>();
      if (year < 0 || year > 9999)
        fail(path + ".year", fmt::format("year {} is out of range 0..9999", year));
      p.year = static_cast<int>(year);
    }
    if (v.contains("kind")) p.kind = string_at(v["kind"], path + ".kind");
    if (p.kind.empty()) fail(path + ".kind", "a kind must not be empty");
    if (auto it = v.find("links"); it != v.end()) {
      expect(*it, it->is_array(), path + ".links", "an array of links");
      for (std::size_t i = 0; i < it->size(); ++i)
        p.links.push_back(link((*it)[i], fmt::format("{}.links[{}]", path, i)));
    }
    p.arxiv = optional_string(v, path, "arxiv");
    p.categories = string_list(require(v, path, "categories"), path + ".categories");
    p.extra = extras(
        v, {"id", "title", "authors", "venue", "year", "kind", "links", "arxiv", "categories"});
    return p;
  }

  Framework framework(const Json& v, const std::string& path) const {
    expect(v, v.is_object(), path, "a framework object");
    Framework f;
    f.id = string_at(require(v, path, "id"), path + ".id");
    f.name = string_at(require(v, path, "name"), path + ".name");
    f.url = optional_string(v, path, "url");
    if (auto it = v.find("supports"); it != v.end())
      f.supports = string_list(*it, path + ".supports");
    f.extra = extras(v, {"id", "name", "url", "supports"});
    return f;
  }

  Source source(const Json& v, const std::string& path) const {
    expect(v, v.is_object(), path, "an object");
    Source s;
    s.url = optional_string(v, path, "url");
    s.commit = optional_string(v, path, "commit");
    s.arxiv = optional_string(v, path, "arxiv");
    s.citation = optional_string(v, path, "citation");
    s.extra = extras(v, {"url", "commit", "arxiv", "citation"});
    return s;
  }

  void header(const Json& root) const {
    const Json& format = require(root, "", "format");
    if (string_at(format, "format") != "papertree-corpus") {
      fail("format", fmt::format("expected \"papertree-corpus\", got {}", describe(format)));
    }
    const Json& version = require(root, "", "version");
    expect(version, version.is_number_integer(), "version", "an integer");
    auto v = version.get<long long>();
    if (v > k_corpus_version) {
      fail("version",
           fmt::format(
               "corpus format version {} is newer than this papertree supports (version {}); "
               "upgrade papertree",
               v, k_corpus_version));
    }
    if (v < 1)
      fail("version",
           fmt::format("unknown corpus format version {} (supported: {})", v, k_corpus_version));
  }

  CorpusData corpus(const Json& root) const {
    if (!root.is_object())
      fail("(root)", fmt::format("expected a corpus object, got {}", describe(root)));
    header(root);
    CorpusData d;
    d.title = string_at(require(root, "", "title"), "title");
    if (auto it = root.find("source"); it != root.end()) d.source = source(*it, "source");
    const Json& taxonomy = require(root, "", "taxonomy");
    expect(taxonomy, taxonomy.is_array(), "taxonomy", "an array of categories");
    for (std::size_t i = 0; i < taxonomy.size(); ++i) {
      d.taxonomy.push_back(category(taxonomy[i], fmt::format("taxonomy[{}]", i), 0));
    }
    const Json& papers = require(root, "", "papers");
    expect(papers, papers.is_array(), "papers", "an array of papers");
    d.papers.reserve(papers.size());
    for (std::size_t i = 0; i < papers.size(); ++i)
      d.papers.push_back(paper(papers[i], fmt::format("papers[{}]", i)));
    if (auto it = root.find("frameworks"); it != root.end()) {
      expect(*it, it->is_array(), "frameworks", "an array of frameworks");
      for (std::size_t i = 0; i < it->size(); ++i) {
        d.frameworks.push_back(framework((*it)[i], fmt::format("frameworks[{}]", i)));
      }
    }
    d.extra =
        extras(root, {"format", "version", "title", "source", "taxonomy", "papers", "frameworks"});
    return d;
  }

 private:
  const std::string& m_origin;
};

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

constexpr int k_max_json_depth = 128;

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

}  // namespace

CorpusData parse_corpus(std::string_view text, const std::string& origin) {
  if (trim(text).empty())
    throw DataError(Location{origin, 0, 0, {}}, "the file is empty, expected a corpus JSON object");
  if (std::size_t at = too_deep_at(text, k_max_json_depth); at != std::string_view::npos) {
    auto [line, column] = line_column(text, at);
    throw DataError(Location{origin, line, column, {}},
                    fmt::format("JSON nested deeper than {} levels", k_max_json_depth));
  }
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::size_t offset = token_start(text, e.byte > 0 ? e.byte - 1 : 0);
    auto [line, column] = line_column(text, offset);
    throw DataError(Location{origin, line, column, {}}, syntax_message(e.what()),
                    caret_excerpt(text, offset, column));
  }
  return Reader(origin).corpus(root);
}

Corpus load_corpus_text(std::string_view text, const std::string& origin) {
  return Corpus::build(parse_corpus(text, origin), origin);
}

Corpus load_corpus_file(const std::string& path) {
  return load_corpus_text(read_file(path), path);
}

namespace {

void append_extra(Json& out, const Json& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
}

Json category_json(const CategoryNode& node) {
  Json out = Json::object();
  out["id"] = node.id;
  out["name"] = node.name;
  Json children = Json::array();
  for (const auto& child : node.children) children.push_back(category_json(child));
  if (!children.empty()) out["children"] = std::move(children);
  append_extra(out, node.extra);
  return out;
}

Json paper_json(const Paper& p) {
  Json out = Json::object();
  out["id"] = p.id;
  out["title"] = p.title;
  if (!p.authors.empty()) out["authors"] = p.authors;
  out["venue"] = p.venue;
  if (p.year != 0) out["year"] = p.year;
  out["kind"] = p.kind;
  Json links = Json::array();
  for (const Link& l : p.links) links.push_back(Json{{"label", l.label}, {"url", l.url}});
  out["links"] = std::move(links);
  if (!p.arxiv.empty()) out["arxiv"] = p.arxiv;
  out["categories"] = p.categories;
  append_extra(out, p.extra);
  return out;
}

}  // namespace

Json corpus_to_json(const CorpusData& d) {
  Json out = Json::object();
  out["format"] = "papertree-corpus";
  out["version"] = k_corpus_version;
  out["title"] = d.title;
  Json source = Json::object();
  source["url"] = d.source.url;
  source["commit"] = d.source.commit;
  source["arxiv"] = d.source.arxiv;
  source["citation"] = d.source.citation;
  append_extra(source, d.source.extra);
  out["source"] = std::move(source);
  out["taxonomy"] = Json::array();
  for (const auto& node : d.taxonomy) out["taxonomy"].push_back(category_json(node));
  out["papers"] = Json::array();
  for (const auto& p : d.papers) out["papers"].push_back(paper_json(p));
  out["frameworks"] = Json::array();
  for (const auto& f : d.frameworks) {
    Json fj = Json::object();
    fj["id"] = f.id;
    fj["name"] = f.name;
    fj["url"] = f.url;
    fj["supports"] = f.supports;
    append_extra(fj, f.extra);
    out["frameworks"].push_back(std::move(fj));
  }
  append_extra(out, d.extra);
  return out;
}

std::string to_canonical_json(const CorpusData& data) {
  return corpus_to_json(data).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace papertree
