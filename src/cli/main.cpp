// papertree: the command-line front end. Builds the CLI, runs one subcommand, maps errors to the
// documented exit codes (docs/cli.md).
#include <cstdio>
#include <cstdlib>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#endif

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "papertree/error.hpp"

namespace {

// A search of a large corpus builds hit and score lists of megabytes, frees them and builds the
// next. By default glibc gives each such block its own mapping and returns it on free, so every
// list is faulted in afresh, page by page (a fifth of a 3M-paper search was that). A short-lived
// process keeps them instead: blocks under 32 MiB come from the heap, and freed memory is reused
// rather than trimmed. Peak memory stays what the largest lists need (docs/performance.md).
//
// Filling those lists still faults their pages in one 4 KiB page at a time: 6 000 faults for one
// broad search at 3M papers, a third of its time. So the heap is grown once, up front, by
// k_huge_heap of address space (no page of it is touched until used) and that range is marked
// for transparent huge pages: where the kernel offers them (its `madvise` or `always` mode) a
// fault maps 2 MiB at once. The range stays below the trim threshold, so freeing never returns
// it. Only where that address space costs nothing (reserving_is_free); elsewhere (no THP,
// another allocator, a sanitizer's malloc) nothing changes.
#if defined(__GLIBC__)
// True when growing the heap by unused address space takes nothing from anyone: the kernel
// overcommits (vm.overcommit_memory 0 or 1, not 2, which would charge all of it at once), no
// address-space or data limit is set, and the user has set neither glibc's top pad
// (MALLOC_TOP_PAD_) nor any malloc tunable (glibc.malloc.* in GLIBC_TUNABLES), which this
// would override. (The mmap and trim thresholds above are set either way.)
bool reserving_is_free() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (sizeof(void*) < 8 || std::getenv("MALLOC_TOP_PAD_") != nullptr ||
      (tunables != nullptr && std::strstr(tunables, "glibc.malloc.") != nullptr))
    return false;
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY) return false;
  }
  std::FILE* mode = std::fopen("/proc/sys/vm/overcommit_memory", "r");
  if (mode == nullptr) return false;
  const int first = std::fgetc(mode);
  std::fclose(mode);
  return first == '0' || first == '1';
}
#endif

void keep_freed_memory() {
#if defined(__GLIBC__)
  constexpr std::size_t k_huge_heap = std::size_t{512} << 20;
  constexpr std::uintptr_t k_huge_page = std::uintptr_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  if (!reserving_is_free()) return;
  void* before = sbrk(0);
  mallopt(M_TOP_PAD, static_cast<int>(k_huge_heap));
  // Larger than the heap's free top, so the heap grows by the pad. Volatile: a malloc whose
  // block is freed unused may otherwise be optimised away.
  void* volatile block = std::malloc(1 << 20);
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again (MALLOC_TOP_PAD_ is not set)
  void* after = sbrk(0);
  std::free(block);
  const auto low = reinterpret_cast<std::uintptr_t>(before);
  const auto high = reinterpret_cast<std::uintptr_t>(after);
  // Only the range this call added to the heap, and only if it really grew there.
  if (before != reinterpret_cast<void*>(-1) && high > low && high - low >= k_huge_heap) {
    const std::uintptr_t start = (low + k_huge_page - 1) & ~(k_huge_page - 1);
    madvise(reinterpret_cast<void*>(start), high - start, MADV_HUGEPAGE);
  }
#endif
}

// Ends the process without tearing down what the command built. A corpus of a million papers
// read from its JSON is millions of blocks; freeing them one by one, then the word memos, took
// a tenth of a cold search (docs/performance.md) for memory the kernel takes back at once.
// Everything written is flushed first, so nothing is lost. A sanitizer build tears down as usual,
// so its leak and use-after-free checks still see every destructor.
[[noreturn]] void end_process(int code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  std::exit(code);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
  std::exit(code);
#endif
#endif
  std::_Exit(code);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace papertree;
  keep_freed_memory();
  cli::catch_signals();
  cli::Context ctx;
  CLI::App app{"papertree — a catalog of research papers organised by a survey's taxonomy",
               "papertree"};
  cli::setup_app(app, ctx);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = 0;
  try {
    cli::check_command_word(app, args);
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) cli::write_short_help(app, std::cout);
    code = cli::finish_stdout();
  } catch (const CLI::Success& e) {
    // --help: printed like any output, so a full disk or a closed pipe ends as it does there.
    int code = app.exit(e);
    int written = cli::finish_stdout();
    return code != 0 ? code : written;
  } catch (const CLI::ParseError& e) {
    return cli::report_usage(app, e, args);
  } catch (const Error& e) {
    code = cli::report_command_error(app, e);
    ctx.drop_damaged_cache_entry(e);
  } catch (const std::exception& e) {
    return cli::report_unexpected(e);
  }
  ctx.build_cache_in_background();
  end_process(code != 0 ? code : ctx.exit_code);
}
