// Fuzz target: compiled snapshots, which `--corpus FILE` reads from any file that starts with the
// snapshot magic, so their bytes are untrusted input.
//   - Bytes that start with the magic are a snapshot: their header is brought to this build's
//     version and fingerprint and their checksums are recomputed (so the fuzzer explores what
//     lies behind them, where a crafted file would go), then every part is read: each paper, its
//     placements and id lookup, each category's papers, every sort order, the consistency
//     checks and some searches. Damage may only ever be a DataError.
//   - Anything else is tried as a corpus file: one that loads is compiled into a snapshot and
//     read back, which must give the same data and the same search answers.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../src/snapshot/codec.hpp"
#include "fuzz_support.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/query.hpp"
#include "papertree/search/search.hpp"
#include "papertree/snapshot/snapshot.hpp"

using namespace papertree;

namespace {

constexpr std::size_t k_header_size = 104;
constexpr std::size_t k_most_papers_read = 4096;
const char* const k_queries[] = {"quantization", "kv cache", "\"large language\"", "quant*",
                                 "pruning OR sparsity -survey", "title:llm year:2023",
                                 "quantizaton"};

// A snapshot of a small corpus made by this build: its header supplies the fields the fuzzer
// should not spend its time guessing (byte-order marker, version, index fingerprint).
const std::string& reference_snapshot() {
  static const std::string bytes = [] {
    Corpus corpus = load_corpus_text(
        R"({"format": "papertree-corpus", "version": 2, "title": "T",
            "taxonomy": [{"id": "a", "name": "A"}],
            "papers": [{"id": "p", "title": "P", "categories": ["a"]}]})",
        "ref.json");
    return build_snapshot(corpus, SearchIndex(corpus), {});
  }();
  return bytes;
}

void read_everything(const LoadedSnapshot& loaded) {
  const Corpus& corpus = *loaded.corpus;
  const std::size_t n = std::min(corpus.paper_count(), k_most_papers_read);
  for (PaperIndex p = 0; p < n; ++p) {
    const Paper& paper = corpus.paper(p);
    (void)corpus.paper_categories(p);
    (void)corpus.find_paper(paper.id);
  }
  for (CategoryIndex c = 0; c < corpus.categories().size(); ++c) {
    (void)corpus.direct_papers(c);
    (void)corpus.papers_under(c);
  }
  std::vector<PaperIndex> all(n);
  std::iota(all.begin(), all.end(), PaperIndex{0});
  for (SortKey key : {SortKey::year, SortKey::title, SortKey::venue, SortKey::added}) {
    for (bool reverse : {false, true}) {
      std::vector<PaperIndex> sorted = all;
      sort_papers(corpus, sorted, {key, reverse});
    }
  }
  for (const char* q : k_queries) (void)loaded.index->search(parse_query(q));
  if (corpus.paper_count() <= k_most_papers_read) (void)check_consistency(corpus);
}

void fuzz_snapshot_bytes(std::string bytes) {
  if (bytes.size() < k_header_size) return;
  const std::string& ref = reference_snapshot();
  std::memcpy(bytes.data() + 8, ref.data() + 8, 8);    // byte-order marker, version
  std::memcpy(bytes.data() + 32, ref.data() + 32, 8);  // index fingerprint
  std::string problem = snapshot_problem({bytes.data(), bytes.size()});
  if (problem == "corrupted (checksum mismatch)") snapshot_detail::reseal(bytes);
  try {
    LoadedSnapshot loaded = read_snapshot({bytes.data(), bytes.size()}, "f.json", "f.snapshot");
    read_everything(loaded);
  } catch (const DataError&) {
    // A damaged snapshot: refused, as it must be.
  } catch (const UsageError&) {
    // A search naming a category the taxonomy lacks.
  }
}

void fuzz_round_trip(std::string_view text) {
  std::optional<Corpus> corpus;
  try {
    corpus.emplace(load_corpus_text(text, "f.json"));
  } catch (const DataError&) {
    return;
  }
  SearchIndex index(*corpus);
  std::string bytes = build_snapshot(*corpus, index, {});
  LoadedSnapshot loaded = read_snapshot({bytes.data(), bytes.size()}, "f.json", "f.snapshot");
  fuzz::check(to_canonical_json(loaded.corpus->data()) == to_canonical_json(corpus->data()),
              "the snapshot does not give back the corpus", text);
  for (const char* q : k_queries) {
    QueryNode query = parse_query(q);
    SearchResult a = index.search(query);
    SearchResult b = loaded.index->search(query);
    fuzz::check(a.papers == b.papers && a.scores == b.scores && a.near == b.near,
                "the snapshot ranks differently", std::string(q) + "\n" + std::string(text));
  }
  read_everything(loaded);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (looks_like_snapshot({input.data(), input.size()})) {
    fuzz_snapshot_bytes(std::string(input));
  } else {
    fuzz_round_trip(input);
  }
  return 0;
}
