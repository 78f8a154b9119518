#include "papertree/snapshot/cache.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "codec.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"

namespace papertree {

std::int64_t file_clock_now_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

SourceIdentity identify_file(const std::string& path, std::int64_t now_ns, bool hash_content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  SourceIdentity id;
  id.device = static_cast<std::uint64_t>(st.st_dev);
  id.inode = static_cast<std::uint64_t>(st.st_ino);
  id.size = static_cast<std::uint64_t>(st.st_size);
  id.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  if (hash_content || now_ns - id.mtime_ns < k_recent_mtime_ns) {
    MappedFile file(path);
    id.has_content_hash = true;
    id.content_hash = snapshot_hash(file.bytes());
  }
  return id;
}

std::string cache_entry_path(const std::string& dir, const SourceIdentity& id) {
  return (std::filesystem::path(dir) / fmt::format("{:x}-{:x}.snapshot", id.device, id.inode))
      .string();
}

std::string cache_entry_problem(std::span<const char> snapshot, const SourceIdentity& current,
                                const std::string& path) {
  if (std::string problem = snapshot_problem(snapshot); !problem.empty()) return problem;
  SourceIdentity built = snapshot_source(snapshot);
  if (built.device != current.device || built.inode != current.inode ||
      built.size != current.size || built.mtime_ns != current.mtime_ns)
    return "stale (the corpus file changed)";
  if (built.has_content_hash) {
    MappedFile file(path);
    if (snapshot_hash(file.bytes()) != built.content_hash)
      return "stale (the corpus file's content changed)";
  }
  return {};
}

std::optional<LoadedSnapshot> open_cached_snapshot(const std::string& path, const std::string& dir,
                                                   std::string* why_not) {
  auto fail = [&](std::string reason) -> std::optional<LoadedSnapshot> {
    if (why_not != nullptr) *why_not = std::move(reason);
    return std::nullopt;
  };
  try {
    SourceIdentity current = identify_file(path, file_clock_now_ns());
    std::string entry = cache_entry_path(dir, current);
    if (!std::filesystem::exists(entry)) return fail("no cached snapshot");
    auto file = std::make_shared<const MappedFile>(entry);
    if (std::string problem = cache_entry_problem(file->bytes(), current, path); !problem.empty())
      return fail(problem);
    // cache_entry_problem has checked the header and the checksum.
    std::span<const char> bytes = file->bytes();
    return snapshot_detail::open_checked_snapshot(
        std::move(file), bytes, path, entry,
        "it is the cached snapshot of " + path + "; rebuild it with: papertree index " + path);
  } catch (const Error& e) {
    return fail(e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    return fail(e.what());
  }
}

std::string write_cached_snapshot(const std::string& dir, const SourceIdentity& id,
                                  const Corpus& corpus, const SearchIndex& index,
                                  const ProgressFn& progress) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw IoError(fmt::format("{}: cannot create the cache directory: {}", dir, ec.message()));
  std::string entry = cache_entry_path(dir, id);
  write_snapshot_file(entry, build_snapshot(corpus, index, id, progress));
  return entry;
}

}  // namespace papertree
