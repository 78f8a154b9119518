#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"
#include "papertree/progress.hpp"
#include "papertree/search/search.hpp"

namespace papertree {

/// The snapshot format version this build writes and reads; any other version is refused.
inline constexpr std::uint32_t k_snapshot_version = 5;

/// The first bytes of every snapshot file.
inline constexpr std::string_view k_snapshot_magic{"PTSNAP\r\n", 8};

/// Which corpus file a snapshot was compiled from, as the file system saw it then.
struct SourceIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool has_content_hash = false;  ///< set when the mtime was too recent to be trusted alone
  std::uint64_t content_hash = 0;
  bool operator==(const SourceIdentity&) const = default;
};

/// A corpus and its search index, read back from a snapshot. The index refers to the corpus,
/// which stays at one address.
struct LoadedSnapshot {
  std::unique_ptr<Corpus> corpus;
  std::unique_ptr<SearchIndex> index;  ///< null when `index_loader` is set
  SourceIdentity source;
  /// Set instead of `index` when the snapshot is a mapped file (open_snapshot_file, the cache):
  /// decodes the index from the mapping, which it keeps, the first time it is called, so that a
  /// command that does not search never reads the index's pages. Throws DataError for a
  /// malformed index, as read_snapshot would have.
  std::function<std::unique_ptr<SearchIndex>()> index_loader;
};

/// The 64-bit checksum snapshots use (fast, not cryptographic). Also the content hash of a
/// corpus file in SourceIdentity.
std::uint64_t snapshot_hash(std::span<const char> bytes);

/// Compiles `corpus` and `index` (which must index `corpus`) into snapshot bytes: a header
/// (magic, endianness marker, version, payload size, checksum, `source`) and the payload, the
/// corpus data and the index's arrays.
std::string build_snapshot(const Corpus& corpus, const SearchIndex& index,
                           const SourceIdentity& source, const ProgressFn& progress = {});

/// True when `bytes` start with the snapshot magic (a snapshot, perhaps a broken one).
bool looks_like_snapshot(std::span<const char> bytes);

/// Checks a snapshot's header and checksum without reading the payload. Returns an empty string
/// when it can be read, else why not ("truncated", "written on a machine of the other
/// endianness", "format version 7, this build reads 1", "checksum mismatch"…).
std::string snapshot_problem(std::span<const char> bytes);

/// The source identity recorded in a snapshot whose snapshot_problem is empty.
SourceIdentity snapshot_source(std::span<const char> bytes);

/// Reads a snapshot back. `origin` names the corpus in the corpus' own error messages (the JSON
/// file's path, so answers match the JSON path byte for byte). Throws DataError naming
/// `snapshot_name` when the snapshot is damaged in any way; a snapshot is never trusted unchecked.
LoadedSnapshot read_snapshot(std::span<const char> bytes, const std::string& origin,
                             const std::string& snapshot_name);

/// read_snapshot of the file at `path`, mapped into memory: checks its header and checksum and
/// decodes the corpus now, and leaves the index to `index_loader`. Throws IoError when the file
/// cannot be read, DataError naming it when it is damaged.
LoadedSnapshot open_snapshot_file(const std::string& path, const std::string& origin);

/// A snapshot in memory that outlives every use of the result (one compiled into the binary),
/// used in place as open_snapshot_file uses a mapped file: the header and checksums are checked
/// now, each chunk of the body when it is first read. Throws DataError naming `snapshot_name`.
LoadedSnapshot open_snapshot_bytes(std::span<const char> bytes, const std::string& origin,
                                   const std::string& snapshot_name);

/// Writes snapshot `bytes` to `path` atomically (write_file_atomic, `force` to replace a file),
/// then drops the written pages from the page cache: they were cached in large blocks as they
/// were written, and a command mapping the snapshot would be charged whole blocks for each small
/// read. Read back on demand, only the pages a command reads are brought in.
void write_snapshot_file(const std::string& path, const std::string& bytes, bool force = true);

/// A read-only memory map of a whole file. Empty files map to an empty span.
class MappedFile {
 public:
  /// Maps `path`. Throws IoError naming the file when it cannot be opened or mapped.
  explicit MappedFile(const std::string& path);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::span<const char> bytes() const { return {m_data, m_size}; }

 private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
};

}  // namespace papertree
