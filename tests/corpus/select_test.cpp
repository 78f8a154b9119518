#include <gtest/gtest.h>

#include <algorithm>

#include "papertree/corpus/select.hpp"
#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "papertree/text/text.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string ids(const std::vector<PaperIndex>& papers) {
  std::string out;
  for (PaperIndex p : papers) out += (out.empty() ? "" : " ") + test::small_corpus().paper(p).id;
  return out;
}

std::vector<PaperIndex> selected(std::string_view category, const Filters& filters = {},
                                 bool direct = false) {
  const Corpus& c = test::small_corpus();
  std::optional<CategoryIndex> root;
  if (!category.empty()) root = resolve_category(c, category);
  return select_papers(c, root, direct, filters);
}

std::string sorted(SortKey key, bool reverse = false) {
  auto papers = selected("");
  sort_papers(test::small_corpus(), papers, {key, reverse});
  return ids(papers);
}

TEST(ParseYearRange, AcceptsEveryDocumentedForm) {
  EXPECT_EQ(parse_year_range("2023"), (YearRange{2023, 2023}));
  EXPECT_EQ(parse_year_range("2022..2024"), (YearRange{2022, 2024}));
  EXPECT_EQ(parse_year_range("2022.."), (YearRange{2022, INT_MAX}));
  EXPECT_EQ(parse_year_range("..2024"), (YearRange{INT_MIN, 2024}));
  EXPECT_EQ(parse_year_range(">=2023"), (YearRange{2023, INT_MAX}));
  EXPECT_EQ(parse_year_range(">2023"), (YearRange{2024, INT_MAX}));
  EXPECT_EQ(parse_year_range("<=2023"), (YearRange{INT_MIN, 2023}));
  EXPECT_EQ(parse_year_range("<2023"), (YearRange{INT_MIN, 2022}));
  EXPECT_EQ(parse_year_range(" =2023 "), (YearRange{2023, 2023}));
}

TEST(ParseYearRange, RejectsBadInputWithTheExpectedForms) {
  for (const char* bad : {"", "23", "20233", "2023..2022", "..", "=>2023", "2023-2024", "abcd"}) {
    try {
      parse_year_range(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()),
                "bad year \"" + std::string(bad) +
                    "\": expected a year (2023), a range (2022..2024) or a bound (>=2023, <2024)");
    }
  }
}

TEST(YearRange, PapersWithoutYearAreNeverInside) {
  EXPECT_FALSE((YearRange{}).contains(0));
}

TEST(SelectPapers, SubtreeListsEachPaperOnceInCorpusOrder) {
  // llm-int8 sits in two categories of the quantization subtree.
  EXPECT_EQ(ids(selected("quantization")), "gptq llm-int8 sparsegpt");
}

TEST(SelectPapers, DirectListsOnlyTheCategoryItself) {
  EXPECT_EQ(ids(selected("quantization", {}, true)), "");
  EXPECT_EQ(ids(selected("quantization-aware-training", {}, true)), "llm-int8");
}

TEST(SelectPapers, NoCategoryMeansTheWholeCorpus) {
  EXPECT_EQ(selected("").size(), test::small_corpus().papers().size());
}

TEST(SelectPapers, FiltersCombine) {
  Filters f;
  f.years = parse_year_range("2023");
  EXPECT_EQ(ids(selected("", f)), "gptq sparsegpt speculative-sampling flash-decoding llmlingua");
  f.has_code = true;
  EXPECT_EQ(ids(selected("", f)), "gptq llmlingua");
  f.venues = {"emnlp"};
  EXPECT_EQ(ids(selected("", f)), "llmlingua");
}

TEST(SelectPapers, VenueFilterIsNormalisedAndRepeatable) {
  Filters f;
  f.venues = {"NIPS", "iclr"};
  EXPECT_EQ(ids(selected("", f)), "gptq llm-int8");
}

TEST(SelectPapers, KindAndArxivOnly) {
  Filters blog;
  blog.kind = "blog";
  EXPECT_EQ(ids(selected("", blog)), "flash-decoding");
  Filters arxiv;
  arxiv.arxiv_only = true;
  EXPECT_EQ(ids(selected("", arxiv)), "speculative-sampling");
}

std::vector<std::string> unmatched(const Filters& filters,
                                   const Corpus& corpus = test::small_corpus()) {
  return unmatched_filters(corpus, filters);
}

TEST(UnmatchedFilters, NoneWhenEachFilterAloneKeepsAPaper) {
  Filters filters;
  filters.venues = {"ICLR"};
  filters.years = parse_year_range("2022");  // together they keep nothing, each alone does
  EXPECT_TRUE(select_papers(test::small_corpus(), std::nullopt, false, filters).empty());
  EXPECT_TRUE(unmatched(filters).empty());
  EXPECT_TRUE(unmatched({}).empty());
}

// Past k_unmatched_filters_max_papers the notes, which decode every paper, are not given.
TEST(UnmatchedFilters, NoneOnACorpusPastTheLimit) {
  std::string papers;
  for (std::size_t i = 0; i <= k_unmatched_filters_max_papers; ++i)
    papers += (i == 0 ? "" : ",") + std::string(R"({"id": "p)") + std::to_string(i) +
              R"(", "title": "T", "venue": "ICML", "categories": ["a"]})";
  Corpus big = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [)" + papers + "]}");
  Filters filters;
  filters.venues = {"neurip"};
  EXPECT_TRUE(unmatched(filters, big).empty());
  Corpus small = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [)" + papers.substr(0, papers.find("},") + 1) + "]}");
  EXPECT_EQ(unmatched(filters, small).size(), 1u);
}

TEST(UnmatchedFilters, AVenueNoPaperHasSuggestsTheNearestElseTheCommonOnes) {
  Filters filters;
  filters.venues = {"ICLR", "neurip", "foo"};
  EXPECT_EQ(
      unmatched(filters),
      (std::vector<std::string>{
          "no paper has the venue \"neurip\"; did you mean \"NeurIPS\"?",
          "no paper has the venue \"foo\"; venues include Blog, EMNLP, ICLR, ICML, NeurIPS"}));
}

TEST(UnmatchedFilters, YearsAndKindsSayWhatTheCorpusHas) {
  Filters filters;
  filters.years = parse_year_range(">=2030");
  filters.kind = "website";
  EXPECT_EQ(
      unmatched(filters),
      (std::vector<std::string>{"no paper is from 2030 or later; the papers are from 2022 to 2023",
                                "no paper is of the kind \"website\"; kinds: blog, paper"}));
  filters = {};
  filters.years = parse_year_range("..2020");
  EXPECT_EQ(
      unmatched(filters),
      (std::vector<std::string>{"no paper is from before 2021; the papers are from 2022 to 2023"}));
}

TEST(UnmatchedFilters, AnAuthorNoPaperHasSuggestsTheNearestName) {
  Corpus corpus = load_corpus_file(test::fixture("authors.json"));
  Filters filters;
  filters.authors = {"dao", "dettmer", "zzzz"};
  EXPECT_EQ(unmatched(filters, corpus),
            (std::vector<std::string>{"no paper is by \"dettmer\"; did you mean \"Dettmers\"?",
                                      "no paper is by \"zzzz\""}));
}

TEST(UnmatchedFilters, AddedSinceSaysTheLatestDateOrThatThereAreNone) {
  Filters filters;
  filters.added_since = "2024-01-01";
  EXPECT_EQ(unmatched(filters),
            (std::vector<std::string>{"no paper has an added date (import --history sets them)"}));
  Corpus dated = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "p", "title": "P", "added": "2023-05-01", "categories": ["a"]}]})");
  EXPECT_EQ(unmatched(filters, dated),
            (std::vector<std::string>{
                "no paper was added on or after 2024-01-01; the latest was added on 2023-05-01"}));
}

TEST(SortPapers, DefaultIsNewestFirstThenTitle) {
  EXPECT_EQ(sorted(SortKey::year),
            "speculative-sampling flash-decoding gptq llmlingua sparsegpt llm-int8");
}

TEST(SortPapers, ReverseFlipsTheWholeOrder) {
  EXPECT_EQ(sorted(SortKey::year, true),
            "llm-int8 sparsegpt llmlingua gptq flash-decoding speculative-sampling");
}

TEST(SortPapers, ByTitleIgnoresCase) {
  EXPECT_EQ(sorted(SortKey::title),
            "speculative-sampling flash-decoding gptq llm-int8 llmlingua sparsegpt");
}

TEST(SortPapers, ByVenueUsesNormalisedNames) {
  EXPECT_EQ(sorted(SortKey::venue),
            "speculative-sampling flash-decoding llmlingua gptq sparsegpt llm-int8");
}

TEST(SortPapers, TiesEndWithTheId) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "z", "title": "Same", "year": 2023, "categories": ["a"]},
               {"id": "m", "title": "same", "year": 2023, "categories": ["a"]}]})");
  std::vector<PaperIndex> papers = {0, 1};
  sort_papers(c, papers, {SortKey::title, false});
  EXPECT_EQ(c.paper(papers[0]).id, "m");
  sort_papers(c, papers, {SortKey::title, true});
  EXPECT_EQ(c.paper(papers[0]).id, "z");
}

TEST(SortPapers, ByAddedLatestFirstUndatedLastBothWays) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "u2", "title": "Undated B", "year": 2023, "categories": ["a"]},
               {"id": "old", "title": "Old", "year": 2023, "categories": ["a"],
                "added": "2023-05-10"},
               {"id": "u1", "title": "Undated A", "year": 2023, "categories": ["a"]},
               {"id": "new", "title": "New", "year": 2023, "categories": ["a"],
                "added": "2025-06-13"},
               {"id": "mid", "title": "Mid", "year": 2023, "categories": ["a"],
                "added": "2024-03-07"}]})");
  auto order = [&](bool reverse) {
    std::vector<PaperIndex> papers = {0, 1, 2, 3, 4};
    sort_papers(c, papers, {SortKey::added, reverse});
    std::string out;
    for (PaperIndex p : papers) out += (out.empty() ? "" : " ") + c.paper(p).id;
    return out;
  };
  EXPECT_EQ(order(false), "new mid old u1 u2");
  EXPECT_EQ(order(true), "old mid new u1 u2");
}

TEST(ParseSortKey, RejectsUnknownKeys) {
  EXPECT_EQ(parse_sort_key("venue"), SortKey::venue);
  EXPECT_THROW(parse_sort_key("author"), UsageError);
}

TEST(ResolvePaper, ByIdArxivIdUrlAndTitleFragment) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(c.paper(resolve_paper(c, "gptq")).id, "gptq");
  EXPECT_EQ(c.paper(resolve_paper(c, "2208.07339")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, "arXiv:2208.07339v2")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, "https://arxiv.org/pdf/2301.00774.pdf")).id, "sparsegpt");
  EXPECT_EQ(c.paper(resolve_paper(c, "pruned in ONE-SHOT")).id, "sparsegpt");
}

TEST(ResolvePaper, EveryArxivUrlFormFindsThePaper) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(c.paper(resolve_paper(c, "arxiv.org/html/2208.07339")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, "https://export.arxiv.org/abs/2208.07339")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, "https://doi.org/10.48550/arXiv.2208.07339")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, "https://www.arxiv.org/abs/2208.07339v3")).id, "llm-int8");
  EXPECT_EQ(c.paper(resolve_paper(c, " ARXIV: 2208.07339 ")).id, "llm-int8");
}

TEST(ResolvePaper, NonAsciiTextEndingInVDigitsIsATitleFragmentNotAnId) {
  try {
    resolve_paper(test::small_corpus(), "\xc3\xa9v\xc3\xa9v2");
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "no paper matches \"\xc3\xa9v\xc3\xa9v2\": give an id, an arXiv id or URL, a "
              "DOI, or a fragment of a title");
  }
}

TEST(ResolvePaper, AmbiguousFragmentListsTheCandidates) {
  try {
    resolve_paper(test::small_corpus(), "decoding");
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "\"decoding\" matches 2 papers; give one of these ids:");
    EXPECT_EQ(e.detail(),
              "speculative-sampling  Accelerating Large Language Model Decoding with Speculative "
              "Sampling\n"
              "flash-decoding  Flash-Decoding for Long-Context Inference");
  }
}

// A fragment most titles hold lists the first twenty matches and how many more there are.
TEST(ResolvePaper, AFragmentOfManyTitlesListsTwentyAndCountsTheRest) {
  Corpus corpus = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  std::size_t matches = 0;
  for (PaperIndex p = 0; p < corpus.paper_count(); ++p)
    matches += fold_case_accents(corpus.paper(p).title).find("language") != std::string::npos;
  ASSERT_GT(matches, 20u);
  try {
    resolve_paper(corpus, "language");
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "\"language\" matches " + std::to_string(matches) +
                                         " papers; give one of these ids:");
    const std::string& detail = e.detail();
    EXPECT_EQ(std::count(detail.begin(), detail.end(), '\n'), 20);
    EXPECT_TRUE(detail.ends_with("\n… and " + std::to_string(matches - 20) + " more")) << detail;
  }
}

TEST(ResolvePaper, NothingMatches) {
  try {
    resolve_paper(test::small_corpus(), "mamba");
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "no paper matches \"mamba\": give an id, an arXiv id or URL, a DOI, or a fragment of "
              "a title");
  }
}

}  // namespace
}  // namespace papertree
