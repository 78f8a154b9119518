#include "papertree/snapshot/cache.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t k_second = 1'000'000'000;

// A fresh directory holding a copy of tests/fixtures/small.json, removed afterwards.
class SnapshotCache : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("papertree-cache-test-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_corpus = (m_dir / "small.json").string();
    m_cache = (m_dir / "cache").string();
    fs::copy_file(test::fixture("small.json"), m_corpus);
    make_old(m_corpus);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Moves the file's mtime an hour back, so its identity needs no content hash.
  static void make_old(const std::string& path) {
    fs::last_write_time(path, fs::last_write_time(path) - std::chrono::hours(1));
  }

  // Loads the corpus from JSON and writes its cache entry, as a command does on a miss.
  std::string build_entry() {
    SourceIdentity id = identify_file(m_corpus, file_clock_now_ns());
    Corpus corpus = load_corpus_file(m_corpus);
    SearchIndex index(corpus);
    return write_cached_snapshot(m_cache, id, corpus, index);
  }

  std::string why_not() {
    std::string reason;
    EXPECT_FALSE(open_cached_snapshot(m_corpus, m_cache, &reason).has_value());
    return reason;
  }

  fs::path m_dir;
  std::string m_corpus;
  std::string m_cache;
};

TEST_F(SnapshotCache, IdentifiesAFileByDeviceInodeSizeAndMtime) {
  SourceIdentity id = identify_file(m_corpus, file_clock_now_ns());
  EXPECT_EQ(id.size, fs::file_size(m_corpus));
  EXPECT_NE(id.inode, 0u);
  EXPECT_FALSE(id.has_content_hash);
  EXPECT_EQ(cache_entry_path("/c", id), fmt::format("/c/{:x}-{:x}.snapshot", id.device, id.inode));
}

TEST_F(SnapshotCache, HashesTheContentOfARecentlyModifiedFile) {
  SourceIdentity old_id = identify_file(m_corpus, file_clock_now_ns());
  SourceIdentity recent = identify_file(m_corpus, old_id.mtime_ns + k_recent_mtime_ns - 1);
  EXPECT_TRUE(recent.has_content_hash);
  std::string text = read_file(m_corpus);
  EXPECT_EQ(recent.content_hash, snapshot_hash({text.data(), text.size()}));
  EXPECT_FALSE(identify_file(m_corpus, old_id.mtime_ns + k_recent_mtime_ns).has_content_hash);
}

TEST_F(SnapshotCache, MissesUntilBuiltThenServesTheSameCorpus) {
  EXPECT_EQ(why_not(), "no cached snapshot");
  std::string entry = build_entry();
  EXPECT_EQ(fs::path(entry).parent_path(), fs::path(m_cache));
  auto loaded = open_cached_snapshot(m_corpus, m_cache);
  ASSERT_TRUE(loaded.has_value());
  Corpus json = load_corpus_file(m_corpus);
  EXPECT_EQ(to_canonical_json(loaded->corpus->data()), to_canonical_json(json.data()));
  EXPECT_EQ(loaded->corpus->origin(), m_corpus);
}

TEST_F(SnapshotCache, AnEditedCorpusMakesTheEntryStale) {
  build_entry();
  std::string text = read_file(m_corpus);
  text.insert(text.rfind('}'), " ");
  {
    std::ofstream out(m_corpus, std::ios::trunc);  // in place: same inode
    out << text;
  }
  make_old(m_corpus);
  EXPECT_EQ(why_not(), "stale (the corpus file changed)");
}

TEST_F(SnapshotCache, ARecentEntryIsCheckedByContent) {
  // Built while the mtime was recent, the entry records the content hash; an edit that keeps
  // size and mtime is still seen.
  fs::last_write_time(m_corpus, fs::file_time_type::clock::now());
  std::string entry = build_entry();
  EXPECT_TRUE(open_cached_snapshot(m_corpus, m_cache).has_value());
  auto mtime = fs::last_write_time(m_corpus);
  std::string text = read_file(m_corpus);
  std::size_t at = text.find("Small");
  ASSERT_NE(at, std::string::npos);
  text[at] = 'T';
  {
    std::ofstream out(m_corpus, std::ios::trunc);
    out << text;
  }
  fs::last_write_time(m_corpus, mtime);
  EXPECT_EQ(why_not(), "stale (the corpus file's content changed)");
}

TEST_F(SnapshotCache, ADamagedEntryIsBypassedWithTheReason) {
  std::string entry = build_entry();
  const std::string good = read_file(entry);
  std::string bytes = good;
  bytes[104 + 3] ^= 0x10;  // the head, checked at every open
  write_file_atomic(entry, bytes);
  EXPECT_EQ(why_not(), "corrupted (checksum mismatch)");
  // The body is checked where it is read: the entry opens, and the first read of the damaged
  // chunk (the index, at the end) fails, naming the entry and how to rebuild it.
  bytes = good;
  bytes[bytes.size() - 1] ^= 0x10;
  write_file_atomic(entry, bytes);
  std::optional<LoadedSnapshot> loaded = open_cached_snapshot(m_corpus, m_cache);
  ASSERT_TRUE(loaded.has_value());
  try {
    loaded->index_loader();
    ADD_FAILURE() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              fmt::format("{}: cannot use this snapshot: corrupted (checksum mismatch)", entry));
    EXPECT_EQ(e.detail(), fmt::format("it is the cached snapshot of {0}; rebuild it with: "
                                      "papertree index {0}",
                                      m_corpus));
  }
  write_file_atomic(entry, bytes.substr(0, 100));
  EXPECT_EQ(why_not().rfind("truncated", 0), 0u);
  build_entry();  // rebuilding replaces it
  EXPECT_TRUE(open_cached_snapshot(m_corpus, m_cache).has_value());
}

TEST_F(SnapshotCache, AMissingCorpusIsAMissWithTheReason) {
  fs::remove(m_corpus);
  EXPECT_EQ(why_not(), m_corpus + ": cannot open: No such file or directory");
}

TEST_F(SnapshotCache, TwoWritersAtOnceLeaveOneWholeEntry) {
  SourceIdentity id = identify_file(m_corpus, file_clock_now_ns());
  Corpus corpus = load_corpus_file(m_corpus);
  SearchIndex index(corpus);
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i)
    writers.emplace_back([&] {
      for (int j = 0; j < 10; ++j) write_cached_snapshot(m_cache, id, corpus, index);
    });
  for (auto& t : writers) t.join();
  EXPECT_TRUE(open_cached_snapshot(m_corpus, m_cache).has_value());
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(m_cache)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u);  // no temporary file left behind
}

}  // namespace
}  // namespace papertree
