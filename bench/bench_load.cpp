// Load stages: JSON parse into plain data, index build, and both together from a file.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "bench_support.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::bench {
namespace {

void BM_ParseCorpus(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state) {
    CorpusData data = parse_corpus(text, "bench.json");
    benchmark::DoNotOptimize(data.papers.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["papers"] = static_cast<double>(corpus().papers().size());
}

void BM_BuildCorpus(benchmark::State& state) {
  const CorpusData& original = corpus().data();
  for (auto _ : state) {
    state.PauseTiming();
    CorpusData copy = original;
    state.ResumeTiming();
    Corpus built = Corpus::build(std::move(copy), "bench.json");
    benchmark::DoNotOptimize(built.categories().data());
    state.PauseTiming();
    // The destruction of a million papers is not part of building.
    { Corpus gone = std::move(built); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * original.papers.size()));
}

void BM_LoadFile(benchmark::State& state) {
  std::string path = corpus_path();
  if (path.empty()) {
    state.SkipWithError("the embedded corpus has no file; pass --corpus=FILE");
    return;
  }
  for (auto _ : state) {
    Corpus c = load_corpus_file(path, SIZE_MAX);
    benchmark::DoNotOptimize(c.papers().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_text().size()));
}

void BM_ReadFile(benchmark::State& state) {
  std::string path = corpus_path();
  if (path.empty()) {
    state.SkipWithError("the embedded corpus has no file; pass --corpus=FILE");
    return;
  }
  for (auto _ : state) {
    std::string text = read_file(path, SIZE_MAX);
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_text().size()));
}

BENCHMARK(BM_ReadFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
