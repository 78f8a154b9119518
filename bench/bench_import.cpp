// Import: a synthetic awesome list of N entries, as hostile to id suffixing and merging as a
// real list gets: a third of the entries share one title with distinct arXiv ids (each a paper
// of its own, ids "a-survey-on-efficient-inference-2"…), a third share another title with no id
// (one paper listed under every heading, repeats dropped), a third are distinct; headings repeat
// their names every 50 sections (ids "methods-7-2"…).
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench_support.hpp"
#include "papertree/import/markdown.hpp"

namespace papertree::bench {
namespace {

constexpr int k_per_section = 100;

std::string synthetic_list(int entries) {
  std::string text = "# Synthetic Paper List\n\n";
  for (int i = 0; i < entries; ++i) {
    if (i % k_per_section == 0) {
      int section = i / k_per_section;
      text += fmt::format("## Group {}\n\n### Methods {}\n\n", section % 10, section % 50);
    }
    std::string arxiv =
        fmt::format("https://arxiv.org/abs/{:04}.{:05}", 2301 + i / 100000, i % 100000);
    switch (i % 3) {
      case 0:
        text += fmt::format(
            "- A Survey on Efficient Inference, <ins>arXiv, 2024</ins> [[Paper]({})]\n", arxiv);
        break;
      case 1:
        text += "- Same Title Everywhere, <ins>ICML, 2023</ins> [[Code](https://github.com/x/y)]\n";
        break;
      default:
        text += fmt::format(
            "- Method {}: Making Models Small, <ins>NeurIPS, 2023</ins> "
            "[[Paper]({})] [[Code](https://github.com/m/{})]\n",
            i, arxiv, i);
    }
  }
  return text;
}

void BM_ImportMarkdown(benchmark::State& state) {
  std::string text = synthetic_list(static_cast<int>(state.range(0)));
  std::size_t papers = 0;
  for (auto _ : state) {
    ImportResult r = import_markdown(text, "synthetic.md");
    papers = r.corpus.papers.size();
    benchmark::DoNotOptimize(r.corpus.papers.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["entries"] = static_cast<double>(state.range(0));
  state.counters["papers"] = static_cast<double>(papers);
}

BENCHMARK(BM_ImportMarkdown)->Arg(1000)->Arg(20000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
