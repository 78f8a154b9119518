#include <iostream>
#include <limits>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/render/stats.hpp"

namespace papertree::cli {

namespace {

struct StatsCommand {
  std::string category;
  std::string format = "text";
  std::size_t top = 10;
  bool ascii = false;
};

void run_stats(const StatsCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  std::optional<CategoryIndex> scope;
  if (!cmd.category.empty()) scope = resolve_category(corpus, cmd.category);
  CorpusStats stats = compute_stats(corpus, scope);
  if (cmd.format == "json") {
    render_stats_json(stats, corpus, std::cout);
    return;
  }
  const Terminal& term = ctx.terminal();
  StatsOptions options;
  options.width = term.width;
  options.top_venues = cmd.top;
  options.ascii = cmd.ascii;
  options.style = term.style();
  render_stats_text(stats, options, std::cout);
}

}  // namespace

void setup_stats(CLI::App& app, Context& ctx) {
  auto [sub, cmd] =
      add_command<StatsCommand>(app, ctx, run_stats, "stats",
                                "Counts and charts: papers per year, venue and branch, code links");
  sub->add_option("category", cmd->category,
                  "Count only this category's subtree (id, path, name or prefix)")
      ->type_name("CATEGORY");
  add_text_json_format(*sub, cmd->format);
  sub->add_option("--top", cmd->top, "Venues shown in the text chart (default 10)")
      ->check(whole_number(1, std::numeric_limits<std::uint32_t>::max()));
  sub->add_flag("--ascii", cmd->ascii, "Draw bars with '#' instead of '█'");
  set_examples(*sub, {{"papertree stats", "the whole corpus"},
                      {"papertree stats quantization --top 5", "one subtree, five venues"},
                      {"papertree stats --format json", "for programs"}});
}

}  // namespace papertree::cli
