#include "papertree/io/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

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
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, system_reason()));
  // One allocation of the file's size (a stream buffer would grow by doubling and copy, holding
  // up to three times the file at its peak), then small reads in case the file grew meanwhile.
  struct stat st {};
  std::string text;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  char more[4096];
  for (;;) {
    bool in_place = done < text.size();
    char* into = in_place ? text.data() + done : more;
    std::size_t room = in_place ? text.size() - done : sizeof more;
    ssize_t n = ::read(fd, into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string reason = system_reason();
      ::close(fd);
      throw IoError(fmt::format("{}: cannot read: {}", path, reason));
    }
    if (n == 0) break;
    if (!in_place) text.append(more, static_cast<std::size_t>(n));
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(done);
  return text;
}

namespace {

// The file a write to `path` lands in: the target of a symbolic link, else `path` itself.
std::filesystem::path write_target(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::read_symlink(target, ec);
    if (!ec) return resolved.is_absolute() ? resolved : target.parent_path() / resolved;
  }
  return target;
}

// The permissions the written file gets: those of the file it replaces, else what a new file
// gets under the umask.
mode_t file_mode(const std::filesystem::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) return st.st_mode & 07777;
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Makes the rename durable: fsync the directory that holds the new entry.
void sync_directory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content, bool overwrite) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto exists_error = [&] {
    return IoError(fmt::format("{}: already exists (use --force to overwrite)", path));
  };
  if (!overwrite && (fs::exists(path, ec) || fs::is_symlink(path, ec))) throw exists_error();
  fs::path target = overwrite ? write_target(path) : fs::path(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw IoError(fmt::format("{}: cannot create a temporary file: {}", path, system_reason()));
  }
  bool ok = write_all(fd, content) && ::fchmod(fd, file_mode(target)) == 0 && ::fsync(fd) == 0;
  std::string reason = ok ? "" : system_reason();
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = system_reason();
  }
  bool raced = false;
  if (ok && overwrite) {
    ok = ::rename(tmpl.c_str(), target.c_str()) == 0;
  } else if (ok) {
    // link() refuses an existing name, so a file created since the check above is not replaced.
    ok = ::link(tmpl.c_str(), target.c_str()) == 0;
    raced = !ok && errno == EEXIST;
    ::unlink(tmpl.c_str());
  }
  if (!ok && reason.empty()) reason = system_reason();
  if (!ok) {
    ::unlink(tmpl.c_str());
    if (raced) throw exists_error();
    throw IoError(fmt::format("{}: cannot write: {}", path, reason));
  }
  sync_directory(dir);
}

}  // namespace papertree
