#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "papertree/error.hpp"
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
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (m_data != nullptr) ::munmap(const_cast<char*>(m_data), m_size);
}

}  // namespace papertree
