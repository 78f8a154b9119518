#include <gtest/gtest.h>

#include <sstream>

#include "papertree/json/load.hpp"
#include "papertree/render/bibtex.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

ExportSelection whole(const Corpus& corpus) {
  ExportSelection s;
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

std::string bibtex_of(const Corpus& corpus, const ExportSelection& selection) {
  std::ostringstream out;
  render_bibtex(corpus, selection, {}, out);
  return out.str();
}

Paper paper(std::string title, std::string venue, int year, std::string kind = "paper") {
  Paper p;
  p.id = "p";
  p.title = std::move(title);
  p.venue = std::move(venue);
  p.year = year;
  p.kind = std::move(kind);
  return p;
}

TEST(CitationKeys, FirstTitleWordAndYear) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(citation_keys(c),
            (std::vector<std::string>{"gptq2023", "llmint82022", "sparsegpt2023",
                                      "accelerating2023", "flashdecoding2023", "llmlingua2023"}));
}

TEST(CitationKeys, HyphenatedWordsStayWholeAndFunctionWordsAreSkipped) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [
      {"id": "p1", "title": "I-LLM: Efficient Integer-Only Inference", "year": 2024, "categories": ["a"]},
      {"id": "p2", "title": "On the Efficacy of Distillation", "year": 2024, "categories": ["a"]},
      {"id": "p3", "title": "No Token Left Behind", "year": 2024, "categories": ["a"]},
      {"id": "p4", "title": "E-Sparse: Boosting", "year": 2024, "categories": ["a"]},
      {"id": "p5", "title": "LM-Infinite: Simple", "year": 2024, "categories": ["a"]},
      {"id": "p6", "title": "P-Tuning v2", "year": 2022, "categories": ["a"]},
      {"id": "p7", "title": "Towards a Unified View of Attention", "year": 2023, "categories": ["a"]},
      {"id": "p8", "title": "Do Emergent Abilities Exist With and via and by from at is are to for in of an", "categories": ["a"]}]})");
  EXPECT_EQ(citation_keys(c),
            (std::vector<std::string>{"illm2024", "efficacy2024", "token2024", "esparse2024",
                                      "lminfinite2024", "ptuning2022", "unified2023", "emergent"}));
}

TEST(CitationKeys, CollisionsGetLetterSuffixesAndSkipArticlesAndDigits) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::vector<std::string> keys = citation_keys(c);
  EXPECT_EQ(keys[*c.find_paper("same-key-1")], "efficient2023a");
  EXPECT_EQ(keys[*c.find_paper("same-key-2")], "efficient2023b");
  EXPECT_EQ(keys[*c.find_paper("long-title")], "extremely2022");
  EXPECT_EQ(keys[*c.find_paper("list-markers")], "not");
  EXPECT_EQ(keys[*c.find_paper("cjk")], "cjk2023");
  EXPECT_EQ(keys[*c.find_paper("accents")], "deja2022");
}

TEST(CitationKeys, DoNotDependOnTheSelection) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.papers = {*c.find_paper("sparsegpt")};
  EXPECT_EQ(bibtex_of(c, s).rfind("@inproceedings{sparsegpt2023,", 0), 0u);
}

TEST(EntryKind, ByVenueAndKind) {
  EXPECT_EQ(entry_kind(paper("t", "ICML", 2023)), EntryKind::conference);
  EXPECT_EQ(entry_kind(paper("t", "TMLR", 2024)), EntryKind::journal);
  EXPECT_EQ(entry_kind(paper("t", "Journal of Foo", 2024)), EntryKind::journal);
  EXPECT_EQ(entry_kind(paper("t", "Arxiv", 2024)), EntryKind::preprint);
  EXPECT_EQ(entry_kind(paper("t", "Blog", 2024, "blog")), EntryKind::online);
  EXPECT_EQ(entry_kind(paper("t", "Website", 2024)), EntryKind::online);
}

TEST(BibtexText, EscapesLatexSpecials) {
  EXPECT_EQ(bibtex_text("100% & #1 $5 a_b", false), "100\\% \\& \\#1 \\$5 a\\_b");
  EXPECT_EQ(bibtex_text("{x} \\ ~ ^ < > |", false),
            "\\textbraceleft{}x\\textbraceright{} \\textbackslash{} \\textasciitilde{} "
            "\\textasciicircum{} \\textless{} \\textgreater{} \\textbar{}");
}

TEST(BibtexText, ProtectsCapitalisedWordsWithBraces) {
  EXPECT_EQ(bibtex_text("GPTQ: Accurate quantization for LLMs", true),
            "{GPTQ:} {Accurate} quantization for {LLMs}");
  EXPECT_EQ(bibtex_text("{LLM}", true), "{{\\textbraceleft{}LLM\\textbraceright{}}}");
}

TEST(BibtexText, NonAsciiBecomesAccentCommandsOrQuestionMarks) {
  EXPECT_EQ(bibtex_text("Déjà Über Łukasz ç ñ å ß", false),
            "D{\\'e}j{\\`a} {\\\"U}ber {\\L}ukasz {\\c{c}} {\\~n} {\\aa} {\\ss}");
  EXPECT_EQ(bibtex_text("naïve “quoted” – α", false), "na{\\\"\\i}ve ``quoted'' -- $\\alpha$");
  EXPECT_EQ(bibtex_text("効率 \u202eRLO", false), "?? RLO");
  EXPECT_EQ(bibtex_text("PanGu-Σ PanGu-π ∞-Bench ReST-MCTS∗ Α", false),
            "PanGu-$\\Sigma$ PanGu-$\\pi$ $\\infty$-Bench ReST-MCTS$\\ast$ A");
}

TEST(BibtexText, SharesTheLatexFiguresMathSymbolsAndDropsEveryMark) {
  // The one table of latex_text.cpp: the math symbols of the latex figure reach BibTeX too.
  EXPECT_EQ(bibtex_text("x ≤ y ≠ z → ∑ ο", false),
            "x $\\leq$ y $\\neq$ z $\\rightarrow$ $\\sum$ o");
  // Marks and format characters of any script are invisible: one '?' per letter.
  EXPECT_EQ(bibtex_text("हु a\u0332b\u2060c", false), "? abc");
}

TEST(BibtexText, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(bibtex_text("a\x1b[0m\nb", false), "a [0m b");
}

TEST(RenderBibtex, EntryTypesAndFields) {
  const Corpus& c = test::small_corpus();
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("@inproceedings{gptq2023,\n"
                     "  author = {{Unknown}},\n"
                     "  title = {{GPTQ:} {Accurate} {Quantization} for {Generative} {Pre-trained} "
                     "{Transformers}},\n"
                     "  booktitle = {{ICLR}},\n"
                     "  year = {2023},\n"
                     "  url = {https://openreview.net/forum?id=tcbBPnfwxS}\n}\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@misc{accelerating2023,\n"
                     "  author = {{Unknown}},\n"
                     "  title = {{Accelerating} {Large} {Language} {Model} {Decoding} with "
                     "{Speculative} {Sampling}},\n"
                     "  howpublished = {arXiv preprint arXiv:2302.01318},\n"
                     "  year = {2023},\n"
                     "  eprint = {2302.01318},\n"
                     "  archivePrefix = {arXiv},\n"
                     "  url = {https://arxiv.org/abs/2302.01318}\n}\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@misc{flashdecoding2023,\n"
                     "  author = {{Unknown}},\n"
                     "  title = {{Flash-Decoding} for {Long-Context} {Inference}},\n"
                     "  howpublished = {\\url{https://pytorch.org/blog/flash-decoding/}},\n"
                     "  note = {{Blog}},\n"
                     "  year = {2023},\n"
                     "  url = {https://pytorch.org/blog/flash-decoding/}\n}\n"),
            std::string::npos);
}

TEST(RenderBibtex, JournalsAndAuthors) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("@article{efficient2023b,\n  author = {{Unknown}},\n  title = {{Efficient} "
                     "{Attention,} {Again}},\n  journal = {{JMLR}},\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@inproceedings{deja2022,\n  author = {M{\\\"u}ller, J{\\\"u}rgen and "
                     "Lef{\\`e}vre, Fran{\\c{c}}ois and Kaiser, {\\L}ukasz},\n"),
            std::string::npos);
  // No venue and no year: a @misc, since @inproceedings would need both.
  EXPECT_NE(bib.find("@misc{not,\n  author = {{Unknown}},\n  title = {- 1. \\# {Not} a heading "
                     "{{\\textgreater{}}} nor a quote +plus @at}\n}\n"),
            std::string::npos);
}

TEST(RenderBibtex, UrlsPercentEncodeC1AndBidiControls) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(
      bib.find(
          "  url = {https://example.org/a%C2%85b%E2%80%AEc%E2%81%A6d%E2%80%8Fe%D8%9Cf%C2%9Bg}"),
      std::string::npos);
}

TEST(RenderBibtex, ScriptUrlsAreLeftOut) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string bib = bibtex_of(c, whole(c));
  std::size_t entry = bib.find("{script2024,");
  ASSERT_NE(entry, std::string::npos) << bib;
  std::string script_entry = bib.substr(entry, bib.find("\n}\n", entry) - entry);
  EXPECT_EQ(script_entry.find("url"), std::string::npos) << script_entry;
  EXPECT_EQ(bib.find("javascript"), std::string::npos);
}

TEST(RenderBibtex, BracesStayBalancedInEveryEntry) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string bib = bibtex_of(c, whole(c));
  int depth = 0;
  for (char ch : bib) {
    depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
  for (char ch : bib)
    EXPECT_TRUE(static_cast<unsigned char>(ch) < 0x80 && (ch >= 0x20 || ch == '\n'));
}

}  // namespace
}  // namespace papertree
