#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/snapshot/snapshot.hpp"

namespace papertree {

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    throw IoError(fmt::format("{}: cannot read: {}", path, std::strerror(err)));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IoError(fmt::format("{}: cannot read: not a regular file", path));
  }
  m_size = static_cast<std::size_t>(st.st_size);
  if (m_size != 0) {
    void* at = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (at == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      throw IoError(fmt::format("{}: cannot map: {}", path, std::strerror(err)));
    }
    m_data = static_cast<const char*>(at);
    // A snapshot is read where a command looks, not front to back: no readahead, so that only
    // the pages read are brought in and counted (large read-ahead folios would map megabytes
    // around every small read).
    (void)::madvise(at, m_size, MADV_RANDOM);
  }
  ::close(fd);
}

void write_snapshot_file(const std::string& path, const std::string& bytes, bool force) {
  write_file_atomic(path, bytes, force);  // synced: the pages are clean and can be dropped
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO must not block
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
      (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

MappedFile::~MappedFile() {
  if (m_data != nullptr) ::munmap(const_cast<char*>(m_data), m_size);
}

}  // namespace papertree
