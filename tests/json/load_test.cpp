#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../../src/json/load_paths.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

// A minimal valid corpus with `papers` spliced in; `taxonomy` likewise.
std::string corpus_with(
    const std::string& papers,
    const std::string& taxonomy =
        R"([{"id": "a", "name": "A", "children": [{"id": "b", "name": "B"}]}])",
    const std::string& header = R"("format": "papertree-corpus", "version": 1, "title": "T")") {
  return "{" + header + R"(, "taxonomy": )" + taxonomy + R"(, "papers": )" + papers + "}";
}

const std::string k_paper =
    R"({"id": "p1", "title": "A Paper", "venue": "ICLR", "year": 2023, "categories": ["b"]})";

// Loads `text` and returns the DataError's message, failing the test if it loads.
std::string load_error(const std::string& text) {
  try {
    test::load(text);
  } catch (const DataError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::bad_data);
    return e.what();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

TEST(LoadCorpus, ValidMinimalCorpusLoads) {
  Corpus c = test::load(corpus_with("[" + k_paper + "]"));
  EXPECT_EQ(c.title(), "T");
  EXPECT_EQ(c.papers().size(), 1u);
  EXPECT_TRUE(check_consistency(c).empty());
}

TEST(LoadCorpus, SyntaxErrorReportsLineAndColumnWithCaret) {
  std::string text = "{\n  \"format\": \"papertree-corpus\",\n  \"version\": 1,,\n}";
  try {
    test::load(text);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 16u);
    EXPECT_EQ(std::string(e.what()),
              "t.json:3:16: invalid JSON: syntax error while parsing object key - unexpected ','; "
              "expected string "
              "literal");
    EXPECT_EQ(e.detail(), "    \"version\": 1,,\n                 ^");
  }
}

TEST(LoadCorpus, EmptyFileIsAClearError) {
  EXPECT_EQ(load_error(""), "t.json: the file is empty, expected a corpus JSON object");
  EXPECT_EQ(load_error(" \n\t"), "t.json: the file is empty, expected a corpus JSON object");
}

TEST(LoadCorpus, TruncatedFileReportsWhereItEnds) {
  std::string text = corpus_with("[" + k_paper + "]");
  text.resize(text.size() / 2);
  EXPECT_NE(load_error(text).find("t.json:1:"), std::string::npos);
}

TEST(LoadCorpus, BinaryGarbageIsASyntaxError) {
  std::string text(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00",
      9);
  EXPECT_EQ(load_error(text).rfind("t.json:1:1: invalid JSON: syntax error", 0), 0u);
}

TEST(LoadCorpus, DeepNestingIsRefusedWithoutCrashing) {
  std::string text = R"({"format": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(load_error(text), "t.json:1:139: JSON nested deeper than 128 levels");
}

TEST(LoadCorpus, RootMustBeAnObject) {
  EXPECT_EQ(load_error("[1, 2]"), "t.json: expected a corpus object, got an array");
}

TEST(LoadCorpus, WrongFormatMarker) {
  EXPECT_EQ(load_error(R"({"format": "zotero", "version": 1})"),
            "t.json: format: expected \"papertree-corpus\", got \"zotero\"");
  EXPECT_EQ(load_error(R"({"version": 1})"), "t.json: missing required key \"format\"");
}

TEST(LoadCorpus, NewerVersionSaysWhichVersionIsSupported) {
  EXPECT_EQ(
      load_error(R"({"format": "papertree-corpus", "version": 3})"),
      "t.json: version: corpus format version 3 is newer than this papertree supports (version 2); "
      "upgrade papertree");
  EXPECT_EQ(load_error(R"({"format": "papertree-corpus", "version": "1"})"),
            "t.json: version: expected an integer, got \"1\"");
}

TEST(LoadCorpus, WrongTypeNamesTheJsonPath) {
  std::string bad = R"({"id": "p1", "title": "A Paper", "year": "2023a", "categories": ["b"]})";
  EXPECT_EQ(load_error(corpus_with("[" + k_paper + ", " + bad + "]")),
            "t.json: papers[1].year: expected an integer, got \"2023a\"");
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": ["x"], "categories": ["b"]}])")),
            "t.json: papers[0].title: expected a string, got an array");
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": "b"}])")),
            "t.json: papers[0].categories: expected an array of strings, got \"b\"");
  EXPECT_EQ(
      load_error(corpus_with(
          R"([{"id": "p1", "title": "x", "links": [{"label": "Paper"}], "categories": ["b"]}])")),
      "t.json: papers[0].links[0]: missing required key \"url\"");
}

TEST(LoadCorpus, MissingRequiredKeysAreNamed) {
  EXPECT_EQ(load_error(corpus_with(R"([{"title": "x", "categories": ["b"]}])")),
            "t.json: papers[0]: missing required key \"id\"");
  EXPECT_EQ(
      load_error(R"({"format": "papertree-corpus", "version": 1, "title": "T", "taxonomy": []})"),
      "t.json: missing required key \"papers\"");
}

TEST(LoadCorpus, UnknownCategoryIsAnError) {
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": ["b", "zzz"]}])")),
            "t.json: papers[0].categories[1]: unknown category \"zzz\" (not in the taxonomy)");
}

TEST(LoadCorpus, DuplicatePaperIdsAreAnError) {
  EXPECT_EQ(load_error(corpus_with("[" + k_paper + ", " + k_paper + "]")),
            "t.json: papers[1].id: duplicate paper id \"p1\" (first used at papers[0])");
}

TEST(LoadCorpus, DuplicateCategoryIdsAnywhereInTheTreeAreAnError) {
  std::string taxonomy =
      R"([{"id": "a", "name": "A", "children": [{"id": "b", "name": "B"}]}, {"id": "b", "name": "C"}])";
  EXPECT_EQ(load_error(corpus_with("[]", taxonomy)),
            "t.json: taxonomy[1].id: duplicate category id \"b\" (first used at "
            "taxonomy[0].children[0])");
}

TEST(LoadCorpus, EmptyTitleIsAnError) {
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "  ", "categories": ["b"]}])")),
            "t.json: papers[0].title: a paper title must not be empty");
}

TEST(LoadCorpus, IdsMustBeSlugs) {
  EXPECT_EQ(load_error(corpus_with("[]", R"([{"id": "Bad Id", "name": "A"}])")),
            "t.json: taxonomy[0].id: category id \"Bad Id\" is not a lowercase slug (a-z, 0-9 and "
            "single '-')");
  EXPECT_EQ(
      load_error(corpus_with(R"([{"id": "p_1", "title": "x", "categories": ["b"]}])")),
      "t.json: papers[0].id: paper id \"p_1\" is not a lowercase slug (a-z, 0-9 and single '-')");
}

TEST(LoadCorpus, PaperWithoutCategoryIsAnError) {
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": []}])")),
            "t.json: papers[0].categories: a paper must sit in at least one category");
}

TEST(LoadCorpus, YearOutOfRangeIsAnError) {
  EXPECT_EQ(load_error(
                corpus_with(R"([{"id": "p1", "title": "x", "year": 99999, "categories": ["b"]}])")),
            "t.json: papers[0].year: year 99999 is out of range 0..9999");
}

// A taxonomy `levels` deep: one chain of categories c0 > c1 > ….
std::string taxonomy_chain(int levels) {
  std::string taxonomy;
  for (int i = 0; i < levels; ++i) {
    taxonomy += R"({"id": "c)" + std::to_string(i) + R"(", "name": "C")";
    if (i + 1 < levels) taxonomy += R"(, "children": [)";
  }
  for (int i = 0; i < levels; ++i) taxonomy += i == 0 ? "}" : "]}";
  return "[" + taxonomy + "]";
}

TEST(LoadCorpus, ThirtyTwoTaxonomyLevelsLoadAndThirtyThreeAreRefused) {
  EXPECT_NO_THROW(test::load(corpus_with("[]", taxonomy_chain(32))));
  std::string msg = load_error(corpus_with("[]", taxonomy_chain(33)));
  std::string path = "taxonomy[0]";
  for (int i = 0; i < 32; ++i) path += ".children[0]";
  EXPECT_EQ(msg, "t.json: " + path + ": the taxonomy is nested deeper than 32 levels");
}

TEST(LoadCorpus, IntegersPastTwoToTheSixtyThreeAreOutOfRangeNeverNegative) {
  auto year_error = [](const std::string& year) {
    return load_error(corpus_with(R"([{"id": "p1", "title": "x", "year": )" + year +
                                  R"(, "categories": ["b"]}])"));
  };
  EXPECT_EQ(year_error("9223372036854775808"),
            "t.json: papers[0].year: year 9223372036854775808 is out of range 0..9999");
  EXPECT_EQ(year_error("18446744073709551615"),
            "t.json: papers[0].year: year 18446744073709551615 is out of range 0..9999");
  EXPECT_EQ(year_error("100000000000000000000"),
            "t.json: papers[0].year: year 100000000000000000000 is out of range 0..9999");
  EXPECT_EQ(year_error("-9223372036854775809"),
            "t.json: papers[0].year: year -9223372036854775809 is out of range 0..9999");
  EXPECT_EQ(year_error("2023.5"), "t.json: papers[0].year: expected an integer, got 2023.5");
  EXPECT_EQ(load_error(corpus_with(
                "[]", R"([{"id": "b", "name": "B"}])",
                R"("format": "papertree-corpus", "version": 18446744073709551615, "title": "T")")),
            "t.json: version: corpus format version 18446744073709551615 is newer than this "
            "papertree supports (version 2); upgrade papertree");
}

// nlohmann reads a number past 64 bits as floating point (99999999999999999999 as 1e+20): the
// message quotes it as the file has it, wherever it stands.
TEST(LoadCorpus, NumbersInMessagesAreQuotedAsWritten) {
  auto paper_error = [](const std::string& members) {
    return load_error(corpus_with(R"([{"id": "p1", "categories": ["b"], )" + members + "}]"));
  };
  EXPECT_EQ(paper_error(R"("title": "x", "year": 99999999999999999999)"),
            "t.json: papers[0].year: year 99999999999999999999 is out of range 0..9999");
  EXPECT_EQ(paper_error(R"("title": "x", "year": 1E20)"),
            "t.json: papers[0].year: year 1E20 is out of range 0..9999");
  EXPECT_EQ(paper_error(R"("title": 99999999999999999999)"),
            "t.json: papers[0].title: expected a string, got 99999999999999999999");
  EXPECT_EQ(paper_error(R"("title": "x", "year": 2023.50)"),
            "t.json: papers[0].year: expected an integer, got 2023.50");
  EXPECT_EQ(paper_error(R"("title": "x", "venue": -0.000)"),
            "t.json: papers[0].venue: expected a string, got -0.000");
  EXPECT_EQ(paper_error(R"("title": "x", "year": 1)" + std::string(300, '0')),
            "t.json: papers[0].year: year 1" + std::string(39, '0') +
                "… (a number of 301 characters) is out of range 0..9999");
  EXPECT_EQ(load_error(corpus_with("[]", R"([{"id": "b", "name": "B"}])",
                                   R"("format": "papertree-corpus", "version": )"
                                   R"(99999999999999999999, "title": "T")")),
            "t.json: version: corpus format version 99999999999999999999 is newer than this "
            "papertree supports (version 2); upgrade papertree");
  EXPECT_EQ(
      load_error(corpus_with("[]", R"([{"id": "b", "name": "B"}])",
                             R"("format": "papertree-corpus", "version": 1.0, "title": "T")")),
      "t.json: version: expected an integer, got 1.0");
}

// The DOM keeps floating-point numbers with their text for messages; kept unknown keys hold
// them as numbers again.
TEST(LoadCorpus, FloatsInUnknownKeysStayNumbers) {
  std::string text = corpus_with(
      R"([{"id": "p1", "title": "x", "categories": ["b"], "score": 2.50, "big": [1e20]}])",
      R"([{"id": "b", "name": "B", "weight": 0.5}])",
      R"("format": "papertree-corpus", "version": 1, "title": "T", "ratio": 1.25)");
  CorpusData d = parse_corpus(text, "t.json");
  ASSERT_EQ(d.papers.size(), 1u);
  EXPECT_TRUE(d.papers[0].extra["score"].is_number_float());
  EXPECT_EQ(d.papers[0].extra["score"].get<double>(), 2.5);
  EXPECT_EQ(d.papers[0].extra["big"][0].get<double>(), 1e20);
  EXPECT_EQ(d.taxonomy[0].extra["weight"].get<double>(), 0.5);
  EXPECT_EQ(d.extra["ratio"].get<double>(), 1.25);
}

TEST(LoadCorpus, BytesAfterANulAreNotIgnored) {
  std::string text = corpus_with("[" + k_paper + "]");
  text += std::string("\0garbage", 8);
  try {
    test::load(text);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.json:1:" + std::to_string(text.size() - 7) +
                  ": a NUL byte, which JSON text cannot hold (is this a binary file?)");
  }
}

TEST(LoadCorpus, ALongLineOfControlBytesIsNotQuoted) {
  // The line is left out of the message before it is escaped: escaping 4 MB of control bytes
  // would take 16 MB for an excerpt that is then dropped.
  std::string text(4'000'000, '\x01');
  try {
    test::load(text);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_TRUE(e.detail().empty()) << e.detail().substr(0, 80);
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.where().column, 1u);
  }
  text = std::string("{\x01}");
  try {
    test::load(text);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(e.detail().find("\\x01"), std::string::npos) << e.detail();  // a short one is
  }
}

TEST(LoadCorpus, DuplicateKeysAreAnErrorNamingBothPlaces) {
  std::string top =
      "{\n  \"format\": \"papertree-corpus\",\n  \"version\": 2,\n"
      "  \"title\": \"T\",\n  \"title\": \"U\",\n"
      "  \"taxonomy\": [], \"papers\": []\n}";
  try {
    test::load(top);
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.json:5:3: duplicate key \"title\" in one object (first at 4:3)");
    EXPECT_EQ(e.detail(), "    \"title\": \"U\",\n    ^");
  }
  // In a paper (the fast reader gives up, the precise path reports), in a link, in a category.
  EXPECT_EQ(
      load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": ["b"], "title": "y"}])")),
      "t.json:1:199: duplicate key \"title\" in one object (first at 1:164)");
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": ["b"],)"
                                   R"( "links": [{"label": "a", "url": "u", "url": "v"}]}])")),
            "t.json:1:236: duplicate key \"url\" in one object (first at 1:224)");
  EXPECT_EQ(load_error(corpus_with("[]", R"([{"id": "b", "name": "B", "id": "c"}])")),
            "t.json:1:98: duplicate key \"id\" in one object (first at 1:74)");
}

TEST(LoadCorpus, NullInAnyPaperFieldIsReportedAtItsOwnPath) {
  const std::pair<const char*, const char*> fields[] = {{"id", "a string"},
                                                        {"title", "a string"},
                                                        {"venue", "a string"},
                                                        {"year", "an integer"},
                                                        {"kind", "a string"},
                                                        {"links", "an array of links"},
                                                        {"arxiv", "a string"},
                                                        {"doi", "a string"},
                                                        {"categories", "an array of strings"},
                                                        {"added", "a string"},
                                                        {"ignore", "an array of strings"},
                                                        {"authors", "an array of authors"},
                                                        {"authors_truncated", "true or false"}};
  for (const auto& [field, expected] : fields) {
    nlohmann::json p = nlohmann::json::parse(R"({"id": "p2", "title": "y", "categories": ["b"]})");
    p[field] = nullptr;
    EXPECT_EQ(load_error(corpus_with("[" + k_paper + ", " + p.dump() + "]")),
              std::string("t.json: papers[1].") + field + ": expected " + expected + ", got null")
        << field;
  }
}

TEST(LoadCorpus, ObjectWithManyKeysLoadsInLinearTime) {
  std::string paper = R"({"id": "p1", "title": "x", "categories": ["b"])";
  for (int i = 0; i < 200000; ++i) paper += ", \"k" + std::to_string(i) + "\": 1";
  paper += "}";
  auto start = std::chrono::steady_clock::now();
  Corpus c = test::load(corpus_with("[" + paper + "]"));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(c.papers()[0].extra.size(), 200000u);
  EXPECT_LT(seconds, 30.0) << "200 000 keys took " << seconds << " s";
}

TEST(LoadCorpus, DeepTaxonomyIsRefused) {
  std::string taxonomy;
  for (int i = 0; i < 40; ++i)
    taxonomy += R"({"id": "c)" + std::to_string(i) + R"(", "name": "C", "children": [)";
  taxonomy += std::string("]}");
  for (int i = 1; i < 40; ++i) taxonomy += "]}";
  std::string msg = load_error(corpus_with("[]", "[" + taxonomy + "]"));
  EXPECT_NE(msg.find("the taxonomy is nested deeper than 32 levels"), std::string::npos) << msg;
}

TEST(LoadCorpus, UnknownKeysSurviveARewrite) {
  std::string text = corpus_with(
      R"([{"id": "p1", "title": "x", "categories": ["b"], "note": {"k": [1, 2]}, "x-tag": "t"}])",
      R"([{"id": "b", "name": "B", "color": "red"}])",
      R"("format": "papertree-corpus", "version": 1, "title": "T", "maintainer": "me")");
  std::string once = to_canonical_json(parse_corpus(text, "t.json"));
  EXPECT_NE(once.find(R"("x-tag": "t")"), std::string::npos);
  EXPECT_NE(once.find(R"("color": "red")"), std::string::npos);
  EXPECT_NE(once.find(R"("maintainer": "me")"), std::string::npos);
  EXPECT_EQ(to_canonical_json(parse_corpus(once, "t.json")),
            once);  // canonical form is a fixed point
}

TEST(LoadCorpus, KeyOrderDoesNotMatterAndNestedPapersKeysAreNotStreamed) {
  std::string text =
      R"({"papers": [{"id": "p1", "title": "x", "categories": ["b"], "x": {"papers": [1]}}],
    "taxonomy": [{"id": "b", "name": "B"}], "title": "T", "version": 1, "format": "papertree-corpus"})";
  Corpus c = test::load(text);
  ASSERT_EQ(c.papers().size(), 1u);
  EXPECT_EQ(c.paper(0).extra["x"]["papers"][0], 1);
}

TEST(LoadCorpus, PapersMustBeAnArray) {
  EXPECT_EQ(load_error(corpus_with(R"({"id": "p1"})")),
            "t.json: papers: expected an array of papers, got an object");
  EXPECT_EQ(load_error(corpus_with(R"([{"id": "p1", "title": "x", "categories": ["b"]}, 7])")),
            "t.json: papers[1]: expected a paper object, got 7");
}

TEST(LoadCorpus, MissingFileIsAnIoError) {
  try {
    load_corpus_file("/nonexistent/corpus.json");
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::io);
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/corpus.json: cannot open: No such file or directory");
  }
}

const std::string k_version1 = R"("format": "papertree-corpus", "version": 1, "title": "T")";

TEST(LoadCorpus, Version1AuthorStringsAreSplitIntoNames) {
  CorpusData d = parse_corpus(corpus_with(R"([{"id": "p", "title": "t", "categories": ["b"],
                       "authors": ["Elias Frantar", "Ludwig van Beethoven", "Dao, Tri", "OpenAI"]}])",
                                          R"([{"id": "b", "name": "B"}])", k_version1),
                              "t.json");
  ASSERT_EQ(d.papers.size(), 1u);
  EXPECT_EQ(d.papers[0].authors, (std::vector<Author>{{"Frantar", "Elias", ""},
                                                      {"van Beethoven", "Ludwig", ""},
                                                      {"Dao", "Tri", ""},
                                                      {"", "", "OpenAI"}}));
  // Written back as version 2, with name objects.
  std::string canonical = to_canonical_json(d);
  EXPECT_NE(canonical.find("\"version\": 2,"), std::string::npos);
  EXPECT_NE(
      canonical.find("{\n          \"family\": \"Frantar\",\n          \"given\": \"Elias\"\n"),
      std::string::npos)
      << canonical;
}

TEST(LoadCorpus, Version2KeysLoadAndAreWrittenInCanonicalOrder) {
  std::string text = corpus_with(
      R"([{"ignore": ["title-prefix-repeated"], "added": "2023-10-05", "categories": ["b"],
           "doi": "10.48550/arXiv.2210.17323", "arxiv": "2210.17323", "authors_truncated": true,
           "authors": [{"given": "Elias", "family": "Frantar"}, {"literal": "IST Austria"}],
           "title": "GPTQ", "id": "gptq"}])");
  CorpusData d = parse_corpus(text, "t.json");
  const Paper& p = d.papers.at(0);
  EXPECT_EQ(p.authors, (std::vector<Author>{{"Frantar", "Elias", ""}, {"", "", "IST Austria"}}));
  EXPECT_TRUE(p.authors_truncated);
  EXPECT_EQ(p.doi, "10.48550/arXiv.2210.17323");
  EXPECT_EQ(p.added, "2023-10-05");
  EXPECT_EQ(p.ignore, (std::vector<std::string>{"title-prefix-repeated"}));
  EXPECT_TRUE(p.extra.is_null());
  std::string out = to_canonical_json(d);
  std::vector<std::string> keys = {
      "\"id\"",    "\"title\"", "\"authors\"", "\"authors_truncated\"", "\"venue\"", "\"kind\"",
      "\"links\"", "\"arxiv\"", "\"doi\"",     "\"categories\"",        "\"added\"", "\"ignore\""};
  std::size_t at = out.find("\"papers\"");
  for (const auto& k : keys) {
    std::size_t next = out.find(k, at);
    ASSERT_NE(next, std::string::npos) << k;
    at = next;
  }
  EXPECT_EQ(to_canonical_json(parse_corpus(out, "t.json")), out);
}

TEST(LoadCorpus, BadAuthorsAndDatesNameTheirPath) {
  auto with = [](const std::string& fields) {
    return corpus_with(R"([{"id": "p", "title": "t", "categories": ["b"], )" + fields + "}]");
  };
  EXPECT_EQ(load_error(with(R"("authors": [{"family": "A", "email": "x"}])")),
            "t.json: papers[0].authors[0].email: unknown key \"email\" (an author has "
            "\"family\", \"given\" or \"literal\")");
  EXPECT_EQ(load_error(with(R"("authors": [{"family": "A", "literal": "B"}])")),
            "t.json: papers[0].authors[0]: an author has either \"literal\" or "
            "\"family\"/\"given\", not both");
  EXPECT_EQ(load_error(with(R"("authors": [{"given": "A"}])")),
            "t.json: papers[0].authors[0]: an author needs a non-blank \"family\" or \"literal\"");
  EXPECT_EQ(load_error(with(R"("authors": ["  "])")),
            "t.json: papers[0].authors[0]: an author's name must not be blank");
  EXPECT_EQ(load_error(with(R"("authors": [7])")),
            "t.json: papers[0].authors[0]: expected an author object {\"family\", \"given\"} or "
            "{\"literal\"}, got 7");
  EXPECT_EQ(load_error(with(R"("authors_truncated": "yes")")),
            "t.json: papers[0].authors_truncated: expected true or false, got \"yes\"");
  EXPECT_EQ(load_error(with(R"("added": "2023-02-29")")),
            "t.json: papers[0].added: expected a date YYYY-MM-DD, got \"2023-02-29\"");
  EXPECT_EQ(load_error(with(R"("ignore": "all")")),
            "t.json: papers[0].ignore: expected an array of strings, got \"all\"");
}

TEST(LoadCorpus, FixtureRoundTripsThroughTheCanonicalWriter) {
  Corpus c = load_corpus_file(test::fixture("small.json"));
  std::string canonical = to_canonical_json(c.data());
  Corpus again = test::load(canonical);
  EXPECT_EQ(to_canonical_json(again.data()), canonical);
  EXPECT_EQ(again.papers().size(), c.papers().size());
}

}  // namespace
}  // namespace papertree

// A large file's papers array is read by two threads, the second from a point the loader
// guesses; whatever the point (a paper's start, inside a string, an author object, a key), the
// data or the error is the one a single thread gives.
namespace {
std::string split_outcome(const std::string& text, std::size_t at) {
  try {
    return papertree::to_canonical_json(papertree::detail::parse_corpus_split(text, "t.json", at));
  } catch (const papertree::DataError& e) {
    return std::string("error: ") + e.what() + "\n" + e.detail();
  }
}
}  // namespace

TEST(LoadCorpus, ASecondThreadReadingPapersChangesNothing) {
  std::string bad_paper = papertree::read_file(papertree::test::fixture("authors.json"), 1 << 24);
  std::size_t year = bad_paper.rfind("\"year\": ");
  ASSERT_NE(year, std::string::npos);
  bad_paper.replace(year, 8, "\"year\": 1e3, \"x\": ");
  for (const std::string& text :
       {papertree::read_file(papertree::test::fixture("small.json"), 1 << 24),
        papertree::read_file(papertree::test::fixture("authors.json"), 1 << 24), bad_paper}) {
    const std::string whole = split_outcome(text, std::string::npos);
    std::size_t tried = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (text[at] != '{' && text[at] != '"' && at % 7 != 0) continue;
      SCOPED_TRACE(at);
      ASSERT_EQ(split_outcome(text, at), whole);
      ++tried;
    }
    EXPECT_GT(tried, 20u);
  }
}
