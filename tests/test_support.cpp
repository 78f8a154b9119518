#include "test_support.hpp"

#include <gtest/gtest.h>

#include "papertree/json/load.hpp"

namespace papertree::test {

std::string fixture(const std::string& name) {
  return std::string(PAPERTREE_FIXTURES) + "/" + name;
}

const Corpus& small_corpus() {
  static const Corpus corpus = [] {
    Corpus c = load_corpus_file(fixture("small.json"));
    auto problems = check_consistency(c);
    EXPECT_TRUE(problems.empty()) << problems.front();
    return c;
  }();
  return corpus;
}

Corpus load(const std::string& text) {
  return load_corpus_text(text, "t.json");
}

}  // namespace papertree::test
