// The canonical JSON form of a corpus (docs/corpus-format.md, "Canonical form").
#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"

namespace papertree {

using Json = nlohmann::ordered_json;

namespace {

void append_extra(Json& out, const Json& extra) {
  if (!extra.is_object()) return;
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
  return json_text(corpus_to_json(data), 2) + "\n";
}

}  // namespace papertree
