#include <iostream>
#include <memory>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "paper_output.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct ListCommand {
  std::string category;
  bool direct = false;
  FilterArgs filters;
  std::string sort = "year";
  bool reverse = false;
  OutputArgs output;
};

void run_list(const ListCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  std::optional<CategoryIndex> root;
  if (!cmd.category.empty()) root = resolve_category(corpus, cmd.category);
  // On a terminal, a category named by a word, an abbreviation or a prefix says which one it is:
  // `list prompting` is Few-Shot Prompting, not Prompt Engineering.
  if (root && resolve_format(cmd.output, ctx) == "table") {
    const Category& c = corpus.category(*root);
    std::string typed = fold_case_accents(cmd.category);
    if (typed != c.id && typed != c.path && typed != fold_case_accents(c.name)) {
      std::cerr << "papertree: note: " << quote_for_message(cmd.category) << " is the category "
                << sanitize_for_display(c.name) << " (" << c.id << ")\n";
    }
  }
  Filters filters = cmd.filters.to_filters();
  std::vector<PaperIndex> papers = select_papers(corpus, root, cmd.direct, filters);
  // Only the page that is printed needs its order (the rest is counted).
  sort_papers(corpus, papers,
              SortOptions{parse_sort_key(cmd.sort), cmd.reverse, cmd.output.effective_limit(ctx)});
  print_papers(ctx, cmd.output, papers, {}, "no papers match");
  if (papers.empty()) report_unmatched_filters(corpus, filters);
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<ListCommand>(
      app, ctx, run_list, "list", "List the papers of a category and the categories below it");
  sub->add_option(
         "category", cmd->category,
         "Category (id, path, name, words of a name, abbreviation); default: the whole corpus")
      ->type_name("CATEGORY");
  sub->add_flag("--direct", cmd->direct, "Only papers placed in the category itself, not below it");
  add_filter_options(*sub, cmd->filters);
  sub->add_option("-s,--sort", cmd->sort,
                  "Order: year (newest first), title, venue or added (latest first)")
      ->capture_default_str()
      ->transform(one_of({"year", "title", "venue", "added"}));
  sub->add_flag("-r,--reverse", cmd->reverse, "Reverse the order");
  add_output_options(*sub, cmd->output);
  set_examples(*sub, {{"papertree list speculative-decoding --year 2023 --has-code",
                       "one category's papers of 2023 that have code"},
                      {"papertree list quant --sort title --format ids", "ids only, by title"},
                      {"papertree list quantization --columns id,authors,code",
                       "ids, short authors and code URLs"},
                      {"papertree list --venue ICLR --venue NeurIPS --year '>=2024'",
                       "the whole corpus, filtered"}});
}

}  // namespace papertree::cli
