#include "papertree/render/stats.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "papertree/corpus/venue.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::string_view k_no_venue = "(none)";
constexpr std::size_t k_default_width = 80;
constexpr std::size_t k_max_label = 30;
constexpr std::size_t k_max_bar = 50;
constexpr std::size_t k_min_label = 6;
constexpr std::size_t k_min_bar = 5;

std::vector<StatsCount> sorted_counts(const std::map<std::string, std::size_t>& counts) {
  std::vector<StatsCount> out;
  for (const auto& [label, n] : counts) out.push_back({label, label, n});
  std::sort(out.begin(), out.end(), [](const StatsCount& a, const StatsCount& b) {
    if (a.papers != b.papers) return a.papers > b.papers;
    std::string la = ascii_lower(a.label);
    std::string lb = ascii_lower(b.label);
    return la != lb ? la < lb : a.label < b.label;
  });
  return out;
}

std::vector<PaperIndex> papers_in_scope(const Corpus& corpus, std::optional<CategoryIndex> scope) {
  if (scope) return corpus.papers_under(*scope);
  std::vector<PaperIndex> all(corpus.paper_count());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<PaperIndex>(i);
  return all;
}

}  // namespace

CorpusStats compute_stats(const Corpus& corpus, std::optional<CategoryIndex> scope) {
  CorpusStats s;
  s.title = corpus.title();
  s.scope = scope;
  CategoryIndex begin = scope ? *scope : 0;
  auto end = static_cast<CategoryIndex>(scope ? corpus.category(*scope).subtree_end
                                              : corpus.categories().size());
  if (scope) s.scope_name = corpus.display_path(*scope);
  s.categories = end - begin;
  for (CategoryIndex c = begin; c < end; ++c)
    s.placements += corpus.category(c).direct_count;
  s.frameworks = corpus.frameworks().size();
  std::map<int, std::size_t> years;
  std::map<std::string, std::size_t> venues;
  std::map<std::string, std::size_t> kinds;
  Paper scratch;  // each paper of a snapshot is decoded for its counts and let go
  for (PaperIndex p : papers_in_scope(corpus, scope)) {
    const Paper& paper = corpus.paper_passing(p, scratch);
    ++s.papers;
    if (paper.has_code()) ++s.with_code;
    ++years[paper.year];
    std::string venue = normalize_venue(paper.venue);
    ++venues[venue.empty() ? std::string(k_no_venue) : venue];
    ++kinds[paper.kind];
  }
  s.by_year.assign(years.begin(), years.end());
  s.by_venue = sorted_counts(venues);
  s.by_kind = sorted_counts(kinds);
  std::vector<CategoryIndex> branches;
  if (scope) {
    branches = corpus.category(*scope).children;
  } else {
    branches.assign(corpus.roots().begin(), corpus.roots().end());
  }
  for (CategoryIndex b : branches) {
    const Category& cat = corpus.category(b);
    s.by_branch.push_back({cat.id, cat.name, cat.total_papers});
  }
  return s;
}

namespace {

class BarChart {
 public:
  BarChart(const StatsOptions& o, std::ostream& out) : m_o(o), m_out(out) {}

  void draw(std::string_view heading,
            const std::vector<std::pair<std::string, std::size_t>>& rows) {
    const TextStyle& s = m_o.style;
    m_out << '\n' << s.accent << heading << (s.accent.empty() ? "" : s.reset) << '\n';
    if (rows.empty()) {
      m_out << "  (nothing)\n";
      return;
    }
    std::size_t label_w = 0;
    std::size_t count_w = 0;
    std::size_t max = 0;
    for (const auto& [label, n] : rows) {
      label_w = std::max(label_w, std::min(display_width(label), k_max_label));
      count_w = std::max(count_w, fmt::formatted_size("{}", n));
      max = std::max(max, n);
    }
    std::size_t width = m_o.width == 0 ? k_default_width : m_o.width;
    // Labels shrink (down to k_min_label) before the bars go under k_min_bar.
    std::size_t fixed = 2 + label_w + 2 + 1 + count_w;
    if (width < fixed + k_min_bar) {
      std::size_t others = 2 + 2 + 1 + count_w + k_min_bar;
      label_w = std::min(label_w, std::max(k_min_label, width > others ? width - others : 0));
      fixed = 2 + label_w + 2 + 1 + count_w;
    }
    std::size_t room = width > fixed + k_min_bar ? std::min(width - fixed, k_max_bar) : k_min_bar;
    for (const auto& [label, n] : rows) {
      std::string name = truncate_to_width(sanitize_for_display(label), label_w);
      std::size_t bar = max == 0 ? 0 : (n * room + max / 2) / max;
      if (bar == 0 && n > 0) bar = 1;
      std::string bars;
      for (std::size_t i = 0; i < bar; ++i) bars += m_o.ascii ? "#" : "█";
      m_out << "  " << name << std::string(label_w - display_width(name) + 2, ' ') << s.good << bars
            << (s.good.empty() ? "" : s.reset) << std::string(room - bar + 1, ' ')
            << fmt::format("{:>{}}", n, count_w) << '\n';
    }
  }

 private:
  const StatsOptions& m_o;
  std::ostream& m_out;
};

std::string percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? "0%"
                    : fmt::format("{:.1f}%",
                                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::vector<std::pair<std::string, std::size_t>> rows_of(const std::vector<StatsCount>& counts,
                                                         std::size_t limit) {
  std::vector<std::pair<std::string, std::size_t>> rows;
  for (std::size_t i = 0; i < counts.size() && i < limit; ++i)
    rows.emplace_back(counts[i].label, counts[i].papers);
  return rows;
}

}  // namespace

void render_stats_text(const CorpusStats& st, const StatsOptions& o, std::ostream& out) {
  const TextStyle& s = o.style;
  out << s.bold << sanitize_for_display(st.title) << (s.bold.empty() ? "" : s.reset);
  out << (st.scope ? " / " + sanitize_for_display(st.scope_name) : std::string()) << '\n';
  std::size_t w =
      fmt::formatted_size("{}", std::max({st.papers, st.placements, st.categories, st.frameworks}));
  out << fmt::format("  Papers      {:>{}}\n", st.papers, w);
  out << fmt::format("  Placements  {:>{}}\n", st.placements, w);
  out << fmt::format("  Categories  {:>{}}\n", st.categories, w);
  out << fmt::format("  Frameworks  {:>{}}\n", st.frameworks, w);
  out << fmt::format("  With code   {:>{}} ({})\n", st.with_code, w,
                     percent(st.with_code, st.papers));
  BarChart chart(o, out);
  std::vector<std::pair<std::string, std::size_t>> years;
  for (const auto& [year, n] : st.by_year)
    years.emplace_back(year == 0 ? "unknown" : std::to_string(year), n);
  chart.draw("Papers per year", years);
  std::size_t shown = std::min(o.top_venues, st.by_venue.size());
  chart.draw(fmt::format("Top venues ({} of {})", shown, st.by_venue.size()),
             rows_of(st.by_venue, shown));
  chart.draw(st.scope ? "Papers per subcategory" : "Papers per branch",
             rows_of(st.by_branch, st.by_branch.size()));
}

void render_stats_json(const CorpusStats& st, const Corpus& corpus, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json j = Json::object();
  j["papers"] = st.papers;
  j["placements"] = st.placements;
  j["categories"] = st.categories;
  j["frameworks"] = st.frameworks;
  j["by_year"] = Json::object();
  for (const auto& [year, n] : st.by_year)
    j["by_year"][year == 0 ? "unknown" : std::to_string(year)] = n;
  j["by_venue"] = Json::object();
  for (const StatsCount& c : st.by_venue) j["by_venue"][c.label] = c.papers;
  j["by_kind"] = Json::object();
  for (const StatsCount& c : st.by_kind) j["by_kind"][c.label] = c.papers;
  j["by_branch"] = Json::array();
  for (const StatsCount& c : st.by_branch)
    j["by_branch"].push_back({{"id", c.id}, {"name", c.label}, {"papers", c.papers}});
  j["with_code"] = st.with_code;
  double share =
      st.papers == 0 ? 0.0 : static_cast<double>(st.with_code) / static_cast<double>(st.papers);
  j["code_share"] = std::round(share * 10000.0) / 10000.0;
  if (st.scope) {
    const Category& c = corpus.category(*st.scope);
    j["scope"] = {{"id", c.id}, {"name", c.name}, {"path", c.path}};
  } else {
    j["scope"] = nullptr;
  }
  out << json_text(j, 2) << '\n';
}

}  // namespace papertree
