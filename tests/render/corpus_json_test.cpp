#include <gtest/gtest.h>

#include <sstream>

#include "papertree/json/load.hpp"
#include "papertree/render/corpus_json.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string json_of(const Corpus& corpus, const ExportSelection& selection) {
  std::ostringstream out;
  render_corpus_json(corpus, selection, {}, out);
  return out.str();
}

TEST(RenderCorpusJson, WholeCorpusRoundTripsToTheSameCanonicalJson) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  for (PaperIndex p = 0; p < c.papers().size(); ++p) s.papers.push_back(p);
  EXPECT_EQ(json_of(c, s), to_canonical_json(c.data()));
}

TEST(RenderCorpusJson, SubtreePrunesTaxonomyAndPaperCategories) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.root = *c.find_category("quantization");
  s.papers = c.papers_under(*s.root);
  Corpus sub = load_corpus_text(json_of(c, s), "sub.json");
  EXPECT_TRUE(check_consistency(sub).empty());
  ASSERT_EQ(sub.roots().size(), 1u);
  EXPECT_EQ(sub.category(sub.roots()[0]).id, "quantization");
  EXPECT_EQ(sub.categories().size(), 3u);
  ASSERT_EQ(sub.papers().size(), 3u);
  // sparsegpt also sits in parameter-pruning, which is outside the subtree.
  const Paper& sparsegpt = sub.paper(*sub.find_paper("sparsegpt"));
  EXPECT_EQ(sparsegpt.categories, std::vector<std::string>{"post-training-quantization"});
  EXPECT_TRUE(sub.frameworks().empty());
  EXPECT_EQ(sub.title(), "Small Test Survey");
}

TEST(RenderCorpusJson, FilteredSelectionKeepsOnlySelectedPapers) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.papers = {*c.find_paper("llmlingua")};
  Corpus sub = load_corpus_text(json_of(c, s), "sub.json");
  ASSERT_EQ(sub.papers().size(), 1u);
  EXPECT_EQ(sub.paper(0).categories,
            (std::vector<std::string>{"prompt-compression", "kv-cache-optimization"}));
  EXPECT_EQ(sub.frameworks().size(), 2u);
}

TEST(RenderCorpusJson, HostileCorpusReloadsUnchanged) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  ExportSelection s;
  s.root = *c.find_category("data-centric");
  s.papers = c.papers_under(*s.root);
  Corpus sub = load_corpus_text(json_of(c, s), "sub.json");
  const Paper& control = sub.paper(*sub.find_paper("control"));
  EXPECT_EQ(control.title, "Escape\x1b[31mRed\x1b[0m tab\there bell\x07 newline\nend");
  EXPECT_EQ(sub.papers().size(), 7u);
}

}  // namespace
}  // namespace papertree
