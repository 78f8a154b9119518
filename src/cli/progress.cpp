#include "progress.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace papertree::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct Drawer {
  std::string task;
  std::string phase;
  Clock::time_point phase_start;
  Clock::time_point last_draw;
  bool drawn = false;

  Drawer() = default;
  Drawer(const Drawer&) = delete;
  Drawer& operator=(const Drawer&) = delete;
  // The work ended without saying so (an error unwound it): the line goes, so that the error
  // message starts a line of its own.
  ~Drawer() {
    if (drawn) std::fputs("\r\033[K", stderr);
  }

  void operator()(const Progress& p) {
    Clock::time_point now = Clock::now();
    if (p.phase != phase) {
      phase = std::string(p.phase);
      phase_start = now;
      last_draw = Clock::time_point{};
    }
    bool finished = p.total != 0 && p.done >= p.total;
    if (finished) {
      if (drawn) std::fputs("\r\033[K", stderr);
      drawn = false;
      return;
    }
    if (now - last_draw < std::chrono::milliseconds(100) && p.done != 0) return;
    last_draw = now;
    double seconds = std::chrono::duration<double>(now - phase_start).count();
    std::string line = fmt::format("papertree: {}: {}", task, phase);
    if (p.total != 0) line += fmt::format(" {}/{} {}", p.done, p.total, p.unit);
    if (p.total != 0 && p.done > 0 && seconds > 0.05) {
      double rate = static_cast<double>(p.done) / seconds;
      line += fmt::format(", {:.0f}/s, {:.0f} s left", rate,
                          static_cast<double>(p.total - p.done) / rate);
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    drawn = true;
  }
};

}  // namespace

ProgressFn make_progress_drawer(std::string task) {
  auto drawer = std::make_shared<Drawer>();
  drawer->task = std::move(task);
  return [drawer](const Progress& p) { (*drawer)(p); };
}

}  // namespace papertree::cli
