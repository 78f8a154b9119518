// write_file_atomic: where a write lands (links followed, special files written in place), the
// temporary file and its rename, and the clean-up of temporaries a killed write left behind.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "papertree/error.hpp"
#include "papertree/io/io.hpp"

namespace papertree {

namespace {

namespace fs = std::filesystem;

// Linux's own limit on the links one path lookup follows.
constexpr int k_max_symlinks = 40;

std::string system_reason() {
  return std::strerror(errno);
}

// Writes all of `content` to `fd`, retrying short writes.
bool write_all(int fd, std::string_view content) {
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

// The final target of `path`: every symbolic link followed, relative ones from their own
// directory. Sets `st` to its lstat and returns whether it exists.
bool final_target(const std::string& path, fs::path& target, struct stat& st) {
  target = path;
  for (int hops = 0;; ++hops) {
    if (::lstat(target.c_str(), &st) != 0) {
      // A link that names no file but that the kernel resolves (`/dev/stdout` ->
      // /proc/self/fd/1 -> "pipe:[N]"): what the original path opens is the target.
      if (errno == ENOENT && hops > 0) {
        struct stat real {};
        if (::stat(path.c_str(), &real) == 0 && !S_ISREG(real.st_mode) && !S_ISDIR(real.st_mode)) {
          target = path;
          st = real;
          return true;
        }
        errno = ENOENT;
      }
      if (errno == ENOENT) return false;
      throw IoError(fmt::format("{}: cannot write: {}", path, system_reason()));
    }
    if (!S_ISLNK(st.st_mode)) return true;
    if (hops == k_max_symlinks)
      throw IoError(fmt::format("{}: cannot write: too many levels of symbolic links", path));
    std::error_code ec;
    fs::path next = fs::read_symlink(target, ec);
    if (ec) throw IoError(fmt::format("{}: cannot write: {}", path, ec.message()));
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
}

// The mode the replacement gets: the replaced file's, less set-user-ID and set-group-ID (a copy
// made by this process must not gain them); a new file gets what the umask allows.
mode_t replacement_mode(bool exists, const struct stat& st) {
  if (exists) return st.st_mode & 07777 & ~static_cast<mode_t>(S_ISUID | S_ISGID);
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Makes the rename durable: fsync the directory that holds the new entry.
void sync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes `.NAME.tmp-PID-XXXXXX` files in `dir` whose writer process no longer exists (a write
// killed before its rename) and that this user owns. A live writer's temporary is left alone.
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  std::string prefix = "." + name + ".tmp-";
  while (const dirent* entry = ::readdir(d)) {
    std::string_view file = entry->d_name;
    if (!file.starts_with(prefix)) continue;
    std::string_view rest = file.substr(prefix.size());
    std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || rest.size() - dash - 1 != 6) continue;
    long pid = 0;
    bool digits = true;
    for (char c : rest.substr(0, dash)) {
      digits = digits && c >= '0' && c <= '9' && pid < 100000000;
      pid = pid * 10 + (c - '0');
    }
    if (!digits || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    fs::path stale = dir / std::string(file);
    struct stat st {};
    if (::lstat(stale.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid())
      ::unlink(stale.c_str());
  }
  ::closedir(d);
}

// A character device or FIFO: written where it is, never replaced by a regular file.
void write_in_place(const std::string& path, const fs::path& target, std::string_view content) {
  // O_NONBLOCK: a FIFO nobody reads fails (ENXIO) instead of blocking the open for ever.
  int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0 && errno == ENXIO)
    throw IoError(fmt::format("{}: cannot write: a FIFO with no reader", path));
  if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, system_reason()));
  int flags = ::fcntl(fd, F_GETFL);
  bool ok = flags >= 0 && ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 && write_all(fd, content);
  bool closed_pipe = !ok && errno == EPIPE;
  std::string reason = ok ? "" : system_reason();
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = system_reason();
  }
  if (closed_pipe) throw ClosedPipeError(fmt::format("{}: cannot write: {}", path, reason));
  if (!ok) throw IoError(fmt::format("{}: cannot write: {}", path, reason));
}

IoError exists_error(const std::string& path) {
  return IoError(fmt::format("{}: already exists (use --force to overwrite)", path));
}

// Writes a temporary file beside `target` and renames (overwrite) or links (no overwrite) it
// into place.
void replace_atomically(const std::string& path, const fs::path& target, bool exists,
                        const struct stat& st, std::string_view content, bool overwrite) {
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string name = target.filename().string();
  remove_stale_temporaries(dir, name);
  std::string tmpl = (dir / fmt::format(".{}.tmp-{}-XXXXXX", name, ::getpid())).string();
  int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) {
    throw IoError(fmt::format("{}: cannot create a temporary file: {}", path, system_reason()));
  }
  bool ok =
      write_all(fd, content) && ::fchmod(fd, replacement_mode(exists, st)) == 0 && ::fsync(fd) == 0;
  std::string reason = ok ? "" : system_reason();
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = system_reason();
  }
  bool raced = false;
  if (ok && overwrite) {
    ok = ::rename(tmpl.c_str(), target.c_str()) == 0;
  } else if (ok) {
    // link() refuses an existing name, so a file created since the check is not replaced.
    ok = ::link(tmpl.c_str(), target.c_str()) == 0;
    raced = !ok && errno == EEXIST;
    if (!ok && reason.empty()) reason = system_reason();
    ::unlink(tmpl.c_str());
  }
  if (!ok && reason.empty()) reason = system_reason();
  if (!ok) {
    ::unlink(tmpl.c_str());
    if (raced) throw exists_error(path);
    throw IoError(fmt::format("{}: cannot write: {}", path, reason));
  }
  sync_directory(dir);
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content, bool overwrite) {
  if (path.empty()) throw UsageError("the output file name is empty");
  fs::path target;
  struct stat st {};
  bool exists = final_target(path, target, st);
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
    write_in_place(path, target, content);
    return;
  }
  if (exists && S_ISDIR(st.st_mode))
    throw IoError(fmt::format("{}: cannot write: is a directory", path));
  if (exists && !S_ISREG(st.st_mode))
    throw IoError(fmt::format(
        "{}: cannot write: not a regular file, a character device or a FIFO (refused)", path));
  struct stat link_st {};
  bool named = ::lstat(path.c_str(), &link_st) == 0;
  if (!overwrite && named) throw exists_error(path);
  // Without overwrite the new file takes `path` itself (link() would not follow a dangling link).
  replace_atomically(path, overwrite ? target : fs::path(path), exists, st, content, overwrite);
}

}  // namespace papertree
