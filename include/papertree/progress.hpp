#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace papertree {

/// Long work reports where it is: phase ("reading", "indexing", "writing"), items done of total
/// (0 of 0 while the total is unknown; done == total when the work ends). Called from the core;
/// the command line decides whether and how to draw it.
struct Progress {
  std::string_view phase;
  std::size_t done = 0;
  std::size_t total = 0;
  std::string_view unit = "papers";  ///< what is counted
};
using ProgressFn = std::function<void(const Progress&)>;

}  // namespace papertree
