#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

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

TempDirectory::TempDirectory() {
  std::string pattern = ::testing::TempDir() + "papertree-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a directory like " + pattern);
  m_path = pattern;
}

TempDirectory::~TempDirectory() {
  std::error_code ignored;  // a destructor must not throw; a leftover is all that can go wrong
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace papertree::test
