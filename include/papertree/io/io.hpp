#pragma once

#include <string>

namespace papertree {

/// Reads a whole file. Throws IoError naming the file and the system's reason.
std::string read_file(const std::string& path);

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed and
/// synced, then renamed over `path`. When `overwrite` is false and `path` exists, throws IoError
/// without touching it. On any failure the temporary file is removed and IoError is thrown.
void write_file_atomic(const std::string& path, const std::string& content, bool overwrite = true);

}  // namespace papertree
