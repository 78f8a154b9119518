#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/corpus/thesaurus.hpp"
#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {
namespace {

TEST(Thesaurus, IsTheDataFileAndKeepsEveryEntryLine) {
  std::string file = read_file(std::string(PAPERTREE_SOURCE_DIR) + "/data/thesaurus.tsv");
  EXPECT_EQ(thesaurus_text(), file);
  std::size_t lines = 0;
  for (std::size_t at = 0; at < file.size();) {
    std::size_t end = std::min(file.find('\n', at), file.size());
    std::string_view line(file.data() + at, end - at);
    if (!line.empty() && line.front() != '#') {
      ++lines;
      std::vector<std::string_view> fields;
      for (std::string_view rest = line;;) {
        std::size_t tab = rest.find('\t');
        fields.push_back(rest.substr(0, tab));
        if (tab == std::string_view::npos) break;
        rest.remove_prefix(tab + 1);
      }
      ASSERT_EQ(fields.size(), 4u) << line;
      EXPECT_NE(fields[0], "") << line;
      EXPECT_NE(fields[1], "") << line;
      EXPECT_TRUE(fields[2] == "term" || fields[2] == "name") << line;
      EXPECT_NE(fields[3], "") << "no reason given: " << line;
    }
    at = end + 1;
  }
  EXPECT_EQ(thesaurus().size(), lines);
}

TEST(Thesaurus, WhatIsTypedIsFoldedTrimmedAndUnique) {
  std::set<std::string> seen;
  for (const Synonym& s : thesaurus()) {
    EXPECT_EQ(fold_case_accents(s.typed), s.typed);
    EXPECT_EQ(trim(s.typed), s.typed);
    EXPECT_TRUE(seen.insert(slugify(s.typed)).second) << "twice: " << s.typed;
  }
}

// Every entry means one category (or one subtree) of the survey, and `list TYPED` finds it.
TEST(Thesaurus, EveryEntryNamesOneCategoryOfTheSurvey) {
  Corpus c = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  for (const Synonym& s : thesaurus()) {
    auto named = category_named_by(c, s.typed);
    ASSERT_TRUE(named.has_value()) << s.typed;
    EXPECT_EQ(resolve_category(c, s.typed), *named) << s.typed;
  }
}

// A method's name means the category the survey places that method's paper in: where titles
// hold the name, one of those papers lies below the category the name resolves to.
TEST(Thesaurus, AMethodsNameMeansWhereTheSurveyPlacesItsPaper) {
  Corpus c = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  auto terms = [](std::string_view text) {
    std::vector<std::string> out;
    for (const TextToken& t : tokenize(text)) out.push_back(t.term);
    return out;
  };
  std::size_t checked = 0;
  for (const Synonym& s : thesaurus()) {
    if (s.term) continue;
    const CategoryIndex meant = resolve_category(c, s.typed);
    const std::vector<std::string> name = terms(s.typed);
    bool held = false, placed = false;
    for (PaperIndex p = 0; p < c.paper_count(); ++p) {
      const std::vector<std::string> title = terms(c.paper(p).title);
      if (std::search(title.begin(), title.end(), name.begin(), name.end()) == title.end())
        continue;
      held = true;
      for (CategoryIndex in : c.paper_categories(p)) placed = placed || c.in_subtree(in, meant);
    }
    if (!held) continue;
    ++checked;
    EXPECT_TRUE(placed) << s.typed << " means " << c.category(meant).id
                        << ", where no paper whose title says it lies";
  }
  EXPECT_GT(checked, 20u);
}

// The word that ends entries, as typed, names what they mean; no other word of an entry does.
TEST(Thesaurus, TheLastWordOfEntriesNamesTheirCategory) {
  Corpus c = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  EXPECT_EQ(c.category(resolve_category(c, "eviction")).id, "kv-cache-optimization");
  EXPECT_EQ(c.category(resolve_category(c, "evictions")).id, "kv-cache-optimization");
  // continuous batching, dynamic batching; not "batch prompting", which ends otherwise
  EXPECT_EQ(c.category(resolve_category(c, "batching")).id, "serving-performance-optimization");
  // Words inside entries, function words and digits name nothing.
  for (std::string_view word :
       {"to", "on", "2", "up", "deep", "closed", "accelerating", "most", "free", "oracle"})
    EXPECT_THROW(resolve_category(c, word), UsageError) << word;
  EXPECT_THROW(resolve_category(c, "instruction tuning"), UsageError);
}

// An entry means whole words of a name: "serving" entries do not name "Web Services" (whose
// "servic" merely starts like the stem "serv"), so another corpus gets none of them.
TEST(Thesaurus, AnEntryNamesWholeWordsOnly) {
  Corpus c = load_corpus_text(R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "web", "name": "Web Services"}, {"id": "db", "name": "Databases"}],
    "papers": [{"id": "p", "title": "A paper", "categories": ["web"]}]})",
                              "t.json");
  for (const auto& list : category_synonyms(c)) EXPECT_TRUE(list.empty());
  EXPECT_THROW(resolve_category(c, "continuous batching"), UsageError);
  EXPECT_FALSE(category_named_by(c, "inference engine").has_value());
}

}  // namespace
}  // namespace papertree
