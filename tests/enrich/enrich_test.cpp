#include <gtest/gtest.h>

#include "papertree/enrich/enrich.hpp"
#include "papertree/enrich/report.hpp"

namespace papertree {
namespace {

Paper paper(std::string id, std::string title, std::string arxiv = {}, std::string doi = {}) {
  Paper p;
  p.id = std::move(id);
  p.title = std::move(title);
  p.arxiv = std::move(arxiv);
  p.doi = std::move(doi);
  return p;
}

SourceRecord record(std::string title, std::vector<Author> authors, std::string arxiv = {},
                    std::string doi = {}, std::size_t line = 1) {
  SourceRecord r;
  r.origin = "refs.json";
  r.line = line;
  r.title = std::move(title);
  r.authors = std::move(authors);
  r.arxiv = std::move(arxiv);
  r.doi = std::move(doi);
  return r;
}

const Author k_frantar{"Frantar", "Elias", ""};
const Author k_dao{"Dao", "Tri", ""};

CorpusData corpus() {
  CorpusData data;
  data.papers = {paper("gptq", "GPTQ: Accurate Post-Training Quantization", "2210.17323"),
                 paper("flash", "FlashAttention", "", "10.5555/Flash"),
                 paper("awq", "AWQ: Activation-aware Weight Quantization"),
                 paper("dup1", "Same Title"), paper("dup2", "Same title")};
  return data;
}

TEST(Enrich, MatchesByDoiThenArxivThenTitle) {
  CorpusData data = corpus();
  std::vector<SourceRecord> records = {
      record("Flash Attention (renamed)", {k_dao}, "", "10.5555/flash"),
      record("Another title for GPTQ", {k_frantar}, "2210.17323"),
      record("{AWQ}: activation-aware weight quantization", {{"Lin", "Ji", ""}}, "2306.00978",
             "10.48550/arxiv.2306.00978")};
  EnrichReport report = enrich(data, records, {});
  EXPECT_EQ(report.records, 3u);
  EXPECT_EQ(report.by_doi, 1u);
  EXPECT_EQ(report.by_arxiv, 1u);
  EXPECT_EQ(report.by_title, 1u);
  EXPECT_TRUE(report.unmatched.empty());
  EXPECT_TRUE(report.conflicts.empty());
  EXPECT_EQ(data.papers[1].authors, std::vector<Author>{k_dao});
  EXPECT_EQ(data.papers[0].authors, std::vector<Author>{k_frantar});
  EXPECT_EQ(data.papers[2].arxiv, "2306.00978");
  EXPECT_EQ(data.papers[2].doi, "10.48550/arxiv.2306.00978");
  ASSERT_EQ(report.changes.size(), 5u);
  EXPECT_EQ(report.changes[0].paper, "flash");
  EXPECT_EQ(report.changes[0].field, "authors");
  EXPECT_EQ(report.changes[0].after, "Tri Dao");
}

TEST(Enrich, ReportsConflictsAndKeepsTheCorpusValue) {
  CorpusData data = corpus();
  data.papers[0].authors = {k_dao};
  std::vector<SourceRecord> records = {record("GPTQ: accurate post-training quantization",
                                              {k_frantar}, "2301.00001",
                                              "10.48550/arxiv.2301.00001", 7)};
  EnrichReport report = enrich(data, records, {});
  EXPECT_EQ(report.by_title, 1u);
  ASSERT_EQ(report.conflicts.size(), 2u);
  EXPECT_EQ(report.conflicts[0].field, "arxiv");
  EXPECT_EQ(report.conflicts[0].corpus, "2210.17323");
  EXPECT_EQ(report.conflicts[0].source, "2301.00001");
  EXPECT_EQ(report.conflicts[0].line, 7u);
  EXPECT_FALSE(report.conflicts[0].replaced);
  EXPECT_EQ(report.conflicts[1].field, "first author");
  EXPECT_EQ(report.conflicts[1].corpus, "Tri Dao");
  EXPECT_EQ(report.conflicts[1].source, "Elias Frantar");
  EXPECT_TRUE(report.changes.empty()) << "the other arXiv id's DOI is not filled either";
  EXPECT_EQ(data.papers[0].arxiv, "2210.17323");
  EXPECT_EQ(data.papers[0].authors, std::vector<Author>{k_dao});
  EXPECT_EQ(data.papers[0].doi, "");
}

TEST(Enrich, PreferSourceTakesTheRecordsValue) {
  CorpusData data = corpus();
  data.papers[0].authors = {k_dao};
  std::vector<SourceRecord> records = {
      record("GPTQ: accurate post-training quantization", {k_frantar}, "2301.00001")};
  EnrichReport report = enrich(data, records, {Prefer::source});
  ASSERT_EQ(report.conflicts.size(), 2u);
  EXPECT_TRUE(report.conflicts[0].replaced);
  EXPECT_EQ(data.papers[0].arxiv, "2301.00001");
  EXPECT_EQ(data.papers[0].authors, std::vector<Author>{k_frantar});
}

TEST(Enrich, CompleteListReplacesATruncatedOneWithTheSameFirstAuthor) {
  CorpusData data = corpus();
  data.papers[0].authors = {k_frantar};
  data.papers[0].authors_truncated = true;
  std::vector<SourceRecord> records = {record("x", {k_frantar, k_dao}, "2210.17323")};
  EnrichReport report = enrich(data, records, {});
  EXPECT_TRUE(report.conflicts.empty());
  EXPECT_EQ(data.papers[0].authors, (std::vector<Author>{k_frantar, k_dao}));
  EXPECT_FALSE(data.papers[0].authors_truncated);
  // The same list again changes nothing.
  report = enrich(data, records, {});
  EXPECT_TRUE(report.changes.empty());
}

TEST(Enrich, UnmatchedAndAmbiguousRecordsAreListed) {
  CorpusData data = corpus();
  std::vector<SourceRecord> records = {record("Nothing Like It", {k_dao}, "", "", 3),
                                       record("same TITLE", {k_dao}, "", "", 9)};
  EnrichReport report = enrich(data, records, {});
  EXPECT_EQ(report.matched(), 0u);
  ASSERT_EQ(report.unmatched.size(), 2u);
  EXPECT_EQ(report.unmatched[0].line, 3u);
  EXPECT_EQ(report.unmatched[0].reason, "no paper has this DOI, arXiv id or title");
  EXPECT_EQ(report.unmatched[1].reason, "2 papers have this title");
  EXPECT_TRUE(data.papers[3].authors.empty());
}

TEST(Enrich, SharedArxivIdGoesToTheClosestTitle) {
  CorpusData data;
  data.papers = {paper("rot", "Rotation and Permutation for Outliers", "2308.13137"),
                 paper("omni", "OmniQuant: OmniQuant: Omnidirectionally Calibrated", "2308.13137")};
  std::vector<SourceRecord> records = {
      record("Omniquant: Omnidirectionally Calibrated Quantization", {{"Shao", "Wenqi", ""}},
             "2308.13137")};
  enrich(data, records, {});
  EXPECT_TRUE(data.papers[0].authors.empty());
  EXPECT_EQ(data.papers[1].authors.size(), 1u);
}

TEST(EnrichReport, JsonCarriesEveryPart) {
  CorpusData data = corpus();
  data.papers[0].authors = {k_dao};
  std::vector<SourceRecord> records = {record("GPTQ", {k_frantar}, "2210.17323"),
                                       record("Nope", {k_dao}, "", "", 4)};
  auto json = enrich_report_to_json(enrich(data, records, {}));
  EXPECT_EQ(json.dump(),
            R"({"records":2,"matched":{"doi":0,"arxiv":1,"title":0,"total":1},)"
            R"("unmatched":[{"file":"refs.json","line":4,"key":"","title":"Nope",)"
            R"("reason":"no paper has this DOI, arXiv id or title"}],)"
            R"("conflicts":[{"paper":"gptq","field":"first author","corpus":"Tri Dao",)"
            R"("source":"Elias Frantar","file":"refs.json","line":1,"resolution":"corpus"}],)"
            R"("changes":[]})");
}

}  // namespace
}  // namespace papertree
