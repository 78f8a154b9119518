// The simdjson trial of issue #16: how fast could papertree's loader be with simdjson (Debian
// libsimdjson-dev) in place of its own fast JSON path? Side by side on the same corpus text:
//   BM_PapertreeParse   parse_corpus: papertree's loader into plain data, with every check and
//                       the exact error messages (what `--no-cache` runs);
//   BM_SimdjsonDom      simdjson's DOM parser over the whole text: parsing alone, no papers;
//   BM_SimdjsonPapers   simdjson On-Demand filling the same Paper structs (every field the
//                       corpus format defines, no checks, unknown keys skipped): a lower bound
//                       for a simdjson loader, which would still need papertree's checks.
// Built only when CMake finds simdjson; bench.smoke runs it once so it cannot rot.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <string>
#include <string_view>

#include "bench_support.hpp"
#include "papertree/json/load.hpp"

namespace papertree::bench {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

std::string text_of(value v) { return std::string(std::string_view(v.get_string())); }

std::vector<std::string> strings_of(value v) {
  std::vector<std::string> out;
  for (auto item : v.get_array()) out.push_back(std::string(std::string_view(item.get_string())));
  return out;
}

Paper paper_of(object o) {
  Paper p;
  for (auto field : o) {
    std::string_view key = field.unescaped_key();
    value v = field.value();
    if (key == "id") {
      p.id = text_of(v);
    } else if (key == "title") {
      p.title = text_of(v);
    } else if (key == "venue") {
      p.venue = text_of(v);
    } else if (key == "year") {
      p.year = static_cast<int>(std::int64_t(v.get_int64()));
    } else if (key == "kind") {
      p.kind = text_of(v);
    } else if (key == "arxiv") {
      p.arxiv = text_of(v);
    } else if (key == "doi") {
      p.doi = text_of(v);
    } else if (key == "added") {
      p.added = text_of(v);
    } else if (key == "authors_truncated") {
      p.authors_truncated = bool(v.get_bool());
    } else if (key == "categories") {
      p.categories = strings_of(v);
    } else if (key == "ignore") {
      p.ignore = strings_of(v);
    } else if (key == "links") {
      for (auto item : v.get_array()) {
        Link link;
        for (auto f : item.get_object()) {
          std::string_view k = f.unescaped_key();
          if (k == "label") link.label = text_of(f.value());
          if (k == "url") link.url = text_of(f.value());
        }
        p.links.push_back(std::move(link));
      }
    } else if (key == "authors") {
      for (auto item : v.get_array()) {
        Author author;
        for (auto f : item.get_object()) {
          std::string_view k = f.unescaped_key();
          if (k == "family") author.family = text_of(f.value());
          if (k == "given") author.given = text_of(f.value());
          if (k == "literal") author.literal = text_of(f.value());
        }
        p.authors.push_back(std::move(author));
      }
    }
  }
  return p;
}

void BM_PapertreeParse(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state) {
    CorpusData data = parse_corpus(text, "bench.json");
    benchmark::DoNotOptimize(data.papers.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_SimdjsonDom(benchmark::State& state) {
  const simdjson::padded_string padded(corpus_text());
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element root = parser.parse(padded);
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * padded.size()));
}

void BM_SimdjsonPapers(benchmark::State& state) {
  const simdjson::padded_string padded(corpus_text());
  simdjson::ondemand::parser parser;
  std::size_t papers = 0;
  for (auto _ : state) {
    std::vector<Paper> out;
    out.reserve(padded.size() / 600);
    simdjson::ondemand::document doc = parser.iterate(padded);
    for (auto field : doc.get_object()) {
      if (std::string_view(field.unescaped_key()) != "papers") continue;
      for (auto item : field.value().get_array()) out.push_back(paper_of(item.get_object()));
    }
    papers = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * padded.size()));
  state.counters["papers"] = static_cast<double>(papers);
}

BENCHMARK(BM_PapertreeParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimdjsonDom)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimdjsonPapers)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace papertree::bench

int main(int argc, char** argv) {
  return papertree::bench::run_main(argc, argv);
}
