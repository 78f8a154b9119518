#include <gtest/gtest.h>

#include <sstream>

#include "papertree/error.hpp"
#include "papertree/render/papers.hpp"
#include "papertree/text/text.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

const Corpus& corpus() {
  static const Corpus c = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "T",
    "taxonomy": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    "papers": [
      {"id": "gptq", "title": "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers",
       "year": 2023, "venue": "ICLR", "categories": ["a", "b"],
       "authors": [{"given": "Elias", "family": "Frantar"}, {"given": "Saleh", "family": "Ashkboos"},
                   {"given": "Dan", "family": "Alistarh"}],
       "links": [{"label": "Code", "url": "https://github.com/IST-DASLab/gptq"}]},
      {"id": "fa", "title": "FlashAttention", "year": 2022, "venue": "NeurIPS", "categories": ["a"],
       "authors": [{"given": "Tri", "family": "Dao"}, {"given": "Christopher", "family": "Ré"}]},
      {"id": "anon", "title": "Nobody Signed This", "year": 2021, "venue": "arXiv", "categories": ["b"]}
    ]})");
  return c;
}

const std::vector<PaperIndex> k_all = {0, 1, 2};

std::string table(PaperListOptions options) {
  std::ostringstream out;
  render_papers_table(corpus(), k_all, options, out);
  return out.str();
}

std::string plain(PaperListOptions options) {
  std::ostringstream out;
  render_papers_plain(corpus(), k_all, options, out);
  return out.str();
}

TEST(ParsePaperColumns, KeepsTheGivenOrder) {
  EXPECT_EQ(parse_paper_columns("code,title,id"),
            (std::vector<PaperColumn>{PaperColumn::code, PaperColumn::title, PaperColumn::id}));
  EXPECT_EQ(parse_paper_columns(" Year , authors"),
            (std::vector<PaperColumn>{PaperColumn::year, PaperColumn::authors}));
}

TEST(ParsePaperColumns, UnknownColumnNamesTheValidOnes) {
  try {
    parse_paper_columns("title,author");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "--columns: unknown column \"author\"; valid columns: id, year, venue, title, "
                 "authors, code, categories");
  }
  EXPECT_THROW(parse_paper_columns("title,,id"), UsageError);
  EXPECT_THROW(parse_paper_columns("id,id"), UsageError);
}

TEST(PapersTable, DefaultShowsShortAuthorsAndTheUrlWhenNothingIsCut) {
  EXPECT_EQ(
      table({}),
      "2023  ICLR     Frantar et al.  GPTQ: Accurate Post-Training Quantization for Generative "
      "Pre-trained Transformers  https://github.com/IST-DASLab/gptq\n"
      "2022  NeurIPS  Dao and Ré      FlashAttention                                            "
      "                         —\n"
      "2021  arXiv    —               Nobody Signed This                                        "
      "                         —\n");
}

TEST(PapersTable, DefaultGivesTheUrlThenTheAuthorsWayBeforeTheTitle) {
  PaperListOptions options;
  options.width = 100;
  std::string at_100 = table(options);
  EXPECT_NE(at_100.find("Frantar et al.  GPTQ"), std::string::npos);
  EXPECT_EQ(at_100.find("https://"), std::string::npos);
  EXPECT_NE(at_100.find("…  ✓\n"), std::string::npos);
  options.width = 50;
  EXPECT_EQ(table(options),
            "2023  ICLR     GPTQ: Accurate Post-Training Qu…  ✓\n"
            "2022  NeurIPS  FlashAttention\n"
            "2021  arXiv    Nobody Signed This\n");
}

TEST(PapersTable, NeverCutsAUrl) {
  PaperListOptions options;
  options.columns = {PaperColumn::code, PaperColumn::title};
  for (std::size_t width : {20, 40, 60, 75, 80, 120}) {
    options.width = width;
    std::string out = table(options);
    bool whole = out.find("https://github.com/IST-DASLab/gptq  GPTQ") != std::string::npos;
    EXPECT_TRUE(whole || out.find("https://") == std::string::npos) << width << ":\n" << out;
    EXPECT_EQ(whole, width >= 36 + 40) << width;
  }
}

TEST(PapersTable, HeaderNamesTheChosenColumnsAndTitleTakesTheRest) {
  PaperListOptions options;
  options.columns = {PaperColumn::id, PaperColumn::categories, PaperColumn::title};
  options.header = true;
  options.width = 40;
  EXPECT_EQ(table(options),
            "ID    Categories  Title\n"
            "gptq  a, b        GPTQ: Accurate Post-T…\n"
            "fa    a           FlashAttention\n"
            "anon  b           Nobody Signed This\n");
}

TEST(PapersTable, AnEmptyCellShowsADashSoNoRowIsBlank) {
  PaperListOptions options;
  options.columns = {PaperColumn::authors};
  EXPECT_EQ(table(options), "Frantar et al.\nDao and Ré\n—\n");
  options.columns = {PaperColumn::authors, PaperColumn::code};
  options.header = true;
  EXPECT_EQ(table(options),
            "Authors         Code\n"
            "Frantar et al.  https://github.com/IST-DASLab/gptq\n"
            "Dao and Ré      —\n"
            "—               —\n");
}

TEST(PapersTable, AChosenColumnEmptyForEveryPaperIsStillDrawn) {
  std::ostringstream out;
  PaperListOptions options;
  options.columns = {PaperColumn::authors, PaperColumn::code};
  options.header = true;
  render_papers_table(corpus(), std::vector<PaperIndex>{2}, options, out);
  EXPECT_EQ(out.str(), "Authors  Code\n—        —\n");
}

TEST(PapersTable, DefaultLeavesOutAColumnEmptyForEveryPaper) {
  std::ostringstream out;
  PaperListOptions options;
  options.header = true;
  options.width = 80;
  render_papers_table(corpus(), std::vector<PaperIndex>{1, 2}, options, out);
  EXPECT_EQ(out.str(),
            "Year  Venue    Authors     Title\n"
            "2022  NeurIPS  Dao and Ré  FlashAttention\n"
            "2021  arXiv    —           Nobody Signed This\n");
}

TEST(PapersTable, TheCodeMarkColumnHasAHeader) {
  PaperListOptions options;
  options.columns = {PaperColumn::title, PaperColumn::code};
  options.header = true;
  options.width = 50;
  EXPECT_EQ(table(options),
            "Title                                         Code\n"
            "GPTQ: Accurate Post-Training Quantization f…  ✓\n"
            "FlashAttention\n"
            "Nobody Signed This\n");
}

TEST(PapersTable, NarrowTerminalsDropColumnsSoTheTitleKeepsItsMinimum) {
  PaperListOptions options;
  options.columns = {PaperColumn::id,        PaperColumn::year,    PaperColumn::venue,
                     PaperColumn::title,     PaperColumn::authors, PaperColumn::code,
                     PaperColumn::categories};
  options.header = true;
  for (std::size_t width : {18, 30, 40, 50, 60, 70, 80, 100}) {
    options.width = width;
    std::string out = table(options);
    std::string header = out.substr(0, out.find('\n'));
    std::size_t title = header.find("Title");
    ASSERT_NE(title, std::string::npos) << width << ":\n" << out;
    std::string gptq = out.substr(out.find("gptq"));
    gptq = gptq.substr(0, gptq.find('\n'));
    EXPECT_LE(display_width(gptq), width) << width << ":\n" << out;
    EXPECT_GE(display_width(gptq.substr(title)), 12u) << width << ":\n" << out;
  }
  // At 40 columns categories and authors have gone, in that order; at 30 the venue too.
  options.width = 40;
  EXPECT_EQ(table(options),
            "ID    Year  Venue    Title          Code\n"
            "gptq  2023  ICLR     GPTQ: Accura…  ✓\n"
            "fa    2022  NeurIPS  FlashAttenti…\n"
            "anon  2021  arXiv    Nobody Signe…\n");
  options.width = 30;
  EXPECT_EQ(table(options),
            "ID    Year  Title         Code\n"
            "gptq  2023  GPTQ: Accur…  ✓\n"
            "fa    2022  FlashAttent…\n"
            "anon  2021  Nobody Sign…\n");
  // Narrower still, code and year go too; the id and the title always stay.
  options.width = 18;
  EXPECT_EQ(table(options),
            "ID    Title\n"
            "gptq  GPTQ: Accur…\n"
            "fa    FlashAttent…\n"
            "anon  Nobody Sign…\n");
}

TEST(PapersPlain, DefaultIsTheFixedLayout) {
  EXPECT_EQ(plain({}),
            "gptq\t2023\tICLR\tGPTQ: Accurate Post-Training Quantization for Generative "
            "Pre-trained Transformers\tcode\n"
            "fa\t2022\tNeurIPS\tFlashAttention\t\n"
            "anon\t2021\tarXiv\tNobody Signed This\t\n");
}

TEST(PapersPlain, ChosenColumnsAreTabSeparatedInOrder) {
  PaperListOptions options;
  options.columns = {PaperColumn::authors, PaperColumn::code, PaperColumn::categories};
  EXPECT_EQ(plain(options),
            "Frantar et al.\thttps://github.com/IST-DASLab/gptq\ta,b\n"
            "Dao and Ré\t\ta\n"
            "\t\tb\n");
}

}  // namespace
}  // namespace papertree
