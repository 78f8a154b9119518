#include <gtest/gtest.h>

#include <sstream>

#include "papertree/json/load.hpp"
#include "papertree/render/csv.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

ExportSelection whole(const Corpus& corpus) {
  ExportSelection s;
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

std::string csv_of(const Corpus& corpus, const ExportSelection& selection) {
  std::ostringstream out;
  render_csv(corpus, selection, {}, out);
  return out.str();
}

TEST(CsvField, PlainValuesStayUnquoted) {
  EXPECT_EQ(csv_field("GPTQ: Accurate"), "GPTQ: Accurate");
}

TEST(CsvField, CommasQuotesAndNewlinesAreQuotedWithDoubledQuotes) {
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
}

TEST(CsvField, ControlCharactersOtherThanTabAndNewlineBecomeSpaces) {
  EXPECT_EQ(csv_field("cr\rhere"), "cr here");
  EXPECT_EQ(csv_field("\x1b[31mred\x7f del\xc2\x9b c1 bell\x07"), " [31mred  del  c1 bell ");
  EXPECT_EQ(csv_field("tab\tand\nnewline"), "\"tab\tand\nnewline\"");
}

TEST(CsvField, FormulaStartsAreNeutralised) {
  EXPECT_EQ(csv_field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-1"), "'-1");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\tx"), "'\tx");
  EXPECT_EQ(csv_field("\rx"), " x");
  EXPECT_EQ(csv_field("=a,b"), "\"'=a,b\"");
}

TEST(CsvField, FormulasAfterLeadingWhitespaceOrControlsAreNeutralised) {
  EXPECT_EQ(csv_field(" =cmd"), "' =cmd");
  EXPECT_EQ(csv_field("\r=cmd"), "' =cmd");  // the CR becomes a space, then the guard
  EXPECT_EQ(csv_field("\n+1"), "\"'\n+1\"");
  EXPECT_EQ(csv_field("\t \t-1"), "'\t \t-1");
  EXPECT_EQ(csv_field("\x1b@SUM(A1)"), "' @SUM(A1)");
  EXPECT_EQ(csv_field("  plain"), "  plain");
}

TEST(RenderCsv, HeaderThenOneCrlfRowPerPaper) {
  const Corpus& c = test::small_corpus();
  std::string csv = csv_of(c, whole(c));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "id,title,venue,year,kind,arxiv,paper_url,code_url,categories");
  EXPECT_NE(
      csv.find("\r\ngptq,GPTQ: Accurate Quantization for Generative Pre-trained Transformers,ICLR,"
               "2023,paper,,https://openreview.net/forum?id=tcbBPnfwxS,"
               "https://github.com/IST-DASLab/gptq,post-training-quantization\r\n"),
      std::string::npos);
  EXPECT_NE(
      csv.find("\r\nllm-int8,LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale,"
               "NeurIPS,2022,paper,2208.07339,https://arxiv.org/abs/2208.07339,,"
               "post-training-quantization;quantization-aware-training\r\n"),
      std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
    ++rows;
  EXPECT_EQ(rows, 7u);
}

TEST(RenderCsv, CategoriesAreLimitedToTheExportedSubtree) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.root = *c.find_category("quantization-aware-training");
  s.papers = c.papers_under(*s.root);
  EXPECT_EQ(
      csv_of(c, s),
      "id,title,venue,year,kind,arxiv,paper_url,code_url,categories\r\n"
      "llm-int8,LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale,NeurIPS,2022,"
      "paper,2208.07339,https://arxiv.org/abs/2208.07339,,quantization-aware-training\r\n");
}

TEST(RenderCsv, HostileTitlesKeepEveryRowAtNineFields) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string csv = csv_of(c, whole(c));
  EXPECT_NE(csv.find("\r\nformula,'=cmd|' /C calc'!A0,arXiv,"), std::string::npos);
  EXPECT_NE(csv.find("\r\nlist-markers,'- 1. # Not a heading > nor a quote +plus @at,,,paper,"),
            std::string::npos);
  EXPECT_NE(csv.find("\"Escape [31mRed [0m tab\there bell  newline\nend\""), std::string::npos);
  // Count fields with an RFC 4180 reader: quoted fields may hold commas and line breaks.
  std::size_t fields = 1;
  std::size_t records = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char ch = csv[i];
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == ',') ++fields;
    if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      EXPECT_EQ(fields, 9u) << "record " << records;
      fields = 1;
      ++records;
    }
  }
  EXPECT_FALSE(quoted);
  EXPECT_EQ(records, c.papers().size() + 1);
}

}  // namespace
}  // namespace papertree
