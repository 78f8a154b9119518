// Fuzz target: every exporter and renderer fed a fuzzed corpus. The first byte picks options
// (flat, with papers, a depth, a subtree); the rest is corpus JSON. A corpus that loads must
// render in every format without a crash, a sanitizer report or an exception.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/render/corpus_json.hpp"
#include "papertree/render/csljson.hpp"
#include "papertree/render/csv.hpp"
#include "papertree/render/figure.hpp"
#include "papertree/render/html.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/render/papers.hpp"
#include "papertree/render/stats.hpp"
#include "papertree/render/tree.hpp"

using namespace papertree;

namespace {

const ExportFunction k_exporters[] = {render_markdown, render_bibtex,      render_csljson,
                                      render_csv,      render_corpus_json, export_dot,
                                      export_mermaid,  export_latex,       export_html};

void render_lists(const Corpus& corpus, const std::vector<PaperIndex>& papers, std::size_t width) {
  std::ostringstream out;
  PaperListOptions options;
  options.width = width;
  render_papers_table(corpus, papers, options, out);
  render_papers_plain(corpus, papers, options, out);
  render_papers_ids(corpus, papers, out);
  render_papers_json(corpus, papers, options, out);
  render_papers_jsonl(corpus, papers, options, out);
  for (std::size_t i = 0; i < papers.size() && i < 8; ++i)
    render_paper_details(corpus, papers[i], TextStyle{}, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = bytes[0];
  std::string_view text(reinterpret_cast<const char*>(bytes + 1), size - 1);
  std::optional<Corpus> loaded;
  try {
    loaded.emplace(load_corpus_text(text, "f.json"));
  } catch (const DataError&) {
    return 0;
  }
  const Corpus& corpus = *loaded;
  ExportSelection selection;
  if ((pick & 0x08) != 0 && !corpus.categories().empty())
    selection.root = static_cast<CategoryIndex>((pick >> 4) % corpus.categories().size());
  selection.papers = select_papers(corpus, selection.root, false, Filters{});
  ExportOptions options{(pick & 1) != 0, (pick & 2) != 0, (pick & 4) != 0 ? 1 : -1};
  for (ExportFunction exporter : k_exporters) {
    std::ostringstream out;
    exporter(corpus, selection, options, out);
  }
  std::ostringstream out;
  TreeOptions tree;
  tree.root = selection.root;
  tree.width = (pick & 0x10) != 0 ? 20 : 0;
  render_tree_text(corpus, tree, out);
  render_tree_json(corpus, tree, out);
  CorpusStats stats = compute_stats(corpus, selection.root);
  render_stats_text(stats, StatsOptions{}, out);
  render_stats_json(stats, corpus, out);
  render_lists(corpus, selection.papers, (pick & 0x20) != 0 ? 30 : 0);
  return 0;
}
