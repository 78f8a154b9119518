#include "../json/members.hpp"
#include "../json/syntax.hpp"
#include "codec.hpp"

namespace papertree::snapshot_detail {

namespace {

// Deeper taxonomies than this are refused on reading, so a crafted file cannot exhaust the stack.
constexpr int k_max_depth = 32;

// Unknown keys: a count, then each member as its key and its value's JSON. Members are appended
// one by one without nlohmann's search for an existing key, so an object of n keys costs n steps,
// not n² (a corpus may hold 100 000 unknown keys: tests/e2e/bad_input.tsv).
void put_extra(ByteWriter& out, const ExtraKeys& extra) {
  if (!extra.is_object()) {
    out.u64(0);
    return;
  }
  out.u64(extra.size());
  for (const auto& [key, value] : extra.items()) {
    out.str(key);
    out.str(value.dump());
  }
}

ExtraKeys get_extra(ByteReader& in) {
  std::size_t members = in.count(9);  // a key (4 + 0 bytes), a value (4 + 1)
  if (members == 0) return nullptr;
  ExtraKeys extra = ExtraKeys::object();
  for (std::size_t i = 0; i < members; ++i) {
    std::string key = in.str();
    std::string text = in.str();
    // The JSON loader's nesting limit: nlohmann's dump() recurses, so deeper nesting read from a
    // crafted snapshot would exhaust the stack when the value is printed.
    if (detail::too_deep_at(text, detail::k_max_json_depth) != std::string_view::npos)
      throw MalformedSnapshot("unknown keys nested too deep");
    ExtraKeys value = ExtraKeys::parse(text, nullptr, false);
    if (value.is_discarded()) throw MalformedSnapshot("bad unknown keys");
    detail::append_member(extra, std::move(key), std::move(value));
  }
  return extra;
}

void put_node(ByteWriter& out, const CategoryNode& node) {
  out.str(node.id);
  out.str(node.name);
  put_extra(out, node.extra);
  out.u64(node.children.size());
  for (const auto& child : node.children) put_node(out, child);
}

CategoryNode get_node(ByteReader& in, int depth) {
  if (depth > k_max_depth) throw MalformedSnapshot("taxonomy too deep");
  CategoryNode node;
  node.id = in.str();
  node.name = in.str();
  node.extra = get_extra(in);
  node.children.resize(in.count(20));
  for (auto& child : node.children) child = get_node(in, depth + 1);
  return node;
}

}  // namespace

void put_paper(ByteWriter& out, const Paper& p) {
  out.str(p.id);
  out.str(p.title);
  out.u64(p.authors.size());
  for (const Author& a : p.authors) {
    out.str(a.family);
    out.str(a.given);
    out.str(a.literal);
  }
  out.u32(p.authors_truncated ? 1 : 0);
  out.str(p.venue);
  out.pod<std::int32_t>(p.year);
  out.str(p.kind);
  out.u64(p.links.size());
  for (const Link& l : p.links) {
    out.str(l.label);
    out.str(l.url);
  }
  out.str(p.arxiv);
  out.str(p.doi);
  put_strings(out, p.categories);
  out.str(p.added);
  put_strings(out, p.ignore);
  put_extra(out, p.extra);
}

Paper get_paper(ByteReader& in) {
  Paper p;
  p.id = in.str();
  p.title = in.str();
  p.authors.resize(in.count(12));
  for (Author& a : p.authors) {
    a.family = in.str();
    a.given = in.str();
    a.literal = in.str();
  }
  p.authors_truncated = in.u32() != 0;
  p.venue = in.str();
  p.year = in.pod<std::int32_t>();
  p.kind = in.str();
  p.links.resize(in.count(8));
  for (Link& l : p.links) {
    l.label = in.str();
    l.url = in.str();
  }
  p.arxiv = in.str();
  p.doi = in.str();
  p.categories = get_strings(in);
  p.added = in.str();
  p.ignore = get_strings(in);
  p.extra = get_extra(in);
  return p;
}

namespace {

void put_framework(ByteWriter& out, const Framework& f) {
  out.str(f.id);
  out.str(f.name);
  out.str(f.url);
  put_strings(out, f.supports);
  put_extra(out, f.extra);
}

Framework get_framework(ByteReader& in) {
  Framework f;
  f.id = in.str();
  f.name = in.str();
  f.url = in.str();
  f.supports = get_strings(in);
  f.extra = get_extra(in);
  return f;
}

}  // namespace

void put_strings(ByteWriter& out, const std::vector<std::string>& list) {
  out.u64(list.size());
  for (const auto& s : list) out.str(s);
}

std::vector<std::string> get_strings(ByteReader& in) {
  std::vector<std::string> list(in.count(4));
  for (auto& s : list) s = in.str();
  return list;
}

void encode_corpus_head(ByteWriter& out, const CorpusData& data) {
  out.str(data.title);
  out.str(data.source.url);
  out.str(data.source.commit);
  out.str(data.source.arxiv);
  out.str(data.source.citation);
  put_extra(out, data.source.extra);
  out.u64(data.taxonomy.size());
  for (const auto& node : data.taxonomy) put_node(out, node);
  out.u64(data.frameworks.size());
  for (const auto& f : data.frameworks) put_framework(out, f);
  put_extra(out, data.extra);
}

CorpusData decode_corpus_head(ByteReader& in) {
  CorpusData data;
  data.title = in.str();
  data.source.url = in.str();
  data.source.commit = in.str();
  data.source.arxiv = in.str();
  data.source.citation = in.str();
  data.source.extra = get_extra(in);
  data.taxonomy.resize(in.count(20));
  for (auto& node : data.taxonomy) node = get_node(in, 0);
  data.frameworks.resize(in.count(20));
  for (auto& f : data.frameworks) f = get_framework(in);
  data.extra = get_extra(in);
  return data;
}

}  // namespace papertree::snapshot_detail
