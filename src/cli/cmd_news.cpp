// `papertree news [--since DATE] [CATEGORY]`: what was added, per category, newest first.
#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/corpus/date.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/error.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

struct NewsCommand {
  std::string category;
  std::string since;
  std::string format = "text";
};

struct Section {
  CategoryIndex category;
  std::vector<PaperIndex> papers;  // newest first
};

// "A / B / C (N)" for category `c`, its leading names giving way to "… / " one by one until it
// fits `width` (0: no limit); the last name is cut when even "… / C (N)" is too wide.
std::string section_heading(const Corpus& corpus, CategoryIndex c, std::size_t count,
                            std::size_t width) {
  std::vector<std::string> names;
  for (std::optional<CategoryIndex> at = c; at; at = corpus.category(*at).parent)
    names.insert(names.begin(), sanitize_for_display(corpus.category(*at).name));
  std::string suffix = " (" + std::to_string(count) + ")";
  for (std::size_t skip = 0; skip < names.size(); ++skip) {
    std::string heading = skip > 0 ? "… / " : "";
    for (std::size_t i = skip; i < names.size(); ++i) heading += (i > skip ? " / " : "") + names[i];
    if (width == 0 || display_width(heading + suffix) <= width) return heading + suffix;
  }
  std::string last = names.size() > 1 ? "… / " + names.back() : names.back();
  return truncate_to_width(last, width > suffix.size() ? width - suffix.size() : 1) + suffix;
}

std::vector<Section> news_sections(const Corpus& corpus, std::optional<CategoryIndex> root,
                                   const std::string& since) {
  Filters filters;
  filters.added_since = since.empty() ? "0000-01-01" : since;
  std::vector<PaperIndex> papers = select_papers(corpus, root, false, filters);
  sort_papers(corpus, papers, SortOptions{SortKey::added, false});
  std::vector<Section> sections;
  CategoryIndex begin = root ? *root : 0;
  CategoryIndex end = root ? corpus.category(*root).subtree_end
                           : static_cast<CategoryIndex>(corpus.categories().size());
  for (CategoryIndex c = begin; c < end; ++c) {
    Section section{c, {}};
    for (PaperIndex p : papers) {
      auto cats = corpus.paper_categories(p);
      if (std::find(cats.begin(), cats.end(), c) != cats.end()) section.papers.push_back(p);
    }
    if (!section.papers.empty()) sections.push_back(std::move(section));
  }
  // The categories with the latest additions first; ties in tree order.
  std::stable_sort(sections.begin(), sections.end(), [&](const Section& a, const Section& b) {
    return corpus.paper(a.papers.front()).added > corpus.paper(b.papers.front()).added;
  });
  return sections;
}

void run_news(const NewsCommand& cmd, Context& ctx) {
  if (!cmd.since.empty() && !is_iso_date(cmd.since)) {
    throw UsageError("--since " + quote_for_message(cmd.since) + " is not a date YYYY-MM-DD");
  }
  const Corpus& corpus = ctx.corpus();
  std::optional<CategoryIndex> root;
  if (!cmd.category.empty()) root = resolve_category(corpus, cmd.category);
  std::vector<Section> sections = news_sections(corpus, root, cmd.since);
  if (cmd.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Section& s : sections) {
      nlohmann::ordered_json papers = nlohmann::ordered_json::array();
      for (PaperIndex p : s.papers) {
        const Paper& paper = corpus.paper(p);
        papers.push_back({{"id", paper.id}, {"title", paper.title}, {"added", paper.added}});
      }
      out.push_back({{"category", corpus.category(s.category).id},
                     {"path", corpus.display_path(s.category)},
                     {"papers", std::move(papers)}});
    }
    std::cout << json_text(out, 2) << '\n';
    return;
  }
  if (sections.empty()) {
    std::cerr << "papertree: nothing added" << (cmd.since.empty() ? "" : " since " + cmd.since)
              << " (papers get dates from import --history)\n";
    return;
  }
  TextStyle style = ctx.terminal().style();
  bool first = true;
  for (const Section& s : sections) {
    if (!first) std::cout << '\n';
    first = false;
    std::size_t width = ctx.terminal().width;
    std::cout << style.accent << section_heading(corpus, s.category, s.papers.size(), width)
              << style.reset << '\n';
    for (PaperIndex p : s.papers) {
      const Paper& paper = corpus.paper(p);
      std::string line = fmt::format("  {}  {}", paper.added, sanitize_for_display(paper.title));
      std::cout << (width > 0 ? truncate_to_width(line, width) : line) << '\n';
    }
  }
}

}  // namespace

void setup_news(CLI::App& app, Context& ctx) {
  auto [sub, cmd] = add_command<NewsCommand>(
      app, ctx, run_news, "news",
      "What was added to the list, per category, newest first (needs added dates)");
  sub->add_option("category", cmd->category, "Only this category's subtree")->type_name("CATEGORY");
  sub->add_option("--since", cmd->since, "Only papers added on or after this date (YYYY-MM-DD)")
      ->type_name("DATE");
  add_text_json_format(*sub, cmd->format);
  set_examples(*sub, {{"papertree news", "every dated paper, the latest additions first"},
                      {"papertree news quantization --since 2024-01-01", "one branch, since a day"},
                      {"papertree news --format json", "for programs"}});
}

}  // namespace papertree::cli
