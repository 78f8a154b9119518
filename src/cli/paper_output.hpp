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
  std::vector<std::string> authors;
  std::string added_since;

  /// Throws UsageError for a bad --year or --added-since.
  Filters to_filters() const;
};

/// Papers a terminal shows when no --limit is given; a pipe gets them all.
inline constexpr std::size_t k_terminal_page = 20;

/// --format and --limit, shared by the commands that print papers.
struct OutputArgs {
  std::string format;                     ///< empty: table on a terminal, plain otherwise
  std::string columns;                    ///< --columns as typed; empty for each format's default
  std::size_t limit = 0;                  ///< 0 for all
  const CLI::Option* limit_option = 0;    ///< to tell a given --limit from the default
  const CLI::Option* columns_option = 0;  ///< to tell `--columns ""` from no --columns

  /// The number of papers to print (0: all): --limit when given, else a page on a terminal
  /// and everything otherwise.
  std::size_t effective_limit(Context& ctx) const;
};

void add_filter_options(CLI::App& sub, FilterArgs& args);
void add_output_options(CLI::App& sub, OutputArgs& args);

/// The format to use: --format, else table on a terminal, plain otherwise.
std::string resolve_format(const OutputArgs& args, Context& ctx);

/// The --columns the user gave, checked (a usage error for an unknown name, or with a format other
/// than table or plain); empty when none were given.
std::vector<PaperColumn> checked_columns(const OutputArgs& args, const std::string& format);

/// Prints `papers` (already in order) in the chosen format, at most --limit of them, then an
/// "N more" line; an empty list prints `empty_message` on stderr (and "[]" for json).
void print_papers(Context& ctx, const OutputArgs& args, std::span<const PaperIndex> papers,
                  PaperListOptions options, const std::string& empty_message);

/// After an empty result: a `papertree: note:` line on stderr for each filter that no paper of
/// the corpus passes on its own (unmatched_filters), so a typo in --venue is told apart from a
/// query that finds nothing.
void report_unmatched_filters(const Corpus& corpus, const Filters& filters);

}  // namespace papertree::cli
