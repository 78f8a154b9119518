// `papertree diff OLD NEW`: what changed between two versions of a corpus (docs/curate.md).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/curate/corpus_diff.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

namespace {

struct DiffCommand {
  std::string old_path, new_path;
  std::string format = "text";
};

bool is_markdown(const std::string& path) {
  return path.ends_with(".md") || path.ends_with(".markdown");
}

Corpus load_either(const std::string& path, const Context& ctx) {
  if (!is_markdown(path)) return load_corpus_file(path, ctx.input_limit());
  ImportResult imported = import_markdown(ctx.read_input(path), path);
  return Corpus::build(std::move(imported.corpus), path);
}

void run_diff(const DiffCommand& cmd, const Context& ctx) {
  Corpus before = load_either(cmd.old_path, ctx);
  Corpus after = load_either(cmd.new_path, ctx);
  CorpusDiff diff = diff_corpora(before, after);
  if (cmd.format == "json") {
    render_diff_json(diff, std::cout);
  } else if (cmd.format == "markdown") {
    render_diff_markdown(diff, std::cout);
  } else {
    render_diff_text(diff, std::cout);
  }
}

}  // namespace

void setup_diff(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<DiffCommand>(
      app, ctx, run_diff, "diff",
      "What changed between two corpus files or markdown lists (papers, categories)");
  sub->add_option("old", cmd->old_path, "The older corpus (.json) or list (.md)")
      ->required()
      ->type_name("FILE");
  sub->add_option("new", cmd->new_path, "The newer corpus (.json) or list (.md)")
      ->required()
      ->type_name("FILE");
  sub->add_option("-f,--format", cmd->format, "Output format: text, json or markdown (a changelog)")
      ->transform(one_of({"text", "json", "markdown"}, format_aliases()));
  set_examples(*sub, {{"papertree diff old.json new.json", "two corpus files"},
                      {"papertree diff old.json new.json --format markdown",
                       "a changelog section, for release notes"},
                      {"papertree diff README.md c.json --format json",
                       "a markdown list against a corpus, for programs"}});
}

}  // namespace papertree::cli
