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

/// A fresh directory in the test temporary directory, removed with all it holds when the object
/// goes (std::filesystem::remove_all), so that no test leaves files behind, even when it fails.
class TempDirectory {
 public:
  TempDirectory();
  ~TempDirectory();
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::string& path() const { return m_path; }
  /// The path of `name` inside the directory.
  std::string file(const std::string& name) const { return m_path + "/" + name; }

 private:
  std::string m_path;
};

}  // namespace papertree::test
