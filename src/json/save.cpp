// The canonical JSON form of a corpus (docs/corpus-format.md, "Canonical form").
#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"

#include "members.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace papertree {

using Json = nlohmann::ordered_json;

namespace {

// Unknown keys after the known ones. They were read from one object, so they are distinct and
// none is a known key: appended directly, in linear time however many there are.
void append_extra(Json& out, const Json& extra) {
  if (!extra.is_object()) return;
  for (auto it = extra.begin(); it != extra.end(); ++it)
    detail::append_member(out, it.key(), it.value());
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

// Writes the canonical text directly, without building the nlohmann DOM first: the same bytes as
// json_text(corpus_to_json(data), 2) (tests/json compare the two), in a fraction of the time.
// Strings of printable ASCII other than `"` and `\` are written as they are; any other string, and
// each unknown key's value, goes through json_text, so nlohmann's escaping and
// escape_json_controls apply to exactly the pieces they could change.
class CanonicalWriter {
 public:
  explicit CanonicalWriter(std::string& out) : m_out(out) {}

  void begin(char bracket) {
    m_out += bracket;
    m_first = true;
    ++m_depth;
  }
  // Closes an object or array: "{}" or "[]" when nothing was written into it.
  void end(char bracket) {
    --m_depth;
    if (!m_first) newline();
    m_out += bracket;
    m_first = false;
  }
  void key(std::string_view name) {
    item();
    string(name);
    m_out += ": ";
  }
  // Starts an array element.
  void item() {
    if (!m_first) m_out += ',';
    newline();
    m_first = false;
  }
  void string(std::string_view s) {
    if (plain_ascii(s)) {
      m_out += '"';
      m_out += s;
      m_out += '"';
      return;
    }
    m_out += json_text(Json(std::string(s)));
  }
  void number(long long n) { m_out += std::to_string(n); }
  void raw(std::string_view text) { m_out += text; }
  // A value from the unknown keys, dumped by nlohmann and indented to this depth. Raw newlines
  // only separate members there: inside strings they are escaped.
  void value(const Json& v) {
    std::string text = json_text(v, 2);
    std::string pad(static_cast<std::size_t>(m_depth) * 2, ' ');
    for (char c : text) {
      m_out += c;
      if (c == '\n') m_out += pad;
    }
  }
  void strings(const std::vector<std::string>& list) {
    if (list.empty()) {
      m_out += "[]";
      return;
    }
    begin('[');
    for (const std::string& s : list) {
      item();
      string(s);
    }
    end(']');
  }
  void extra(const Json& extra) {
    if (!extra.is_object()) return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
      key(it.key());
      value(it.value());
    }
  }

 private:
  static bool plain_ascii(std::string_view s) {
    for (char c : s) {
      auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') return false;
    }
    return true;
  }
  void newline() {
    m_out += '\n';
    m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
  }

  std::string& m_out;
  int m_depth = 0;
  bool m_first = true;
};

void write_category(CanonicalWriter& w, const CategoryNode& node) {
  w.begin('{');
  w.key("id");
  w.string(node.id);
  w.key("name");
  w.string(node.name);
  if (!node.children.empty()) {
    w.key("children");
    w.begin('[');
    for (const auto& child : node.children) {
      w.item();
      write_category(w, child);
    }
    w.end(']');
  }
  w.extra(node.extra);
  w.end('}');
}

void write_author(CanonicalWriter& w, const Author& a) {
  w.begin('{');
  if (!a.literal.empty()) {
    w.key("literal");
    w.string(a.literal);
  } else {
    w.key("family");
    w.string(a.family);
    if (!a.given.empty()) {
      w.key("given");
      w.string(a.given);
    }
  }
  w.end('}');
}

void write_paper(CanonicalWriter& w, const Paper& p) {
  w.begin('{');
  w.key("id");
  w.string(p.id);
  w.key("title");
  w.string(p.title);
  if (!p.authors.empty()) {
    w.key("authors");
    w.begin('[');
    for (const Author& a : p.authors) {
      w.item();
      write_author(w, a);
    }
    w.end(']');
  }
  if (p.authors_truncated) {
    w.key("authors_truncated");
    w.raw("true");
  }
  w.key("venue");
  w.string(p.venue);
  if (p.year != 0) {
    w.key("year");
    w.number(p.year);
  }
  w.key("kind");
  w.string(p.kind);
  w.key("links");
  if (p.links.empty()) {
    w.raw("[]");
  } else {
    w.begin('[');
    for (const Link& l : p.links) {
      w.item();
      w.begin('{');
      w.key("label");
      w.string(l.label);
      w.key("url");
      w.string(l.url);
      w.end('}');
    }
    w.end(']');
  }
  if (!p.arxiv.empty()) {
    w.key("arxiv");
    w.string(p.arxiv);
  }
  if (!p.doi.empty()) {
    w.key("doi");
    w.string(p.doi);
  }
  w.key("categories");
  w.strings(p.categories);
  if (!p.added.empty()) {
    w.key("added");
    w.string(p.added);
  }
  if (!p.ignore.empty()) {
    w.key("ignore");
    w.strings(p.ignore);
  }
  w.extra(p.extra);
  w.end('}');
}

void write_corpus(CanonicalWriter& w, const CorpusData& d) {
  w.begin('{');
  w.key("format");
  w.string("papertree-corpus");
  w.key("version");
  w.number(k_corpus_version);
  w.key("title");
  w.string(d.title);
  w.key("source");
  w.begin('{');
  w.key("url");
  w.string(d.source.url);
  w.key("commit");
  w.string(d.source.commit);
  w.key("arxiv");
  w.string(d.source.arxiv);
  w.key("citation");
  w.string(d.source.citation);
  w.extra(d.source.extra);
  w.end('}');
  w.key("taxonomy");
  w.begin('[');
  for (const auto& node : d.taxonomy) {
    w.item();
    write_category(w, node);
  }
  w.end(']');
  w.key("papers");
  w.begin('[');
  for (const auto& p : d.papers) {
    w.item();
    write_paper(w, p);
  }
  w.end(']');
  w.key("frameworks");
  w.begin('[');
  for (const auto& f : d.frameworks) {
    w.item();
    w.begin('{');
    w.key("id");
    w.string(f.id);
    w.key("name");
    w.string(f.name);
    w.key("url");
    w.string(f.url);
    w.key("supports");
    w.strings(f.supports);
    w.extra(f.extra);
    w.end('}');
  }
  w.end(']');
  w.extra(d.extra);
  w.end('}');
}

}  // namespace

Json author_to_json(const Author& a) {
  Json out = Json::object();
  if (!a.literal.empty()) {
    out["literal"] = a.literal;
    return out;
  }
  out["family"] = a.family;
  if (!a.given.empty()) out["given"] = a.given;
  return out;
}

Json paper_to_json(const Paper& p) {
  Json out = Json::object();
  out["id"] = p.id;
  out["title"] = p.title;
  if (!p.authors.empty()) {
    Json authors = Json::array();
    for (const Author& a : p.authors) authors.push_back(author_to_json(a));
    out["authors"] = std::move(authors);
  }
  if (p.authors_truncated) out["authors_truncated"] = true;
  out["venue"] = p.venue;
  if (p.year != 0) out["year"] = p.year;
  out["kind"] = p.kind;
  Json links = Json::array();
  for (const Link& l : p.links) links.push_back(Json{{"label", l.label}, {"url", l.url}});
  out["links"] = std::move(links);
  if (!p.arxiv.empty()) out["arxiv"] = p.arxiv;
  if (!p.doi.empty()) out["doi"] = p.doi;
  out["categories"] = p.categories;
  if (!p.added.empty()) out["added"] = p.added;
  if (!p.ignore.empty()) out["ignore"] = p.ignore;
  append_extra(out, p.extra);
  return out;
}

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
  for (const auto& p : d.papers) out["papers"].push_back(paper_to_json(p));
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
  std::string text;
  text.reserve(256 + data.papers.size() * 512);
  CanonicalWriter writer(text);
  write_corpus(writer, data);
  text += '\n';
  return text;
}

}  // namespace papertree
