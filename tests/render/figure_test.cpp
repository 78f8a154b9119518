#include <gtest/gtest.h>

#include <sstream>

#include "papertree/render/figure.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

ExportSelection everything(const Corpus& c) {
  ExportSelection s;
  for (PaperIndex p = 0; p < c.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

ExportSelection only(const Corpus& c, std::initializer_list<std::string_view> ids) {
  ExportSelection s;
  for (std::string_view id : ids) s.papers.push_back(*c.find_paper(id));
  return s;
}

const FigureNode& child(const FigureNode& n, std::string_view label) {
  for (const FigureNode& c : n.children) {
    if (c.label == label) return c;
  }
  throw std::runtime_error("no child " + std::string(label));
}

std::vector<std::string> labels(const FigureNode& n) {
  std::vector<std::string> out;
  for (const FigureNode& c : n.children) out.push_back(c.label);
  return out;
}

template <ExportFunction F>
std::string render(const ExportSelection& s, ExportOptions o = {}) {
  std::ostringstream out;
  F(test::small_corpus(), s, o, out);
  return out.str();
}

TEST(BuildFigure, WholeCorpusRootIsTheSurveyWithItsBranches) {
  const Corpus& c = test::small_corpus();
  FigureNode root = build_figure(c, everything(c), {});
  EXPECT_EQ(root.kind, FigureNode::Kind::root);
  EXPECT_EQ(root.label, "Small Test Survey");
  EXPECT_EQ(root.count, 6u);
  EXPECT_EQ(labels(root),
            (std::vector<std::string>{"Model-Centric Methods", "Data-Centric Methods"}));
  EXPECT_EQ(child(root, "Model-Centric Methods").branch, 0);
  EXPECT_EQ(child(root, "Data-Centric Methods").branch, 1);
  EXPECT_EQ(child(child(root, "Data-Centric Methods"), "Attention").branch, 1);
}

TEST(BuildFigure, CountsOnlySelectedPapersOncePerSubtree) {
  const Corpus& c = test::small_corpus();
  // llm-int8 sits in both quantization children; it counts once for Quantization.
  FigureNode root = build_figure(c, only(c, {"llm-int8", "llmlingua"}), {});
  const FigureNode& model = child(root, "Model-Centric Methods");
  const FigureNode& quant = child(child(model, "Model Compression"), "Quantization");
  EXPECT_EQ(root.count, 2u);
  EXPECT_EQ(model.count, 2u);
  EXPECT_EQ(quant.count, 1u);
  EXPECT_EQ(child(quant, "Post-Training Quantization").count, 1u);
  EXPECT_EQ(child(child(model, "Model Compression"), "Parameter Pruning").count, 0u);
  EXPECT_EQ(child(root, "Data-Centric Methods").count, 1u);
}

TEST(CountInSubtrees, CountsEachPaperOncePerCategoryAndItsAncestors) {
  const Corpus& c = test::small_corpus();
  // llmlingua sits in prompt-compression and kv-cache-optimization, in different branches.
  std::vector<std::size_t> n = count_in_subtrees(c, only(c, {"llm-int8", "llmlingua"}).papers);
  EXPECT_EQ(n[*c.find_category("quantization")], 1u);
  EXPECT_EQ(n[*c.find_category("quantization-aware-training")], 1u);
  EXPECT_EQ(n[*c.find_category("model-centric")], 2u);
  EXPECT_EQ(n[*c.find_category("data-centric")], 1u);
  EXPECT_EQ(n[*c.find_category("prompt-compression")], 1u);
  EXPECT_EQ(n[*c.find_category("parameter-pruning")], 0u);
}

TEST(BuildFigure, DepthZeroKeepsOnlyTopLevelBranches) {
  const Corpus& c = test::small_corpus();
  FigureNode root = build_figure(c, everything(c), {false, false, 0});
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_TRUE(root.children[0].children.empty());
  EXPECT_TRUE(root.children[1].children.empty());
}

TEST(BuildFigure, DepthLimitGivesCutCategoriesTheirSubtreePapers) {
  const Corpus& c = test::small_corpus();
  FigureNode root = build_figure(c, everything(c), {false, true, 1});
  const FigureNode& compression = child(child(root, "Model-Centric Methods"), "Model Compression");
  EXPECT_EQ(labels(compression), (std::vector<std::string>{"GPTQ", "LLM.int8()", "SparseGPT"}));
  for (const FigureNode& leaf : compression.children) {
    EXPECT_EQ(leaf.kind, FigureNode::Kind::paper);
    EXPECT_EQ(leaf.level, 3);
  }
}

TEST(BuildFigure, WithPapersPutsDirectPapersBeforeSubcategories) {
  const Corpus& c = test::small_corpus();
  FigureNode root = build_figure(c, only(c, {"gptq", "sparsegpt"}), {false, true, -1});
  const FigureNode& ptq =
      child(child(child(child(root, "Model-Centric Methods"), "Model Compression"), "Quantization"),
            "Post-Training Quantization");
  EXPECT_EQ(labels(ptq), (std::vector<std::string>{"GPTQ", "SparseGPT"}));
}

TEST(BuildFigure, SubtreeRootIsTheCategoryAndItsChildrenAreBranches) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.root = *c.find_category("quantization");
  s.papers = c.papers_under(*s.root);
  FigureNode root = build_figure(c, s, {false, false, 0});
  EXPECT_EQ(root.kind, FigureNode::Kind::root);
  EXPECT_EQ(root.label, "Quantization");
  EXPECT_EQ(root.count, 3u);
  EXPECT_TRUE(root.children.empty());
  root = build_figure(c, s, {});
  EXPECT_EQ(labels(root), (std::vector<std::string>{"Post-Training Quantization",
                                                    "Quantization-Aware Training"}));
  EXPECT_EQ(root.children[1].branch, 1);
  EXPECT_EQ(root.children[1].level, 1);
}

TEST(PaperShortName, UsesTheShortPartBeforeTheColon) {
  EXPECT_EQ(paper_short_name("GPTQ: Accurate Quantization for Generative Pre-trained Transformers"),
            "GPTQ");
  EXPECT_EQ(paper_short_name("  LLM.int8(): 8-bit Matrix Multiplication"), "LLM.int8()");
}

TEST(PaperShortName, CutsLongTitlesAtAWordBoundary) {
  EXPECT_EQ(
      paper_short_name("Accelerating Large Language Model Decoding with Speculative Sampling"),
      "Accelerating Large Language Model…");
  EXPECT_EQ(paper_short_name("A Very Long Prefix That Goes On And On: Then A Subtitle Follows"),
            "A Very Long Prefix That Goes On And On…");
  EXPECT_EQ(paper_short_name("Flash-Decoding for Long-Context Inference"),
            "Flash-Decoding for Long-Context…");
  EXPECT_EQ(paper_short_name("Flash-Decoding for Long-Context Inferenc"),
            "Flash-Decoding for Long-Context Inferenc");
}

TEST(PaperShortName, CutsWideCharactersByColumns) {
  std::string cjk =
      "大型语言模型的高效推理综述大型语言模型的高效推理综述";  // 26 wide characters: 19 of them and
                                                               // "…" fill 39 columns
  EXPECT_EQ(paper_short_name(cjk), "大型语言模型的高效推理综述大型语言模型…");
}

TEST(DotQuote, EscapesQuotesBackslashesAndEntities) {
  EXPECT_EQ(dot_quote(R"(a "b" \c & <d>)"), R"("a \"b\" \\c &amp; <d>")");
  EXPECT_EQ(dot_quote("esc\x1b[0m"), R"("esc\\x1b[0m")");
}

TEST(MermaidQuote, WritesEntityCodesForCharactersMermaidReads) {
  EXPECT_EQ(mermaid_quote(R"(a "b" #1 & <i> `c` \d [e] {f} |g|)"),
            R"("a #quot;b#quot; #35;1 #amp; #lt;i#gt; #96;c#96; #92;d [e] {f} |g|")");
}

TEST(MermaidQuote, NoDirectiveOrCommentSurvivesInALabel) {
  std::string label = mermaid_quote("x %%{init: {'theme':'dark'}}%% 100%");
  EXPECT_EQ(label, "\"x #37;#37;{init: {'theme':'dark'}}#37;#37; 100#37;\"");
  EXPECT_EQ(label.find('%'), std::string::npos);
}

TEST(LatexEscape, EscapesEverySpecialCharacter) {
  EXPECT_EQ(latex_escape(R"(\ { } $ & # % _ ^ ~ < > | " ' `)"),
            R"(\textbackslash{} \{ \} \$ \& \# \% \_ \textasciicircum{} \textasciitilde{} )"
            R"(\textless{} \textgreater{} \textbar{} \textquotedbl{} \textquotesingle{} )"
            R"(\textasciigrave{})");
  EXPECT_EQ(latex_escape("a--b---c"), "a-{}-b-{}-{}-c");
}

TEST(LatexEscape, KeepsLatinLettersMapsGreekAndMarksOtherScripts) {
  EXPECT_EQ(latex_escape("Déjà Łódź – “q”…"), "Déjà Łódź – “q”…");
  EXPECT_EQ(latex_escape("μ-P and Ω"), "\\ensuremath{\\mu}-P and \\ensuremath{\\Omega}");
  EXPECT_EQ(latex_escape("∞-former ∗"), "\\ensuremath{\\infty}-former \\ensuremath{\\ast}");
  EXPECT_EQ(latex_escape("综述，＃１"), "[U+7EFC]\\allowbreak{}[U+8FF0]\\allowbreak{},\\#1");
  EXPECT_EQ(latex_escape("中ħ"), "[U+4E2D]\\allowbreak{}[U+0127]\\allowbreak{}");
  EXPECT_EQ(latex_escape("x\x1b"), "x\\textbackslash{}x1b");
}

TEST(ExportDot, DrawsALeftToRightTreeWithCountsAndBranchColours) {
  const Corpus& c = test::small_corpus();
  std::string dot = render<export_dot>(everything(c), {false, false, 0});
  EXPECT_NE(dot.find("digraph taxonomy {\n"), std::string::npos);
  EXPECT_NE(dot.find("rankdir=LR"), std::string::npos);
  EXPECT_NE(dot.find("  n1 [label=\"Model-Centric Methods (6)\", fillcolor=\"#DCE8F5\", "
                     "color=\"#4C78A8\", penwidth=1.6, fontsize=12];\n"),
            std::string::npos);
  EXPECT_NE(dot.find("  n0 -> n2 [color=\"#E07B1F\"];\n"), std::string::npos);
  EXPECT_TRUE(dot.ends_with("\n}\n"));
}

TEST(ExportMermaid, OneNodePerLineJoinedToItsParent) {
  const Corpus& c = test::small_corpus();
  std::string m = render<export_mermaid>(only(c, {"gptq"}), {false, true, 0});
  EXPECT_NE(m.find("flowchart LR\n"), std::string::npos);
  EXPECT_NE(m.find("  n0(\"Small Test Survey (1)\"):::root\n"
                   "  n0 --- n1(\"Model-Centric Methods (1)\"):::top0\n"
                   "  n1 --- n2[\"GPTQ\"]:::paper0\n"
                   "  n0 --- n3(\"Data-Centric Methods (0)\"):::top1\n"),
            std::string::npos);
}

TEST(ExportLatex, GroupsACategorysPapersInOneLeafBox) {
  const Corpus& c = test::small_corpus();
  std::string tex = render<export_latex>(everything(c), {false, true, -1});
  EXPECT_NE(tex.find("\\documentclass[border=10pt]{standalone}\n"), std::string::npos);
  EXPECT_NE(tex.find("\\usepackage[edges]{forest}\n"), std::string::npos);
  EXPECT_NE(tex.find("          [{Post-Training Quantization (3)}, cat=0\n"
                     "            [{GPTQ, LLM.int8(), SparseGPT}, papers=0]\n"
                     "          ]\n"),
            std::string::npos);
  EXPECT_NE(tex.find("      [{Attention (0)}, cat=1]\n"), std::string::npos);
  EXPECT_TRUE(tex.ends_with("\n\\end{forest}\n\\end{document}\n"));
}

TEST(ExportLatex, WrapsOnlyWidePaperBoxes) {
  const Corpus& c = test::small_corpus();
  std::string tex = render<export_latex>(everything(c), {false, true, 0});
  EXPECT_NE(
      tex.find(
          "    [{Model-Centric Methods (6)}, top=0\n"
          "      [{\\parbox{9cm}{\\raggedright GPTQ, LLM.int8(), SparseGPT, Accelerating Large "
          "Language Model…, Flash-Decoding for Long-Context…, LLMLingua}}, papers=0]\n"),
      std::string::npos);
  EXPECT_NE(tex.find("      [{LLMLingua}, papers=1]\n"), std::string::npos);
}

}  // namespace
}  // namespace papertree
