#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"

namespace papertree::fuzz {

/// A finding: prints what broke and aborts, which libFuzzer reports as a crash with the input.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz finding: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

/// The corpus bundled into the binary, loaded once: the data the query target searches.
const Corpus& embedded_corpus();

}  // namespace papertree::fuzz
