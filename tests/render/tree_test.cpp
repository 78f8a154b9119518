#include <gtest/gtest.h>

#include <sstream>

#include "papertree/embedded.hpp"
#include "papertree/json/load.hpp"
#include "papertree/render/tree.hpp"
#include "papertree/text/text.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string text_tree(const TreeOptions& options) {
  std::ostringstream out;
  render_tree_text(test::small_corpus(), options, out);
  return out.str();
}

TEST(TreeText, SubtreeWithCountsAndBoxDrawing) {
  TreeOptions options;
  options.root = *test::small_corpus().find_category("quantization");
  EXPECT_EQ(text_tree(options),
            "                                  direct  total\n"
            "Quantization                           0      3\n"
            "├── Post-Training Quantization         3      3\n"
            "└── Quantization-Aware Training        1      1\n");
}

TEST(TreeText, DepthLimitsLevelsBelowTheStart) {
  TreeOptions options;
  options.max_depth = 0;
  options.ascii = true;
  EXPECT_EQ(text_tree(options),
            "                            direct  total\n"
            "Small Test Survey                       6\n"
            "|-- Model-Centric Methods        0      6\n"
            "`-- Data-Centric Methods         0      1\n");
}

TEST(TreeText, WidthCutsNamesWithoutBreakingTheColumns) {
  TreeOptions options;
  options.root = *test::small_corpus().find_category("quantization");
  options.width = 40;
  std::string out = text_tree(options);
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) EXPECT_LE(display_width(line), 40u) << line;
  EXPECT_NE(out.find("…"), std::string::npos);
}

// Deep rows on a narrow terminal: the tree lines give way from the left instead of pushing the
// counts past the width (review finding: `stty cols 30; papertree tree`).
TEST(TreeText, DeepRowsFitANarrowWidth) {
  Corpus survey = load_corpus_text(embedded_corpus_json(), "survey");
  for (std::size_t width : {30u, 34u, 40u}) {
    TreeOptions options;
    options.width = width;
    std::ostringstream out;
    render_tree_text(survey, options, out);
    std::istringstream lines(out.str());
    std::string line;
    std::size_t rows = 0;
    while (std::getline(lines, line)) {
      EXPECT_LE(display_width(line), width) << line;
      ++rows;
    }
    EXPECT_GT(rows, 70u);  // the whole tree
  }
}

// --ids: an id is what people copy into commands, so a narrow width cuts the name beside it
// (review finding: `post-training-quant…` at 80 columns) and the counts keep their columns.
TEST(TreeText, IdsStayWholeAndTheirNamesGiveWay) {
  TreeOptions options;
  options.root = *test::small_corpus().find_category("quantization");
  options.ids = true;
  options.width = 80;
  EXPECT_EQ(text_tree(options),
            "                                                               direct  total\n"
            "Quantization  quantization                                          0      3\n"
            "├── Post-Training Quantization  post-training-quantization          3      3\n"
            "└── Quantization-Aware Training  quantization-aware-training        1      1\n");
  options.width = 60;
  EXPECT_EQ(text_tree(options),
            "                                               direct  total\n"
            "Quantization  quantization                          0      3\n"
            "├── Post-Traini…  post-training-quantization        3      3\n"
            "└── Quantizati…  quantization-aware-training        1      1\n");
}

// Where even a name cut to its first few characters leaves no room for the id, that row runs
// past the width; the rows that fit keep the counts in their columns.
TEST(TreeText, ARowWhoseIdCannotFitOverflowsAlone) {
  TreeOptions options;
  options.ids = true;
  options.max_depth = 1;
  options.width = 46;
  EXPECT_EQ(text_tree(options),
            "                                 direct  total\n"
            "Small Test Survey                            6\n"
            "├── Model-Cent…  model-centric        0      6\n"
            "│   ├── Mode…  model-compression        0      3\n"
            "│   └── Effi…  efficient-inference        0      3\n"
            "└── Data-Centri…  data-centric        0      1\n"
            "    ├── Prom…  prompt-compression        1      1\n"
            "    └── Attention  attention          0      0\n");
}

// The survey at common widths: every id whole; a line is exactly the width (counts aligned at
// its right edge) unless its name is already cut to the fewest columns it keeps.
TEST(TreeText, SurveyIdsAreWholeAtEveryWidth) {
  Corpus survey = load_corpus_text(embedded_corpus_json(), "survey");
  for (std::size_t width : {60u, 80u, 120u}) {
    TreeOptions options;
    options.ids = true;
    options.width = width;
    std::ostringstream out;
    render_tree_text(survey, options, out);
    for (const Category& c : survey.categories())
      EXPECT_NE(out.str().find("  " + c.id + " "), std::string::npos) << c.id << " at " << width;
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
      if (display_width(line) == width) continue;
      ASSERT_GT(display_width(line), width) << line;
      std::size_t name = line.find("── ") + std::string_view("── ").size();
      std::string shown = line.substr(name, line.find("  ", name) - name);
      EXPECT_EQ(display_width(shown), 5u) << line;
      EXPECT_TRUE(shown.ends_with("…")) << line;
    }
  }
}

TEST(TreeText, StyleWrapsNamesInEscapes) {
  TreeOptions options;
  options.root = *test::small_corpus().find_category("speculative-decoding");
  options.style.accent = "<a>";
  options.style.reset = "</>";
  EXPECT_NE(text_tree(options).find("<a>Speculative Decoding</>"), std::string::npos);
}

TEST(TreeText, CountColumnsWidenPastSixDigitsSoCountsNeverTouch) {
  EXPECT_EQ(tree_count_width(0), 7u);
  EXPECT_EQ(tree_count_width(999999), 7u);
  EXPECT_EQ(tree_count_width(1000000), 8u);
  EXPECT_EQ(tree_count_width(123456789012), 13u);
}

TEST(TreeJson, CountsAndPaths) {
  TreeOptions options;
  options.root = *test::small_corpus().find_category("efficient-inference");
  std::ostringstream out;
  render_tree_json(test::small_corpus(), options, out);
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["papers"], 3);
  const auto& node = doc["categories"][0];
  EXPECT_EQ(node["path"], "model-centric/efficient-inference");
  EXPECT_EQ(node["total"], 3);
  EXPECT_EQ(node["children"][1]["id"], "kv-cache-optimization");
  EXPECT_EQ(node["children"][1]["direct"], 2);
  EXPECT_EQ(node["children"][1]["depth"], 2);
}

}  // namespace
}  // namespace papertree
