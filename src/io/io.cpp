#include "papertree/io/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "papertree/error.hpp"

namespace papertree {

namespace {

IoError read_error(const std::string& name, const char* what) {
  return IoError(fmt::format("{}: cannot {}: {}", name, what, std::strerror(errno)));
}

IoError too_large(const std::string& name, std::size_t max_bytes) {
  return IoError(fmt::format(
      "{}: cannot read: larger than the input limit of {} (raise it with --max-input or "
      "PAPERTREE_MAX_INPUT)",
      name, format_byte_count(max_bytes)));
}

struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

}  // namespace

std::string format_byte_count(std::size_t bytes) {
  // The largest binary unit that divides the count exactly; a limit is never rounded.
  static constexpr const char* k_units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  while (unit < 4 && bytes >= 1024 && bytes % 1024 == 0) {
    bytes /= 1024;
    ++unit;
  }
  return fmt::format("{} {}", bytes, k_units[unit]);
}

std::string read_descriptor(int fd, const std::string& name, std::size_t max_bytes) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw read_error(name, "read");
  if (S_ISDIR(st.st_mode)) throw IoError(fmt::format("{}: cannot read: is a directory", name));
  std::string text;
  // A regular file: one allocation of its size (a stream buffer would grow by doubling and copy).
  // Anything else grows as it is read, and stops at the limit.
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) throw too_large(name, max_bytes);
    text.resize(static_cast<std::size_t>(st.st_size));
  }
  std::size_t done = 0;
  char more[65536];
  for (;;) {
    bool in_place = done < text.size();
    char* into = in_place ? text.data() + done : more;
    std::size_t room = in_place ? text.size() - done : sizeof more;
    ssize_t n = ::read(fd, into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw read_error(name, "read");
    if (n == 0) break;
    auto got = static_cast<std::size_t>(n);
    if (done + got > max_bytes) throw too_large(name, max_bytes);
    if (!in_place) text.append(more, got);
    done += got;
  }
  text.resize(done);
  return text;
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw read_error(path, "open");
  FdCloser closer{fd};
  return read_descriptor(fd, path, max_bytes);
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace papertree
