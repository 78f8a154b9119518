// Browsing a loaded corpus: resolving a category, listing a large category, drawing the tree.
#include <benchmark/benchmark.h>

#include <sstream>

#include "bench_support.hpp"
#include "papertree/render/tree.hpp"

namespace papertree::bench {
namespace {

void BM_ResolveCategory(benchmark::State& state) {
  const Corpus& c = corpus();
  const std::string& name = c.category(large_category(c)).name;
  for (auto _ : state) benchmark::DoNotOptimize(resolve_category(c, name));
}

void BM_ListLargeCategory(benchmark::State& state) {
  const Corpus& c = corpus();
  CategoryIndex cat = large_category(c);
  for (auto _ : state) {
    auto papers = c.papers_under(cat);
    benchmark::DoNotOptimize(papers.data());
  }
  state.counters["papers"] = static_cast<double>(c.category(cat).total_papers);
}

void BM_FindPaper(benchmark::State& state) {
  const Corpus& c = corpus();
  const std::string& id = c.paper(static_cast<PaperIndex>(c.papers().size() / 2)).id;
  for (auto _ : state) benchmark::DoNotOptimize(c.find_paper(id));
}

void BM_RenderTreeText(benchmark::State& state) {
  const Corpus& c = corpus();
  TreeOptions options;
  options.width = 100;
  for (auto _ : state) {
    std::ostringstream out;
    render_tree_text(c, options, out);
    benchmark::DoNotOptimize(out.tellp());
  }
}

void BM_RenderTreeJson(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    std::ostringstream out;
    render_tree_json(c, TreeOptions{}, out);
    benchmark::DoNotOptimize(out.tellp());
  }
}

BENCHMARK(BM_ResolveCategory)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ListLargeCategory)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FindPaper)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RenderTreeText)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RenderTreeJson)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
