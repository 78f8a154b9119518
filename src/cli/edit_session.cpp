#include "edit_session.hpp"

#include <chrono>
#include <iostream>

#include "papertree/curate/commit.hpp"
#include "papertree/curate/line_diff.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

ValidateOptions default_validate_options() {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  ValidateOptions options;
  options.max_year = static_cast<int>(std::chrono::year_month_day(today).year()) + 1;
  return options;
}

void add_edit_options(CLI::App& sub, EditArgs& args) {
  sub.add_flag("-n,--dry-run", args.dry_run, "Print the change as a diff; write nothing");
}

void run_edit(Context& ctx, const EditArgs& args, const CorpusChange& change) {
  std::string path = ctx.corpus_file();
  if (path.empty()) {
    throw UsageError("the embedded corpus cannot be edited; give a corpus file with --corpus FILE",
                     "a copy to start from: papertree export --format json -o FILE");
  }
  CorpusLock lock(path);
  std::string old_text = ctx.read_input(path);
  Corpus before = load_corpus_text(old_text, path);
  CorpusData data = before.data();
  std::string what = change(data, before);
  std::string new_text = prepare_corpus_edit(before, data, default_validate_options());
  if (args.dry_run) {
    std::cout << unified_diff(old_text, new_text, "a/" + path, "b/" + path);
    if (!ctx.quiet)
      std::cerr << "papertree: " << sanitize_for_display(what) << " (dry run: nothing written)\n";
    return;
  }
  if (new_text == old_text) {
    if (!ctx.quiet)
      std::cerr << "papertree: " << sanitize_for_display(what) << ": no change; nothing written\n";
    return;
  }
  write_corpus_edit(path, old_text, new_text);
  std::cout << sanitize_for_display(path) << ": " << sanitize_for_display(what) << '\n';
}

}  // namespace papertree::cli
