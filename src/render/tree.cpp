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
// The fewest columns a name is cut to beside an id ("Post…").
constexpr std::size_t k_min_name_width = 5;

// One line of the drawing: the tree lead, the name and the two counts.
struct TreeRow {
  std::string lead;
  std::string name;
  std::size_t direct = 0;
  std::size_t total = 0;
  bool root = false;
  std::string id;  ///< shown after the name with --ids
};

class TextTree {
 public:
  TextTree(const Corpus& corpus, const TreeOptions& options)
      : m_corpus(corpus), m_opt(options), m_glyphs(options.ascii ? k_ascii : k_box) {}

  void node(CategoryIndex c, const std::string& prefix, bool last, int level, bool top) {
    const Category& cat = m_corpus.category(c);
    std::string lead = top ? "" : prefix + std::string(last ? m_glyphs.last : m_glyphs.branch);
    rows.push_back({lead, sanitize_for_display(cat.name), cat.direct_count,
                    cat.total_papers, false, m_opt.ids ? sanitize_for_display(cat.id) : ""});
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
    std::size_t left = 0;
    std::size_t largest = 0;
    for (const TreeRow& r : rows) {
      left = std::max(left, display_width(r.lead) + display_width(label(r)));
      largest = std::max({largest, r.direct, r.total});
    }
    const std::size_t count_width = tree_count_width(largest);
    if (m_opt.width > 0 && left + 2 + 2 * count_width > m_opt.width) {
      left = m_opt.width > 2 * count_width + 12 ? m_opt.width - 2 * count_width - 2 : 10;
    }
    out << s.dim
        << fmt::format("{:<{}}  {:>{}}{:>{}}", "", left, "direct", count_width, "total",
                       count_width)
        << s.reset << '\n';
    for (const TreeRow& r : rows) {
      // On a terminal too narrow for a deep row's lines, the lines give way from the left, so the
      // row still fits and its counts stay in their columns.
      std::string lead = r.lead;
      std::size_t lead_width = display_width(lead);
      while (lead_width + 1 > left && !lead.empty()) {
        std::size_t pos = 0;
        next_code_point(lead, pos);
        lead.erase(0, pos);
        lead_width = display_width(lead);
      }
      std::size_t room = left > lead_width ? left - lead_width : 1;
      std::string name = truncate_to_width(r.name, name_room(r, room));
      std::size_t used = display_width(name) + (r.id.empty() ? 0 : 2 + display_width(r.id));
      std::size_t pad = left - std::min(left, lead_width + used);
      std::string_view on = r.root ? s.bold : s.accent;
      out << s.dim << lead << s.reset << on << name << (on.empty() ? "" : s.reset);
      if (!r.id.empty()) out << "  " << s.dim << r.id << s.reset;
      out << std::string(pad, ' ') << "  "
          << fmt::format("{:>{}}", r.root ? std::string() : std::to_string(r.direct), count_width)
          << s.bold << fmt::format("{:>{}}", r.total, count_width) << s.reset << '\n';
    }
  }

  std::vector<TreeRow> rows;

 private:
  // The columns a row's name may take of the `room` beside its lead. An id is never cut (it is
  // what commands take): its name gives way, down to k_min_name_width, and a row whose id still
  // does not fit runs past the width.
  static std::size_t name_room(const TreeRow& r, std::size_t room) {
    if (r.id.empty()) return room;
    std::size_t id_width = 2 + display_width(r.id);
    std::size_t floor = std::min(k_min_name_width, display_width(r.name));
    return std::max(room > id_width ? room - id_width : 0, floor);
  }

  static std::string label(const TreeRow& r) {
    return r.id.empty() ? r.name : r.name + "  " + r.id;
  }

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
  out["direct"] = cat.direct_count;
  out["total"] = cat.total_papers;
  out["children"] = nlohmann::ordered_json::array();
  if (max_depth < 0 || level < max_depth) {
    for (CategoryIndex child : cat.children)
      out["children"].push_back(node_json(corpus, child, level + 1, max_depth));
  }
  return out;
}

}  // namespace

std::size_t tree_count_width(std::size_t largest_count) {
  return std::max<std::size_t>(7, 1 + std::to_string(largest_count).size());
}

void render_tree_text(const Corpus& corpus, const TreeOptions& options, std::ostream& out) {
  TextTree tree(corpus, options);
  if (options.root) {
    tree.node(*options.root, "", true, 0, true);
  } else {
    tree.rows.push_back(
        {"", sanitize_for_display(corpus.title()), 0, corpus.paper_count(), true, ""});
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
      options.root ? corpus.category(*options.root).total_papers : corpus.paper_count();
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
