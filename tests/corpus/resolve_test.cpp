#include <gtest/gtest.h>

#include "papertree/corpus/corpus.hpp"
#include "papertree/error.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string resolved_id(std::string_view text) {
  const Corpus& c = test::small_corpus();
  return c.category(resolve_category(c, text)).id;
}

// Returns "message\ndetail" of the UsageError resolve_category throws for `text`.
std::string resolve_error(std::string_view text) {
  try {
    resolve_category(test::small_corpus(), text);
  } catch (const UsageError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::usage);
    return std::string(e.what()) + "\n" + e.detail();
  }
  ADD_FAILURE() << "expected a UsageError for " << text;
  return {};
}

TEST(ResolveCategory, ExactId) {
  EXPECT_EQ(resolved_id("parameter-pruning"), "parameter-pruning");
}

TEST(ResolveCategory, FullPath) {
  EXPECT_EQ(resolved_id("model-centric/model-compression/quantization"), "quantization");
  EXPECT_EQ(resolved_id("model-centric/model-compression/quantization/"), "quantization");
}

TEST(ResolveCategory, NameIgnoringCase) {
  EXPECT_EQ(resolved_id("KV-Cache Optimization"), "kv-cache-optimization");
  EXPECT_EQ(resolved_id("kv-cache optimization"), "kv-cache-optimization");
  EXPECT_EQ(resolved_id("speculative decoding"), "speculative-decoding");
}

TEST(ResolveCategory, UniquePrefix) {
  EXPECT_EQ(resolved_id("spec"), "speculative-decoding");
  EXPECT_EQ(resolved_id("Prompt"), "prompt-compression");
  EXPECT_EQ(resolved_id("model-centric/eff"), "efficient-inference");
}

TEST(ResolveCategory, PrefixOfACategoryAndItsDescendantsPicksTheTop) {
  EXPECT_EQ(resolved_id("quant"), "quantization");
}

TEST(ResolveCategory, TrailingPathPart) {
  EXPECT_EQ(resolved_id("quantization/post-training-quantization"), "post-training-quantization");
}

TEST(ResolveCategory, AmbiguousPrefixListsIdCountAndPath) {
  EXPECT_EQ(resolve_error("p"),
            "category \"p\" is ambiguous; it matches 3 categories:\n"
            "  post-training-quantization     3 papers  Model-Centric Methods / Model Compression "
            "/ Quantization / Post-Training Quantization\n"
            "  parameter-pruning              1 paper   Model-Centric Methods / Model Compression "
            "/ Parameter Pruning\n"
            "  prompt-compression             1 paper   Data-Centric Methods / Prompt "
            "Compression\n"
            "give one of these ids");
}

TEST(ResolveCategory, AWordOfANameResolves) {
  EXPECT_EQ(resolved_id("pruning"), "parameter-pruning");
  EXPECT_EQ(resolved_id("Decoding"), "speculative-decoding");
  EXPECT_EQ(resolved_id("speculative"), "speculative-decoding");
}

TEST(ResolveCategory, APhraseOfANameResolvesWithSplitOrJoinedWords) {
  EXPECT_EQ(resolved_id("kv cache"), "kv-cache-optimization");
  EXPECT_EQ(resolved_id("KV-Cache"), "kv-cache-optimization");
  EXPECT_EQ(resolved_id("aware training"), "quantization-aware-training");
}

TEST(ResolveCategory, InflectedWordsMeetTheName) {
  EXPECT_EQ(resolved_id("optimizations"), "kv-cache-optimization");
  EXPECT_EQ(resolved_id("quantized"), "quantization");
}

TEST(ResolveCategory, WordsInAnyOrderSearchTheNames) {
  EXPECT_EQ(resolved_id("training quantization aware"), "quantization-aware-training");
  EXPECT_EQ(resolved_id("optimization cache"), "kv-cache-optimization");
}

TEST(ResolveCategory, AbbreviationsAndSynonyms) {
  EXPECT_EQ(resolved_id("PTQ"), "post-training-quantization");
  EXPECT_EQ(resolved_id("qat"), "quantization-aware-training");
  EXPECT_EQ(resolved_id("KVCache"), "kv-cache-optimization");
}

TEST(ResolveCategory, ASynonymOfACategoryTheCorpusLacksIsNotUsed) {
  // The small corpus has no Mixture of Experts: "moe" is simply unknown there.
  EXPECT_EQ(resolve_error("moe").rfind("unknown category \"moe\"", 0), 0u);
}

TEST(ResolveCategory, WordsMatchingSiblingsAreAmbiguous) {
  std::string msg = resolve_error("training");
  EXPECT_NE(msg.find("it matches 2 categories"), std::string::npos) << msg;
  EXPECT_NE(msg.find("  post-training-quantization "), std::string::npos) << msg;
  EXPECT_NE(msg.find("  quantization-aware-training "), std::string::npos) << msg;
  EXPECT_NE(resolve_error("compression").find("it matches 2 categories"), std::string::npos);
}

TEST(ResolveCategory, AOneWordTypoSuggestsTheNameHoldingTheWord) {
  // "prunning" stems to "prun", the start of "Pruning": it resolves. "prunign" does not.
  EXPECT_EQ(resolved_id("prunning"), "parameter-pruning");
  EXPECT_EQ(resolve_error("prunign"),
            "unknown category \"prunign\"; did you mean \"Parameter Pruning\"?\n"
            "run 'papertree tree --ids' to see every category and its id");
}

TEST(ResolveCategory, UnknownSuggestsClosestNames) {
  EXPECT_EQ(resolve_error("quantizaton"),
            "unknown category \"quantizaton\"; did you mean \"Quantization\"?\n"
            "run 'papertree tree --ids' to see every category and its id");
  EXPECT_EQ(
      resolve_error("atention"),
      "unknown category \"atention\"; did you mean \"Attention\"?\nrun 'papertree tree --ids' "
      "to see every category and its id");
}

// The thesaurus (data/thesaurus.tsv): other spellings and everyday names of the field.
TEST(ResolveCategory, TheThesaurusNamesCategories) {
  EXPECT_EQ(resolved_id("quantisation"), "quantization");
  EXPECT_EQ(resolved_id("calibration-based quantization"), "post-training-quantization");
  EXPECT_EQ(resolved_id("draft model"), "speculative-decoding");
  EXPECT_EQ(resolved_id("key-value cache"), "kv-cache-optimization");
}

TEST(ResolveCategory, UnknownWithNothingCloseSaysSo) {
  EXPECT_EQ(resolve_error("zzzzzzzzzzzz"),
            "unknown category \"zzzzzzzzzzzz\"\nrun 'papertree tree --ids' to see every category "
            "and its id");
}

TEST(ResolveCategory, EmptyIsAUsageError) {
  EXPECT_EQ(resolve_error("  "), "empty category name\n");
}

TEST(ResolveCategory, ControlCharactersInInputAreNotEchoedRaw) {
  std::string msg = resolve_error("\x1b[31mzz");
  EXPECT_EQ(msg.find('\x1b'), std::string::npos);
  EXPECT_NE(msg.find("\\x1b[31mzz"), std::string::npos);
}

// Search words name a category: the one whose whole name they are, even where a longer name in
// another branch holds them too; words held only by names in two branches name none.
TEST(CategoryNamedBy, AWholeNameWinsOverLongerNames) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "m", "name": "Model", "children": [
                   {"id": "ept", "name": "Efficient Pre-Training"},
                   {"id": "ft", "name": "Fast Decoding"}]},
                 {"id": "d", "name": "Data", "children": [
                   {"id": "ds", "name": "Data Selection for Efficient Pre-Training"},
                   {"id": "fd", "name": "Fast Decoding Data"}]}],
    "papers": []})");
  auto named = [&](std::string_view words) {
    auto found = category_named_by(c, words);
    return found ? c.category(*found).id : std::string("-");
  };
  EXPECT_EQ(named("efficient pre-training"), "ept");
  EXPECT_EQ(named("Efficient Pre-Training"), "ept");
  EXPECT_EQ(named("data selection"), "ds");
  EXPECT_EQ(named("pre-training"), "-");  // in both branches, the whole name of neither
  EXPECT_EQ(named("fast decoding"), "ft");
}

// Where several names share a word's stem, the one holding the word as typed (up to a plural s)
// is meant: "adapter" and "adaptation" both stem to "adapt".
TEST(ResolveCategory, TheNameHoldingTheWordAsTypedWinsOverASharedStem) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "peft", "name": "PEFT Methods", "children": [
                   {"id": "adapter", "name": "Adapter-based Tuning"},
                   {"id": "lora", "name": "Low-Rank Adaptation"}]},
                 {"id": "other", "name": "Adaptive Computation"}],
    "papers": []})");
  auto id = [&](std::string_view text) { return c.category(resolve_category(c, text)).id; };
  EXPECT_EQ(id("adapters"), "adapter");
  EXPECT_EQ(id("Adapter"), "adapter");
  EXPECT_EQ(id("adaptation"), "lora");
  EXPECT_EQ(id("adaptive"), "other");
  auto named = [&](std::string_view words) {
    auto found = category_named_by(c, words);
    return found ? c.category(*found).id : std::string("-");
  };
  EXPECT_EQ(named("adapters"), "adapter");
  EXPECT_EQ(named("adapt"), "-");  // the stem alone: every name holds it, none as typed
  try {
    resolve_category(c, "adapt");
    ADD_FAILURE() << "\"adapt\" resolved";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("matches 3 categories"), std::string::npos) << e.what();
  }
}

// A word that joins two adjacent words of a name ("pretraining") is read as those two, as search
// reads it; the errors still name the word as typed. A swap of two letters is one edit.
TEST(ResolveCategory, JoinedWordsAndSwappedLettersMeetTheName) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "ept", "name": "Efficient Pre-Training"},
                 {"id": "ft", "name": "Fine-Tuning", "children": [
                   {"id": "lora", "name": "Low-Rank Adaptation"}]},
                 {"id": "ds", "name": "Data Selection for Pre-Training"}],
    "papers": []})");
  auto id = [&](std::string_view text) { return c.category(resolve_category(c, text)).id; };
  EXPECT_EQ(id("finetuning"), "ft");
  EXPECT_EQ(id("Finetuning"), "ft");
  auto error = [&](std::string_view text) {
    try {
      resolve_category(c, text);
    } catch (const UsageError& e) {
      return std::string(e.what()) + "\n" + e.detail();
    }
    return std::string("(resolved)");
  };
  EXPECT_EQ(error("pretraining").rfind("category \"pretraining\" is ambiguous; it matches 2", 0),
            0u)
      << error("pretraining");
  EXPECT_EQ(
      error("lroa").rfind("unknown category \"lroa\"; did you mean \"Low-Rank Adaptation\"?", 0),
      0u)
      << error("lroa");
}

}  // namespace
}  // namespace papertree

namespace papertree {
namespace {

Corpus framework_corpus() {
  return test::load(R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}], "papers": [],
    "frameworks": [{"id": "tensorrt-llm", "name": "TensorRT-LLM", "url": "u"},
                   {"id": "mlc-llm", "name": "MLC LLM", "url": "u"},
                   {"id": "tgi", "name": "TGI", "url": "u"}]})");
}

TEST(FrameworkNamedBy, IdOrNameWithCaseAndPunctuationAside) {
  Corpus c = framework_corpus();
  for (std::string_view q : {"tensorrt-llm", "TensorRT LLM", "tensorrtllm", "tensorrt"}) {
    const Framework* f = framework_named_by(c, q);
    ASSERT_NE(f, nullptr) << q;
    EXPECT_EQ(f->id, "tensorrt-llm") << q;
  }
  ASSERT_NE(framework_named_by(c, "mlc llm"), nullptr);
  EXPECT_EQ(framework_named_by(c, "tgi")->id, "tgi");  // a whole id, however short
  // A short word of a name names nothing alone ("llm" is in many), nor do other words.
  EXPECT_EQ(framework_named_by(c, "llm"), nullptr);
  EXPECT_EQ(framework_named_by(c, "mlc"), nullptr);
  EXPECT_EQ(framework_named_by(c, "tensorrt quantization"), nullptr);
  EXPECT_EQ(framework_named_by(c, ""), nullptr);
}

TEST(IsFrameworkWord, WordsOfIdsAndNames) {
  Corpus c = framework_corpus();
  EXPECT_TRUE(is_framework_word(c, "tensorrt"));
  EXPECT_TRUE(is_framework_word(c, "mlc"));
  EXPECT_FALSE(is_framework_word(c, "tensor"));
  EXPECT_FALSE(is_framework_word(c, "quantization"));
}

}  // namespace
}  // namespace papertree
