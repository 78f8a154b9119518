#include <gtest/gtest.h>

#include "papertree/enrich/records.hpp"
#include "../../src/enrich/bibtex_syntax.hpp"
#include "papertree/error.hpp"

namespace papertree {
namespace {

std::string bib_error(const std::string& text) {
  try {
    read_bibtex(text, "refs.bib");
  } catch (const DataError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

std::string csl_error(const std::string& text) {
  try {
    read_csljson(text, "refs.json");
  } catch (const DataError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

TEST(LatexToUnicode, DecodesAccentsAndLetters) {
  EXPECT_EQ(latex_to_unicode("M{\\\"u}ller"), "Müller");
  EXPECT_EQ(latex_to_unicode("Sch\\\"olkopf"), "Schölkopf");
  EXPECT_EQ(latex_to_unicode("Ren{\\'e} and {\\'\\i}"), "René and í");
  EXPECT_EQ(latex_to_unicode("Fran\\c{c}ois \\v{S}imon"), "François Šimon");
  EXPECT_EQ(latex_to_unicode("Stra{\\ss}e {\\O}rsted \\l{}ukasz"), "Straße Ørsted łukasz");
  EXPECT_EQ(latex_to_unicode("Erd\\H{o}s"), "Erdős");
}

TEST(LatexToUnicode, UnescapesSpecialsAndDropsGrouping) {
  EXPECT_EQ(latex_to_unicode("{GPTQ}: Fast \\& {A}ccurate"), "GPTQ: Fast & Accurate");
  EXPECT_EQ(latex_to_unicode("100\\% of~it, pages 1--2 --- \\emph{really}"),
            "100% of it, pages 1–2 — really");
  EXPECT_EQ(latex_to_unicode("  two\n  lines  "), "two lines");
}

TEST(ArxivIdIn, ReadsEveryForm) {
  EXPECT_EQ(arxiv_id_in("2306.00978"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("2306.00978v2"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("arXiv:2306.00978"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("arXiv preprint arXiv:2210.17323"), "2210.17323");
  EXPECT_EQ(arxiv_id_in("https://arxiv.org/abs/2306.00978v3"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("https://arxiv.org/pdf/2306.00978.pdf"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("10.48550/arXiv.2306.00978"), "2306.00978");
  EXPECT_EQ(arxiv_id_in("https://arxiv.org/abs/cs/0112017"), "cs/0112017");
  EXPECT_EQ(arxiv_id_in("https://github.com/x/y"), "");
  EXPECT_EQ(arxiv_id_in("1234.5"), "");
}

TEST(NormalizeDoi, DropsTheResolver) {
  EXPECT_EQ(normalize_doi("https://doi.org/10.1145/ABC"), "10.1145/ABC");
  EXPECT_EQ(normalize_doi("doi:10.1/x"), "10.1/x");
  EXPECT_EQ(normalize_doi("not a doi"), "");
}

TEST(NormalizeTitle, FoldsCasePunctuationAccentsAndBraces) {
  EXPECT_EQ(normalize_title("{GPTQ}: Accurate Post-Training Quantization"),
            normalize_title("Gptq Accurate Post-training quantization"));
  EXPECT_EQ(normalize_title("Caf\\'{e} Na{\\\"i}ve"), "cafenaive");
  EXPECT_EQ(normalize_title("Show, Don’t Tell"), "showdonttell");
  EXPECT_EQ(normalize_title("Blockwise Self-Attention"),
            normalize_title("Blockwise selfattention"));
  EXPECT_EQ(normalize_title("Low-Rank"), normalize_title("low rank"));
}

TEST(ReadBibtex, StringsConcatenationBracesAndQuotes) {
  auto records = read_bibtex(R"(% a comment
@string{ conf = "Proc. of " }
@inproceedings{frantar2023gptq,
  title = {{GPTQ}: Accurate Post-Training Quantization},
  author = "Frantar, Elias and Ashkboos, Saleh and others",
  booktitle = conf # {ICLR},
  month = may,
  eprint = {2210.17323v2}, archivePrefix = {arXiv}
}
@misc{m, title = "Sch{\"o}n", author = {{OpenAI} and Ludwig van Beethoven and M{\"u}ller, Jr, Hans and li, tao},
  doi = {https://doi.org/10.1/ABC}}
)",
                             "refs.bib");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].key, "frantar2023gptq");
  EXPECT_EQ(records[0].line, 3u);
  EXPECT_EQ(records[0].title, "GPTQ: Accurate Post-Training Quantization");
  EXPECT_EQ(records[0].authors,
            (std::vector<Author>{{"Frantar", "Elias", ""}, {"Ashkboos", "Saleh", ""}}));
  EXPECT_TRUE(records[0].authors_truncated);
  EXPECT_EQ(records[0].arxiv, "2210.17323");
  EXPECT_EQ(records[1].title, "Schön");
  EXPECT_EQ(records[1].authors, (std::vector<Author>{{"", "", "OpenAI"},
                                                     {"van Beethoven", "Ludwig", ""},
                                                     {"Müller Jr", "Hans", ""},
                                                     {"li", "tao", ""}}));
  EXPECT_FALSE(records[1].authors_truncated);
  EXPECT_EQ(records[1].doi, "10.1/ABC");
  EXPECT_EQ(records[1].line, 10u);
}

TEST(ReadBibtex, ArxivIdFromUrlOrJournal) {
  auto records = read_bibtex(
      "@article{a, title={T}, journal={arXiv preprint arXiv:2401.00001}}\n"
      "@online{b, title={U}, url={https://arxiv.org/abs/2402.00002v1}}\n"
      "@misc{c, title={V}, eprint={hep-th/9901001}, eprinttype={arxiv}}\n",
      "refs.bib");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].arxiv, "2401.00001");
  EXPECT_EQ(records[1].arxiv, "2402.00002");
  EXPECT_EQ(records[2].arxiv, "hep-th/9901001");
}

TEST(ReadBibtex, MalformedInputNamesFileLineAndColumn) {
  EXPECT_EQ(bib_error("@article{a,\n  title = {T}\n  author = {B}\n}\n"),
            "refs.bib:3:3: expected ',' or '}' after a field, found \"a\"");
  EXPECT_EQ(bib_error("\n@article{a, title = {T}\n"),
            "refs.bib:2:1: this entry is not closed (the file ends inside it)");
  EXPECT_EQ(bib_error("@article{a, title = {T{x}\n"),
            "refs.bib:1:1: this entry is not closed: a '{' has no matching '}'");
  EXPECT_EQ(bib_error("@article{a, title = venue}"),
            "refs.bib:1:21: undefined @string macro \"venue\"");
  EXPECT_EQ(bib_error("@article{a, title {T}}"),
            "refs.bib:1:19: expected '=' after the field name, found \"{\"");
  EXPECT_EQ(bib_error("@article{a, title = \"T}"),
            "refs.bib:1:23: unbalanced '}' inside a quoted value");
  EXPECT_EQ(bib_error("@{a}"), "refs.bib:1:2: expected an entry type after '@', found \"{\"");
  EXPECT_EQ(bib_error("@article a"), "refs.bib:1:10: expected '{' after @article, found \"a\"");
}

// btparse keeps macro names in a fixed table that deleting macros does not free, and exits the
// process when it is full: a file with more macro-name bytes than it holds is refused, naming the
// first macro past the limit, and many files read in one process each start with a fresh table.
TEST(ReadBibtex, MacroNamesAreBoundedPerFile) {
  std::string text;
  std::size_t bytes = 0;
  int macros = 0;
  while (bytes <= detail::k_max_macro_name_bytes) {
    std::string name = "macro_name_" + std::to_string(macros++);
    bytes += name.size() + 1;
    text += "@string{" + name + " = \"v\"}\n";
  }
  EXPECT_EQ(bib_error(text), "refs.bib:" + std::to_string(macros) +
                                 ":9: the @string macros' names take more than 256 KiB in all, "
                                 "more than the BibTeX reader (btparse) holds");
  // btparse copies a redefined name again, so one name defined over and over counts each time.
  std::string again;
  for (int i = 0; i < 20000; ++i) again += "@string{m_000000000000000 = \"v\"}\n";
  EXPECT_NE(bib_error(again).find("the @string macros' names take more than 256 KiB"),
            std::string::npos);
}

TEST(ReadBibtex, ManyFilesInOneProcessDoNotFillBtparsesTables) {
  // 20 000 reads of a file defining a macro: 20 000 x (12 month names + "venue") is far more
  // than btparse's 400 960-byte table of names.
  const std::string text = "@string{venue_name = \"NeurIPS\"}\n@inproceedings{a, title = {T}, "
                           "booktitle = venue_name, year = 2024}\n";
  for (int i = 0; i < 20000; ++i) {
    auto records = read_bibtex(text, "refs.bib");
    ASSERT_EQ(records.size(), 1u) << i;
  }
}

TEST(ReadBibtex, EmptyOrCommentOnlyFileHasNoRecords) {
  EXPECT_TRUE(read_bibtex("", "refs.bib").empty());
  EXPECT_TRUE(read_bibtex("% nothing\n@comment{ x }\n", "refs.bib").empty());
}

TEST(ReadCsljson, ItemsWithLinesNamesAndIds) {
  auto records = read_csljson(R"([
  {"id": "a", "title": "<i>Big</i> Bird", "author": [{"family": "Dao", "given": "Tri"},
    {"literal": "OpenAI"}, {"family": "Beethoven", "non-dropping-particle": "van", "given": "L."},
    {"literal": "others"}],
   "DOI": "10.48550/arXiv.2306.00978"},
  {"id": "b", "title": "X", "URL": "https://arxiv.org/abs/2401.00001"}
])",
                              "refs.json");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 2u);
  EXPECT_EQ(records[0].title, "Big Bird");
  EXPECT_EQ(
      records[0].authors,
      (std::vector<Author>{{"Dao", "Tri", ""}, {"", "", "OpenAI"}, {"van Beethoven", "L.", ""}}));
  EXPECT_TRUE(records[0].authors_truncated);
  EXPECT_EQ(records[0].doi, "10.48550/arXiv.2306.00978");
  EXPECT_EQ(records[0].arxiv, "2306.00978");
  EXPECT_EQ(records[1].line, 6u);
  EXPECT_EQ(records[1].arxiv, "2401.00001");
}

TEST(ReadCsljson, MalformedInputNamesFileLineAndPath) {
  EXPECT_EQ(csl_error("[\n  {\"title\": \"x\",}\n]"),
            "refs.json:2:17: not valid CSL-JSON: syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
  EXPECT_EQ(csl_error("[\n {\"title\": \"x\"},\n 3\n]"),
            "refs.json:3: [1]: expected a CSL item (an object), found number");
  EXPECT_EQ(csl_error("[{\"title\": \"x\", \"author\": {\"family\": \"A\"}}]"),
            "refs.json:1: [0].author: expected an array of names, found object");
  EXPECT_EQ(csl_error("[{\"title\": [1]}]"),
            "refs.json:1: [0].title: expected a string, found array");
  EXPECT_EQ(csl_error("\"x\""), "refs.json:1:1: expected a CSL-JSON array of items, found string");
  // Found by fuzz_enrich: a number past a double's range threw out_of_range, not parse_error.
  EXPECT_EQ(csl_error("[\n  {\"title\": \"x\", \"issued\": 5e3333}\n]"),
            "refs.json:2:28: not valid CSL-JSON: the number \"5e3333\" is too large");
  // The number itself, not the same digits inside a string before it.
  EXPECT_EQ(csl_error("[{\"title\": \"5e3333 ways\", \"issued\": 5e3333}]"),
            "refs.json:1:37: not valid CSL-JSON: the number \"5e3333\" is too large");
}

// Numbers in CSL-JSON fields are read as written: a double would drop the arXiv id's last zero
// (2306.00970 -> 2306.0097) and show a 20-digit id as 1e+20.
TEST(ReadCsljson, NumbersAreReadAsWritten) {
  auto records = read_csljson(
      R"([{"id": 99999999999999999999, "title": "A", "number": 2306.00970,
           "author": [{"family": 12345678901234567890123, "given": "X"}]}])",
      "refs.json");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].key, "99999999999999999999");
  EXPECT_EQ(records[0].arxiv, "2306.00970");
  ASSERT_EQ(records[0].authors.size(), 1u);
  EXPECT_EQ(records[0].authors[0].family, "12345678901234567890123");
  EXPECT_EQ(csl_error("[\n {\"title\": \"x\"},\n 2.5\n]"),
            "refs.json:3: [1]: expected a CSL item (an object), found number");
  EXPECT_EQ(csl_error("[{\"title\": \"x\", \"author\": 1e20}]"),
            "refs.json:1: [0].author: expected an array of names, found number");
}

TEST(ReadRecords, PicksTheReaderByNameOrContent) {
  EXPECT_EQ(read_records("[{\"title\": \"A\"}]", "x.txt").size(), 1u);
  EXPECT_EQ(read_records("@misc{k, title={A}}", "x.txt").size(), 1u);
  EXPECT_EQ(read_records("[]", "refs.json").size(), 0u);
}

TEST(LatexToUnicode, AccentsComposeByUnicodesRules) {
  // Any accent command on any base letter that Unicode composes, not only Latin-1/Extended-A.
  EXPECT_EQ(latex_to_unicode("\\v{a} \\d{a} \\k{a} \\b{t} \\.{z} \\r{u} \\={o}"), "ǎ ạ ą ṯ ż ů ō");
  EXPECT_EQ(latex_to_unicode("\\v{q}"), "q");  // no such letter: the base stays
}

TEST(ReadBibtex, InvalidUtf8IsRefusedWithLineAndColumn) {
  try {
    read_bibtex("@misc{a,\n  title = {Caf\xe9 \xef\xbf\xbd}}\n", "refs.bib");
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "refs.bib:2:15: invalid UTF-8 (convert the file with iconv -t UTF-8)");
  }
  try {
    read_bibtex(std::string("@misc{a, title = {x\0y}}", 23), "refs.bib");
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "refs.bib:1:20: a NUL byte, which a BibTeX text file cannot hold");
  }
  // U+FFFD itself is valid text.
  EXPECT_EQ(read_bibtex("@misc{a, title = {x \xef\xbf\xbd}}", "refs.bib").size(), 1u);
}

TEST(ReadBibtex, AMalformedFileLeavesTheReaderReadyForTheNext) {
  // btparse keeps the file it reads until that file's end; a malformed entry in the middle must
  // not leave it there (btparse would exit the process on the next file).
  std::string bad =
      "@misc{a, title = {A}}\n@misc{b, title = {B} author = {C}}\n@misc{c, title = {C}}\n";
  EXPECT_THROW(read_bibtex(bad, "bad.bib"), DataError);
  EXPECT_EQ(read_bibtex("@misc{d, title = {D}}", "good.bib").size(), 1u);
}

TEST(ReadBibtex, NamesThatBtparseRefusesAreErrorsWithTheirColumn) {
  EXPECT_EQ(bib_error("@misc{a, title = {T},\n 1st = {x}}"),
            "refs.bib:2:2: a field name cannot start with a digit: \"1st\"");
  EXPECT_EQ(bib_error("@string{2024venue = {ICML}}"),
            "refs.bib:1:9: a macro name cannot start with a digit: \"2024venue\"");
}

TEST(ReadBibtex, TextBetweenEntriesAndEntriesWithoutFieldsAreSkippedQuietly) {
  // BibTeX's comments are the text outside entries; btparse warns about each on stderr, so it is
  // never shown them. An entry with a key and no field has nothing to read (btparse refuses it).
  testing::internal::CaptureStderr();
  auto records = read_bibtex(
      "Exported by hand, 2024.\n@misc{a, title = {A}}\nnotes, with commas\n@misc{empty}\n"
      "@misc(alsoempty,)\n@misc{b,\n title = {B}}\n",
      "refs.bib");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 2u);
  EXPECT_EQ(records[1].title, "B");
  EXPECT_EQ(records[1].line, 6u);
}

// btparse prints its warnings on stderr; read_bibtex hands them back instead, with their line,
// and writes nothing to stderr itself.
TEST(ReadBibtex, BtparsesWarningsAreReturnedNotPrinted) {
  std::vector<ReadWarning> warnings;
  testing::internal::CaptureStderr();
  auto records = read_bibtex(
      "@string{venue = \"ICML\"}\n@string{venue = \"NeurIPS\"}\n"
      "@misc{a, title = {A}, author = {Smith, John and and Doe}}\n"
      "@misc{b, title = {First},\n  author = {X Y},\n  TITLE = {Second}}\n",
      "refs.bib", &warnings);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(warnings, (std::vector<ReadWarning>{
                          {2, "overriding existing definition of macro \"venue\""},
                          {3, "empty name (name 2)"},
                          {6,
                           "entry \"b\" gives the field \"title\" again; the first one is read, as "
                           "BibTeX does"}}));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].title, "First");
  // Without a list to add them to, the warnings go nowhere.
  testing::internal::CaptureStderr();
  EXPECT_EQ(read_bibtex("@misc{a, title = {A}, author = {B and and C}}", "refs.bib").size(), 1u);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// papertree predefines the month macros, as BibTeX's styles do: a file defining them too is
// no warning, but redefining one of its own macros still is, a month's included.
TEST(ReadBibtex, AFileDefiningTheMonthsIsNoWarning) {
  std::vector<ReadWarning> warnings;
  auto records = read_bibtex(
      "@string{jan = \"January\"}\n@string{dec = \"Dec.\"}\n@string{janx = \"a\"}\n"
      "@string{janx = \"b\"}\n@misc{a, title = {A}, author = {X Y}, month = jan}\n"
      "@string{jan = \"Jan.\"}\n",
      "refs.bib", &warnings);
  EXPECT_EQ(records.size(), 1u);
  EXPECT_EQ(warnings,
            (std::vector<ReadWarning>{{4, "overriding existing definition of macro \"janx\""},
                                      {6, "overriding existing definition of macro \"jan\""}}));
  // Each file starts afresh: a second read defining the months once is no warning.
  std::vector<ReadWarning> again;
  read_bibtex("@string{jan = \"January\"}\n@misc{a, title = {A}, author = {X Y}}\n", "b.bib",
              &again);
  EXPECT_TRUE(again.empty());
}

TEST(ReadBibtex, ANameWithTooManyCommasIsStillOneName) {
  auto records = read_bibtex(
      "@misc{a, title = {T}, author = {Lee, Jr, Ann, B, C and Dao, Tri and Galstyan,, Aram}}",
      "refs.bib");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].authors.size(), 3u);
  EXPECT_EQ(records[0].authors[1].family, "Dao");
  EXPECT_EQ(records[0].authors[2].family, "Galstyan");
}

}  // namespace
}  // namespace papertree
