#include <gtest/gtest.h>

#include "papertree/corpus/corpus.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

TEST(CorpusCounts, SubtreeTotalsCountEachPaperOnce) {
  const Corpus& c = test::small_corpus();
  auto quant = *c.find_category("quantization");
  // gptq, llm-int8 (in both children) and sparsegpt.
  EXPECT_EQ(c.category(quant).total_papers, 3u);
  EXPECT_EQ(c.category(quant).direct_count, 0u);
  auto ptq = *c.find_category("post-training-quantization");
  EXPECT_EQ(c.category(ptq).direct_count, 3u);
  EXPECT_EQ(c.direct_papers(ptq).size(), 3u);
  auto model = *c.find_category("model-centric");
  EXPECT_EQ(c.category(model).total_papers, 6u);
  auto data = *c.find_category("data-centric");
  EXPECT_EQ(c.category(data).total_papers, 1u);
}

TEST(CorpusCounts, PlacementsCountEveryCategoryOfEveryPaper) {
  EXPECT_EQ(test::small_corpus().placement_count(), 9u);
}

TEST(CorpusTree, ParentsDepthsAndPaths) {
  const Corpus& c = test::small_corpus();
  auto ptq = *c.find_category("post-training-quantization");
  const Category& cat = c.category(ptq);
  EXPECT_EQ(cat.depth, 3);
  EXPECT_EQ(cat.path, "model-centric/model-compression/quantization/post-training-quantization");
  EXPECT_EQ(c.category(*cat.parent).id, "quantization");
  EXPECT_EQ(
      c.display_path(ptq),
      "Model-Centric Methods / Model Compression / Quantization / Post-Training Quantization");
  EXPECT_EQ(c.roots().size(), 2u);
}

TEST(CorpusTree, PapersUnderSubtreeAreDistinctAndInCorpusOrder) {
  const Corpus& c = test::small_corpus();
  auto under = c.papers_under(*c.find_category("model-compression"));
  std::vector<std::string> ids;
  for (auto p : under) ids.push_back(c.paper(p).id);
  EXPECT_EQ(ids, (std::vector<std::string>{"gptq", "llm-int8", "sparsegpt"}));
  auto direct = c.papers_under(*c.find_category("model-compression"), true);
  EXPECT_TRUE(direct.empty());
}

TEST(CorpusTree, ConsistencyHelperFindsNoProblemInFixtures) {
  EXPECT_TRUE(check_consistency(test::small_corpus()).empty());
}

TEST(CorpusLookup, FindsPapersAndCategoriesById) {
  const Corpus& c = test::small_corpus();
  ASSERT_TRUE(c.find_paper("sparsegpt"));
  EXPECT_EQ(c.paper(*c.find_paper("sparsegpt")).year, 2023);
  EXPECT_FALSE(c.find_paper("nope"));
  EXPECT_FALSE(c.find_category("nope"));
  EXPECT_TRUE(c.paper(*c.find_paper("gptq")).has_code());
  EXPECT_FALSE(c.paper(*c.find_paper("llm-int8")).has_code());
}

}  // namespace
}  // namespace papertree
