#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

namespace {

struct ImportCommand {
  std::string input;
  std::string output;
  bool force = false;
  ImportOptions options;
};

void run_import(const ImportCommand& cmd, const Context& ctx) {
  ImportResult result = import_markdown(read_file(cmd.input), cmd.input, cmd.options);
  if (!ctx.quiet) {
    for (const ImportWarning& w : result.warnings)
      warn(fmt::format("{}:{}: {}", cmd.input, w.line, w.message));
  }
  // The result must load: the importer's output is held to the loader's rules.
  std::string json = to_canonical_json(result.corpus);
  load_corpus_text(json, cmd.output.empty() ? "<stdout>" : cmd.output);
  if (cmd.output.empty() || cmd.output == "-") {
    std::cout << json;
  } else {
    write_file_atomic(cmd.output, json, cmd.force);
  }
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx) {
  auto cmd = std::make_shared<ImportCommand>();
  CLI::App* sub =
      app.add_subcommand("import", "Read a markdown paper list (awesome-list style) into a corpus");
  sub->add_option("file", cmd->input, "The markdown file, such as the survey's README.md")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", cmd->output,
                  "Write the corpus JSON here (atomically) instead of stdout")
      ->type_name("FILE");
  sub->add_flag("--force", cmd->force, "Overwrite an existing output file");
  sub->add_option("--title", cmd->options.title,
                  "Corpus title (default: the document's title heading)")
      ->type_name("TEXT");
  sub->add_option("--source-url", cmd->options.source_url, "Where the list comes from (source.url)")
      ->type_name("URL");
  sub->add_option("--source-commit", cmd->options.source_commit,
                  "The upstream commit read (source.commit)")
      ->type_name("COMMIT");
  sub->add_option("--citation", cmd->options.citation, "How to cite the survey (source.citation)")
      ->type_name("TEXT");
  set_examples(*sub, {{"papertree import README.md -o corpus.json", "a markdown list to a corpus"},
                      {"papertree --corpus corpus.json tree", "then use it"}});
  sub->callback([cmd, &ctx] { run_import(*cmd, ctx); });
}

}  // namespace papertree::cli
