#include "../../src/json/paper_sax.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../../src/json/fast_reader.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"

namespace papertree {
namespace {

using Json = nlohmann::ordered_json;

// Counts what reaches the inner handler: everything but the papers' contents.
struct Inner {
  int events = 0;
  bool null() { return ++events > 0; }
  bool boolean(bool) { return ++events > 0; }
  bool number_integer(Json::number_integer_t) { return ++events > 0; }
  bool number_unsigned(Json::number_unsigned_t) { return ++events > 0; }
  bool number_float(Json::number_float_t, const std::string&) { return ++events > 0; }
  bool string(std::string&) { return ++events > 0; }
  bool binary(Json::binary_t&) { return ++events > 0; }
  bool start_object(std::size_t) { return ++events > 0; }
  bool key(std::string&) { return ++events > 0; }
  bool end_object() { return ++events > 0; }
  bool start_array(std::size_t) { return ++events > 0; }
  bool end_array() { return ++events > 0; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
};

std::string with_papers(const std::string& papers) {
  return R"({"title": "T", "x": {"papers": [{"y": 1}]}, "papers": )" + papers + "}";
}

TEST(DirectPaperBuilder, BuildsPapersOfTheDocumentedShape) {
  std::string text = with_papers(
      R"([{"id": "p1", "title": "Déjà \"vu\"", "authors": [{"family": "Dao", "given": "Tri"}, {"literal": "B"}], "authors_truncated": true,
      "venue": "ICLR", "year": 2023, "kind": "blog",
      "links": [{"label": "Paper", "url": "https://x"}, {"url": "https://c", "label": "Code"}],
      "arxiv": "2301.00001", "doi": "10.1/x", "categories": ["b", "c"], "added": "2024-02-29",
      "ignore": ["r1"]}, {"id": "p2", "title": "t", "categories": []}])");
  Inner inner;
  detail::DirectPaperBuilder<Inner> builder(inner);
  ASSERT_TRUE(detail::fast_sax_parse(text, builder));
  const auto& papers = builder.papers();
  ASSERT_EQ(papers.size(), 2u);
  const Paper& p = papers[0];
  EXPECT_EQ(p.id, "p1");
  EXPECT_EQ(p.title, "Déjà \"vu\"");
  EXPECT_EQ(p.authors, (std::vector<Author>{{"Dao", "Tri", ""}, {"", "", "B"}}));
  EXPECT_TRUE(p.authors_truncated);
  EXPECT_EQ(p.doi, "10.1/x");
  EXPECT_EQ(p.added, "2024-02-29");
  EXPECT_EQ(p.ignore, (std::vector<std::string>{"r1"}));
  EXPECT_EQ(p.venue, "ICLR");
  EXPECT_EQ(p.year, 2023);
  EXPECT_EQ(p.kind, "blog");
  EXPECT_EQ(p.links, (std::vector<Link>{{"Paper", "https://x"}, {"Code", "https://c"}}));
  EXPECT_EQ(p.arxiv, "2301.00001");
  EXPECT_EQ(p.categories, (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(p.extra.is_null());
  EXPECT_EQ(papers[1].kind, "paper");
  EXPECT_EQ(papers[1].year, 0);
  // {, title, "T", x, {, papers, [, {, y, 1, }, ], }, papers, [, ], }: a nested "papers" is not
  // the corpus's papers array and reaches the inner handler.
  EXPECT_EQ(inner.events, 17);
}

TEST(DirectPaperBuilder, StopsOnAnythingThePrecisePathMustHandle) {
  const char* papers[] = {
      R"([{"id": "p", "title": "t", "categories": ["b"], "note": "x"}])",         // unknown key
      R"([{"id": "p", "title": "t", "authors": ["A B"], "categories": ["b"]}])",  // to split
      R"([{"id": "p", "title": "t", "authors": [{"given": "A"}], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "authors": [{"family": "A", "literal": "B"}], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "authors": [{"family": " "}], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "authors": [{"family": "A", "x": "B"}], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "authors_truncated": 1, "categories": ["b"]}])",
      R"([{"id": "p", "title": true, "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "added": "2023-02-30", "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "ignore": [1], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t"}])",                                  // no categories
      R"([{"id": "p", "categories": ["b"]}])",                           // no title
      R"([{"id": "p", "id": "q", "title": "t", "categories": ["b"]}])",  // repeated key
      R"([{"id": 7, "title": "t", "categories": ["b"]}])",               // wrong type
      R"([{"id": "p", "title": "t", "year": "2023", "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "year": 10000, "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "year": -1, "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "kind": "", "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "links": [{"label": "Paper"}], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "links": ["https://x"], "categories": ["b"]}])",
      R"([{"id": "p", "title": "t", "categories": [["b"]]}])",
      R"([{"id": "p", "title": "t", "categories": "b"}])",
      R"([7])",  // not a paper object
  };
  for (const char* p : papers) {
    Inner inner;
    detail::DirectPaperBuilder<Inner> builder(inner);
    EXPECT_FALSE(detail::fast_sax_parse(with_papers(p), builder)) << p;
  }
}

TEST(DirectPaperBuilder, LoaderFallsBackAndKeepsUnknownKeysAndExactErrors) {
  const std::string head =
      R"({"format": "papertree-corpus", "version": 1, "title": "T", "taxonomy": [{"id": "b", "name": "B"}], "papers": )";
  CorpusData d = parse_corpus(
      head + R"([{"id": "p", "title": "t", "categories": ["b"], "note": "x"}]})", "t.json");
  ASSERT_EQ(d.papers.size(), 1u);
  EXPECT_EQ(d.papers[0].extra["note"], "x");
  try {
    parse_corpus(head + R"([{"id": "p", "title": "t", "categories": ["b"]}, {"id": "q"}]})",
                 "t.json");
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()), "t.json: papers[1]: missing required key \"title\"");
  }
}

}  // namespace
}  // namespace papertree
