#include "context.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "diagnostics.hpp"
#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "option_values.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/snapshot/cache.hpp"
#include "progress.hpp"

namespace papertree::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// True for a regular file that starts with the snapshot magic (`papertree index -o` output).
bool is_snapshot_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[k_snapshot_magic.size()] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && looks_like_snapshot({head, sizeof head});
}

}  // namespace

std::string Context::corpus_file() const {
  return corpus_path.empty() ? env("PAPERTREE_CORPUS") : corpus_path;
}

CacheMode Context::cache_mode() const {
  if (no_cache) return CacheMode::off;
  std::string mode = env("PAPERTREE_CACHE");
  if (mode == "off") return CacheMode::off;
  if (mode == "always") return CacheMode::always;
  return CacheMode::automatic;
}

std::string Context::cache_dir() const {
  if (std::string dir = env("PAPERTREE_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty()) return xdg + "/papertree";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.cache/papertree";
  return {};
}

ProgressFn Context::progress(std::string task) const {
  if (quiet || ::isatty(STDERR_FILENO) == 0) return {};
  return make_progress_drawer(std::move(task));
}

const Corpus& Context::corpus() {
  if (!m_corpus) load();
  return *m_corpus;
}

const SearchIndex& Context::search_index() {
  const Corpus& loaded = corpus();
  if (m_index) return *m_index;
  if (m_index_loader) {
    try {
      m_index = m_index_loader();
    } catch (const DataError& e) {
      // A cached snapshot is never trusted: its corpus passed, so the index is built from it, as
      // the JSON path would. An explicit snapshot file's damage is the user's to know.
      if (!m_index_from_cache) throw;
      if (!quiet) warn(std::string("the snapshot cache is not used for searching: ") + e.what());
    }
    m_index_loader = nullptr;
  }
  if (!m_index) m_index = std::make_unique<SearchIndex>(loaded);
  return *m_index;
}

void Context::load() {
  std::string path = corpus_file();
  CacheMode mode = cache_mode();
  if (path.empty()) {
    std::string origin(k_embedded_origin);
    if (mode == CacheMode::off) {
      m_corpus = std::make_unique<Corpus>(load_corpus_text(embedded_corpus_json(), origin));
      return;
    }
    // The snapshot compiled into the binary with it, used in place.
    std::string_view bytes = embedded_corpus_snapshot();
    take(open_snapshot_bytes({bytes.data(), bytes.size()}, origin, origin));
    return;
  }
  if (path == "-") {
    CorpusData data = parse_corpus(read_input(path), "<stdin>");
    m_corpus = std::make_unique<Corpus>(Corpus::build(std::move(data), "<stdin>"));
    return;
  }
  if (is_snapshot_file(path)) {
    take(open_snapshot_file(path, path));
    m_snapshot_file = true;
    return;
  }
  if (mode != CacheMode::off && load_cached(path, mode)) return;
  m_corpus = std::make_unique<Corpus>(load_corpus_file(path, input_limit()));
}

void Context::take(LoadedSnapshot loaded) {
  m_corpus = std::move(loaded.corpus);
  m_index = std::move(loaded.index);
  m_index_loader = std::move(loaded.index_loader);
}

bool Context::load_cached(const std::string& path, CacheMode mode) {
  std::string dir = cache_dir();
  if (dir.empty()) return false;
  SourceIdentity id;
  try {
    id = identify_file(path, file_clock_now_ns());
  } catch (const IoError&) {
    return false;  // the JSON path reports it as usual
  }
  if (auto loaded = open_cached_snapshot(path, dir)) {
    take(std::move(*loaded));
    m_index_from_cache = true;
    m_cache_entry = cache_entry_path(dir, id);
    return true;
  }
  if (mode == CacheMode::automatic) {
    m_pending = id;
    return false;
  }
  auto corpus = std::make_unique<Corpus>(load_corpus_file(path, input_limit()));
  auto index = std::make_unique<SearchIndex>(*corpus);
  std::string why_not;
  try {
    write_cached_snapshot(dir, id, *corpus, *index);  // a test mode: no progress drawn
    if (auto loaded = open_cached_snapshot(path, dir, &why_not)) {
      take(std::move(*loaded));
      m_index_from_cache = true;
      m_cache_entry = cache_entry_path(dir, id);
      return true;
    }
  } catch (const IoError& e) {
    why_not = e.what();
  }
  if (!quiet) warn("the snapshot cache is not used: " + why_not);
  m_corpus = std::move(corpus);
  m_index = std::move(index);
  return true;
}

void Context::drop_damaged_cache_entry(const Error& e) {
  const auto* damage = dynamic_cast<const DataError*>(&e);
  if (damage == nullptr || m_cache_entry.empty() || damage->where().file != m_cache_entry) return;
  std::error_code ec;
  if (!std::filesystem::remove(m_cache_entry, ec) || ec) return;
  if (!quiet)
    warn("the damaged cached snapshot " + m_cache_entry +
         " was removed; the next command compiles a new one");
  m_cache_entry.clear();
}

void Context::build_cache_in_background() {
  if (!m_pending || !m_corpus) return;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  if (::fork() != 0) return;  // the parent (or no child): done
  // The child answers nothing: it lets go of the terminal and the pipes, so whoever waits for
  // the command's output sees it end now, and builds the snapshot at low priority.
  int null = ::open("/dev/null", O_RDWR);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
  }
  ::setsid();
  (void)::nice(10);
  try {
    write_cached_snapshot(cache_dir(), *m_pending, *m_corpus, search_index());
  } catch (...) {
    // A cache that cannot be written is only a slower next run.
  }
  ::_exit(0);
}

const Terminal& Context::terminal() {
  if (!m_terminal) m_terminal = Terminal::detect(color_mode);
  return *m_terminal;
}

std::string Context::read_input(const std::string& path) const {
  if (path == "-") return read_descriptor(0, "<stdin>", input_limit());
  return read_file(path, input_limit());
}

std::size_t Context::input_limit() const {
  if (!max_input.empty()) return parse_byte_size(max_input, "--max-input");
  const char* env = std::getenv("PAPERTREE_MAX_INPUT");
  if (env != nullptr && *env != '\0') return parse_byte_size(env, "PAPERTREE_MAX_INPUT");
  return k_default_max_input;
}

}  // namespace papertree::cli
