#include <gtest/gtest.h>

#include "papertree/embedded.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree {
namespace {

TEST(EmbeddedCorpus, EqualsTheDataFileByteForByte) {
  std::string file =
      read_file(std::string(PAPERTREE_SOURCE_DIR) + "/data/efficient-llms-survey.json");
  EXPECT_EQ(embedded_corpus_json(), file);
}

TEST(EmbeddedCorpus, LoadsAndIsConsistent) {
  Corpus c = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  EXPECT_FALSE(c.papers().empty());
  EXPECT_TRUE(check_consistency(c).empty());
}

TEST(EmbeddedCorpus, IsInCanonicalForm) {
  std::string text(embedded_corpus_json());
  EXPECT_EQ(to_canonical_json(parse_corpus(text, "embedded")), text);
}

}  // namespace
}  // namespace papertree
