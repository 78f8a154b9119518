// Search: index build, query parsing and query execution for several query shapes, and the core
// of `list CATEGORY` (selection, sorting). Registered only once the search module is in the
// build (include/papertree/search.hpp).
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#if __has_include("papertree/search/search.hpp")
#include "papertree/search/query.hpp"
#include "papertree/search/search.hpp"
#include "papertree/corpus/select.hpp"

namespace papertree::bench {
namespace {

// The query shapes measured, on the survey's vocabulary (synthetic corpora share it).
struct Shape {
  const char* name;
  const char* query;
};
const Shape k_shapes[] = {
    {"word", "quantization"},
    {"two_words", "speculative decoding"},
    {"phrase", "\"large language models\""},
    {"or", "pruning OR distillation"},
    {"prefix", "quant*"},
    {"typo", "speculatve"},
    {"filters", "attention year:2023..2024 has:code"},
    {"in_category", "efficient in:quantization"},
    {"not", "llm -quantization"},
};

const SearchIndex& index() {
  static const SearchIndex built(corpus());
  return built;
}

void BM_BuildSearchIndex(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    SearchIndex built(c);
    benchmark::DoNotOptimize(built.vocabulary_size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.papers().size()));
}

void BM_ParseQuery(benchmark::State& state, const char* query) {
  for (auto _ : state) {
    QueryNode node = parse_query(query);
    benchmark::DoNotOptimize(node.children.data());
  }
}

// What `papertree search QUERY` does once the corpus and index exist: parse, evaluate, rank.
void BM_Search(benchmark::State& state, const char* query) {
  const SearchIndex& idx = index();
  std::size_t hits = 0;
  for (auto _ : state) {
    SearchResult result = idx.search(parse_query(query));
    hits = result.papers.size();
    benchmark::DoNotOptimize(result.papers.data());
  }
  state.counters["hits"] = static_cast<double>(hits);
}

// Search plus the command-line filters (--year, --has-code) and a category (--in).
void BM_SearchFiltered(benchmark::State& state) {
  const Corpus& c = corpus();
  const SearchIndex& idx = index();
  Filters filters;
  filters.years = parse_year_range("2023..");
  filters.has_code = true;
  CategoryIndex within = large_category(c);
  std::size_t hits = 0;
  for (auto _ : state) {
    SearchResult result = idx.search(parse_query("language models"));
    filter_result(c, result, filters, within);
    hits = result.papers.size();
    benchmark::DoNotOptimize(result.papers.data());
  }
  state.counters["hits"] = static_cast<double>(hits);
}

// The core of `papertree list CATEGORY`: the subtree's papers, filtered and sorted.
void BM_ListCategorySorted(benchmark::State& state) {
  const Corpus& c = corpus();
  CategoryIndex cat = large_category(c);
  std::size_t n = 0;
  for (auto _ : state) {
    auto papers = select_papers(c, cat, false, Filters{});
    sort_papers(c, papers, SortOptions{});
    n = papers.size();
    benchmark::DoNotOptimize(papers.data());
  }
  state.counters["papers"] = static_cast<double>(n);
}

void BM_ResolvePaperById(benchmark::State& state) {
  const Corpus& c = corpus();
  const std::string& id = c.paper(static_cast<PaperIndex>(c.papers().size() / 2)).id;
  for (auto _ : state) benchmark::DoNotOptimize(resolve_paper(c, id));
}

int register_all() {
  benchmark::RegisterBenchmark("BM_BuildSearchIndex", BM_BuildSearchIndex)
      ->Unit(benchmark::kMillisecond);
  for (const Shape& s : k_shapes) {
    benchmark::RegisterBenchmark((std::string("BM_ParseQuery/") + s.name).c_str(), BM_ParseQuery,
                                 s.query)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const Shape& s : k_shapes) {
    benchmark::RegisterBenchmark((std::string("BM_Search/") + s.name).c_str(), BM_Search, s.query)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark("BM_SearchFiltered", BM_SearchFiltered)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_ListCategorySorted", BM_ListCategorySorted)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_ResolvePaperById", BM_ResolvePaperById)
      ->Unit(benchmark::kMicrosecond);
  return 0;
}

const int k_registered = register_all();

}  // namespace
}  // namespace papertree::bench

#else

namespace {

void BM_NoSearchYet(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
  state.SetLabel("the search module is not in this build yet");
}
BENCHMARK(BM_NoSearchYet);

}  // namespace

#endif

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
