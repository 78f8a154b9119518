#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::bench {

namespace {

std::string g_corpus_flag;

std::string origin() {
  std::string path = corpus_path();
  return path.empty() ? std::string(k_embedded_origin) : path;
}

}  // namespace

std::string corpus_path() {
  if (!g_corpus_flag.empty()) return g_corpus_flag;
  const char* env = std::getenv("PAPERTREE_BENCH_CORPUS");
  return env == nullptr ? std::string() : std::string(env);
}

const std::string& corpus_text() {
  static const std::string text = [] {
    std::string path = corpus_path();
    // The benchmarks read files of their own making, of any size: no input limit.
    return path.empty() ? std::string(embedded_corpus_json()) : read_file(path, SIZE_MAX);
  }();
  return text;
}

const Corpus& corpus() {
  static const Corpus loaded = load_corpus_text(corpus_text(), origin());
  return loaded;
}

CategoryIndex large_category(const Corpus& corpus) {
  CategoryIndex best = 0;
  bool found = false;
  for (CategoryIndex c = 0; c < corpus.categories().size(); ++c) {
    const Category& cat = corpus.category(c);
    if (!cat.parent) continue;
    if (!found || cat.total_papers > corpus.category(best).total_papers) best = c;
    found = true;
  }
  return best;
}

int run_main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.rfind("--corpus=", 0) == 0) {
      g_corpus_flag = std::string(arg.substr(9));
    } else {
      std::cerr << argv[0] << ": unknown argument " << arg << " (expected --corpus=FILE)\n";
      return 2;
    }
  }
  try {
    const Corpus& c = corpus();
    benchmark::AddCustomContext("corpus", origin());
    benchmark::AddCustomContext("papers", std::to_string(c.papers().size()));
    benchmark::AddCustomContext("corpus_bytes", std::to_string(corpus_text().size()));
  } catch (const Error& e) {
    std::cerr << argv[0] << ": error: " << e.what() << '\n';
    return 3;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace papertree::bench
