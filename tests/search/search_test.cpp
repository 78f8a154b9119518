#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "../../src/search/evaluator.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string terms(std::string_view text) {
  std::string out;
  for (const auto& t : tokenize(text)) out += (out.empty() ? "" : " ") + t.term;
  return out;
}

std::string hit_ids(const Corpus& corpus, const SearchResult& result) {
  std::string out;
  for (PaperIndex p : result.papers) out += (out.empty() ? "" : " ") + corpus.paper(p).id;
  return out;
}

SearchResult run(const Corpus& corpus, std::string_view query) {
  return SearchIndex(corpus).search(parse_query(query));
}

std::string hits(std::string_view query) {
  const Corpus& c = test::small_corpus();
  return hit_ids(c, run(c, query));
}

TEST(Tokenize, FoldsCaseAccentsAndHyphensAlike) {
  EXPECT_EQ(terms("KV-Cache"), "kv cach");
  EXPECT_EQ(terms("kv-cache"), "kv cach");
  EXPECT_EQ(terms("kv cache"), "kv cach");
  EXPECT_EQ(terms("Déjà Vu"), "deja vu");
}

TEST(Tokenize, KeepsNumbersAndModelNamesFindable) {
  EXPECT_EQ(terms("LLM.int8(): 8-bit"), "llm int8 8 bit");
  EXPECT_EQ(terms("BitNet b1.58: 1.58-bit LLMs"), "bitnet b1.58 1.58 bit llm");
  EXPECT_EQ(terms("4-bit"), "4 bit");
  EXPECT_EQ(terms("end. 3"), "end 3");
}

TEST(Tokenize, SplitsOnUnicodePunctuationAndKeepsByteOffsets) {
  auto tokens = tokenize("Déjà—vu “x”");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, "deja");
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 6u);
  EXPECT_EQ(tokens[1].term, "vu");
  EXPECT_EQ(tokens[2].term, "x");
}

TEST(FoldTerm, StemsWithSnowballEnglish) {
  EXPECT_EQ(fold_term("models"), "model");
  EXPECT_EQ(fold_term("quantization"), "quantiz");
  EXPECT_EQ(fold_term("quantized"), "quantiz");
  EXPECT_EQ(fold_term("quantize"), "quantiz");
  EXPECT_EQ(fold_term("quantizing"), "quantiz");
  EXPECT_EQ(fold_term("caches"), "cach");
  EXPECT_EQ(fold_term("cache"), "cach");
  EXPECT_EQ(fold_term("pruning"), "prune");
  EXPECT_EQ(fold_term("pruned"), "prune");
  EXPECT_EQ(fold_term("prune"), "prune");
  EXPECT_EQ(fold_term("efficiencies"), fold_term("efficiency"));
  EXPECT_EQ(fold_term("accurately"), fold_term("accurate"));
  EXPECT_EQ(fold_term("distillation"), fold_term("distill"));
  EXPECT_EQ(fold_term("adapters"), fold_term("adapter"));
  EXPECT_EQ(fold_term("experts"), "expert");
}

TEST(FoldTerm, DropsThePluralSOfAcronyms) {
  EXPECT_EQ(fold_term("llms"), "llm");
  EXPECT_EQ(fold_term("gpus"), "gpu");
  EXPECT_EQ(fold_term("ssms"), "ssm");
}

TEST(FoldTerm, LeavesShortWordsLongWordsAndWordsWithDigitsAlone) {
  EXPECT_EQ(fold_term("int8"), "int8");
  EXPECT_EQ(fold_term("kvs"), "kvs");
  EXPECT_EQ(fold_term("lora"), "lora");
  std::string long_word(k_max_stemmed_word + 1, 'a');
  long_word += "tions";
  EXPECT_EQ(fold_term(long_word), long_word);
}

TEST(Tokenize, StopsAtTheTokenLimit) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word ";
  EXPECT_EQ(tokenize(text, 1024).size(), 1024u);
  EXPECT_EQ(tokenize(text).size(), 5000u);
}

TEST(CompoundParts, SplitsCamelCaseAndAcronyms) {
  using V = std::vector<std::string>;
  EXPECT_EQ(compound_parts("FlashAttention"), (V{"Flash", "Attention"}));
  EXPECT_EQ(compound_parts("KVCache"), (V{"KV", "Cache"}));
  EXPECT_EQ(compound_parts("QLoRA"), (V{"Q", "Lo", "RA"}));
  EXPECT_EQ(compound_parts("LongLoRA"), (V{"Long", "Lo", "RA"}));
  EXPECT_EQ(compound_parts("LLMLingua"), (V{"LLM", "Lingua"}));
  EXPECT_EQ(compound_parts("GPTQ"), V{});
  EXPECT_EQ(compound_parts("LLMs"), V{});
  EXPECT_EQ(compound_parts("vLLM"), (V{"v", "LLM"}));
  EXPECT_EQ(compound_parts("attention"), V{});
  EXPECT_EQ(compound_parts("Déjà"), V{});
}

TEST(Search, SpellingsOfKvCacheFindTheSamePapers) {
  EXPECT_EQ(hits("kv cache"), "flash-decoding llmlingua");
  EXPECT_EQ(hits("kv-cache"), hits("kv cache"));
  EXPECT_EQ(hits("KV-Cache"), hits("kv cache"));
  EXPECT_EQ(hits("\"KV caches\""), hits("kv cache"));
}

TEST(Search, FindsOddlySpelledModelNames) {
  EXPECT_EQ(hits("LLM.int8()"), "llm-int8");
  EXPECT_EQ(hits("int8"), "llm-int8");
  EXPECT_EQ(hits("8-bit"), "llm-int8");
}

TEST(Search, PapersHoldingEveryWordComeFirstOrIsUnion) {
  EXPECT_EQ(hits("accurate"), "gptq sparsegpt");
  // sparsegpt holds both words; gptq holds one and follows it (few papers hold both); the page
  // still short, llm-int8, in the category where both sit, ends it.
  EXPECT_EQ(hits("accurate pruned"), "sparsegpt gptq llm-int8");
  std::string either = hits("gptq OR llmlingua");
  EXPECT_TRUE(either == "gptq llmlingua" || either == "llmlingua gptq") << either;
}

TEST(Search, HyphenatedWordFindsThePapersItsPartsFindAndRanksAdjacentPartsFirst) {
  const Corpus& c = test::small_corpus();
  auto ids = [&](std::string_view q) {
    std::vector<std::string> out;
    for (PaperIndex p : run(c, q).papers) out.push_back(c.paper(p).id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids("kv-cache"), ids("kv cache"));
  EXPECT_EQ(ids("KV-Cache"), ids("kv cache"));
  EXPECT_EQ(ids("post-training"), ids("post training"));
  EXPECT_EQ(hits("int8"), "llm-int8");
  EXPECT_EQ(hits("LLM.int8()"), "llm-int8");
}

TEST(Search, NegationRemovesPapers) {
  EXPECT_EQ(hits("title:quantization"), "gptq");
  // llm-int8 first: both its categories (Post-Training Quantization, Quantization-Aware
  // Training) say "training".
  EXPECT_EQ(hits("post-training -gptq"), "llm-int8 sparsegpt");
  EXPECT_EQ(hits("NOT quantization"), "speculative-sampling flash-decoding llmlingua");
}

TEST(Search, PhraseNeedsAdjacentWordsInOrder) {
  // "Language Model Decoding" matches too: plurals are folded.
  EXPECT_EQ(hits("\"language models\""), "speculative-sampling llmlingua sparsegpt");
  EXPECT_EQ(hits("\"models language\""), "");
}

TEST(Search, PhraseDoesNotSpanTwoCategoryNames) {
  // llmlingua sits in "Prompt Compression" and "KV-Cache Optimization".
  EXPECT_EQ(hits("\"compression kv\""), "");
}

TEST(Search, PrefixMatchesEveryWordStartingWithIt) {
  EXPECT_EQ(hits("title:spar*"), "sparsegpt");
  EXPECT_EQ(hits("title:quant*"), "gptq");
}

TEST(Search, FieldFiltersInsideTheQuery) {
  EXPECT_EQ(hits("year:2022"), "llm-int8");
  EXPECT_EQ(hits("inference has:code"), "llmlingua");
  EXPECT_EQ(hits("kind:blog"), "flash-decoding");
  EXPECT_EQ(hits("venue:nips"), "llm-int8");
  EXPECT_EQ(hits("in:efficient-inference"), "speculative-sampling flash-decoding llmlingua");
}

TEST(Search, UnknownInCategoryIsAUsageError) {
  EXPECT_THROW(hits("in:nowhere"), UsageError);
}

TEST(Search, TypoIsReplacedByCloseWordsAndReported) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "speculatve");
  EXPECT_EQ(hit_ids(c, result), "speculative-sampling");
  ASSERT_EQ(result.corrections.size(), 1u);
  EXPECT_EQ(result.corrections[0].typed, "speculatve");
  EXPECT_EQ(result.corrections[0].used, std::vector<std::string>{"speculative"});
}

TEST(Search, UnknownWordThatStartsIndexedWordsIsReadAsAPrefix) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "quant");
  EXPECT_EQ(hit_ids(c, result), "gptq llm-int8 sparsegpt");
  ASSERT_EQ(result.corrections.size(), 1u);
  EXPECT_EQ(result.corrections[0].typed, "quant");
  EXPECT_EQ(result.corrections[0].used, std::vector<std::string>{"quant*"});
}

TEST(Search, ShortUnknownWordsAreNotCorrected) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "gpx");
  EXPECT_EQ(hit_ids(c, result), "");
  EXPECT_TRUE(result.corrections.empty());
}

TEST(Search, OneEditTyposOfInflectedWordsAreCorrected) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "quantizaton");
  EXPECT_EQ(hit_ids(c, result), "gptq llm-int8 sparsegpt");
  ASSERT_EQ(result.corrections.size(), 1u);
  EXPECT_EQ(result.corrections[0].used, std::vector<std::string>{"quantization"});
  // A swap of two letters is one edit.
  result = run(c, "prunign");
  ASSERT_EQ(result.corrections.size(), 1u);
  EXPECT_EQ(result.corrections[0].used, std::vector<std::string>{"pruning"});
  EXPECT_EQ(hit_ids(c, result), "sparsegpt");
}

TEST(Search, WordsWithDigitsAreNeverCorrected) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "int4");  // the corpus has int8; int4 is another format
  EXPECT_EQ(hit_ids(c, result), "");
  EXPECT_TRUE(result.corrections.empty());
}

TEST(Search, CommonEnglishWordsAreNeverCorrected) {
  const Corpus& c = test::small_corpus();
  // "spare" is one edit from "sparse" (SparseGPT), but it is a word of its own.
  SearchResult result = run(c, "spare");
  EXPECT_EQ(hit_ids(c, result), "");
  EXPECT_TRUE(result.corrections.empty());
  // A typo of the same length that is no word is still corrected.
  result = run(c, "sparze");
  ASSERT_EQ(result.corrections.size(), 1u);
  EXPECT_EQ(result.corrections[0].used, std::vector<std::string>{"sparse"});
}

TEST(Search, TermsWithNoLettersOrDigitsMatchNothing) {
  EXPECT_EQ(hits("✓"), "");
  EXPECT_EQ(hits("."), "");
  EXPECT_EQ(hits("\"…\""), "");
  EXPECT_EQ(hits("✓ ✓"), "");
  // Next to real words they are neutral.
  EXPECT_EQ(hits("gptq ✓"), "gptq");
}

TEST(Search, WordInsideACamelCaseNameMatches) {
  // SparseGPT and LLMLingua hold "sparse", "gpt", "llm", "lingua".
  EXPECT_EQ(hits("gpt"), "sparsegpt");
  EXPECT_EQ(hits("title:lingua"), "llmlingua");
}

TEST(Search, NegatedWordsAreNotCorrected) {
  const Corpus& c = test::small_corpus();
  // speculative-sampling sits below Efficient Inference; a corrected "-speculative" would drop it.
  SearchResult result = run(c, "inference -speculatve");
  EXPECT_EQ(hit_ids(c, result), "flash-decoding llmlingua speculative-sampling");
  EXPECT_TRUE(result.corrections.empty());
}

TEST(Search, HighlightHoldsThePositiveTerms) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(run(c, "kv-cache -flash OR title:gptq").highlight,
            (std::vector<std::string>{"cach", "gptq", "kv"}));
}

const char* k_ranking_corpus = R"({"format": "papertree-corpus", "version": 1, "title": "t",
  "taxonomy": [{"id": "sd", "name": "Speculative Decoding"}, {"id": "pr", "name": "Pruning"}],
  "papers": [
    {"id": "only-category", "title": "Medusa: A Simple Framework with Multiple Heads", "year": 2024, "categories": ["sd"]},
    {"id": "title-elsewhere", "title": "Fast Inference via Speculative Decoding", "year": 2023, "categories": ["pr"]},
    {"id": "title-and-category", "title": "Speculative Decoding with Big Little Decoder", "year": 2023, "categories": ["sd"]},
    {"id": "one-word", "title": "Decoding Pruned Models", "year": 2023, "categories": ["pr"]}]})";

TEST(SearchRanking, TitleMatchesOutrankCategoryMatches) {
  Corpus c = test::load(k_ranking_corpus);
  SearchResult result = run(c, "speculative decoding");
  // one-word holds only "decoding": it follows the papers that hold both words.
  EXPECT_EQ(hit_ids(c, result), "title-and-category title-elsewhere only-category one-word");
  EXPECT_GT(result.scores[0], result.scores[1]);
  EXPECT_GT(result.scores[1], result.scores[2]);
  EXPECT_GE(result.scores[2], result.scores[3]);
}

// A corpus of `full` papers titled "Alpha Beta Gamma <n>" and three near ones: "Alpha Beta",
// "Beta Gamma" and "Alpha" alone, all in one category.
Corpus word_coverage_corpus(int full) {
  std::string papers = R"({"id": "ab", "title": "Alpha Beta", "categories": ["a"]},
    {"id": "bg", "title": "Beta Gamma", "categories": ["a"]},
    {"id": "a-only", "title": "Alpha", "categories": ["a"]})";
  for (int i = 0; i < full; ++i) {
    papers += R"(, {"id": "full)" + std::to_string(i) + R"(", "title": "Alpha Beta Gamma )" +
              std::to_string(i) + R"(", "categories": ["a"]})";
  }
  return test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [)" +
                    papers + "]}");
}

TEST(SearchCoverage, FewFullMatchesAreFollowedByPapersMissingOneWord) {
  Corpus c = word_coverage_corpus(2);
  SearchResult result = run(c, "alpha beta gamma");
  // Two words of three ("gamma" is rarer than "alpha"), then, as the page is still short, one:
  // "Alpha" alone comes last. ("x9" holds a digit, so it is never corrected.)
  EXPECT_EQ(hit_ids(c, result), "full0 full1 bg ab a-only");
  for (std::size_t i = 1; i < result.scores.size(); ++i)
    EXPECT_GE(result.scores[i - 1], result.scores[i]) << i;
  EXPECT_EQ(hit_ids(c, run(c, "alpha x9")), "a-only ab full0 full1");
}

// Papers holding fewer words again follow only while the full and near matches so far leave the
// page short of k_few_full_matches: eight full and two near ones fill it, so "Alpha" alone is not
// listed.
TEST(SearchCoverage, FewerWordsFollowOnlyWhileThePageIsShort) {
  Corpus c = word_coverage_corpus(8);
  std::string ids = hit_ids(c, run(c, "alpha beta gamma"));
  EXPECT_EQ(ids.find("a-only"), std::string::npos) << ids;
  EXPECT_NE(ids.find("bg ab"), std::string::npos) << ids;
}

TEST(SearchCoverage, NearMatchesAreMarked) {
  Corpus c = word_coverage_corpus(2);
  SearchResult result = run(c, "alpha beta gamma");
  ASSERT_EQ(result.near.size(), result.papers.size());
  // Each near match says how many words it lacks: "a-only" holds one word of three.
  EXPECT_EQ(result.near, (std::vector<std::uint8_t>{0, 0, 1, 1, 2}));
  SearchResult plain = run(c, "gamma");
  EXPECT_EQ(plain.near, std::vector<std::uint8_t>(plain.papers.size(), 0));
}

// No paper holds both words: the rarest word's papers stand in for the full matches, so of two
// near matches scoring alike, the one in their category comes first (corpus order would put
// p-inf first).
TEST(SearchCoverage, WithoutFullMatchesTheRarestWordSaysTheTopic) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "m", "name": "Methods", "children": [
      {"id": "q", "name": "Quantization"}, {"id": "p", "name": "Pruning"}]}],
    "papers": [
      {"id": "p-inf", "title": "Fast Inference", "categories": ["p"]},
      {"id": "q-inf", "title": "Quick Inference", "categories": ["q"]},
      {"id": "zeta", "title": "Zeta", "categories": ["q"]}]})");
  SearchResult result = run(c, "zeta inference");
  EXPECT_EQ(hit_ids(c, result), "zeta q-inf p-inf");
  EXPECT_EQ(result.near, (std::vector<std::uint8_t>{1, 1, 1}));
}

// A branch "m" holding Quantization and Pruning, and a third category "r" beside them.
Corpus topic_fill_corpus() {
  return test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "m", "name": "Methods", "children": [
      {"id": "q", "name": "Quantization"}, {"id": "p", "name": "Pruning"},
      {"id": "r", "name": "Routing"}]}],
    "papers": [
      {"id": "os", "title": "Outlier Suppression", "year": 2021, "categories": ["q"]},
      {"id": "ot", "title": "Outlier Tricks", "year": 2020, "categories": ["q"]},
      {"id": "gptq", "title": "GPTQ", "year": 2022, "categories": ["q"]},
      {"id": "smooth", "title": "SmoothQuant", "year": 2023, "categories": ["q"]},
      {"id": "wanda", "title": "Wanda", "year": 2024, "categories": ["p"]},
      {"id": "zq", "title": "Zeta", "categories": ["q"]},
      {"id": "zp", "title": "Zeta", "categories": ["p"]},
      {"id": "zr", "title": "Zeta", "categories": ["r"]}]})");
}

// A page short of ten when every paper holding a word is listed ends with the other papers of
// the category those sit in, newest first, marked as holding none of the words and scoring 0.
TEST(SearchCoverage, AShortPageEndsWithTheMatchesCategory) {
  Corpus c = topic_fill_corpus();
  SearchResult result = run(c, "outlier suppression");
  EXPECT_EQ(hit_ids(c, result), "os ot smooth gptq zq");
  EXPECT_EQ(result.near, (std::vector<std::uint8_t>{0, 1, 2, 2, 2}));
  ASSERT_TRUE(result.filled_from);
  EXPECT_EQ(c.category(*result.filled_from).id, "q");
  EXPECT_EQ(result.scores[2], 0.0);
  EXPECT_GT(result.scores[1], 0.0);
  // Full matches alone are what was asked for: a page of them only is never filled.
  EXPECT_EQ(hit_ids(c, run(c, "outlier")), "os ot");
  // The scope holds for them too: within 2021-2023 Outlier Tricks (2020) and the undated Zeta
  // are left out.
  SearchIndex index(c);
  SearchScope scope;
  scope.filters.years = YearRange{2021, 2023};
  EXPECT_EQ(hit_ids(c, index.search(parse_query("outlier suppression gptq"), scope)),
            "os gptq smooth");
}

// Within --in, the category the page is filled from lies in its subtree, even where the matches
// also sit deeper elsewhere (r3); and with another order than relevance nothing is filled.
TEST(SearchCoverage, TheFillStaysWithinTheScope) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "m", "name": "Methods", "children": [{"id": "q", "name": "Quantization",
                   "children": [{"id": "q2", "name": "Low Bits"}]}]},
                 {"id": "x", "name": "Other", "children": [{"id": "r", "name": "R", "children": [
                   {"id": "r2", "name": "R2", "children": [{"id": "r3", "name": "R3"}]}]}]}],
    "papers": [
      {"id": "os", "title": "Outlier Suppression", "categories": ["q2", "r3"]},
      {"id": "ot", "title": "Outlier Tricks", "categories": ["q2", "r3"]},
      {"id": "gptq", "title": "GPTQ", "categories": ["q2"]},
      {"id": "wanda", "title": "Wanda", "categories": ["r3"]}]})");
  SearchIndex index(c);
  QueryNode query = parse_query("outlier suppression");
  EXPECT_EQ(hit_ids(c, index.search(query)), "os ot wanda");  // r3 is the deepest
  SearchScope scope;
  scope.within = c.find_category("m");
  SearchResult within = index.search(query, scope);
  EXPECT_EQ(hit_ids(c, within), "os ot gptq");
  ASSERT_TRUE(within.filled_from);
  EXPECT_EQ(c.category(*within.filled_from).id, "q2");
  SearchScope unordered;
  unordered.fill_from_category = false;
  EXPECT_EQ(hit_ids(c, index.search(query, unordered)), "os ot");
}

// No category holds half the matches (one "Zeta" in each of three), and a top-level branch never
// counts: nothing is added. A query that is not plain words is never filled either.
TEST(SearchCoverage, MatchesSpreadOverCategoriesAreNotFilled) {
  Corpus c = topic_fill_corpus();
  SearchResult spread = run(c, "zeta omega");
  EXPECT_EQ(hit_ids(c, spread), "zq zp zr");
  EXPECT_FALSE(spread.filled_from);
  EXPECT_EQ(hit_ids(c, run(c, "\"outlier suppression\"")), "os");
  EXPECT_EQ(hit_ids(c, run(c, "outlier OR wanda")).find("smooth"), std::string::npos);
}

// Ten full matches in the corpus, but only two of them from 2024: within --year 2024 the query
// is held whole by few papers, so the near matches of that year follow, and those of other
// years do not.
TEST(SearchCoverage, TheScopeIsAppliedBeforeNearMatchesAreDecided) {
  std::string papers = R"({"id": "near-2024", "title": "Alpha Beta", "year": 2024, "categories": ["a"]},
    {"id": "near-2023", "title": "Beta Gamma", "year": 2023, "categories": ["a"]})";
  for (int i = 0; i < 10; ++i) {
    papers += R"(, {"id": "full)" + std::to_string(i) + R"(", "title": "Alpha Beta Gamma", "year": )" +
              (i < 2 ? "2024" : "2023") + R"(, "categories": ["a"]})";
  }
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [)" +
                        papers + "]}");
  SearchIndex index(c);
  QueryNode query = parse_query("alpha beta gamma");
  EXPECT_EQ(hit_ids(c, index.search(query)).find("near"), std::string::npos);
  SearchScope scope;
  scope.filters.years = YearRange{2024, 2024};
  SearchResult scoped = index.search(query, scope);
  EXPECT_EQ(hit_ids(c, scoped), "full0 full1 near-2024");
  EXPECT_EQ(scoped.near, (std::vector<std::uint8_t>{0, 0, 1}));
  // filter_result after an unscoped search keeps only what the scope admits, flags and all.
  SearchResult late = index.search(query);
  filter_result(c, late, scope.filters, std::nullopt);
  EXPECT_EQ(hit_ids(c, late), "full0 full1");
  EXPECT_EQ(late.near, (std::vector<std::uint8_t>{0, 0}));
}

// Each level of near matches is ranked on its own, below the level before, even where a
// level's best score, scaled to the last score above it, rounds to it or above it: here the
// papers lacking two words ("Alpha", "Beta") would otherwise tie with, or pass, the last paper
// lacking one.
TEST(SearchCoverage, EachNearLevelStaysBelowTheLevelBefore) {
  std::string papers = R"({"id": "full", "title": "Alpha Beta Gamma Delta", "categories": ["a"]},
    {"id": "abg", "title": "Alpha Beta Gamma Words Here", "categories": ["a"]},
    {"id": "bgd", "title": "Beta Gamma Delta", "categories": ["a"]},
    {"id": "a", "title": "Alpha", "categories": ["a"]},
    {"id": "d", "title": "Delta", "categories": ["a"]},
    {"id": "ab", "title": "Alpha Beta", "categories": ["a"]})";
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [)" +
                        papers + "]}");
  SearchResult r = run(c, "alpha beta gamma delta");
  ASSERT_EQ(r.papers.size(), 6u);
  std::vector<std::uint8_t> levels = r.near;
  EXPECT_TRUE(std::is_sorted(levels.begin(), levels.end())) << hit_ids(c, r);
  EXPECT_EQ(levels, (std::vector<std::uint8_t>{0, 1, 1, 2, 3, 3}));
  for (std::size_t i = 1; i < r.scores.size(); ++i) EXPECT_GE(r.scores[i - 1], r.scores[i]) << i;
}

// A query that is a paper's id names that paper: it comes first, though another title says the
// word twice; a near match is never lifted so, and a query naming no id changes nothing.
TEST(SearchRanking, AQueryThatIsAPapersIdPutsThatPaperFirst) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [
    {"id": "tied", "title": "Tied Lora: Tying Lora Weights", "categories": ["a"]},
    {"id": "lora", "title": "LoRA: Low-Rank Adaptation of Large Language Models", "categories": ["a"]},
    {"id": "llm-int8", "title": "LLM.int8(): 8-bit Matrix Multiplication", "categories": ["a"]},
    {"id": "int8-llm", "title": "Int8 LLM Int8 Inference", "categories": ["a"]},
    {"id": "lora-weights", "title": "Lora Only", "categories": ["a"]}]})");
  EXPECT_EQ(hit_ids(c, run(c, "tied")), "tied");
  EXPECT_EQ(hit_ids(c, run(c, "lora")), "lora tied lora-weights");
  // "lora-weights" lacks "weights": a near match, listed after the full one, not first.
  EXPECT_EQ(hit_ids(c, run(c, "lora weights")).rfind("tied ", 0), 0u);
  EXPECT_EQ(hit_ids(c, run(c, "LLM.int8()")), "llm-int8 int8-llm");
  SearchResult r = run(c, "lora");
  EXPECT_GT(r.scores[0], r.scores[1]);
  EXPECT_EQ(hit_ids(c, run(c, "int8 llm")), "int8-llm llm-int8");
}

TEST(SearchCoverage, TenFullMatchesAreTheWholeResult) {
  Corpus c = word_coverage_corpus(static_cast<int>(k_few_full_matches));
  SearchResult result = run(c, "alpha beta gamma");
  EXPECT_EQ(result.papers.size(), k_few_full_matches);
  EXPECT_EQ(hit_ids(c, result).find("ab"), std::string::npos);
}

TEST(SearchCoverage, OperatorsAndFieldsKeepEveryWordRequired) {
  Corpus c = word_coverage_corpus(2);
  EXPECT_EQ(hit_ids(c, run(c, "title:alpha title:x9")), "");
  EXPECT_EQ(hit_ids(c, run(c, "alpha x9 -gamma")), "");
}

TEST(SearchCoverage, NearMatchesWhereTheFullMatchesSitComeFirst) {
  // The two near papers score alike; "near-sd" sits with the full match, so it leads.
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "sd", "name": "Speculative"}, {"id": "pr", "name": "Pruning"}],
    "papers": [
      {"id": "near-pr", "title": "Decoding Models", "categories": ["pr"]},
      {"id": "near-sd", "title": "Decoding Heads", "categories": ["sd"]},
      {"id": "full", "title": "Draft Decoding", "categories": ["sd"]}]})");
  EXPECT_EQ(hit_ids(c, run(c, "draft decoding")), "full near-sd near-pr");
}

TEST(SearchRanking, AllScoresEqualFallsBackToListOrderNewestFirstThenTitle) {
  Corpus c = test::load(k_ranking_corpus);
  EXPECT_EQ(hit_ids(c, run(c, "year:2023")), "one-word title-elsewhere title-and-category");
}

TEST(SearchRanking, PureNegationListsNewestFirstThenByTitle) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "-gptq");
  EXPECT_EQ(hit_ids(c, result), "speculative-sampling flash-decoding llmlingua sparsegpt llm-int8");
  EXPECT_EQ(result.scores, std::vector<double>(5, 0.0));
}

TEST(SearchRanking, PrefixExpansionsScoreAsOneTerm) {
  // A rare expansion ("quantease") must not outweigh a common one ("quantization").
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "b", "title": "Quantization Study", "categories": ["a"]},
               {"id": "c", "title": "Quantization Again", "categories": ["a"]},
               {"id": "d", "title": "Quantization Once", "categories": ["a"]},
               {"id": "rare", "title": "Quantease Tool", "categories": ["a"]}]})");
  SearchResult result = run(c, "quant*");
  // All four score the same, so they come in list order (newest first, then title).
  EXPECT_EQ(hit_ids(c, result), "rare c d b");
  EXPECT_DOUBLE_EQ(result.scores[0], result.scores[3]);
}

TEST(SearchRanking, RealCorpusPutsTitleMatchesFirst) {
  std::string path = std::string(PAPERTREE_SOURCE_DIR) + "/data/efficient-llms-survey.json";
  Corpus c = load_corpus_file(path);
  ASSERT_GT(c.papers().size(), 400u);
  SearchResult result = run(c, "speculative decoding");
  ASSERT_FALSE(result.papers.empty());
  bool seen_category_only = false;
  for (PaperIndex p : result.papers) {
    std::string title = fold_case_accents(c.paper(p).title);
    bool in_title = title.find("speculative") != std::string::npos &&
                    title.find("decoding") != std::string::npos;
    if (!in_title) seen_category_only = true;
    EXPECT_FALSE(in_title && seen_category_only)
        << c.paper(p).id << " ranks below a category-only match";
  }
}

TEST(SearchRanking, RealCorpusFindsTheSamePapersForKvCacheSpellings) {
  Corpus c =
      load_corpus_file(std::string(PAPERTREE_SOURCE_DIR) + "/data/efficient-llms-survey.json");
  auto ids = [&](std::string_view q) {
    std::vector<PaperIndex> papers = run(c, q).papers;
    std::sort(papers.begin(), papers.end());
    return papers;
  };
  std::vector<PaperIndex> spaced = ids("kv cache");
  EXPECT_GT(spaced.size(), 25u);
  EXPECT_EQ(ids("kv-cache"), spaced);
  EXPECT_EQ(ids("KV-Cache"), spaced);
  // "KV-Runahead: … Key-Value Cache Generation" holds both words apart: found, ranked below the
  // titles that say "KV cache".
  SearchResult ranked = run(c, "kv-cache");
  auto runahead = *c.find_paper("kv-runahead");
  auto palu = *c.find_paper("palu");
  auto pos = [&](PaperIndex p) { return std::find(ranked.papers.begin(), ranked.papers.end(), p); };
  EXPECT_LT(pos(palu), pos(runahead));
  EXPECT_NE(pos(runahead), ranked.papers.end());
}

const char* k_compound_corpus = R"({"format": "papertree-corpus", "version": 2, "title": "t",
  "taxonomy": [{"id": "a", "name": "A"}],
  "papers": [
    {"id": "lora", "title": "LoRA: Low-Rank Adaptation of Large Language Models", "year": 2021, "categories": ["a"],
     "authors": [{"given": "Edward J.", "family": "Hu"}]},
    {"id": "qlora", "title": "QLoRA: Efficient Finetuning of Quantized LLMs", "year": 2023, "categories": ["a"],
     "authors": [{"given": "Tim", "family": "Dettmers"}]},
    {"id": "longlora", "title": "LongLoRA: Efficient Fine-tuning of Long-Context Large Language Models", "year": 2023, "categories": ["a"]},
    {"id": "flashattention", "title": "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", "year": 2022, "categories": ["a"],
     "authors": [{"given": "Tri", "family": "Dao"}, {"given": "Daniel Y.", "family": "Fu"}]},
    {"id": "flash-split", "title": "Flash Attention on Phones", "year": 2024, "categories": ["a"]},
    {"id": "attention", "title": "Attention Is All You Need", "year": 2017, "categories": ["a"],
     "authors": [{"given": "Ashish", "family": "Vaswani"}]},
    {"id": "kvcache", "title": "KVCache Compression by Tokens", "year": 2024, "categories": ["a"]},
    {"id": "kv-split", "title": "Quantized KV Cache for Long Context", "year": 2024, "categories": ["a"]},
    {"id": "dao-title", "title": "The Dao of Decoding", "year": 2020, "categories": ["a"]}]})";

std::string compound_hits(std::string_view query) {
  static const Corpus c = test::load(k_compound_corpus);
  return hit_ids(c, run(c, query));
}

TEST(SearchCompounds, AWordFindsCamelCaseNamesHoldingItBelowTheWordItself) {
  EXPECT_EQ(compound_hits("lora"), "lora qlora longlora");
}

TEST(SearchCompounds, ATypoCorrectedWordJoinsItsNeighbourByItsCorrection) {
  // "atention" is read as "attention", and "flash" + "attention" as FlashAttention.
  EXPECT_EQ(compound_hits("flash atention"), compound_hits("flash attention"));
}

TEST(SearchCompounds, SplitAndJoinedWordsMeet) {
  // "attention" holds one of the two words: it comes after the papers that hold both.
  EXPECT_EQ(compound_hits("flash attention"), "flashattention flash-split attention");
  EXPECT_EQ(compound_hits("flashattention"), "flashattention flash-split");
  EXPECT_EQ(compound_hits("FlashAttention"), "flashattention flash-split");
  std::string kv = compound_hits("kv cache");
  EXPECT_NE(kv.find("kvcache"), std::string::npos) << kv;
  EXPECT_NE(kv.find("kv-split"), std::string::npos) << kv;
  std::string joined = compound_hits("kvcache");
  EXPECT_NE(joined.find("kvcache"), std::string::npos) << joined;
  EXPECT_NE(joined.find("kv-split"), std::string::npos) << joined;
  EXPECT_TRUE(compound_hits("long lora").starts_with("longlora ")) << compound_hits("long lora");
  EXPECT_EQ(compound_hits("LongLoRA"), "longlora");
}

TEST(SearchCompounds, WordsMatchTheInitialismTheyMake) {
  // "large language models" is what "LLMs" stands for (three letters: taken anywhere).
  std::string llm = compound_hits("large language models");
  EXPECT_NE(llm.find("qlora"), std::string::npos) << llm;
  EXPECT_TRUE(llm.starts_with("lora longlora")) << llm;  // the words as typed rank first
  // Two letters are taken where a title writes them beside the next query word: "KV Cache".
  std::string kv = compound_hits("key value cache");
  EXPECT_NE(kv.find("kv-split"), std::string::npos) << kv;
  EXPECT_EQ(compound_hits("key value"), "");  // no neighbour: "kv" alone is not read in
}

TEST(SearchAuthors, AuthorFieldTakesFamilyGivenInitialsAndPhrases) {
  EXPECT_EQ(compound_hits("author:dao"), "flashattention");
  EXPECT_EQ(compound_hits("author:\"tri dao\""), "flashattention");
  EXPECT_EQ(compound_hits("author:\"t dao\""), "flashattention");
  EXPECT_EQ(compound_hits("author:\"daniel fu\""), "flashattention");
  EXPECT_EQ(compound_hits("author:\"y fu\""), "flashattention");
  EXPECT_EQ(compound_hits("author:\"dao tri\""), "");
  EXPECT_EQ(compound_hits("author:(dettmers OR vaswani)"), "qlora attention");
}

TEST(SearchAuthors, AuthorsAreInTheDefaultFieldsBelowTitles) {
  // "Dao" is a title word of one paper and an author of another: the title ranks first.
  EXPECT_EQ(compound_hits("dao"), "dao-title flashattention");
}

TEST(SearchAuthors, AnAuthorNameIsNeverCorrected) {
  static const Corpus c = test::load(k_compound_corpus);
  SearchResult result = run(c, "dettmers");
  EXPECT_EQ(hit_ids(c, result), "qlora");
  EXPECT_TRUE(result.corrections.empty());
}

TEST(SearchLimits, LongQueriesAreRefused) {
  std::string many;
  for (std::size_t i = 0; i <= k_max_query_terms; ++i) many += "a* ";
  EXPECT_THROW(parse_query(many), UsageError);
  EXPECT_THROW(parse_query(std::string(k_max_query_bytes + 1, 'a')), UsageError);
  std::string fine;
  for (std::size_t i = 0; i < k_max_query_terms; ++i) fine += "a* ";
  EXPECT_NO_THROW(parse_query(fine));
}

TEST(SearchLimits, AHugeTitleIndexesOnlyItsFirstWords) {
  std::string title = "Head";
  for (int i = 0; i < 200000; ++i) title += " filler";
  title += " tailword";
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "big", "title": ")" +
                        title + R"(", "categories": ["a"]}]})");
  EXPECT_EQ(hit_ids(c, run(c, "head")), "big");
  EXPECT_EQ(hit_ids(c, run(c, "tailword")), "");
}

TEST(FacetCounts, CountsEachHitOncePerCategoryAndRollsUp) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "accurate OR int8");  // gptq, sparsegpt, llm-int8
  std::vector<std::size_t> counts = facet_counts(c, result.papers);
  auto count = [&](std::string_view id) { return counts[*c.find_category(id)]; };
  EXPECT_EQ(count("post-training-quantization"), 3u);
  EXPECT_EQ(count("quantization-aware-training"), 1u);
  EXPECT_EQ(count("quantization"), 3u);
  EXPECT_EQ(count("parameter-pruning"), 1u);
  EXPECT_EQ(count("model-compression"), 3u);
  EXPECT_EQ(count("model-centric"), 3u);
  EXPECT_EQ(count("efficient-inference"), 0u);
}

TEST(FilterResult, KeepsOrderAndScores) {
  const Corpus& c = test::small_corpus();
  SearchResult result = run(c, "inference OR quantization");
  Filters f;
  f.has_code = true;
  SearchResult filtered = result;
  filter_result(c, filtered, f, c.find_category("efficient-inference"));
  EXPECT_EQ(hit_ids(c, filtered), "llmlingua");
  ASSERT_EQ(filtered.scores.size(), 1u);
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

// SearchScope::ranked: the first `ranked` hits are exactly those of a full ranking, in the same
// order with the same scores and flags; every hit is still there, the rest in corpus order.
TEST(SearchRanked, APageIsTheFullRankingsHead) {
  const Corpus& c = test::small_corpus();
  SearchIndex index(c);
  std::vector<std::string> queries = {"quantization", "attention", "llm", "kv cache",
                                      "model -quantization", "quant*", "efficient inference",
                                      "year:2023", "lora OR pruning", "alpha beta attention"};
  for (const std::string& q : queries) {
    QueryNode query = parse_query(q);
    SearchResult full = index.search(query, SearchScope{});
    for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{10},
                          full.papers.size(), full.papers.size() + 5}) {
      SearchScope scope;
      scope.ranked = k;
      SearchResult page = index.search(query, scope);
      ASSERT_EQ(page.papers.size(), full.papers.size()) << q;
      const std::size_t head = std::min(k, full.papers.size());
      for (std::size_t i = 0; i < head; ++i) {
        EXPECT_EQ(page.papers[i], full.papers[i]) << q << " k=" << k << " i=" << i;
        EXPECT_EQ(page.scores[i], full.scores[i]) << q;
        EXPECT_EQ(page.near[i], full.near[i]) << q;
      }
      std::vector<PaperIndex> a = page.papers, b = full.papers;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      EXPECT_EQ(a, b) << q;
      // The full matches still come before the near ones.
      EXPECT_TRUE(std::is_sorted(page.near.begin(), page.near.end())) << q;
    }
  }
}

// The tail after the ranked page keeps corpus order within the full and the near matches.
TEST(SearchRanked, TheRestFollowsInCorpusOrder) {
  const Corpus& c = test::small_corpus();
  SearchIndex index(c);
  SearchScope scope;
  scope.ranked = 2;
  SearchResult page = index.search(parse_query("model"), scope);
  // The matches; papers of the category "model" names may follow them (fill_from_topic).
  auto matched = static_cast<std::ptrdiff_t>(std::count(page.near.begin(), page.near.end(), 0));
  ASSERT_GT(matched, 4);
  EXPECT_TRUE(std::is_sorted(page.papers.begin() + 2, page.papers.begin() + matched));
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

Corpus stop_word_corpus() {
  return test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [
    {"id": "q1", "title": "Quantized Large Models", "year": 2024, "categories": ["a"]},
    {"id": "q2", "title": "The Quantization of Models", "year": 2024, "categories": ["a"]},
    {"id": "o1", "title": "The Era of Models", "year": 2024, "categories": ["a"]},
    {"id": "d1", "title": "Sparse Models", "year": 2024, "categories": ["a"],
     "authors": [{"given": "Tim", "family": "Dettmers"}]},
    {"id": "t1", "title": "Dense Nets", "year": 2024, "categories": ["a"],
     "authors": [{"given": "Tom", "family": "Other"}]}]})");
}

TEST(SearchStopWords, AreNotRequiredButScore) {
  Corpus c = stop_word_corpus();
  // "the" and "of" are optional: both quantization papers match whole, the one holding them
  // first; the papers holding "models" without "quantization" follow only as near matches.
  SearchResult r = run(c, "the quantization of models");
  EXPECT_EQ(hit_ids(c, r), "q2 q1 o1 d1");
  EXPECT_EQ(r.near, (std::vector<std::uint8_t>{0, 0, 1, 1}));
  // With a filter or a field every word is required as written.
  EXPECT_EQ(hit_ids(c, run(c, "the quantization of models year:2024")), "q2");
  // A query made only of stop words requires them.
  EXPECT_EQ(hit_ids(c, run(c, "the of")), "o1 q2");
}

TEST(SearchStopWords, NoNearMatchStandsOnASingleLetter) {
  Corpus c = stop_word_corpus();
  SearchResult r = run(c, "t dettmers");
  EXPECT_EQ(hit_ids(c, r), "d1");  // not t1, whose author's initial is T
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

TEST(StringTable, BuildsLooksUpAndViewsOnlyWellFormedArrays) {
  StringTable built;
  EXPECT_TRUE(built.empty());
  EXPECT_EQ(built.lower_bound("x"), 0u);
  for (std::string_view s : {"", "attent", "cach", "cache", "quantiz"}) built.push_back(s);
  ASSERT_EQ(built.size(), 5u);
  EXPECT_EQ(built[0], "");
  EXPECT_EQ(built[3], "cache");
  EXPECT_TRUE(built.is_sorted());
  EXPECT_EQ(built.lower_bound("cach"), 2u);
  EXPECT_EQ(built.lower_bound("cacha"), 3u);
  EXPECT_EQ(built.lower_bound("zz"), 5u);

  StringTable view;
  EXPECT_TRUE(view.view(built.offsets(), built.bytes()));
  EXPECT_EQ(view[4], "quantiz");
  const std::uint32_t decreasing[] = {0, 4, 2, 6};
  const std::uint32_t not_from_zero[] = {1, 6};
  const std::uint32_t past_the_bytes[] = {0, 7};
  const char bytes[] = "abcdef";
  std::span<const char> six(bytes, 6);
  StringTable bad;
  EXPECT_FALSE(bad.view(decreasing, six));
  EXPECT_FALSE(bad.view(not_from_zero, six));
  EXPECT_FALSE(bad.view(past_the_bytes, six));
  EXPECT_FALSE(bad.view({}, six));
  StringTable unsorted;
  unsorted.push_back("b");
  unsorted.push_back("a");
  EXPECT_FALSE(unsorted.is_sorted());
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

TEST(SearchStopWords, ReadTheWordAsTyped) {
  Corpus c = stop_word_corpus();
  EXPECT_EQ(hit_ids(c, run(c, "t. dettmers")), "d1");  // a dotted initial is one letter
  // "The," and "of," are stop words: q2 and q1 hold both other words, o1 and d1 lack one. Read
  // as required words, q2 alone would hold all four, then o1 (three), q1 (two), d1 (one).
  SearchResult r = run(c, "The, quantization of, models");
  EXPECT_EQ(hit_ids(c, r), "q2 q1 o1 d1");
  EXPECT_EQ(r.near, (std::vector<std::uint8_t>{0, 0, 1, 1}));
}

// A query of many prefixes keeps more merged postings than there are papers, so its sums move
// to a per-paper array (the short query's stay with its leaves); the terms add up the same way
// there: repeating the leaves k times finds the same papers in the same order, each scored k
// times as high.
TEST(SearchScores, ManyLeavesScoreAsFewRepeated) {
  const Corpus& c = test::small_corpus();
  SearchIndex index(c);
  const std::string few = "qu* OR pr*";
  std::string many = few;
  constexpr int k_times = 40;
  for (int i = 1; i < k_times; ++i) many += " OR " + few;
  SearchResult a = index.search(parse_query(many));
  SearchResult b = index.search(parse_query(few));
  ASSERT_FALSE(b.papers.empty());
  EXPECT_EQ(hit_ids(c, a), hit_ids(c, b));
  ASSERT_EQ(a.scores.size(), b.scores.size());
  for (std::size_t i = 0; i < a.scores.size(); ++i)
    EXPECT_NEAR(a.scores[i], k_times * b.scores[i], 1e-9 * a.scores[i]) << i;
}

// Scores `text` both ways, leaf by leaf for the ranked papers and all at once in a per-paper
// array, and expects the same papers with the same doubles; returns how many were ranked.
std::size_t expect_both_sums_equal(const SearchIndex& index, const char* text) {
  QueryNode query = parse_query(text);
  SearchResult kept, folded;
  QueryEvaluator by_leaf(index, kept, nullptr, SIZE_MAX);
  QueryEvaluator per_paper(index, folded, nullptr, 0);
  by_leaf.score(by_leaf.eval(query, true), std::nullopt);
  per_paper.score(per_paper.eval(query, true), std::nullopt);
  EXPECT_EQ(kept.papers, folded.papers) << text;
  EXPECT_EQ(kept.scores, folded.scores) << text;
  return kept.papers.size();
}

// The two ways of summing a query's scores, leaf by leaf for the ranked papers or all at once
// in a per-paper array, give the same doubles, for one-term leaves, prefixes and phrases alike.
TEST(SearchScores, PerPaperSumsAreTheLeafSumsExactly) {
  const Corpus& c = test::small_corpus();
  SearchIndex index(c);
  for (const char* text : {"qu* OR pr* OR model", "\"kv cache\" OR quantization llm", "l* p* OR m*",
                           "inference OR (language -pruned)"}) {
    EXPECT_GT(expect_both_sums_equal(index, text), 0u) << text;
  }
}

// The same with lists long enough for the table of BM25 values (1024 postings and more), of
// titles of many lengths, scored through the bit set of the ranked papers.
TEST(SearchScores, LongListsScoreTheSameBothWays) {
  std::string json =
      R"({"format": "papertree-corpus", "version": 2, "title": "T",
          "taxonomy": [{"id": "a", "name": "A"}], "papers": [)";
  const char* words[] = {"fast", "sparse", "low", "rank", "serving", "large", "language"};
  for (int i = 0; i < 3000; ++i) {
    std::string title = i % 3 == 0 ? "Quantization" : i % 3 == 1 ? "Pruning" : "Quantized pruning";
    for (int k = 0; k < i % 17; ++k) title += std::string(" ") + words[(i + k) % 7];
    if (i % 5 == 0) title += " quantization again";
    json += (i ? "," : "") + std::string(R"({"id": "p)") + std::to_string(i) + R"(", "title": ")" +
            title + R"(", "categories": ["a"]})";
  }
  json += "]}";
  Corpus corpus = load_corpus_text(json, "long.json");
  SearchIndex index(corpus);
  for (const char* text : {"quantization", "quantization OR pruning", "qu* OR pr*",
                           "quantization pruning", "\"low rank\" OR serving"}) {
    EXPECT_GT(expect_both_sums_equal(index, text), 1024u) << text;
  }
}

TEST(UniteAll, MergesFewEntriesAndMarksManyAlike) {
  const std::vector<PaperSet> parts = {{1, 5, 9}, {0, 5, 200}, {}, {9, 10}};
  const PaperSet expected = {0, 1, 5, 9, 10, 200};
  // 8 entries: merged pairwise below 8 * 64 papers, marked in a bit set at or above.
  EXPECT_EQ(unite_all(parts, 100000), expected);
  EXPECT_EQ(unite_all(parts, 201), expected);
  EXPECT_EQ(unite_all({{3, 4}}, 5), (PaperSet{3, 4}));
  EXPECT_TRUE(unite_all({}, 10).empty());
  EXPECT_EQ(unite_all({{63, 64, 127, 128}, {0}}, 129), (PaperSet{0, 63, 64, 127, 128}));
}

TEST(IntersectAll, ListsAndBitSetsAgree) {
  // Each set is the union of its parts; the answer is what every set holds.
  const std::vector<PaperParts> sets = {
      {{1, 5, 9, 64}, {0, 200}, {}},  // {0, 1, 5, 9, 64, 200}
      {{5}, {0, 9, 64, 300}},         // {0, 5, 9, 64, 300}
      {{0, 9}, {9, 64}},              // parts may overlap
  };
  const PaperSet expected = {0, 9, 64};
  // 15 entries: listed and intersected below 15 * 64 papers, and-ed as bit sets at or above.
  EXPECT_EQ(intersect_all(sets, 100000), expected);
  EXPECT_EQ(intersect_all(sets, 301), expected);
  EXPECT_TRUE(intersect_all({}, 10).empty());
  EXPECT_TRUE(intersect_all({{{1, 2}}, {}}, 3).empty());  // a set of no parts holds nothing
  EXPECT_EQ(intersect_all({{{1, 2}, {2, 3}}}, 4), (PaperSet{1, 2, 3}));
}

TEST(PaperBits, MarksCountsAndListsInOrder) {
  PaperBits bits(130);
  bits.mark(PaperSet{129, 3, 64, 63});
  EXPECT_EQ(bits.count(), 4u);
  EXPECT_EQ(bits.list(), (PaperSet{3, 63, 64, 129}));
  EXPECT_EQ(bits.counts_before(), (std::vector<std::uint32_t>{0, 2, 3}));
  EXPECT_EQ(bits.bit(64), 1u);
  EXPECT_EQ(bits.bit(65), 0u);
  PaperBits other(130);
  other.mark(PaperSet{64, 129, 100});
  bits.keep_common(other);
  EXPECT_EQ(bits.list(), (PaperSet{64, 129}));
  bits.clear();
  EXPECT_EQ(bits.count(), 0u);
}

}  // namespace
}  // namespace papertree
