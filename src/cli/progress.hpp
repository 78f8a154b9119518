#pragma once

#include <string>

#include "papertree/snapshot/snapshot.hpp"

namespace papertree::cli {

/// A progress callback that draws one self-overwriting line on stderr (which must be a
/// terminal): "papertree: TASK: PHASE DONE/TOTAL UNIT, RATE/s, N s left"
/// (just "papertree: TASK: PHASE" while the total is unknown), at most ten times a
/// second, erased when the work ends (or the callback is destroyed, as when an error unwinds).
ProgressFn make_progress_drawer(std::string task);

}  // namespace papertree::cli
