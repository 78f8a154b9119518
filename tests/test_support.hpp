#pragma once

#include <string>

#include "papertree/corpus/corpus.hpp"

namespace papertree::test {

/// The path of a file in tests/fixtures.
std::string fixture(const std::string& name);

/// tests/fixtures/small.json, loaded once; checked with check_consistency.
const Corpus& small_corpus();

/// Loads `text` as a corpus named "t.json", for error-case tests.
Corpus load(const std::string& text);

}  // namespace papertree::test
