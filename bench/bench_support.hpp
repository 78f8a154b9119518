#pragma once

#include <string>

#include "papertree/corpus/corpus.hpp"

namespace papertree::bench {

/// The corpus file the benchmarks run on: `--corpus=FILE` on the command line (left over after
/// Google Benchmark took its own flags), else $PAPERTREE_BENCH_CORPUS, else empty for the
/// embedded survey.
std::string corpus_path();

/// The text of that corpus file (or the embedded JSON), read once.
const std::string& corpus_text();

/// That corpus, loaded once and shared by every benchmark of the program.
const Corpus& corpus();

/// The category with the most papers below it that is not a top-level branch (the "large
/// category" listed and exported by the benchmarks), or a root when there is no other.
CategoryIndex large_category(const Corpus& corpus);

/// Google Benchmark's main with the --corpus=FILE flag added. Returns the exit code.
int run_main(int argc, char** argv);

}  // namespace papertree::bench
