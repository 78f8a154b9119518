#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace papertree::cli {

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
    if (t.width == 0) {
      if (const char* cols = std::getenv("COLUMNS"))
        t.width = static_cast<std::size_t>(std::atoi(cols));
    }
    if (t.width == 0) t.width = 80;
  }
  return t;
}

TextStyle Terminal::style() const {
  if (!color) return {};
  return TextStyle{"\x1b[1m",  "\x1b[2m",  "\x1b[36m", "\x1b[1;33m",
                   "\x1b[32m", "\x1b[31m", "\x1b[0m"};
}

}  // namespace papertree::cli
