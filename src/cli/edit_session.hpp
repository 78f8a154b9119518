#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "papertree/curate/validate.hpp"

namespace papertree::cli {

/// The options `validate` and the edits check with: years up to next year by the clock.
ValidateOptions default_validate_options();

/// The options every editing command shares.
struct EditArgs {
  bool dry_run = false;
};

void add_edit_options(CLI::App& sub, EditArgs& args);

/// A change to the corpus: edits `data` (a copy of `corpus`'s), returns what it did in a few
/// words ("moved gptq to quantization").
using CorpusChange = std::function<std::string(CorpusData& data, const Corpus& corpus)>;

/// Runs one edit on the corpus file (docs/curate.md): refuses the embedded corpus, takes the
/// file's lock, reads and loads it, applies `change`, checks the result, then prints the diff
/// (`--dry-run`) or writes it atomically if the file is unchanged since it was read.
void run_edit(Context& ctx, const EditArgs& args, const CorpusChange& change);

}  // namespace papertree::cli
