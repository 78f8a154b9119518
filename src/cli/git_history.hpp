#pragma once

#include <string>
#include <vector>

#include "papertree/curate/history.hpp"

namespace papertree::cli {

/// Every committed version of `file` on the current branch, oldest first, read by running
/// `git log` and one `git cat-file --batch` in the file's directory. Throws IoError when git cannot be run
/// (not installed) and UsageError when the file is not in a git work tree or has no history.
std::vector<ListVersion> read_git_history(const std::string& file);

}  // namespace papertree::cli
