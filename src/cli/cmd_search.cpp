#include <algorithm>
#include <iostream>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "paper_output.hpp"
#include "papertree/error.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct SearchCommand {
  std::vector<std::string> words;
  std::string within;
  FilterArgs filters;
  bool facets = false;
  bool explain = false;
  std::string sort = "relevance";
  bool reverse = false;
  OutputArgs output;
};

// Puts the hits in the order --sort and --reverse ask for, keeping each paper's score with it.
void order_result(const Corpus& corpus, SearchResult& result, const std::string& sort,
                  bool reverse) {
  if (sort == "relevance") {
    if (reverse) {
      std::reverse(result.papers.begin(), result.papers.end());
      std::reverse(result.scores.begin(), result.scores.end());
      std::reverse(result.near.begin(), result.near.end());
    }
    return;
  }
  std::unordered_map<PaperIndex, std::pair<double, std::uint8_t>> of;
  of.reserve(result.papers.size());
  for (std::size_t i = 0; i < result.papers.size(); ++i)
    of[result.papers[i]] = {result.scores[i], result.near[i]};
  sort_papers(corpus, result.papers, SortOptions{parse_sort_key(sort), reverse});
  for (std::size_t i = 0; i < result.papers.size(); ++i)
    std::tie(result.scores[i], result.near[i]) = of[result.papers[i]];
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void report_corrections(const SearchResult& result) {
  for (const Correction& c : result.corrections) {
    std::string used;
    for (const auto& u : c.used)
      used += (used.empty() ? "\"" : " or \"") + sanitize_for_display(u) + "\"";
    std::cerr << "papertree: note: nothing matches \"" << sanitize_for_display(c.typed)
              << "\"; searched for " << used << " instead\n";
  }
}

// On a terminal, says where the papers holding every word end and the near matches begin.
void report_near_matches(const Corpus& corpus, const SearchResult& result, bool scoped) {
  // The papers that fill a short page from the matches' category hold none of the words: they
  // have the largest `near` of the result, one above every near match's.
  const std::uint8_t none = result.filled_from && !result.near.empty()
                                ? *std::max_element(result.near.begin(), result.near.end())
                                : std::uint8_t{0};
  std::size_t but_one = 0, fewer = 0, filled = 0;
  for (std::uint8_t n : result.near) {
    if (n == 0) continue;
    if (n == none) {
      ++filled;
    } else if (n == 1) {
      ++but_one;
    } else {
      ++fewer;
    }
  }
  if (but_one + fewer + filled == 0) return;
  std::size_t full = result.papers.size() - but_one - fewer - filled;
  if (full + but_one + fewer == 0) {  // only a category the query names ("retnet")
    const Category& named = corpus.category(*result.filled_from);
    std::cerr << "papertree: note: no paper holds every word; listed: " << filled
              << (filled == 1 ? " paper" : " papers") << " from "
              << sanitize_for_display(named.name) << ", which the query names";
    if (named.total_papers > filled && !scoped)  // `list ID` would drop --in and the filters
      std::cerr << " ('papertree list " << named.id << "' lists all " << named.total_papers << ")";
    std::cerr << '\n';
    return;
  }
  std::cerr << "papertree: note: " << full << (full == 1 ? " paper holds" : " papers hold")
            << " every word; ";
  std::vector<std::string> parts;
  if (but_one != 0)
    parts.push_back(fmt::format("{} {} all but one", but_one, but_one == 1 ? "holds" : "hold"));
  if (fewer != 0) parts.push_back(fmt::format("{} {} fewer", fewer, fewer == 1 ? "holds" : "hold"));
  if (filled != 0) {
    parts.push_back(fmt::format("{} more from {} {} none", filled,
                                sanitize_for_display(corpus.category(*result.filled_from).name),
                                filled == 1 ? "holds" : "hold"));
  }
  for (std::size_t i = 0; i < parts.size(); ++i) std::cerr << (i == 0 ? "" : ", ") << parts[i];
  std::cerr << " (listed after them)\n";
}

void print_facets(Context& ctx, const std::string& format, const std::vector<std::size_t>& counts,
                  std::size_t hits) {
  std::cout << "\nHits by category (" << hits << (hits == 1 ? " paper" : " papers") << "):\n";
  render_facets_text(ctx.corpus(), counts, format == "table" ? ctx.terminal().style() : TextStyle{},
                     std::cout);
}

void run_search(const SearchCommand& cmd, Context& ctx) {
  const Corpus& corpus = ctx.corpus();
  std::string format = resolve_format(cmd.output, ctx);
  if (cmd.facets && (format == "jsonl" || format == "ids")) {
    throw UsageError("--facets works with --format table, plain or json, not " + format);
  }
  checked_columns(cmd.output, format);  // refused before the search, whichever path prints
  QueryNode query = parse_query(join(cmd.words));
  if (cmd.explain)
    std::cerr << "papertree: query: " << sanitize_for_display(to_string(query)) << '\n';
  std::optional<CategoryIndex> within;
  if (!cmd.within.empty()) within = resolve_category(corpus, cmd.within);
  Filters filters = cmd.filters.to_filters();
  SearchScope scope{filters, within};
  // A page in relevance order needs only its own papers ranked; every hit is still counted.
  std::size_t limit = cmd.output.effective_limit(ctx);
  if (cmd.sort == "relevance" && !cmd.reverse && limit != 0) scope.ranked = limit;
  // Papers added from the matches' category belong after them: only in relevance order.
  scope.fill_from_category = cmd.sort == "relevance" && !cmd.reverse;
  SearchResult result = ctx.search_index().search(query, scope);
  order_result(corpus, result, cmd.sort, cmd.reverse);
  report_corrections(result);
  PaperListOptions options;
  options.highlight = result.highlight;
  options.scores = result.scores;
  options.near = result.near;
  if (cmd.facets && format == "json") {
    std::size_t shown = limit == 0 ? result.papers.size() : std::min(limit, result.papers.size());
    nlohmann::ordered_json out = {
        {"papers", nlohmann::ordered_json::array()},
        {"total", result.papers.size()},
        {"facets", facets_to_json(corpus, facet_counts(corpus, result.papers))}};
    for (std::size_t i = 0; i < shown; ++i)
      out["papers"].push_back(
          paper_to_json(corpus, result.papers[i], &result.scores[i], result.near[i] != 0));
    std::cout << json_text(out, 2) << '\n';
    return;
  }
  print_papers(ctx, cmd.output, result.papers, options,
               "no papers match " + quote_for_message(join(cmd.words)));
  if (result.papers.empty()) {
    report_unmatched_filters(corpus, filters);
    // A method's name no title holds may still name its category ("streamingllm"); with
    // filters or --in, they are what left nothing.
    if (auto named = category_named_by(corpus, join(cmd.words));
        named && !within && filters.keep_all()) {
      const Category& c = corpus.category(*named);
      std::cerr << "papertree: note: " << quote_for_message(join(cmd.words))
                << " names the category \"" << sanitize_for_display(c.name)
                << "\"; 'papertree list " << c.id << "' lists its papers\n";
    }
  }
  // The note says the near matches come after the others: only in relevance order.
  if (format == "table" && cmd.sort == "relevance" && !cmd.reverse)
    report_near_matches(corpus, result, within.has_value() || !filters.keep_all());
  // Frameworks are a table of their own, not papers: a search for one says where it is.
  if (format == "table" || result.papers.empty()) {
    if (const Framework* f = framework_named_by(corpus, join(cmd.words))) {
      std::cerr << "papertree: note: " << quote_for_message(join(cmd.words))
                << " names the framework " << sanitize_for_display(f->name)
                << " of the survey's table; 'papertree frameworks' lists it\n";
    }
  }
  if (cmd.facets && !result.papers.empty()) {
    print_facets(ctx, format, facet_counts(corpus, result.papers), result.papers.size());
  }
}

}  // namespace

void setup_search(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<SearchCommand>(
      app, ctx, run_search, "search",
      "Ranked full-text search of titles, authors, venues and category names "
      "(docs/query-language.md)");
  sub->add_option("query", cmd->words,
                  "The query; words are ANDed, and when fewer than 10 papers (within --in and the "
                  "filters) hold them all, papers missing one word follow, and a page still short "
                  "ends with the rest of the category the query names or they sit in (put -- "
                  "before a query starting with -)")
      ->required();
  sub->add_option("--in", cmd->within, "Search only this category's subtree");
  sub->add_option("-s,--sort", cmd->sort,
                  "Order: relevance (best first), year (newest first), title, venue or added "
                  "(latest first)")
      ->capture_default_str()
      ->transform(one_of({"relevance", "year", "title", "venue", "added"}));
  sub->add_flag("-r,--reverse", cmd->reverse, "Reverse the order");
  add_filter_options(*sub, cmd->filters);
  sub->add_flag("--facets", cmd->facets, "Also show how many hits fall in each category");
  sub->add_flag("--explain", cmd->explain, "Print the parsed query on stderr");
  add_output_options(*sub, cmd->output);
  set_search_help(*sub);
}

}  // namespace papertree::cli
