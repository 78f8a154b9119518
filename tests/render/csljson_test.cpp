#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "papertree/json/load.hpp"
#include "papertree/render/csljson.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

nlohmann::json csl_of(const Corpus& corpus) {
  ExportSelection s;
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) s.papers.push_back(p);
  std::ostringstream out;
  render_csljson(corpus, s, {}, out);
  return nlohmann::json::parse(out.str());
}

TEST(RenderCslJson, ItemsUseBibtexKeysAndCslTypes) {
  nlohmann::json items = csl_of(test::small_corpus());
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].dump(),
            R"({"URL":"https://openreview.net/forum?id=tcbBPnfwxS","container-title":"ICLR",)"
            R"("id":"gptq2023","issued":{"date-parts":[[2023]]},)"
            R"("title":"GPTQ: Accurate Quantization for Generative Pre-trained Transformers",)"
            R"("type":"paper-conference"})");
  EXPECT_EQ(items[3]["type"], "article");
  EXPECT_EQ(items[3]["publisher"], "arXiv");
  EXPECT_EQ(items[3]["number"], "arXiv:2302.01318");
  EXPECT_EQ(items[4]["type"], "post-weblog");
  EXPECT_FALSE(items[4].contains("container-title"));
}

TEST(RenderCslJson, AuthorsSplitIntoGivenAndFamily) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  nlohmann::json items = csl_of(c);
  const auto& accents = items[*c.find_paper("accents")];
  EXPECT_EQ(accents["id"], "muller2022deja");
  EXPECT_EQ(accents["author"][0].dump(), R"({"family":"Müller","given":"Jürgen"})");
  EXPECT_EQ(items[*c.find_paper("specials")]["type"], "article-journal");
  EXPECT_EQ(items[*c.find_paper("website")]["type"], "webpage");
}

TEST(RenderCslJson, ControlCharactersLeaveTitles) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  nlohmann::json items = csl_of(c);
  EXPECT_EQ(items[*c.find_paper("control")]["title"],
            "Escape [31mRed [0m tab here bell  newline end");
  EXPECT_EQ(items[*c.find_paper("cjk")]["title"], "大規模言語モデルの効率化：サーベイ");
}

TEST(RenderCslJson, ScriptUrlsAreLeftOut) {
  // Regression: markdown, bibtex and html dropped javascript: links, csljson kept them as URL,
  // which pandoc --citeproc writes as a live link in the bibliography.
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  nlohmann::json items = csl_of(c);
  EXPECT_FALSE(items[*c.find_paper("script-links")].contains("URL"));
  EXPECT_EQ(items[*c.find_paper("bidi-url")]["URL"],
            "https://example.org/a\u0085b\u202ec\u2066d\u200fe\u061cf\u009bg");
}

}  // namespace
}  // namespace papertree
