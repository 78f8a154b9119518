#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "papertree/corpus/corpus.hpp"
#include "papertree/error.hpp"
#include "papertree/search/search.hpp"
#include "papertree/snapshot/snapshot.hpp"
#include "terminal.hpp"

namespace papertree::cli {

/// How the corpus file's compiled snapshot is used (docs/performance.md, "The snapshot cache").
enum class CacheMode {
  automatic,  ///< use a current snapshot; on a miss read the JSON and build one after the command
  off,        ///< --no-cache or PAPERTREE_CACHE=off: always read the JSON
  always,     ///< PAPERTREE_CACHE=always: build on a miss before answering, then answer from the
              ///< snapshot (the embedded corpus too, through one in memory); for testing
};

/// What every subcommand shares: the global options and the corpus, loaded on first use.
struct Context {
  std::string corpus_path;  ///< --corpus, else $PAPERTREE_CORPUS, else empty (embedded); - stdin
  ColorMode color_mode = ColorMode::automatic;
  bool quiet = false;     ///< --quiet: no warnings or progress on stderr
  bool no_cache = false;  ///< --no-cache
  std::string max_input;  ///< --max-input, else $PAPERTREE_MAX_INPUT, else the default cap
  int exit_code = 0;     ///< set by a command that ran but found problems (1, check_failed)

  /// The corpus named by --corpus / PAPERTREE_CORPUS, or the embedded one. Loaded once, from
  /// its snapshot when the cache has a current one (or when the file is a snapshot).
  const Corpus& corpus();
  /// The search index of corpus(): the snapshot's, else built once.
  const SearchIndex& search_index();
  /// stdout's terminal facts, detected once.
  const Terminal& terminal();
  /// The whole of an input file, or of standard input for "-", up to the input cap.
  std::string read_input(const std::string& path) const;
  /// The input cap in bytes: --max-input, $PAPERTREE_MAX_INPUT or k_default_max_input.
  std::size_t input_limit() const;

  /// The corpus file given (--corpus, else $PAPERTREE_CORPUS); empty for the embedded corpus.
  std::string corpus_file() const;
  /// True once corpus() was read from a snapshot file given as the corpus (`index -o` output):
  /// there is no JSON text to point into.
  bool corpus_is_snapshot_file() const { return m_snapshot_file; }
  /// --no-cache / PAPERTREE_CACHE.
  CacheMode cache_mode() const;
  /// $PAPERTREE_CACHE_DIR, else $XDG_CACHE_HOME/papertree, else ~/.cache/papertree; empty when
  /// none of these is set.
  std::string cache_dir() const;
  /// Progress drawing on stderr when it is a terminal and not --quiet; else an empty function.
  ProgressFn progress(std::string task = "building the snapshot") const;

  /// After the command: when the corpus was read from JSON on a cache miss, builds its snapshot
  /// in a detached child process, so the answer is not delayed. Does nothing otherwise.
  void build_cache_in_background();

  /// After a failed command: when `e` is damage found in the cached snapshot the command read,
  /// removes that cache entry, so the next command compiles a fresh one instead of failing the
  /// same way, and says so on stderr. Does nothing otherwise.
  void drop_damaged_cache_entry(const Error& e);

 private:
  std::unique_ptr<Corpus> m_corpus;
  std::unique_ptr<SearchIndex> m_index;
  std::function<std::unique_ptr<SearchIndex>()> m_index_loader;  // a snapshot's, not yet called
  bool m_index_from_cache = false;  // the loader reads a cached snapshot (damage: rebuild)
  std::string m_cache_entry;        // the cached snapshot in use, if one is
  std::optional<Terminal> m_terminal;
  bool m_snapshot_file = false;
  std::optional<SourceIdentity> m_pending;  // a miss whose snapshot is still to be built

  void load();
  bool load_cached(const std::string& path, CacheMode mode);
  void take(LoadedSnapshot loaded);
};

}  // namespace papertree::cli
