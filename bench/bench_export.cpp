// Every exporter that this build has, on a large category with all its papers (the shape of
// `papertree export CATEGORY --format F`) and on the whole corpus. Exporters land on their own
// branches; each is registered only when its header exists.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "papertree/render/export.hpp"
#if __has_include("papertree/render/markdown.hpp")
#include "papertree/render/markdown.hpp"
#endif
#if __has_include("papertree/render/bibtex.hpp")
#include "papertree/render/bibtex.hpp"
#endif
#if __has_include("papertree/render/csljson.hpp")
#include "papertree/render/csljson.hpp"
#endif
#if __has_include("papertree/render/csv.hpp")
#include "papertree/render/csv.hpp"
#endif
#if __has_include("papertree/render/corpus_json.hpp")
#include "papertree/render/corpus_json.hpp"
#endif
#if __has_include("papertree/render/figure.hpp")
#include "papertree/render/figure.hpp"
#endif
#if __has_include("papertree/render/html.hpp")
#include "papertree/render/html.hpp"
#endif

namespace papertree::bench {
namespace {

struct Exporter {
  const char* name;
  ExportFunction render;
};

std::vector<Exporter> exporters() {
  std::vector<Exporter> out;
#if __has_include("papertree/render/markdown.hpp")
  out.push_back({"markdown", render_markdown});
#endif
#if __has_include("papertree/render/bibtex.hpp")
  out.push_back({"bibtex", render_bibtex});
#endif
#if __has_include("papertree/render/csljson.hpp")
  out.push_back({"csljson", render_csljson});
#endif
#if __has_include("papertree/render/csv.hpp")
  out.push_back({"csv", render_csv});
#endif
#if __has_include("papertree/render/corpus_json.hpp")
  out.push_back({"json", render_corpus_json});
#endif
#if __has_include("papertree/render/figure.hpp")
  out.push_back({"dot", export_dot});
  out.push_back({"mermaid", export_mermaid});
  out.push_back({"latex", export_latex});
#endif
#if __has_include("papertree/render/html.hpp")
  out.push_back({"html", export_html});
#endif
  return out;
}

void run_export(benchmark::State& state, ExportFunction render, bool whole, bool with_papers) {
  const Corpus& c = corpus();
  ExportSelection selection;
  if (whole) {
    for (PaperIndex p = 0; p < c.papers().size(); ++p) selection.papers.push_back(p);
  } else {
    selection.root = large_category(c);
    selection.papers = c.papers_under(*selection.root);
  }
  ExportOptions options;
  options.with_papers = with_papers;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    render(c, selection, options, out);
    bytes = static_cast<std::size_t>(out.tellp());
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["papers"] = static_cast<double>(selection.papers.size());
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_NoExporterYet(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
  state.SetLabel("no exporter is in this build yet");
}

int register_all() {
  auto all = exporters();
  if (all.empty()) benchmark::RegisterBenchmark("BM_NoExporterYet", BM_NoExporterYet);
  for (const Exporter& e : all) {
    ExportFunction render = e.render;
    benchmark::RegisterBenchmark(
        (std::string("BM_Export/category/") + e.name).c_str(),
        [render](benchmark::State& s) { run_export(s, render, false, true); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(
        (std::string("BM_Export/all/") + e.name).c_str(),
        [render](benchmark::State& s) { run_export(s, render, true, true); })
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

const int k_registered = register_all();

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
