#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "papertree/snapshot/snapshot.hpp"

namespace papertree {

/// A modification time closer to now than this is too recent to identify a file alone: the file
/// could change again within the file system's time granularity. Such files are also hashed.
inline constexpr std::int64_t k_recent_mtime_ns = 2'000'000'000;

/// The identity of the corpus file at `path` now: device, inode, size and mtime, plus the hash of
/// its content when the mtime is within k_recent_mtime_ns of `now_ns` (or `hash_content`).
/// Throws IoError when the file cannot be examined.
SourceIdentity identify_file(const std::string& path, std::int64_t now_ns,
                             bool hash_content = false);

/// The current time in the clock file modification times use, in nanoseconds.
std::int64_t file_clock_now_ns();

/// Where the cached snapshot of the file with identity `id` lives in the cache directory `dir`
/// (one entry per device and inode, so an edited file replaces its own entry).
std::string cache_entry_path(const std::string& dir, const SourceIdentity& id);

/// Why a cached snapshot cannot serve the corpus file now identified as `current`: empty when it
/// can. `current` needs no content hash; the file at `path` is hashed when the snapshot has one.
std::string cache_entry_problem(std::span<const char> snapshot, const SourceIdentity& current,
                                const std::string& path);

/// The cached snapshot of the corpus file at `path` in `dir`, when there is one and it is current
/// and sound; otherwise nothing, with the reason in `why_not` (when given). Never throws for a bad
/// or missing entry: the caller then reads the JSON.
std::optional<LoadedSnapshot> open_cached_snapshot(const std::string& path, const std::string& dir,
                                                   std::string* why_not = nullptr);

/// Compiles `corpus` and `index`, which were read from the file identified as `id`, into the
/// cache entry in `dir` (creating `dir`), atomically: a reader sees the old entry or the new one,
/// and two processes writing at once each rename a whole file. Returns the entry's path. Throws
/// IoError when it cannot be written.
std::string write_cached_snapshot(const std::string& dir, const SourceIdentity& id,
                                  const Corpus& corpus, const SearchIndex& index,
                                  const ProgressFn& progress = {});

}  // namespace papertree
