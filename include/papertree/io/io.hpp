#pragma once

#include <cstddef>
#include <string>

namespace papertree {

/// The default cap on the size of one input (a corpus, an import file): 512 MiB. The largest
/// corpus the benchmarks use (1M papers) is 464 MB of JSON.
inline constexpr std::size_t k_default_max_input = std::size_t{512} << 20;

/// Reads a whole file: a regular file, or a pipe, FIFO or character device read until its end.
/// Throws IoError naming the file and the system's reason, or, when the input holds more than
/// `max_bytes`, naming the limit. Memory stays bounded by about 1.5 × `max_bytes` whatever the
/// input (`/dev/zero` fails at the limit).
std::string read_file(const std::string& path, std::size_t max_bytes = k_default_max_input);

/// read_file for an open descriptor (standard input when `fd` is 0); `name` names it in errors.
std::string read_descriptor(int fd, const std::string& name,
                            std::size_t max_bytes = k_default_max_input);

/// "512 MiB", "2 KiB", "1536 bytes": a byte count for messages, exact (never rounded).
std::string format_byte_count(std::size_t bytes);

/// Writes `content` to `path`.
///
/// A regular file (or a new name) is written atomically: a temporary `.NAME.tmp-PID-XXXXXX` in the
/// same directory, flushed and synced, then renamed over the target, so a reader sees the old
/// content or the new, never a mix. Symbolic links, chained or not, are followed to the final
/// target, which is replaced and the links kept. The replacement keeps the replaced file's mode
/// bits except set-user-ID and set-group-ID. Temporary files that a killed earlier write left for
/// the same target (their process is gone) are removed first.
///
/// A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe with a reader) is
/// written in place, never replaced, and needs no `overwrite`; a FIFO without a reader is an
/// error rather than a hang. A directory, block device or socket is refused.
///
/// When `overwrite` is false and `path` exists, throws IoError without touching it. An empty
/// `path` is a UsageError. On any failure the temporary file is removed and IoError is thrown.
void write_file_atomic(const std::string& path, const std::string& content, bool overwrite = true);

/// Whether `a` and `b` name one existing file (the same device and inode, links followed):
/// `index corpus.json -o ./corpus.json` or through a symbolic link.
bool same_file(const std::string& a, const std::string& b);

}  // namespace papertree
