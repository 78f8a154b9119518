#include "papertree/render/tree.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "papertree/json/dump.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

struct Glyphs {
  std::string_view branch, last, pipe, space;
};
constexpr Glyphs k_box{"├── ", "└── ", "│   ", "    "};
constexpr Glyphs k_ascii{"|-- ", "`-- ", "|   ", "    "};

// One line of the drawing: the tree lead, the name and the two counts.
struct TreeRow {
  std::string lead;
  std::string name;
  std::size_t direct = 0;
  std::size_t total = 0;
  bool root = false;
};

class TextTree {
 public:
  TextTree(const Corpus& corpus, const TreeOptions& options)
      : m_corpus(corpus), m_opt(options), m_glyphs(options.ascii ? k_ascii : k_box) {}

  void node(CategoryIndex c, const std::string& prefix, bool last, int level, bool top) {
    const Category& cat = m_corpus.category(c);
    std::string lead = top ? "" : prefix + std::string(last ? m_glyphs.last : m_glyphs.branch);
    rows.push_back(
        {lead, sanitize_for_display(cat.name), cat.direct_papers.size(), cat.total_papers, false});
    if (m_opt.max_depth >= 0 && level >= m_opt.max_depth) return;
    std::string child_prefix =
        top ? "" : prefix + std::string(last ? m_glyphs.space : m_glyphs.pipe);
    for (std::size_t i = 0; i < cat.children.size(); ++i) {
      node(cat.children[i], child_prefix, i + 1 == cat.children.size(), level + 1, false);
    }
  }

  // Writes the rows with the counts right-aligned in two columns after the widest name.
  void print(std::ostream& out) const {
    const TextStyle& s = m_opt.style;
    constexpr std::size_t k_count_width = 7;  // " direct" / "  total"
    std::size_t left = 0;
    for (const TreeRow& r : rows)
      left = std::max(left, display_width(r.lead) + display_width(r.name));
    if (m_opt.width > 0 && left + 2 + 2 * k_count_width > m_opt.width) {
      left = m_opt.width > 2 * k_count_width + 12 ? m_opt.width - 2 * k_count_width - 2 : 10;
    }
    out << s.dim
        << fmt::format("{:<{}}  {:>{}}{:>{}}", "", left, "direct", k_count_width, "total",
                       k_count_width)
        << s.reset << '\n';
    for (const TreeRow& r : rows) {
      std::size_t lead_width = display_width(r.lead);
      std::string name = truncate_to_width(r.name, left > lead_width ? left - lead_width : 1);
      std::size_t pad = left - std::min(left, lead_width + display_width(name));
      std::string_view on = r.root ? s.bold : s.accent;
      out << s.dim << r.lead << s.reset << on << name << (on.empty() ? "" : s.reset)
          << std::string(pad, ' ') << "  "
          << fmt::format("{:>{}}", r.root ? std::string() : std::to_string(r.direct), k_count_width)
          << s.bold << fmt::format("{:>{}}", r.total, k_count_width) << s.reset << '\n';
    }
  }

  std::vector<TreeRow> rows;

 private:
  const Corpus& m_corpus;
  const TreeOptions& m_opt;
  Glyphs m_glyphs;
};

nlohmann::ordered_json node_json(const Corpus& corpus, CategoryIndex c, int level, int max_depth) {
  const Category& cat = corpus.category(c);
  nlohmann::ordered_json out;
  out["id"] = cat.id;
  out["name"] = cat.name;
  out["path"] = cat.path;
  out["depth"] = cat.depth;
  out["direct"] = cat.direct_papers.size();
  out["total"] = cat.total_papers;
  out["children"] = nlohmann::ordered_json::array();
  if (max_depth < 0 || level < max_depth) {
    for (CategoryIndex child : cat.children)
      out["children"].push_back(node_json(corpus, child, level + 1, max_depth));
  }
  return out;
}

}  // namespace

void render_tree_text(const Corpus& corpus, const TreeOptions& options, std::ostream& out) {
  TextTree tree(corpus, options);
  if (options.root) {
    tree.node(*options.root, "", true, 0, true);
  } else {
    tree.rows.push_back(
        {"", sanitize_for_display(corpus.title()), 0, corpus.papers().size(), true});
    auto roots = corpus.roots();
    for (std::size_t i = 0; i < roots.size(); ++i)
      tree.node(roots[i], "", i + 1 == roots.size(), 0, false);
  }
  tree.print(out);
}

void render_tree_json(const Corpus& corpus, const TreeOptions& options, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["title"] = corpus.title();
  doc["papers"] =
      options.root ? corpus.category(*options.root).total_papers : corpus.papers().size();
  doc["categories"] = nlohmann::ordered_json::array();
  if (options.root) {
    doc["categories"].push_back(node_json(corpus, *options.root, 0, options.max_depth));
  } else {
    for (CategoryIndex r : corpus.roots())
      doc["categories"].push_back(node_json(corpus, r, 0, options.max_depth));
  }
  out << json_text(doc, 2) << '\n';
}

}  // namespace papertree
