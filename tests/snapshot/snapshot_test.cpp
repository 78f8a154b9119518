#include "papertree/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <optional>
#include <filesystem>

#include "../../src/snapshot/codec.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/query.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

constexpr std::size_t k_header_size = 104;

std::string snapshot_of(const Corpus& corpus, const SourceIdentity& source = {}) {
  SearchIndex index(corpus);
  return build_snapshot(corpus, index, source);
}

std::span<const char> span_of(const std::string& bytes) {
  return {bytes.data(), bytes.size()};
}

// Rewrites the checksums so that only the damage a test makes is seen.
void reseal(std::string& bytes) { snapshot_detail::reseal(bytes); }

// Where section `s` of the snapshot's body starts in `bytes`.
std::size_t section_at(const std::string& bytes, snapshot_detail::Section s) {
  snapshot_detail::Layout layout = snapshot_detail::layout_of(span_of(bytes));
  snapshot_detail::ByteReader in(span_of(bytes).subspan(layout.head_at, layout.head_size));
  snapshot_detail::decode_corpus_head(in);
  snapshot_detail::HeadCounts counts = snapshot_detail::decode_head_counts(in);
  return layout.body_at + counts.sections[s].offset;
}

void put_u32(std::string& bytes, std::size_t offset, std::uint32_t value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

// The message of the DataError read_snapshot throws for `bytes`.
std::string read_error(const std::string& bytes) {
  try {
    read_snapshot(span_of(bytes), "c.json", "c.snapshot");
  } catch (const DataError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::bad_data);
    return e.what();
  }
  ADD_FAILURE() << "expected a DataError";
  return {};
}

void expect_same_answers(const Corpus& json, const SearchIndex& json_index, const Corpus& snap,
                         const SearchIndex& snap_index, const std::vector<std::string>& queries) {
  EXPECT_EQ(to_canonical_json(snap.data()), to_canonical_json(json.data()));
  EXPECT_EQ(snap.origin(), json.origin());
  EXPECT_TRUE(check_consistency(snap).empty());
  EXPECT_EQ(snap_index.vocabulary_size(), json_index.vocabulary_size());
  for (const auto& q : queries) {
    SCOPED_TRACE(q);
    QueryNode query = parse_query(q);
    SearchResult a = json_index.search(query);
    SearchResult b = snap_index.search(query);
    EXPECT_EQ(b.papers, a.papers);
    EXPECT_EQ(b.scores, a.scores);  // exactly: the same arrays give the same arithmetic
    EXPECT_EQ(b.highlight, a.highlight);
    EXPECT_EQ(b.near, a.near);
    ASSERT_EQ(b.corrections.size(), a.corrections.size());
    for (std::size_t i = 0; i < a.corrections.size(); ++i) {
      EXPECT_EQ(b.corrections[i].typed, a.corrections[i].typed);
      EXPECT_EQ(b.corrections[i].used, a.corrections[i].used);
    }
  }
}

TEST(Snapshot, RoundTripGivesTheSameCorpusAndRanking) {
  const Corpus& corpus = test::small_corpus();
  SearchIndex index(corpus);
  std::string bytes = build_snapshot(corpus, index, {});
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "");
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), corpus.origin(), "s");
  expect_same_answers(corpus, index, *loaded.corpus, *loaded.index,
                      {"quantization", "kv cache", "\"speculative decoding\"", "quant*",
                       "quantizaton", "pruning OR sparsity", "title:llm year:2023"});
}

TEST(Snapshot, RoundTripOfTheSurveyRanksIdentically) {
  Corpus corpus = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  SearchIndex index(corpus);
  std::string bytes = build_snapshot(corpus, index, {});
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), corpus.origin(), "s");
  expect_same_answers(corpus, index, *loaded.corpus, *loaded.index,
                      {"kv cache", "quantization", "mixture of experts", "lora", "attention",
                       "speculatve", "efficient -survey", "in:quantization llm", "flash*"});
}

// The index of a large corpus is built by several threads, each tokenizing a range of papers,
// then merged: the same index as one thread builds, byte for byte in its snapshot (every term
// id, surface word, indexed word, posting and position), however the papers are split.
TEST(Snapshot, AnIndexBuiltByThreadsIsTheOneBuiltByOne) {
  Corpus survey = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  // Ranges that meet the same words written differently ("LLMs" / "llm" / "LLM"), a word seen
  // only in the last paper, authors' initials, and a paper with no title words of its own.
  Corpus mixed = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "T",
    "taxonomy": [{"id": "a", "name": "Alpha Methods",
                  "children": [{"id": "b", "name": "Beta KV Cache"}]}],
    "papers": [
      {"id": "p1", "title": "llm serving", "categories": ["b"], "venue": "ICML"},
      {"id": "p2", "title": "LLMs for FlashAttention", "categories": ["a"],
       "authors": [{"given": "Tri", "family": "Dao"}]},
      {"id": "p3", "title": "LLM KVCache", "categories": ["b"], "venue": "icml 2024"},
      {"id": "p4", "title": "---", "categories": ["a", "b"]},
      {"id": "p5", "title": "Zygote QLoRA", "categories": ["b"],
       "authors": [{"literal": "Team Zeta"}, {"given": "tri", "family": "dao"}]}]})");
  for (const Corpus* corpus : {static_cast<const Corpus*>(&survey), &test::small_corpus(),
                               static_cast<const Corpus*>(&mixed)}) {
    SCOPED_TRACE(corpus->origin());
    const std::string one = build_snapshot(*corpus, SearchIndex(*corpus, 1), {});
    for (unsigned threads : {2u, 3u, 5u, 64u}) {
      SCOPED_TRACE(threads);
      EXPECT_TRUE(build_snapshot(*corpus, SearchIndex(*corpus, threads), {}) == one);
    }
  }
}

// A pass over every paper of a snapshot (filters, `show` by title) decodes each into a scratch
// paper: the same paper as paper() gives, read the same way again later; papers already decoded
// are given as they are.
TEST(Snapshot, PassingPapersAreThePapersDecoded) {
  const Corpus& corpus = test::small_corpus();
  std::string bytes = build_snapshot(corpus, SearchIndex(corpus), {});
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), corpus.origin(), "s");
  const Corpus& stored = *loaded.corpus;
  ASSERT_NE(stored.store(), nullptr);
  const Paper& first = stored.paper(0);  // decoded and kept
  Paper scratch;
  EXPECT_EQ(&stored.paper_passing(0, scratch), &first);
  for (PaperIndex p = 1; p < stored.paper_count(); ++p) {
    const Paper& passing = stored.paper_passing(p, scratch);
    EXPECT_EQ(&passing, &scratch);
    EXPECT_EQ(passing.id, corpus.paper(p).id);
    EXPECT_EQ(passing.title, corpus.paper(p).title);
    EXPECT_EQ(passing.authors.size(), corpus.paper(p).authors.size());
    EXPECT_EQ(stored.paper(p).id, passing.id);
  }
  // Without a store, the corpus's own paper.
  EXPECT_EQ(&corpus.paper_passing(1, scratch), &corpus.paper(1));
}

// A snapshot file is mapped: the corpus is decoded at once, the index only when it is asked for,
// from the mapping the loader keeps, with the same answers.
TEST(Snapshot, AFileDecodesItsIndexOnFirstUse) {
  Corpus corpus = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  SearchIndex index(corpus);
  test::TempDirectory dir;
  std::string path = dir.file("deferred.snapshot");
  write_file_atomic(path, build_snapshot(corpus, index, {}));
  LoadedSnapshot loaded = open_snapshot_file(path, corpus.origin());
  EXPECT_EQ(loaded.index, nullptr);
  ASSERT_TRUE(loaded.index_loader);
  std::filesystem::remove(path);  // the mapping stays valid
  std::unique_ptr<SearchIndex> deferred = loaded.index_loader();
  expect_same_answers(corpus, index, *loaded.corpus, *deferred,
                      {"kv cache", "quantization", "lora", "speculatve", "cache eviction"});
}

// A file's papers and index are used in place: damage the header checksum cannot see (the body
// is checked chunk by chunk when read) is found when the damaged part is first read, and reading
// the rest still works.
TEST(Snapshot, AFileFindsDamageInItsBodyWhenItReadsIt) {
  const Corpus& corpus = test::small_corpus();
  std::string bytes = build_snapshot(corpus, SearchIndex(corpus), {});
  bytes[section_at(bytes, snapshot_detail::records) + 6] ^= 0x20;  // paper 0's id
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "");
  test::TempDirectory dir;
  std::string path = dir.file("damaged-body.snapshot");
  write_file_atomic(path, bytes);
  LoadedSnapshot loaded = open_snapshot_file(path, corpus.origin());
  std::filesystem::remove(path);  // the mapping stays valid
  EXPECT_EQ(loaded.corpus->paper_count(), corpus.paper_count());
  EXPECT_EQ(loaded.corpus->category(0).total_papers, corpus.category(0).total_papers);
  try {
    (void)loaded.corpus->paper(0);
    ADD_FAILURE() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ": cannot use this snapshot: corrupted (checksum mismatch)");
    EXPECT_EQ(e.exit_code(), ExitCode::bad_data);
  }
}

// Numbers the checksums do not catch (resealed here) are checked where they are used.
TEST(Snapshot, RefusesOutOfRangeNumbersWhereTheyAreRead) {
  const Corpus& corpus = test::small_corpus();
  const std::string good = build_snapshot(corpus, SearchIndex(corpus), {});
  auto error_of = [](const std::function<void()>& read) {
    try {
      read();
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  {
    std::string bytes = good;
    put_u32(bytes, section_at(bytes, snapshot_detail::placement_cats), 1'000'000);
    reseal(bytes);
    LoadedSnapshot loaded = read_snapshot(span_of(bytes), "c.json", "c.snapshot");
    EXPECT_EQ(error_of([&] { loaded.corpus->paper_categories(0); }),
              "c.snapshot: cannot use this snapshot: malformed (a placement in an unknown "
              "category)");
    EXPECT_EQ(error_of([&] { loaded.corpus->paper_categories(1); }), "no error");
  }
  {
    std::string bytes = good;
    std::uint64_t huge = 1ull << 40;
    std::memcpy(bytes.data() + section_at(bytes, snapshot_detail::record_start) + 8, &huge, 8);
    reseal(bytes);
    LoadedSnapshot loaded = read_snapshot(span_of(bytes), "c.json", "c.snapshot");
    EXPECT_EQ(error_of([&] { loaded.corpus->paper(0); }),
              "c.snapshot: cannot use this snapshot: malformed (a read outside its section)");
    // Looking paper 0 up reads its id (or paper 1's, whose record now starts past its end).
    EXPECT_EQ(error_of([&] { loaded.corpus->find_paper(corpus.paper(0).id); })
                  .rfind("c.snapshot: cannot use this snapshot: malformed (", 0),
              0u);
  }
  {
    // The title field's first posting names a paper the corpus does not have.
    std::string bytes = good;
    std::size_t at = section_at(bytes, snapshot_detail::index);
    snapshot_detail::ByteReader in(span_of(bytes).subspan(at));
    // Three string tables (offsets, then bytes), then the word table's term ids.
    std::vector<std::string> vocabulary;
    for (int table = 0; table < 3; ++table) {
      std::span<const std::uint32_t> offsets = in.view<std::uint32_t>();
      std::span<const char> text = in.view<char>();
      for (std::size_t i = 0; table == 0 && i + 1 < offsets.size(); ++i)
        vocabulary.emplace_back(text.data() + offsets[i], offsets[i + 1] - offsets[i]);
    }
    in.view<std::uint32_t>();
    in.count(40);
    in.pod<double>();
    in.pod<double>();
    in.align();
    std::size_t postings_at = at + in.offset() + 8;
    in.u64();
    std::uint32_t paper = 0;
    std::memcpy(&paper, bytes.data() + postings_at, 4);
    put_u32(bytes, postings_at, 1'000'000);
    reseal(bytes);
    LoadedSnapshot loaded = read_snapshot(span_of(bytes), "c.json", "c.snapshot");
    // The first term with postings in the title field holds that posting.
    SearchIndex fresh(corpus);
    std::string term;
    for (const std::string& t : vocabulary) {
      SearchResult r = fresh.search(parse_query("title:" + t));
      if (!r.papers.empty()) {
        term = t;
        break;
      }
    }
    ASSERT_FALSE(term.empty());
    EXPECT_EQ(error_of([&] { loaded.index->search(parse_query("title:" + term)); }),
              "c.snapshot: cannot use this snapshot: malformed (posting of an unknown paper)");
  }
}

// Lists come out in the same order from a snapshot, which sorts by stored positions without
// decoding papers, as from the JSON, for every order, both directions, whole or a category.
TEST(Snapshot, SortsListsAsTheJsonDoes) {
  Corpus corpus = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  std::string bytes = build_snapshot(corpus, SearchIndex(corpus), {});
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), corpus.origin(), "s");
  ASSERT_NE(loaded.corpus->store(), nullptr);
  CategoryIndex quantization = resolve_category(corpus, "quantization");
  for (std::optional<CategoryIndex> root : {std::optional<CategoryIndex>{}, std::optional{quantization}}) {
    for (SortKey key : {SortKey::year, SortKey::title, SortKey::venue, SortKey::added}) {
      for (bool reverse : {false, true}) {
        SCOPED_TRACE(::testing::Message() << static_cast<int>(key) << " " << reverse);
        std::vector<PaperIndex> a = select_papers(corpus, root, false, {});
        std::vector<PaperIndex> b = select_papers(*loaded.corpus, root, false, {});
        EXPECT_EQ(a, b);
        sort_papers(corpus, a, {key, reverse});
        sort_papers(*loaded.corpus, b, {key, reverse});
        EXPECT_EQ(a, b);
      }
    }
  }
  Filters since;
  since.years = parse_year_range(">=2024");
  EXPECT_EQ(select_papers(corpus, quantization, false, since),
            select_papers(*loaded.corpus, quantization, false, since));
  EXPECT_EQ(loaded.corpus->find_paper("gptq"), corpus.find_paper("gptq"));
  EXPECT_EQ(loaded.corpus->find_paper("no-such-paper"), std::nullopt);
}

TEST(Snapshot, KeepsUnknownKeysAndTheSourceIdentity) {
  Corpus corpus = test::load(
      R"({"format": "papertree-corpus", "version": 2, "title": "T", "x-note": {"a": [1, 2.5]},
    "taxonomy": [{"id": "a", "name": "A", "x-colour": "red"}],
    "papers": [{"id": "p", "title": "P", "categories": ["a"], "x-rank": 3}]})");
  SourceIdentity source{7, 8, 9, -10, true, 11};
  std::string bytes = snapshot_of(corpus, source);
  EXPECT_EQ(snapshot_source(span_of(bytes)), source);
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), "t.json", "s");
  EXPECT_EQ(loaded.source, source);
  EXPECT_EQ(to_canonical_json(loaded.corpus->data()), to_canonical_json(corpus.data()));
  EXPECT_EQ(loaded.corpus->paper(0).extra.dump(), R"({"x-rank":3})");
}

// nlohmann's dump() recurses: an unknown key's value nested deeper than the JSON loader allows
// would exhaust the stack when printed, so it is refused where it is read.
TEST(Snapshot, RefusesUnknownKeysNestedDeeperThanTheLoaderAllows) {
  const std::string filler(398, 'A');
  Corpus corpus = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "T",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "p", "title": "P", "categories": ["a"], "x-deep": ")" + filler + R"("}]})");
  std::string bytes = snapshot_of(corpus);
  const std::size_t at = bytes.find('"' + filler + '"');
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 400, std::string(200, '[') + std::string(200, ']'));
  reseal(bytes);
  LoadedSnapshot loaded = read_snapshot(span_of(bytes), "c.json", "c.snapshot");
  try {
    (void)loaded.corpus->paper(0);
    ADD_FAILURE() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown keys nested too deep"), std::string::npos)
        << e.what();
    EXPECT_EQ(e.exit_code(), ExitCode::bad_data);
  }
}

TEST(Snapshot, RefusesWhatIsNotASnapshot) {
  std::string json = R"({"version": 2})";
  EXPECT_FALSE(looks_like_snapshot(span_of(json)));
  EXPECT_EQ(snapshot_problem(span_of(json)), "not a papertree snapshot");
  EXPECT_EQ(read_error(json), "c.snapshot: cannot use this snapshot: not a papertree snapshot");
}

TEST(Snapshot, DetectsTruncation) {
  std::string bytes = snapshot_of(test::small_corpus());
  std::string header_only = bytes.substr(0, 20);
  EXPECT_TRUE(looks_like_snapshot(span_of(header_only)));
  EXPECT_EQ(snapshot_problem(span_of(header_only)), "truncated (the header is incomplete)");
  std::string cut = bytes.substr(0, bytes.size() - 5);
  EXPECT_EQ(snapshot_problem(span_of(cut)), "truncated (" + std::to_string(cut.size()) + " of " +
                                                std::to_string(bytes.size()) + " bytes)");
  EXPECT_EQ(read_error(cut).rfind("c.snapshot: cannot use this snapshot: truncated (", 0), 0u);
  EXPECT_EQ(snapshot_problem(span_of(bytes + "x")),
            "damaged (bytes after the end of the snapshot)");
}

TEST(Snapshot, DetectsCorruptionByChecksum) {
  std::string bytes = snapshot_of(test::small_corpus());
  // The header and the head are checked when the snapshot is opened…
  for (std::size_t at : {std::size_t{40}, k_header_size + 3}) {
    std::string damaged = bytes;
    damaged[at] ^= 0x20;
    EXPECT_EQ(snapshot_problem(span_of(damaged)), "corrupted (checksum mismatch)") << at;
    EXPECT_EQ(read_error(damaged),
              "c.snapshot: cannot use this snapshot: corrupted (checksum mismatch)");
  }
  // …the body chunk by chunk when it is read; read_snapshot reads it all.
  for (std::size_t at : {bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] ^= 1;
    EXPECT_EQ(snapshot_problem(span_of(damaged)), "") << at;
    EXPECT_EQ(read_error(damaged),
              "c.snapshot: cannot use this snapshot: corrupted (checksum mismatch)");
  }
}

TEST(Snapshot, DetectsTheOtherByteOrder) {
  std::string bytes = snapshot_of(test::small_corpus());
  put_u32(bytes, 8, __builtin_bswap32(0x01020304));
  put_u32(bytes, 12, __builtin_bswap32(k_snapshot_version));
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "written on a machine of the other byte order");
  put_u32(bytes, 8, 0x05060708);
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "damaged (bad byte-order marker)");
}

TEST(Snapshot, DetectsAnotherFormatVersion) {
  std::string bytes = snapshot_of(test::small_corpus());
  put_u32(bytes, 12, k_snapshot_version + 6);
  EXPECT_EQ(snapshot_problem(span_of(bytes)),
            "format version " + std::to_string(k_snapshot_version + 6) +
                ", this build reads version " + std::to_string(k_snapshot_version));
}

TEST(Snapshot, DetectsAnotherIndexBuilder) {
  std::string bytes = snapshot_of(test::small_corpus());
  bytes[32] ^= 1;  // the builder fingerprint
  reseal(bytes);
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "made by a papertree that indexes differently");
}

TEST(Snapshot, RefusesAMalformedPayloadEvenWithAValidChecksum) {
  std::string bytes = snapshot_of(test::small_corpus());
  // The title's length becomes huge: the reader must stop at the end of the buffer.
  put_u32(bytes, k_header_size, 0x7fffffff);
  reseal(bytes);
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "");
  EXPECT_EQ(read_error(bytes), "c.snapshot: cannot use this snapshot: malformed (ends early)");
}

TEST(Snapshot, RefusesBadCountsEvenWithAValidChecksum) {
  std::string bytes = snapshot_of(test::small_corpus());
  // The number of papers is the first count after the corpus head.
  snapshot_detail::Layout layout = snapshot_detail::layout_of(span_of(bytes));
  snapshot_detail::ByteReader in(span_of(bytes).subspan(layout.head_at, layout.head_size));
  snapshot_detail::decode_corpus_head(in);
  std::uint64_t papers = 0;
  std::memcpy(&papers, bytes.data() + layout.head_at + in.offset(), 8);
  papers += 1;
  std::memcpy(bytes.data() + layout.head_at + in.offset(), &papers, 8);
  reseal(bytes);
  EXPECT_EQ(snapshot_problem(span_of(bytes)), "");
  EXPECT_EQ(read_error(bytes),
            "c.snapshot: cannot use this snapshot: malformed (a section of the wrong size)");
}

TEST(SnapshotHash, DependsOnEveryByteAndTheLength) {
  std::string text(100, 'a');
  std::uint64_t base = snapshot_hash(span_of(text));
  EXPECT_EQ(snapshot_hash(span_of(text)), base);
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = 'b';
    EXPECT_NE(snapshot_hash(span_of(changed)), base) << i;
  }
  EXPECT_NE(snapshot_hash(span_of(text).first(99)), base);
  EXPECT_NE(snapshot_hash({}), snapshot_hash(span_of(text).first(1)));
}

}  // namespace
}  // namespace papertree
