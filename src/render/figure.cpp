#include "papertree/render/figure.hpp"

#include <array>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_prefix_width = 24;
constexpr std::size_t k_short_width = 40;

struct Palette {
  std::string_view border, fill;
};
constexpr std::array<Palette, 8> k_palette{{{"4C78A8", "DCE8F5"},
                                            {"E07B1F", "FDE6CF"},
                                            {"4E9A45", "DDF0DA"},
                                            {"D1494A", "FADADA"},
                                            {"9C5F8F", "F0E0EC"},
                                            {"3C9A93", "D9F0EE"},
                                            {"B8860B", "FAF0D2"},
                                            {"8A6A55", "EFE5DD"}}};

const Palette& palette(int branch) {
  std::size_t i = branch < 0 ? 0 : static_cast<std::size_t>(branch) % k_palette.size();
  return k_palette[i];
}

class FigureBuilder {
 public:
  FigureBuilder(const Corpus& corpus, const ExportSelection& selection,
                const ExportOptions& options)
      : m_corpus(corpus),
        m_options(options),
        m_selected(corpus.paper_count(), 0),
        m_counts(count_in_subtrees(corpus, selection.papers)) {
    for (PaperIndex p : selection.papers) m_selected[p] = 1;
  }

  FigureNode category(CategoryIndex c, int level, int branch) const {
    const Category& cat = m_corpus.category(c);
    FigureNode node{FigureNode::Kind::category, cat.name, m_counts[c], branch, level, {}};
    bool at_limit = m_options.max_depth >= 0 && cat.depth - top_depth() >= m_options.max_depth;
    if (m_options.with_papers) {
      if (at_limit) {
        add_papers(node, m_corpus.papers_under(c));
      } else {
        add_papers(node, m_corpus.direct_papers(c));
      }
    }
    if (at_limit) return node;
    int next_branch = 0;
    for (CategoryIndex child : cat.children) {
      // Below the root, every child starts a branch of its own colour.
      node.children.push_back(category(child, level + 1, branch < 0 ? next_branch++ : branch));
    }
    return node;
  }

  void set_top(int depth) { m_top_depth = depth; }
  int top_depth() const { return m_top_depth; }

 private:
  void add_papers(FigureNode& node, std::span<const PaperIndex> papers) const {
    for (PaperIndex p : papers) {
      if (!m_selected[p]) continue;
      node.children.push_back(FigureNode{FigureNode::Kind::paper,
                                         paper_short_name(m_corpus.paper(p).title),
                                         0,
                                         node.branch,
                                         node.level + 1,
                                         {}});
    }
  }

  const Corpus& m_corpus;
  const ExportOptions& m_options;
  std::vector<char> m_selected;
  std::vector<std::size_t> m_counts;
  int m_top_depth = 0;
};

}  // namespace

FigureNode build_figure(const Corpus& corpus, const ExportSelection& selection,
                        const ExportOptions& options) {
  FigureBuilder builder(corpus, selection, options);
  if (selection.root) {
    // As with `tree CATEGORY --depth N`: N levels below the exported category.
    builder.set_top(corpus.category(*selection.root).depth);
    FigureNode root = builder.category(*selection.root, 0, -1);
    root.kind = FigureNode::Kind::root;
    return root;
  }
  FigureNode root{FigureNode::Kind::root, corpus.title(), selection.papers.size(), -1, 0, {}};
  int branch = 0;
  for (CategoryIndex r : corpus.roots()) root.children.push_back(builder.category(r, 1, branch++));
  return root;
}

std::string paper_short_name(std::string_view title) {
  title = trim(title);
  std::size_t colon = title.find(':');
  if (colon != std::string_view::npos) {
    std::string_view head = trim(title.substr(0, colon));
    if (!head.empty() && display_width(head) <= k_prefix_width) return std::string(head);
  }
  if (display_width(title) <= k_short_width) return std::string(title);
  std::string cut = truncate_to_width(title, k_short_width);
  cut.erase(cut.size() - std::string_view("…").size());
  bool word_ends_here = cut.size() < title.size() && title[cut.size()] == ' ';
  std::size_t space = cut.rfind(' ');
  if (!word_ends_here && space != std::string::npos && space >= k_short_width / 2) cut.erase(space);
  while (!cut.empty() && std::string_view(",;:-–(").find(cut.back()) != std::string_view::npos)
    cut.pop_back();
  return std::string(trim(cut)) + "…";
}

std::string_view branch_colour(int branch) {
  return palette(branch).border;
}
std::string_view branch_fill(int branch) {
  return palette(branch).fill;
}

}  // namespace papertree
