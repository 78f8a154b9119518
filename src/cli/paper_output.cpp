#include "paper_output.hpp"

#include <iostream>
#include <limits>

#include "option_values.hpp"
#include "papertree/corpus/date.hpp"
#include "papertree/error.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/render/csljson.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

Filters FilterArgs::to_filters() const {
  Filters filters;
  if (!year.empty()) filters.years = parse_year_range(year);
  filters.venues = venues;
  filters.has_code = has_code;
  filters.kind = kind;
  filters.arxiv_only = arxiv_only;
  filters.authors = authors;
  if (!added_since.empty() && !is_iso_date(added_since)) {
    throw UsageError("--added-since " + quote_for_message(added_since) +
                     " is not a date YYYY-MM-DD");
  }
  filters.added_since = added_since;
  return filters;
}

namespace {

// "id, year, …" for the help.
std::string column_list() {
  std::string out;
  for (const std::string& name : paper_column_names()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// Checks a --columns list as it is parsed. Its description, {id,year,…}, gives the shell
// completion its words; the help shows COL[,COL...].
CLI::Validator column_check() {
  std::string description;
  for (const std::string& name : paper_column_names())
    description += (description.empty() ? "{" : ",") + name;
  auto check = [](const std::string& text) -> std::string {
    try {
      parse_paper_columns(text);
    } catch (const UsageError& e) {
      std::string message = e.what();
      constexpr std::string_view own = "--columns: ";  // CLI11 names the option itself
      return message.starts_with(own) ? message.substr(own.size()) : message;
    }
    return {};
  };
  return CLI::Validator(check, description + "}", "columns");
}

}  // namespace

void add_filter_options(CLI::App& sub, FilterArgs& args) {
  sub.add_option("--year", args.year, "Year or range: 2023, 2022..2024, >=2023, <2024")
      ->group("Filters")
      ->type_name("YEARS");
  sub.add_option("--venue", args.venues, "Venue (normalised, any case); repeat for several")
      ->group("Filters")
      ->type_name("VENUE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_flag("--has-code", args.has_code, "Only papers with a code link")->group("Filters");
  sub.add_option("--kind", args.kind, "Only this kind: paper, blog or website")
      ->group("Filters")
      ->transform(one_of({"paper", "blog", "website"}));
  sub.add_flag("--arxiv-only", args.arxiv_only, "Only arXiv preprints (venue arXiv)")
      ->group("Filters");
  sub.add_option("--author", args.authors,
                 "Only papers by this person (\"dao\", \"tri dao\", \"t dao\"); repeat for several")
      ->group("Filters")
      ->type_name("NAME")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--added-since", args.added_since,
                 "Only papers first listed on or after this date (YYYY-MM-DD)")
      ->group("Filters")
      ->type_name("DATE");
}

void add_output_options(CLI::App& sub, OutputArgs& args) {
  sub.add_option("-f,--format", args.format,
                 "table (default on a terminal), plain (default otherwise), json, jsonl, ids, "
                 "bibtex or csljson")
      ->transform(one_of(paper_formats(), format_aliases()));
  args.limit_option =
      sub.add_option("-n,--limit", args.limit,
                     "Print at most N papers (0: all); default: " +
                         std::to_string(k_terminal_page) + " on a terminal, all otherwise")
          ->check(whole_number(0, std::numeric_limits<std::uint32_t>::max()));
  args.columns_option =
      sub.add_option("--columns", args.columns,
                     "table and plain: these columns, comma-separated, in this order: any of " +
                         column_list() + "; table default: year,venue,authors,title,code")
          ->option_text("COL[,COL...]")
          ->check(column_check());
}

std::size_t OutputArgs::effective_limit(Context& ctx) const {
  if (limit_option && limit_option->count() > 0) return limit;
  return ctx.terminal().is_tty ? k_terminal_page : 0;
}

std::string resolve_format(const OutputArgs& args, Context& ctx) {
  if (!args.format.empty()) return args.format;
  return ctx.terminal().is_tty ? "table" : "plain";
}

std::vector<PaperColumn> checked_columns(const OutputArgs& args, const std::string& format) {
  if (!args.columns_option || args.columns_option->count() == 0) return {};
  std::vector<PaperColumn> columns = parse_paper_columns(args.columns);
  if (format != "table" && format != "plain")
    throw UsageError("--columns works with --format table or plain, not " + format);
  return columns;
}

void report_unmatched_filters(const Corpus& corpus, const Filters& filters) {
  for (const std::string& note : unmatched_filters(corpus, filters))
    std::cerr << "papertree: note: " << sanitize_for_display(note) << '\n';
}

void print_papers(Context& ctx, const OutputArgs& args, std::span<const PaperIndex> papers,
                  PaperListOptions options, const std::string& empty_message) {
  const Corpus& corpus = ctx.corpus();
  std::string format = resolve_format(args, ctx);
  if (std::vector<PaperColumn> columns = checked_columns(args, format); !columns.empty())
    options.columns = std::move(columns);
  if (papers.empty()) {
    if (format == "json") std::cout << "[]\n";
    std::cerr << "papertree: " << sanitize_for_display(empty_message) << '\n';
    return;
  }
  std::size_t limit = args.effective_limit(ctx);
  std::size_t shown = limit == 0 ? papers.size() : std::min(limit, papers.size());
  std::span<const PaperIndex> page = papers.first(shown);
  if (!options.scores.empty()) options.scores = options.scores.first(shown);
  if (options.near.size() > shown) options.near = options.near.first(shown);
  if (format == "table") {
    const Terminal& term = ctx.terminal();
    options.width = term.width;
    options.style = term.style();
    options.header = term.is_tty;
    render_papers_table(corpus, page, options, std::cout);
  } else if (format == "plain") {
    render_papers_plain(corpus, page, options, std::cout);
  } else if (format == "json") {
    render_papers_json(corpus, page, options, std::cout);
  } else if (format == "jsonl") {
    render_papers_jsonl(corpus, page, options, std::cout);
  } else if (format == "bibtex" || format == "csljson") {
    ExportSelection selection{std::nullopt, std::vector<PaperIndex>(page.begin(), page.end())};
    (format == "bibtex" ? render_bibtex : render_csljson)(corpus, selection, {}, std::cout);
  } else {
    render_papers_ids(corpus, page, std::cout);
  }
  if (shown < papers.size()) {
    std::string more = "… " + std::to_string(papers.size() - shown) + " more (--limit 0 shows all)";
    (format == "table" ? std::cout : std::cerr) << more << '\n';
  }
}

}  // namespace papertree::cli
