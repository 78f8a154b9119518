#include "papertree/curate/edit.hpp"

#include <gtest/gtest.h>

#include "papertree/curate/commit.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

CorpusData small_data() {
  return test::small_corpus().data();
}

const Paper& paper(const CorpusData& data, const std::string& id) {
  for (const Paper& p : data.papers)
    if (p.id == id) return p;
  throw std::runtime_error("no paper " + id);
}

template <typename F>
std::string usage_error(F&& f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PaperFromIds, ArxivGivesWhatTheIdTells) {
  Paper p = paper_from_arxiv("2306.00978");
  EXPECT_EQ(p.arxiv, "2306.00978");
  EXPECT_EQ(p.doi, "10.48550/arXiv.2306.00978");
  EXPECT_EQ(p.year, 2023);
  EXPECT_EQ(p.venue, "arXiv");
  ASSERT_EQ(p.links.size(), 1u);
  EXPECT_EQ(p.links[0].url, "https://arxiv.org/abs/2306.00978");
  EXPECT_EQ(usage_error([] { paper_from_arxiv("23.1"); }),
            "\"23.1\" is not an arXiv id (YYMM.NNNNN, or archive/YYMMNNN)");
}

TEST(PaperFromIds, DoiGivesALinkAndArxivDoisTheArxivFields) {
  Paper p = paper_from_doi("10.1145/3600006.3613165");
  EXPECT_EQ(p.links.at(0).url, "https://doi.org/10.1145/3600006.3613165");
  EXPECT_EQ(p.year, 0);
  Paper a = paper_from_doi("10.48550/arXiv.2306.00978");
  EXPECT_EQ(a.arxiv, "2306.00978");
  EXPECT_EQ(a.doi, "10.48550/arXiv.2306.00978");
  EXPECT_EQ(usage_error([] { paper_from_doi("doi:10.1/x"); }),
            "\"doi:10.1/x\" is not a DOI (10.NNNN/…)");
}

TEST(Edit, AddDerivesAnIdAndAvoidsCollisions) {
  CorpusData data = small_data();
  Paper p;
  p.title = "GPTQ: Another Take";
  p.categories = {"quantization"};
  EXPECT_EQ(add_paper(data, p), "gptq-2");
  EXPECT_EQ(data.papers.back().title, "GPTQ: Another Take");
  p.id = "gptq";
  EXPECT_EQ(usage_error([&] { add_paper(data, p); }), "a paper already has the id \"gptq\"");
  p.id = "Bad Id";
  EXPECT_EQ(usage_error([&] { add_paper(data, p); }),
            "paper id \"Bad Id\" is not a lowercase slug (a-z, 0-9 and single '-')");
}

TEST(Edit, EditNormalisesTheVenueAndKeepsTheRest) {
  CorpusData data = small_data();
  Paper before = paper(data, "gptq");
  PaperFields fields;
  fields.venue = "NeurlPS";
  fields.year = 2024;
  edit_paper(data, "gptq", fields);
  const Paper& after = paper(data, "gptq");
  EXPECT_EQ(after.venue, "NeurIPS");
  EXPECT_EQ(after.year, 2024);
  EXPECT_EQ(after.title, before.title);
  EXPECT_EQ(after.links, before.links);
  EXPECT_EQ(usage_error([&] { edit_paper(data, "nope", fields); }), "no paper has the id \"nope\"");
}

TEST(Edit, MoveReplacesAlsoAddsFromMovesOne) {
  CorpusData data = small_data();
  move_paper(data, "gptq", "parameter-pruning", false);
  EXPECT_EQ(paper(data, "gptq").categories, std::vector<std::string>{"parameter-pruning"});
  move_paper(data, "gptq", "attention", true);
  EXPECT_EQ(paper(data, "gptq").categories,
            (std::vector<std::string>{"parameter-pruning", "attention"}));
  move_paper(data, "gptq", "quantization", false, "attention");
  EXPECT_EQ(paper(data, "gptq").categories,
            (std::vector<std::string>{"parameter-pruning", "quantization"}));
  EXPECT_EQ(usage_error([&] { move_paper(data, "gptq", "nowhere", false); }),
            "no category has the id \"nowhere\"");
  EXPECT_EQ(usage_error([&] { move_paper(data, "gptq", "attention", false, "attention"); }),
            "paper \"gptq\" is not in category \"attention\"");
}

TEST(Edit, RemoveKeepsTheOrderOfTheOthers) {
  CorpusData data = small_data();
  std::vector<std::string> ids;
  for (const Paper& p : data.papers)
    if (p.id != "gptq") ids.push_back(p.id);
  remove_paper(data, "gptq");
  std::vector<std::string> after;
  for (const Paper& p : data.papers) after.push_back(p.id);
  EXPECT_EQ(after, ids);
}

TEST(Edit, CategoriesAddRenameMove) {
  CorpusData data = small_data();
  EXPECT_EQ(add_category(data, "Serving", ""), "serving");
  EXPECT_EQ(add_category(data, "Quantization", "serving"), "serving-quantization");
  EXPECT_EQ(data.taxonomy.back().children.at(0).name, "Quantization");
  rename_category(data, "serving", "LLM Serving");
  EXPECT_EQ(data.taxonomy.back().id, "serving");
  EXPECT_EQ(data.taxonomy.back().name, "LLM Serving");
  rename_category(data, "quantization", "Quantisation", "quantisation");
  for (const Paper& p : data.papers)
    for (const std::string& c : p.categories) EXPECT_NE(c, "quantization") << p.id;
  move_category(data, "quantisation", "serving");
  EXPECT_EQ(data.taxonomy.back().children.back().id, "quantisation");
  EXPECT_EQ(usage_error([&] { move_category(data, "serving", "serving-quantization"); }),
            "cannot move \"serving\" into its own subtree (\"serving-quantization\")");
  EXPECT_EQ(usage_error([&] { rename_category(data, "serving", "x", "attention"); }),
            "a category already has the id \"attention\"");
  Corpus rebuilt = Corpus::build(data, "t.json");
  EXPECT_TRUE(check_consistency(rebuilt).empty());
}

TEST(PrepareEdit, RefusesAnEditThatAddsAnError) {
  const Corpus& before = test::small_corpus();
  CorpusData data = before.data();
  data.papers[1].arxiv = data.papers[0].arxiv.empty() ? "2210.17323" : data.papers[0].arxiv;
  data.papers[0].arxiv = data.papers[1].arxiv;
  try {
    prepare_corpus_edit(before, data, {});
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(e.message(), "edit refused: it would add 1 validation error; nothing written");
    EXPECT_NE(e.detail().find("[shared-identifier]"), std::string::npos) << e.detail();
  }
}

TEST(PrepareEdit, RefusesAStructurallyBrokenCorpusAndAcceptsAGoodEdit) {
  const Corpus& before = test::small_corpus();
  CorpusData data = before.data();
  data.papers[0].categories = {"nowhere"};
  EXPECT_THROW(prepare_corpus_edit(before, data, {}), DataError);
  data = before.data();
  data.papers[0].venue = "ICML";
  std::string text = prepare_corpus_edit(before, data, {});
  EXPECT_EQ(text, to_canonical_json(data));
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

TEST(WriteCorpusEdit, WritesWhenTheFileIsUnchanged) {
  test::TempDirectory dir;
  std::string path = dir.file("c.json");
  write_file_atomic(path, "old\n");
  write_corpus_edit(path, "old\n", "new\n");
  EXPECT_EQ(read_file(path), "new\n");
}

TEST(WriteCorpusEdit, RefusesWhenAnotherProgramChangedIt) {
  test::TempDirectory dir;
  std::string path = dir.file("c.json");
  write_file_atomic(path, "changed meanwhile\n");
  try {
    write_corpus_edit(path, "old\n", "new\n");
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              path +
                  ": changed by another program since it was read; nothing written (run the "
                  "edit again)");
  }
  EXPECT_EQ(read_file(path), "changed meanwhile\n");
}

TEST(CorpusLock, IsExclusiveAndReleasedWithTheObject) {
  test::TempDirectory dir;
  std::string path = dir.file("c.json");
  {
    CorpusLock first(path);
    EXPECT_THROW(CorpusLock(path, 50), IoError);
  }
  CorpusLock again(path, 50);
  SUCCEED();
}

}  // namespace
}  // namespace papertree
