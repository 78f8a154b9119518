// A test shim, loaded with LD_PRELOAD by tests/e2e/test_broken_corpus.sh: every mmap of a file
// whose path holds $PAPERTREE_TRUNCATE_MATCHING is followed by cutting that file down to 4 KiB, as
// another program rewriting it in place (`cp new.snap live.snap`) would while a command reads it.
// The pages past the cut then fault with SIGBUS (BUS_ADRERR) when the command reads them.
#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset) {
  using Mmap = void* (*)(void*, size_t, int, int, int, off_t);
  static Mmap real = reinterpret_cast<Mmap>(dlsym(RTLD_NEXT, "mmap"));
  void* mapped = real(addr, length, prot, flags, fd, offset);
  const char* matching = std::getenv("PAPERTREE_TRUNCATE_MATCHING");
  if (mapped == MAP_FAILED || fd < 0 || matching == nullptr || length <= 4096) return mapped;
  char link[64];
  char path[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return mapped;
  path[n] = '\0';
  if (std::strstr(path, matching) != nullptr) (void)truncate(path, 4096);
  return mapped;
}
