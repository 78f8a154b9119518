#include <gtest/gtest.h>

#include <sstream>

#include "papertree/render/stats.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

TEST(ComputeStats, WholeCorpusCounts) {
  const Corpus& c = test::small_corpus();
  CorpusStats s = compute_stats(c);
  EXPECT_EQ(s.papers, 6u);
  EXPECT_EQ(s.placements, 9u);
  EXPECT_EQ(s.categories, 12u);
  EXPECT_EQ(s.frameworks, 2u);
  EXPECT_EQ(s.with_code, 2u);
  EXPECT_EQ(s.by_year, (std::vector<std::pair<int, std::size_t>>{{2022, 1}, {2023, 5}}));
  ASSERT_EQ(s.by_branch.size(), 2u);
  EXPECT_EQ(s.by_branch[0].id, "model-centric");
  EXPECT_EQ(s.by_branch[0].papers, 6u);
  ASSERT_EQ(s.by_kind.size(), 2u);
  EXPECT_EQ(s.by_kind[0].label, "paper");
  EXPECT_EQ(s.by_kind[0].papers, 5u);
}

TEST(ComputeStats, VenuesSortByCountThenNameIgnoringCase) {
  CorpusStats s = compute_stats(test::small_corpus());
  std::vector<std::string> venues;
  for (const StatsCount& v : s.by_venue) venues.push_back(v.label);
  EXPECT_EQ(venues,
            (std::vector<std::string>{"arXiv", "Blog", "EMNLP", "ICLR", "ICML", "NeurIPS"}));
}

TEST(ComputeStats, SubtreeCountsOnlyItsPapersAndPlacements) {
  const Corpus& c = test::small_corpus();
  CorpusStats s = compute_stats(c, c.find_category("quantization"));
  EXPECT_EQ(s.papers, 3u);
  EXPECT_EQ(s.placements, 4u);  // gptq, llm-int8 twice, sparsegpt
  EXPECT_EQ(s.categories, 3u);
  EXPECT_EQ(s.scope_name, "Model-Centric Methods / Model Compression / Quantization");
  ASSERT_EQ(s.by_branch.size(), 2u);
  EXPECT_EQ(s.by_branch[0].id, "post-training-quantization");
  EXPECT_EQ(s.by_branch[0].papers, 3u);
}

// At 40 columns the year bars take the room left (30); rows with long labels shrink their bars
// so that no line is wider than 40.
TEST(RenderStatsText, BarsScaleToTheWidth) {
  const Corpus& c = test::small_corpus();
  CorpusStats s = compute_stats(c, c.find_category("quantization"));
  StatsOptions o;
  o.width = 40;
  o.ascii = true;
  o.top_venues = 2;
  std::ostringstream out;
  render_stats_text(s, o, out);
  EXPECT_EQ(out.str(),
            "Small Test Survey / Model-Centric Methods / Model Compression / Quantization\n"
            "  Papers      3\n"
            "  Placements  4\n"
            "  Categories  3\n"
            "  Frameworks  2\n"
            "  With code   1 (33.3%)\n"
            "\n"
            "Papers per year\n"
            "  2022  ###############                1\n"
            "  2023  ############################## 2\n"
            "\n"
            "Top venues (2 of 3)\n"
            "  ICLR  ############################## 1\n"
            "  ICML  ############################## 1\n"
            "\n"
            "Papers per subcategory\n"
            "  Post-Training Quantization   ####### 3\n"
            "  Quantization-Aware Training  ##      1\n");
}

TEST(RenderStatsJson, DocumentedKeysInOrder) {
  const Corpus& c = test::small_corpus();
  std::ostringstream out;
  render_stats_json(compute_stats(c, c.find_category("data-centric")), c, out);
  EXPECT_EQ(out.str(), R"({
  "papers": 1,
  "placements": 1,
  "categories": 3,
  "frameworks": 2,
  "by_year": {
    "2023": 1
  },
  "by_venue": {
    "EMNLP": 1
  },
  "by_kind": {
    "paper": 1
  },
  "by_branch": [
    {
      "id": "prompt-compression",
      "name": "Prompt Compression",
      "papers": 1
    },
    {
      "id": "attention",
      "name": "Attention",
      "papers": 0
    }
  ],
  "with_code": 1,
  "code_share": 1.0,
  "scope": {
    "id": "data-centric",
    "name": "Data-Centric Methods",
    "path": "data-centric"
  }
}
)");
}

}  // namespace
}  // namespace papertree
