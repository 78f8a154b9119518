#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include "papertree/render/style.hpp"

namespace papertree::cli {

/// When to colour output: `--color auto|always|never`.
enum class ColorMode { automatic, always, never };

/// What the CLI knows about where stdout goes. The one place that looks at terminals and the
/// environment (NO_COLOR, COLUMNS).
struct Terminal {
  bool is_tty = false;
  bool color = false;
  std::size_t width = 0;  ///< columns of the terminal, else $COLUMNS; 0 when neither is known

  /// Inspects stdout and the environment.
  static Terminal detect(ColorMode mode);

  /// Escape codes for the human renderers: ANSI colours when `color`, empty otherwise.
  TextStyle style() const;
};

/// The width help text is wrapped to: the terminal's (else $COLUMNS, else 80) when stdout is a
/// terminal, 100 otherwise, so that help piped to a file or a pager reads the same everywhere.
std::size_t help_width();

}  // namespace papertree::cli
