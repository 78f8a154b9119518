#include "papertree/curate/validate.hpp"

#include <gtest/gtest.h>

#include "papertree/curate/arxiv.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"

namespace papertree {
namespace {

Paper make_paper(std::string id, std::string title, std::string arxiv, int year) {
  Paper paper;
  paper.id = std::move(id);
  paper.title = std::move(title);
  paper.venue = "ICLR";
  paper.year = year;
  paper.arxiv = arxiv;
  if (!arxiv.empty()) paper.links.push_back({"Paper", "https://arxiv.org/abs/" + arxiv});
  paper.authors.push_back({"Frantar", "Elias", ""});
  paper.categories = {"quantization"};
  return paper;
}

// A corpus with no finding at all: two categories, each holding a paper.
CorpusData clean_data() {
  CorpusData data;
  data.title = "T";
  CategoryNode root{"compression", "Compression", {}, {}};
  root.children.push_back({"quantization", "Quantization", {}, {}});
  root.children.push_back({"pruning", "Pruning", {}, {}});
  data.taxonomy.push_back(root);
  data.papers.push_back(
      make_paper("gptq", "GPTQ: Accurate Post-Training Quantization", "2210.17323", 2023));
  Paper sparse = make_paper("sparsegpt", "SparseGPT: Massive Language Models Can Be Pruned",
                            "2301.00774", 2023);
  sparse.categories = {"pruning"};
  data.papers.push_back(sparse);
  return data;
}

std::vector<std::string> rules_of(const CorpusData& data, ValidateOptions options = {}) {
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, options);
  std::vector<std::string> rules;
  for (const Finding& f : report.findings) rules.push_back(f.rule + "@" + f.json_path);
  return rules;
}

using Rules = std::vector<std::string>;

TEST(Validate, CleanCorpusHasNoFindings) {
  EXPECT_EQ(rules_of(clean_data()), Rules{});
}

TEST(Validate, SharedArxivIdOnDifferentTitles) {
  CorpusData data = clean_data();
  data.papers[1].arxiv = "2210.17323";
  data.papers[1].year = 2022;
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  ASSERT_EQ(report.findings.size(), 1u);
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.rule, "shared-identifier");
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.subject_id, "sparsegpt");
  EXPECT_EQ(f.json_path, "papers[1].arxiv");
  EXPECT_EQ(f.message,
            "arXiv 2210.17323 is also the id of \"GPTQ: Accurate Post-Training Quantization\" "
            "(papers[0], \"gptq\")");
  EXPECT_FALSE(report.passed(false));
}

TEST(Validate, SharedDoiIgnoresCaseAndSameTitleIsNotShared) {
  CorpusData data = clean_data();
  data.papers[0].doi = "10.1/ABC";
  data.papers[1].doi = "10.1/abc";
  EXPECT_EQ(rules_of(data), Rules{"shared-identifier@papers[1].doi"});
  data.papers[1].title = "gptq — accurate post-training quantization";
  EXPECT_EQ(rules_of(data, {{"shared-identifier"}, {}, 1900, 2100}), Rules{});
}

TEST(Validate, DuplicateAndNearDuplicateTitles) {
  CorpusData data = clean_data();
  data.papers[1].title = "GPTQ: accurate post training quantisation";  // one letter off
  EXPECT_EQ(rules_of(data), Rules{"duplicate-title@papers[1].title"});
  data.papers[1].title = "GPTQ: Accurate Post-Training Quantization";
  Corpus corpus = Corpus::build(data, "t.json");
  EXPECT_EQ(validate_corpus(corpus, {}).findings.at(0).message,
            "title is the same as that of \"gptq\" (papers[0]): \"GPTQ: Accurate Post-Training "
            "Quantization\"");
}

TEST(Validate, DifferentTitlesOfOneWordAreNotNearDuplicates) {
  CorpusData data = clean_data();
  data.papers[0].title = "LoRA";  // short titles: only an exact match counts
  data.papers[1].title = "LoRI";
  data.papers[1].arxiv = "";
  data.papers[1].links.clear();
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, RepeatedPrefix) {
  CorpusData data = clean_data();
  data.papers[0].title = "OmniQuant: OmniQuant: Omnidirectionally Calibrated Quantization";
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule, "repeated-prefix");
  EXPECT_EQ(report.findings[0].suggestion,
            "title \"OmniQuant: Omnidirectionally Calibrated Quantization\"");
  data.papers[0].title = "OmniQuant: OmniQuantization Explained";
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, RunTogetherUrls) {
  CorpusData data = clean_data();
  data.papers[0].links.push_back({"Code", "https://github.com/a/bhttps://github.com/a/b"});
  EXPECT_EQ(rules_of(data), Rules{"run-together-urls@papers[0].links[1].url"});
  data.papers[0].links[1].url = "https://example.org/?next=http%3A//x";
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, PaperLinkToCodeHost) {
  CorpusData data = clean_data();
  data.papers[0].links[0].url = "https://www.github.com/IST-DASLab/gptq";
  EXPECT_EQ(rules_of(data), Rules{"paper-link-to-code@papers[0].links[0].url"});
  data.papers[0].links[0].label = "Code";
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, ArxivFormat) {
  CorpusData data = clean_data();
  data.papers[0].arxiv = "2213.17323";  // month 13
  EXPECT_EQ(rules_of(data), Rules{"arxiv-format@papers[0].arxiv"});
  data.papers[0].arxiv = "cs/0112017";
  data.papers[0].year = 2001;
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, ArxivYearDisagreesWithYear) {
  CorpusData data = clean_data();
  data.papers[0].year = 2021;  // posted 2022-10
  EXPECT_EQ(rules_of(data), Rules{"arxiv-year@papers[0].year"});
  data.papers[0].year = 2025;
  EXPECT_EQ(rules_of(data), Rules{"arxiv-year@papers[0].year"});
  data.papers[0].year = 2024;  // two years after the preprint: accepted
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, UnknownVenueSuggestsTheNearest) {
  CorpusData data = clean_data();
  data.papers[0].venue = "NeurISP";
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule, "unknown-venue");
  EXPECT_EQ(report.findings[0].suggestion, "did you mean \"NeurIPS\"?");
  data.papers[0].venue = "NeurlPS";  // an alias
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, YearRange) {
  CorpusData data = clean_data();
  data.papers[0].arxiv.clear();
  data.papers[0].links.clear();
  data.papers[0].year = 2031;
  ValidateOptions options;
  options.max_year = 2027;
  EXPECT_EQ(rules_of(data, options), Rules{"year-range@papers[0].year"});
  data.papers[0].year = 0;  // unknown
  EXPECT_EQ(rules_of(data, options), Rules{});
}

TEST(Validate, EmptyCategory) {
  CorpusData data = clean_data();
  data.taxonomy.push_back({"serving", "Serving", {{"batching", "Batching", {}, {}}}, {}});
  EXPECT_EQ(rules_of(data),
            (Rules{"empty-category@taxonomy[1]", "empty-category@taxonomy[1].children[0]"}));
}

TEST(Validate, TheFrameworksCategoryIsNotEmpty) {
  CorpusData data = clean_data();
  data.taxonomy.push_back({"llm-frameworks", "LLM Frameworks", {}, {}});
  EXPECT_EQ(rules_of(data), Rules{"empty-category@taxonomy[1]"}) << "no frameworks table";
  data.frameworks.push_back(
      {"vllm", "vLLM", "https://github.com/vllm-project/vllm", {"inference"}, {}});
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, DuplicateSiblingNames) {
  CorpusData data = clean_data();
  data.taxonomy[0].children[1].name = "quantization";
  EXPECT_EQ(rules_of(data), Rules{"duplicate-category-name@taxonomy[0].children[1].name"});
  data.taxonomy[0].children[1].name = "Pruning";
  data.taxonomy[0].children[1].children.push_back({"quantization-2", "Quantization", {}, {}});
  data.papers[1].categories = {"quantization-2"};
  EXPECT_EQ(rules_of(data), Rules{}) << "the same name in another parent is fine";
}

TEST(Validate, DuplicateLink) {
  CorpusData data = clean_data();
  data.papers[0].links.push_back({"Paper2", "http://arxiv.org/abs/2210.17323/"});
  EXPECT_EQ(rules_of(data), Rules{"duplicate-link@papers[0].links[1].url"});
  data.papers[0].links[1].url = "https://arxiv.org/abs/2210.17324";
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, AuthorsIncompleteIsInfoAndNeverFails) {
  CorpusData data = clean_data();
  data.papers[0].authors.clear();
  data.papers[1].authors_truncated = true;
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  EXPECT_EQ(rules_of(data), (Rules{"authors-incomplete@papers[0].authors",
                                   "authors-incomplete@papers[1].authors"}));
  EXPECT_EQ(report.count(Severity::info), 2u);
  EXPECT_TRUE(report.passed(true));
}

TEST(Validate, IgnoreUnknownRule) {
  CorpusData data = clean_data();
  data.papers[0].ignore = {"duplicate-title", "no-such-rule"};
  EXPECT_EQ(rules_of(data), Rules{"ignore-unknown-rule@papers[0].ignore[1]"});
}

TEST(Validate, PaperIgnoreHidesAndCounts) {
  CorpusData data = clean_data();
  data.papers[0].venue = "Nowhere";
  data.papers[0].ignore = {"unknown-venue"};
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.ignored, 1u);
}

TEST(Validate, IgnoreOnEitherPaperOfAPair) {
  CorpusData data = clean_data();
  data.papers[1].arxiv = "2210.17323";
  data.papers[1].year = 2022;
  data.papers[0].ignore = {"shared-identifier"};  // the finding is reported on papers[1]
  EXPECT_EQ(rules_of(data), Rules{});
}

TEST(Validate, WarningsFailOnlyWhenStrict) {
  CorpusData data = clean_data();
  data.papers[0].venue = "Nowhere";
  Corpus corpus = Corpus::build(data, "t.json");
  ValidationReport report = validate_corpus(corpus, {});
  EXPECT_TRUE(report.passed(false));
  EXPECT_FALSE(report.passed(true));
}

TEST(Validate, OnlyAndDisabledRules) {
  CorpusData data = clean_data();
  data.papers[0].venue = "Nowhere";
  data.papers[0].year = 2021;
  EXPECT_EQ(rules_of(data, {{"unknown-venue"}, {}, 1900, 2100}),
            Rules{"unknown-venue@papers[0].venue"});
  EXPECT_EQ(rules_of(data, {{}, {"unknown-venue"}, 1900, 2100}),
            Rules{"arxiv-year@papers[0].year"});
}

TEST(Validate, UnknownRuleOnTheCommandLineIsAUsageError) {
  Corpus corpus = Corpus::build(clean_data(), "t.json");
  try {
    validate_corpus(corpus, {{"dupe"}, {}, 1900, 2100});
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown rule \"dupe\"");
  }
}

TEST(Validate, EveryRuleIsExplained) {
  for (const RuleInfo& rule : validation_rules()) {
    EXPECT_EQ(find_rule(rule.id), &rule);
    EXPECT_FALSE(rule.summary.empty()) << rule.id;
    EXPECT_FALSE(rule.explanation.empty()) << rule.id;
  }
  EXPECT_EQ(find_rule("nope"), nullptr);
}

TEST(ArxivId, ParsesBothSchemes) {
  ASSERT_TRUE(parse_arxiv_id("2306.00978"));
  EXPECT_EQ(parse_arxiv_id("2306.00978")->year, 2023);
  EXPECT_EQ(parse_arxiv_id("2306.00978")->month, 6);
  EXPECT_EQ(parse_arxiv_id("1412.6980")->year, 2014);
  EXPECT_EQ(parse_arxiv_id("hep-th/9901001")->year, 1999);
  EXPECT_EQ(parse_arxiv_id("math.AG/0601001")->month, 1);
  EXPECT_FALSE(parse_arxiv_id("1412.69801"));  // five digits before 2015
  EXPECT_FALSE(parse_arxiv_id("2306.0097"));   // four digits after 2014
  EXPECT_FALSE(parse_arxiv_id("2306.00978v2"));
  EXPECT_FALSE(parse_arxiv_id("0703.1234"));  // the new scheme starts in 2007-04
  EXPECT_FALSE(parse_arxiv_id("CS/0112017"));
  EXPECT_FALSE(parse_arxiv_id(""));
}

TEST(LocateFindings, GivesLineAndColumnOfThePath) {
  std::string text = to_canonical_json(clean_data());
  std::vector<Finding> findings(3);
  findings[0].json_path = "papers[1].arxiv";
  findings[1].json_path = "taxonomy[0].children[1]";
  findings[2].json_path = "papers[1].doi";  // absent: the paper itself
  locate_findings(findings, text);
  auto line_of = [&](std::size_t line) {
    std::size_t start = 0;
    for (std::size_t i = 1; i < line; ++i) start = text.find('\n', start) + 1;
    return text.substr(start, text.find('\n', start) - start);
  };
  EXPECT_EQ(line_of(findings[0].line).substr(findings[0].column - 1), "\"2301.00774\",");
  EXPECT_EQ(line_of(findings[1].line).substr(findings[1].column - 1), "{");
  EXPECT_EQ(line_of(findings[1].line + 1), "          \"id\": \"pruning\",");
  EXPECT_EQ(line_of(findings[2].line + 1), "      \"id\": \"sparsegpt\",");
}

TEST(LocateFindings, CompactJsonAndEscapedStrings) {
  std::string text = R"({"a": "x\"}]", "papers": [{"t": [1, {"u": 2}]}, {"id": "q"}]})";
  EXPECT_EQ(text.substr(locate_json_path(text, "papers[1].id"), 3), "\"q\"");
  EXPECT_EQ(text.substr(locate_json_path(text, "papers[0].t[1].u"), 1), "2");
  EXPECT_EQ(locate_json_path(text, "papers[5]"), text.find('['));
}

}  // namespace
}  // namespace papertree
