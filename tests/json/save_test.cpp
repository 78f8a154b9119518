#include <gtest/gtest.h>

#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"

namespace papertree {
namespace {

// to_canonical_json writes text directly; it must give the same bytes as dumping the DOM.
std::string via_dom(const CorpusData& d) {
  return json_text(corpus_to_json(d), 2) + "\n";
}

CorpusData awkward_corpus() {
  CorpusData d;
  d.title = "T \"quoted\" \\ back\tslash \u00e9 \u202e bidi \x7f del";
  d.source.url = "https://example.org/x";
  d.source.extra = {{"note", "n"}, {"deep", {{"a", {1, 2, {{"b", nullptr}}}}, {"e", {}}}}};
  CategoryNode leaf{"leaf", "Leaf \x01 ctl", {}, {{"x", true}}};
  d.taxonomy.push_back({"root", "Root", {leaf, {"empty", "", {}, nullptr}}, nullptr});
  Paper p;
  p.id = "p1";
  p.title = std::string("bad utf8 \xff\xfe end, \u4e2d\U0001F916");
  p.authors = {{"Frantar", "Elias", ""}, {"", "", "IST Austria"}, {"Solo", "", ""}};
  p.authors_truncated = true;
  p.year = 2023;
  p.links = {{"paper", "https://arxiv.org/abs/2210.17323"}, {"code", "https://x/\u2028"}};
  p.arxiv = "2210.17323";
  p.doi = "10.48550/arXiv.2210.17323";
  p.categories = {"leaf", "root"};
  p.added = "2023-10-05";
  p.ignore = {"title-prefix-repeated"};
  p.extra = {{"stars", 12}, {"tags", {"a", "b"}}, {"empty", nlohmann::ordered_json::array()}};
  d.papers.push_back(p);
  Paper bare;
  bare.id = "p2";
  d.papers.push_back(bare);
  d.frameworks.push_back({"f", "F", "https://f", {"training"}, {{"y", 1.5}}});
  d.frameworks.push_back({"g", "G", "", {}, nullptr});
  d.extra = {{"zz", {{"k", "v"}}}};
  return d;
}

TEST(CanonicalJson, DirectTextEqualsTheDomDump) {
  CorpusData d = awkward_corpus();
  EXPECT_EQ(to_canonical_json(d), via_dom(d));
}

TEST(CanonicalJson, EmptyCorpusEqualsTheDomDump) {
  CorpusData d;
  EXPECT_EQ(to_canonical_json(d), via_dom(d));
}

}  // namespace
}  // namespace papertree
