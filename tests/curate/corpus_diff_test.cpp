#include "papertree/curate/corpus_diff.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "papertree/curate/edit.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

CorpusDiff diff_after(const std::function<void(CorpusData&)>& change, Corpus& after_storage) {
  CorpusData data = test::small_corpus().data();
  change(data);
  after_storage = Corpus::build(data, "new.json");
  return diff_corpora(test::small_corpus(), after_storage);
}

TEST(DiffCorpora, SameCorpusIsEmpty) {
  EXPECT_TRUE(diff_corpora(test::small_corpus(), test::small_corpus()).empty());
}

TEST(DiffCorpora, AddedRemovedMovedChanged) {
  Corpus after = test::small_corpus();
  CorpusDiff d = diff_after(
      [](CorpusData& data) {
        Paper p;
        p.title = "A New Paper";
        p.categories = {"attention"};
        add_paper(data, p);
        std::string gone = data.papers[1].id;
        remove_paper(data, gone);
        move_paper(data, data.papers[0].id, "attention", true);
        data.papers[2].venue = "TMLR";
      },
      after);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0]->id, "a-new-paper");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0]->id, test::small_corpus().paper(1).id);
  ASSERT_EQ(d.moved.size(), 1u);
  EXPECT_EQ(d.moved[0].new_categories.back(), "attention");
  ASSERT_EQ(d.changed.size(), 1u);
  ASSERT_EQ(d.changed[0].fields.size(), 1u);
  EXPECT_EQ(d.changed[0].fields[0].field, "venue");
  EXPECT_EQ(d.changed[0].fields[0].after, "TMLR");
}

TEST(DiffCorpora, RetitledPaperWithTheSameArxivIdIsAChangeNotAddRemove) {
  Corpus after = test::small_corpus();
  std::string id;
  CorpusDiff d = diff_after(
      [&](CorpusData& data) {
        for (Paper& p : data.papers) {
          if (p.arxiv.empty()) continue;
          id = p.id;
          p.id = "renamed-id";
          p.title = "A Completely New Title";
          break;
        }
      },
      after);
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].old_id, id);
  EXPECT_EQ(d.changed[0].new_id, "renamed-id");
}

TEST(DiffCorpora, CategoryRenamesAreDetectedWithAndWithoutANewId) {
  Corpus after = test::small_corpus();
  CorpusDiff d = diff_after(
      [](CorpusData& data) {
        rename_category(data, "attention", "Efficient Attention");
        rename_category(data, "quantization", "Quantisation", "quantisation");
      },
      after);
  EXPECT_TRUE(d.categories_added.empty());
  EXPECT_TRUE(d.categories_removed.empty());
  EXPECT_TRUE(d.moved.empty()) << "papers follow a renamed id: not moves";
  ASSERT_EQ(d.categories_renamed.size(), 2u);
  EXPECT_EQ(d.categories_renamed[0].after.name, "Efficient Attention");  // same id: found first
  EXPECT_EQ(d.categories_renamed[1].before.id, "quantization");
  EXPECT_EQ(d.categories_renamed[1].after.id, "quantisation");
}

TEST(DiffCorpora, NewAndRemovedCategories) {
  Corpus after = test::small_corpus();
  CorpusDiff d = diff_after([](CorpusData& data) { add_category(data, "Serving", ""); }, after);
  ASSERT_EQ(d.categories_added.size(), 1u);
  EXPECT_EQ(d.categories_added[0].id, "serving");
  std::ostringstream md;
  render_diff_markdown(d, md);
  EXPECT_NE(md.str().find("### Categories\n\n- Added Serving\n"), std::string::npos) << md.str();
}

}  // namespace
}  // namespace papertree
