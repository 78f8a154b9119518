#pragma once

#include <span>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/render/papers.hpp"

namespace papertree::cli {

/// The filter options `list` and `search` share, as typed.
struct FilterArgs {
  std::string year;
  std::vector<std::string> venues;
  bool has_code = false;
  std::string kind;
  bool arxiv_only = false;

  /// Throws UsageError for a bad --year.
  Filters to_filters() const;
};

/// --format and --limit, shared by the commands that print papers.
struct OutputArgs {
  std::string format;     ///< empty: table on a terminal, plain otherwise
  std::size_t limit = 0;  ///< 0 for all
};

void add_filter_options(CLI::App& sub, FilterArgs& args);
void add_output_options(CLI::App& sub, OutputArgs& args, std::size_t default_limit);

/// The format to use: --format, else table on a terminal, plain otherwise.
std::string resolve_format(const OutputArgs& args, Context& ctx);

/// Prints `papers` (already in order) in the chosen format, at most --limit of them, then an
/// "N more" line; an empty list prints `empty_message` on stderr (and "[]" for json).
void print_papers(Context& ctx, const OutputArgs& args, std::span<const PaperIndex> papers,
                  PaperListOptions options, const std::string& empty_message);

}  // namespace papertree::cli
