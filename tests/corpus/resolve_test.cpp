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

TEST(ResolveCategory, AmbiguousPrefixListsCandidates) {
  EXPECT_EQ(resolve_error("p"),
            "category \"p\" is ambiguous; it matches 3 categories:\n"
            "  model-centric/model-compression/quantization/post-training-quantization  "
            "(Post-Training Quantization)\n"
            "  model-centric/model-compression/parameter-pruning  (Parameter Pruning)\n"
            "  data-centric/prompt-compression  (Prompt Compression)");
}

TEST(ResolveCategory, UnknownSuggestsClosestNames) {
  EXPECT_EQ(resolve_error("quantisation"),
            "unknown category \"quantisation\"; did you mean \"Quantization\"?\n"
            "run 'papertree tree' to see every category");
  EXPECT_EQ(resolve_error("atention"),
            "unknown category \"atention\"; did you mean \"Attention\"?\nrun 'papertree tree' to "
            "see every category");
}

TEST(ResolveCategory, UnknownWithNothingCloseSaysSo) {
  EXPECT_EQ(resolve_error("zzzzzzzzzzzz"),
            "unknown category \"zzzzzzzzzzzz\"\nrun 'papertree tree' to see every category");
}

TEST(ResolveCategory, EmptyIsAUsageError) {
  EXPECT_EQ(resolve_error("  "), "empty category name\n");
}

TEST(ResolveCategory, ControlCharactersInInputAreNotEchoedRaw) {
  std::string msg = resolve_error("\x1b[31mzz");
  EXPECT_EQ(msg.find('\x1b'), std::string::npos);
  EXPECT_NE(msg.find("\\x1b[31mzz"), std::string::npos);
}

}  // namespace
}  // namespace papertree
