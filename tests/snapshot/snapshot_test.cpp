#include "papertree/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/search/query.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

constexpr std::size_t k_header_size = 88;
constexpr std::size_t k_checksum_offset = 24;

std::string snapshot_of(const Corpus& corpus, const SourceIdentity& source = {}) {
  SearchIndex index(corpus);
  return build_snapshot(corpus, index, source);
}

std::span<const char> span_of(const std::string& bytes) {
  return {bytes.data(), bytes.size()};
}

// Rewrites the checksum so that only the damage a test makes is seen.
void reseal(std::string& bytes) {
  std::uint64_t sum = snapshot_hash(span_of(bytes).subspan(32));
  std::memcpy(bytes.data() + k_checksum_offset, &sum, sizeof sum);
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

// A snapshot file is mapped: the corpus is decoded at once, the index only when it is asked for,
// from the mapping the loader keeps, with the same answers.
TEST(Snapshot, AFileDecodesItsIndexOnFirstUse) {
  Corpus corpus = load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  SearchIndex index(corpus);
  std::string path = ::testing::TempDir() + "papertree-deferred.snapshot";
  write_file_atomic(path, build_snapshot(corpus, index, {}));
  LoadedSnapshot loaded = open_snapshot_file(path, corpus.origin());
  EXPECT_EQ(loaded.index, nullptr);
  ASSERT_TRUE(loaded.index_loader);
  std::filesystem::remove(path);  // the mapping stays valid
  std::unique_ptr<SearchIndex> deferred = loaded.index_loader();
  expect_same_answers(corpus, index, *loaded.corpus, *deferred,
                      {"kv cache", "quantization", "lora", "speculatve", "cache eviction"});
}

// A damaged index that the checksum does not catch (resealed here) is found when the index is
// first decoded: the corpus still loads, the loader throws the DataError read_snapshot would.
TEST(Snapshot, ADeferredIndexStillRefusesDamage) {
  const Corpus& corpus = test::small_corpus();
  std::string bytes = build_snapshot(corpus, SearchIndex(corpus), {});
  bytes.append(8, '\0');
  std::uint64_t payload = 0;
  std::memcpy(&payload, bytes.data() + 16, sizeof payload);
  payload += 8;
  std::memcpy(bytes.data() + 16, &payload, sizeof payload);
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("malformed (bytes after the index)"), std::string::npos);
  std::string path = ::testing::TempDir() + "papertree-damaged-index.snapshot";
  write_file_atomic(path, bytes);
  LoadedSnapshot loaded = open_snapshot_file(path, corpus.origin());
  std::filesystem::remove(path);
  EXPECT_EQ(loaded.corpus->papers().size(), corpus.papers().size());
  try {
    loaded.index_loader();
    ADD_FAILURE() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("malformed (bytes after the index)"), std::string::npos);
  }
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
  for (std::size_t at : {std::size_t{40}, k_header_size + 3, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] ^= 0x20;
    EXPECT_EQ(snapshot_problem(span_of(damaged)), "corrupted (checksum mismatch)") << at;
  }
  std::string damaged = bytes;
  damaged[bytes.size() / 2] ^= 1;
  EXPECT_EQ(read_error(damaged),
            "c.snapshot: cannot use this snapshot: corrupted (checksum mismatch)");
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

TEST(Snapshot, RefusesPostingsOutOfRangeEvenWithAValidChecksum) {
  const Corpus& corpus = test::small_corpus();
  std::string bytes = snapshot_of(corpus);
  // The snapshot ends with the venue field's document lengths: a count, then one per paper.
  // One fewer no longer matches the corpus.
  const std::size_t n = corpus.papers().size();
  std::string shorter = bytes.substr(0, bytes.size() - 4 * n);
  std::uint64_t count = n - 1;
  std::memcpy(shorter.data() + shorter.size() - 8, &count, sizeof count);
  shorter.append(bytes.data() + bytes.size() - 4 * n, 4 * count);
  std::uint64_t payload = shorter.size() - k_header_size;
  std::memcpy(shorter.data() + 16, &payload, sizeof payload);
  reseal(shorter);
  EXPECT_EQ(snapshot_problem(span_of(shorter)), "");
  EXPECT_EQ(read_error(shorter),
            "c.snapshot: cannot use this snapshot: malformed (bad document lengths)");
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
