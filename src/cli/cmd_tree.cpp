#include <iostream>
#include <limits>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/render/tree.hpp"

namespace papertree::cli {

namespace {

struct TreeCommand {
  std::string category;
  int depth = -1;
  bool ascii = false;
  bool ids = false;
  std::string format = "text";
};

void run_tree(const TreeCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  TreeOptions options;
  if (!cmd.category.empty()) options.root = resolve_category(corpus, cmd.category);
  options.max_depth = cmd.depth;
  options.ascii = cmd.ascii;
  options.ids = cmd.ids;
  if (cmd.format == "json") {
    render_tree_json(corpus, options, std::cout);
    return;
  }
  const Terminal& term = ctx.terminal();
  options.width = term.width;
  options.style = term.style();
  render_tree_text(corpus, options, std::cout);
}

}  // namespace

void setup_tree(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<TreeCommand>(app, ctx, run_tree, "tree",
                                             "Show the taxonomy with paper counts per category");
  sub->add_option(
         "category", cmd->category,
         "Show only this category's subtree (id, path, name, words of a name, abbreviation)")
      ->type_name("CATEGORY");
  sub->add_option("-d,--depth", cmd->depth, "Levels to show below the start (0: the start only)")
      ->check(whole_number(0, std::numeric_limits<int>::max()));
  sub->add_flag("--ascii", cmd->ascii, "Draw with plain ASCII instead of box-drawing characters");
  sub->add_flag("--ids", cmd->ids,
                "Show each category's id after its name (what list, export and --in take)");
  add_text_json_format(*sub, cmd->format);
  set_examples(*sub, {{"papertree tree", "the whole taxonomy"},
                      {"papertree tree quant --depth 1", "Quantization and its children only"},
                      {"papertree tree --ascii > taxonomy.txt", "plain ASCII lines, for a file"}});
}

}  // namespace papertree::cli
