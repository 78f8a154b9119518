#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/snapshot/cache.hpp"

namespace papertree::cli {

namespace {

struct IndexCommand {
  std::string input;
  std::string output;
  bool force = false;
};

void run_index(const IndexCommand& cmd, const Context& ctx) {
  std::string dir = cmd.output.empty() ? ctx.cache_dir() : std::string();
  if (cmd.output.empty() && dir.empty())
    throw UsageError(
        "no cache directory: set PAPERTREE_CACHE_DIR, XDG_CACHE_HOME or HOME, or give -o FILE");
  // A snapshot is binary: written over its own corpus, it would leave nothing to compile it from.
  if (!cmd.output.empty() && same_file(cmd.input, cmd.output))
    throw UsageError(cmd.output +
                     ": -o names the corpus file itself; give the snapshot another name");
  ProgressFn progress = ctx.progress();
  SourceIdentity id = identify_file(cmd.input, file_clock_now_ns());
  if (progress) progress({"reading", 0, 0});
  Corpus corpus = load_corpus_file(cmd.input, ctx.input_limit());
  if (progress) progress({"indexing", 0, 0});
  SearchIndex index(corpus);
  std::string written = cmd.output;
  if (cmd.output.empty()) {
    written = write_cached_snapshot(dir, id, corpus, index, progress);
  } else {
    write_snapshot_file(cmd.output, build_snapshot(corpus, index, id, progress), cmd.force);
  }
  std::cout << fmt::format("{}: snapshot of {} ({} papers, {} terms)\n", written, cmd.input,
                           corpus.paper_count(), index.vocabulary_size());
}

}  // namespace

void setup_index(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<IndexCommand>(
      app, ctx, run_index, "index",
      "Compile a corpus file into its snapshot (the cache, or -o FILE) for fast loading");
  sub->add_option("corpus", cmd->input, "The corpus JSON file")->required()->type_name("FILE");
  sub->add_option("-o,--output", cmd->output,
                  "Write the snapshot here (atomically) instead of the cache; use it with "
                  "--corpus FILE")
      ->type_name("FILE");
  sub->add_flag("--force", cmd->force, "Overwrite an existing output file");
  set_examples(*sub, {{"papertree index big.json", "compile into the cache; later commands use it"},
                      {"papertree index big.json -o big.snapshot",
                       "then: papertree --corpus big.snapshot tree"}});
}

}  // namespace papertree::cli
