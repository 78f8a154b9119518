#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "git_history.hpp"
#include "help.hpp"
#include "output.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

namespace {

struct ImportCommand {
  std::string input;
  OutputFile output;
  bool history = false;
  ImportOptions options;
};

void run_import(const ImportCommand& cmd, const Context& ctx) {
  ImportOptions options = cmd.options;
  options.progress = ctx.progress("importing");
  const ProgressFn& progress = options.progress;
  if (progress) progress({"reading the file", 0, 0});
  // The corpus is JSON: written over the markdown it came from, the list would be gone.
  if (!writes_to_stdout(cmd.output) && cmd.input != "-" && same_file(cmd.input, cmd.output.path))
    throw UsageError(cmd.output.path +
                     ": -o names the markdown file being imported; write the corpus elsewhere");
  ImportResult result = import_markdown(ctx.read_input(cmd.input), cmd.input, options);
  if (!ctx.quiet) {
    for (const ImportWarning& w : result.warnings) {
      std::string where = w.column == 0 ? fmt::format("{}:{}", cmd.input, w.line)
                                        : fmt::format("{}:{}:{}", cmd.input, w.line, w.column);
      warn(fmt::format("{}: {}", where, w.message));
    }
    std::cerr << fmt::format("papertree: {}: {}\n", cmd.input, describe_summary(result));
  }
  if (cmd.history) {
    std::vector<ListVersion> versions = read_git_history(cmd.input);
    HistoryResult dated = assign_added_dates(result.corpus, versions);
    if (!ctx.quiet) {
      std::cerr << fmt::format(
          "papertree: {}: {} of {} papers dated from {} versions in git ({} not a paper list)\n",
          cmd.input, dated.papers_dated, result.corpus.papers.size(), dated.versions_read,
          dated.versions_skipped);
    }
  }
  // The result must load: the importer's output is held to the loader's rules.
  if (progress) progress({"checking the corpus", 0, 0});
  std::string json = to_canonical_json(result.corpus);
  load_corpus_text(json, output_name(cmd.output));
  // Erased before writing: with `-o -` on a terminal, the corpus follows on the same screen.
  if (progress) progress({"checking the corpus", 1, 1});
  write_output(cmd.output, json);
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx) {
  auto [sub, cmd] =
      add_command<ImportCommand>(app, ctx, run_import, "import",
                                 "Read a markdown paper list (awesome-list style) into a corpus");
  sub->add_option("file", cmd->input,
                  "The markdown file, such as the survey's README.md (- for standard input)")
      ->required()
      ->type_name("FILE");
  add_output_file_options(*sub, cmd->output,
                          "Write the corpus JSON here (atomically) instead of stdout");
  sub->add_option("--title", cmd->options.title,
                  "Corpus title (default: the document's title heading)")
      ->type_name("TITLE");
  sub->add_option("--source-url", cmd->options.source_url, "Where the list comes from (source.url)")
      ->type_name("URL");
  sub->add_option("--source-commit", cmd->options.source_commit,
                  "The upstream commit read (source.commit)")
      ->type_name("COMMIT");
  sub->add_option("--citation", cmd->options.citation, "How to cite the survey (source.citation)")
      ->type_name("CITATION");
  sub->add_flag(
      "--history", cmd->history,
      "Date each paper (added) by the first commit that lists it, from git log of the file");
  set_examples(*sub, {{"papertree import README.md -o corpus.json", "a markdown list to a corpus"},
                      {"papertree --corpus corpus.json tree", "then use it"}});
}

}  // namespace papertree::cli
