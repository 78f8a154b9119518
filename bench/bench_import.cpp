// Import: a synthetic awesome list of N entries, as hostile to id suffixing and merging as a
// real list gets: a third of the entries share one title with distinct arXiv ids (each a paper
// of its own, ids "a-survey-on-efficient-inference-2"…), a third share another title with no id
// (one paper listed under every heading, repeats dropped), a third are distinct; headings repeat
// their names every 50 sections (ids "methods-7-2"…).
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "papertree/import/markdown.hpp"
#include "synthetic_list.hpp"

namespace papertree::bench {
namespace {

void BM_ImportMarkdown(benchmark::State& state) {
  std::string text = synthetic_list(static_cast<int>(state.range(0)));
  std::size_t papers = 0;
  for (auto _ : state) {
    ImportResult r = import_markdown(text, "synthetic.md");
    papers = r.corpus.papers.size();
    benchmark::DoNotOptimize(r.corpus.papers.data());
  }
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["entries"] = static_cast<double>(state.range(0));
  state.counters["papers"] = static_cast<double>(papers);
}

// 25k and 100k give the linearity check (bench/import-speed compares the two); Complexity fits
// the times to O(N) and reports how well they fit.
BENCHMARK(BM_ImportMarkdown)
    ->Arg(1000)
    ->Arg(25000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
