#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace papertree::cli {

namespace {

std::size_t columns_from_env() {
  const char* cols = std::getenv("COLUMNS");
  if (cols == nullptr) return 0;
  char* end = nullptr;
  unsigned long value = std::strtoul(cols, &end, 10);
  return end != cols && *end == '\0' && value < 100000 ? value : 0;
}

}  // namespace

Terminal Terminal::detect(ColorMode mode) {
  Terminal t;
  t.is_tty = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool dumb = term != nullptr && std::string(term) == "dumb";
  switch (mode) {
    case ColorMode::always:
      t.color = true;
      break;
    case ColorMode::never:
      t.color = false;
      break;
    case ColorMode::automatic:
      t.color = t.is_tty && !dumb && (no_color == nullptr || no_color[0] == '\0');
      break;
  }
  if (t.is_tty) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) t.width = ws.ws_col;
  }
  // $COLUMNS when the terminal does not say (or on a pipe, so a table asked for still fits).
  if (t.width == 0) t.width = columns_from_env();
  if (t.width == 0 && t.is_tty) t.width = 80;
  return t;
}

std::size_t help_width() {
  Terminal t = Terminal::detect(ColorMode::never);
  return t.is_tty ? t.width : 100;
}

TextStyle Terminal::style() const {
  if (!color) return {};
  return TextStyle{"\x1b[1m",  "\x1b[2m",  "\x1b[36m", "\x1b[1;33m",
                   "\x1b[32m", "\x1b[31m", "\x1b[0m"};
}

}  // namespace papertree::cli
