#include "papertree/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "papertree/error.hpp"

namespace papertree {

namespace {

std::string system_reason() {
  return std::strerror(errno);
}

// Writes all of `content` to `fd`, retrying short writes.
bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(fmt::format("{}: cannot read: is a directory", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("{}: cannot open: {}", path, system_reason()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("{}: cannot read: {}", path, system_reason()));
  return std::move(buffer).str();
}

void write_file_atomic(const std::string& path, const std::string& content, bool overwrite) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!overwrite && fs::exists(path, ec)) {
    throw IoError(fmt::format("{}: already exists (use --force to overwrite)", path));
  }
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0)
    throw IoError(fmt::format("{}: cannot create a temporary file: {}", path, system_reason()));
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  std::string reason = ok ? "" : system_reason();
  // mkstemp creates the file 0600; give it the usual permissions a new file gets.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = system_reason();
  }
  if (ok && ::rename(tmpl.c_str(), path.c_str()) != 0) {
    ok = false;
    reason = system_reason();
  }
  if (!ok) {
    ::unlink(tmpl.c_str());
    throw IoError(fmt::format("{}: cannot write: {}", path, reason));
  }
}

}  // namespace papertree
