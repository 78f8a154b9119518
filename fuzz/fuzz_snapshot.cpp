// Fuzz target: compiled snapshots, which `--corpus FILE` reads from any file that starts with the
// snapshot magic, so their bytes are untrusted input.
//   - Bytes that start with the magic are a snapshot: their header is brought to this build's
//     version and fingerprint and their checksums are recomputed (so the fuzzer explores what
//     lies behind them, where a crafted file would go), then every part is read: each paper, its
//     placements and id lookup, each category's papers, every sort order, the consistency
//     checks and some searches, once as a mapped file is read (each chunk checked when first
//     read) and once as bytes in memory (all checked at once). Damage may only ever be a
//     DataError.
//   - Anything else is tried as a corpus file: one that loads is compiled into a snapshot and
//     read back, which must give the same data, the same search answers, and the same sort
//     orders, category counts and subtrees (which the snapshot stores rather than recomputes).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
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
  const SearchIndex* index = loaded.index.get();
  std::unique_ptr<SearchIndex> loaded_index;
  if (!index) {
    loaded_index = loaded.index_loader();
    index = loaded_index.get();
  }
  for (const char* q : k_queries) (void)index->search(parse_query(q));
  if (corpus.paper_count() <= k_most_papers_read) (void)check_consistency(corpus);
}

// Reads the snapshot as a mapped file is read (each chunk checked when first read), then as
// bytes in memory are (every chunk checked at once).
void read_both_ways(const std::string& bytes) {
  for (bool lazily : {true, false}) {
    // open_snapshot_file refuses a file whose header, sizes or checksum are wrong before it opens
    // it in place (read_snapshot does the same check itself).
    if (lazily && !snapshot_problem({bytes.data(), bytes.size()}).empty()) continue;
    try {
      auto owner = std::make_shared<const std::string>(bytes);
      LoadedSnapshot loaded =
          lazily ? snapshot_detail::open_checked_snapshot(owner, {owner->data(), owner->size()},
                                                          "f.json", "f.snapshot", "rebuild it")
                 : read_snapshot({bytes.data(), bytes.size()}, "f.json", "f.snapshot");
      read_everything(loaded);
    } catch (const DataError&) {
      // A damaged snapshot: refused, as it must be.
    } catch (const UsageError&) {
      // A search naming a category the taxonomy lacks.
    }
  }
}

// The orders, counts and subtrees the snapshot stores (rather than recomputes) against the
// JSON corpus's own.
void compare_stored(const Corpus& json, const Corpus& snap, std::string_view text) {
  fuzz::check(json.paper_count() == snap.paper_count(), "paper counts differ", text);
  for (CategoryIndex c = 0; c < json.categories().size(); ++c) {
    fuzz::check(json.category(c).direct_count == snap.category(c).direct_count &&
                    json.category(c).total_papers == snap.category(c).total_papers,
                "category counts differ", text);
    auto a = json.direct_papers(c);
    auto b = snap.direct_papers(c);
    fuzz::check(std::equal(a.begin(), a.end(), b.begin(), b.end()), "direct papers differ", text);
    fuzz::check(json.papers_under(c) == snap.papers_under(c), "subtree papers differ", text);
  }
  std::vector<PaperIndex> all(json.paper_count());
  std::iota(all.begin(), all.end(), PaperIndex{0});
  for (SortKey key : {SortKey::year, SortKey::title, SortKey::venue, SortKey::added}) {
    for (bool reverse : {false, true}) {
      for (std::size_t first : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
        std::vector<PaperIndex> x = all;
        std::vector<PaperIndex> y = all;
        sort_papers(json, x, {key, reverse, first});
        sort_papers(snap, y, {key, reverse, first});
        std::size_t shown = first == 0 ? x.size() : std::min(first, x.size());
        fuzz::check(std::equal(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(shown), y.begin()),
                    "the snapshot sorts differently", text);
      }
    }
  }
}

void fuzz_snapshot_bytes(std::string bytes) {
  if (bytes.size() < k_header_size) return;
  const std::string& ref = reference_snapshot();
  std::memcpy(bytes.data() + 8, ref.data() + 8, 8);    // byte-order marker, version
  std::memcpy(bytes.data() + 32, ref.data() + 32, 8);  // index fingerprint
  // The header's checksum covers the header, head and chunk table; a mutation of the body alone
  // leaves it intact but breaks a chunk's sum. Either way the sums are recomputed, so that the
  // checks behind them are what the fuzzer reaches.
  std::string problem = snapshot_problem({bytes.data(), bytes.size()});
  if (problem.empty() || problem == "corrupted (checksum mismatch)") snapshot_detail::reseal(bytes);
  read_both_ways(bytes);
}

void fuzz_round_trip(std::string_view text) {
  std::optional<Corpus> corpus;
  try {
    corpus.emplace(load_corpus_text(text, "f.json"));
  } catch (const DataError&) {
    return;
  }
  SearchIndex index(*corpus, 1);
  std::string bytes = build_snapshot(*corpus, index, {});
  // Built by threads over ranges of the papers, then merged: the same index, byte for byte.
  fuzz::check(build_snapshot(*corpus, SearchIndex(*corpus, 3), {}) == bytes,
              "an index built by three threads differs from one built by one", text);
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
  compare_stored(*corpus, *loaded.corpus, text);
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
