#include "papertree/render/tree.hpp"

#include <fmt/format.h>

#include "papertree/text.hpp"

namespace papertree {

namespace {

struct Glyphs {
  std::string_view branch, last, pipe, space;
};
constexpr Glyphs k_box{"├── ", "└── ", "│   ", "    "};
constexpr Glyphs k_ascii{"|-- ", "`-- ", "|   ", "    "};

class TextTree {
 public:
  TextTree(const Corpus& corpus, const TreeOptions& options, std::ostream& out)
      : m_corpus(corpus), m_opt(options), m_out(out), m_glyphs(options.ascii ? k_ascii : k_box) {}

  void node(CategoryIndex c, const std::string& prefix, bool last, int level, bool top) {
    const Category& cat = m_corpus.category(c);
    std::string lead = top ? "" : prefix + std::string(last ? m_glyphs.last : m_glyphs.branch);
    std::string counts = cat.children.empty() || cat.total_papers == cat.direct_papers.size()
                             ? fmt::format("{}", cat.total_papers)
                             : fmt::format("{} direct, {} total", cat.direct_papers.size(), cat.total_papers);
    line(lead, sanitize_for_display(cat.name), counts, level == 0 && top);
    if (m_opt.max_depth >= 0 && level >= m_opt.max_depth) return;
    std::string child_prefix = top ? "" : prefix + std::string(last ? m_glyphs.space : m_glyphs.pipe);
    for (std::size_t i = 0; i < cat.children.size(); ++i) {
      node(cat.children[i], child_prefix, i + 1 == cat.children.size(), level + 1, false);
    }
  }

 private:
  void line(const std::string& lead, std::string name, const std::string& counts, bool root) {
    const TextStyle& s = m_opt.style;
    std::string tail = " (" + counts + ")";
    if (m_opt.width > 0) {
      std::size_t used = display_width(lead) + display_width(tail);
      std::size_t room = m_opt.width > used + 8 ? m_opt.width - used : 8;
      name = truncate_to_width(name, room);
    }
    std::string_view on = root ? s.bold : s.accent;
    m_out << s.dim << lead << s.reset << on << name << (on.empty() ? "" : s.reset) << s.dim << tail << s.reset
          << '\n';
  }

  const Corpus& m_corpus;
  const TreeOptions& m_opt;
  std::ostream& m_out;
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
    for (CategoryIndex child : cat.children) out["children"].push_back(node_json(corpus, child, level + 1, max_depth));
  }
  return out;
}

}  // namespace

void render_tree_text(const Corpus& corpus, const TreeOptions& options, std::ostream& out) {
  TextTree tree(corpus, options, out);
  if (options.root) {
    tree.node(*options.root, "", true, 0, true);
    return;
  }
  const TextStyle& s = options.style;
  out << s.bold << sanitize_for_display(corpus.title()) << s.reset << s.dim
      << fmt::format(" ({} papers)", corpus.papers().size()) << s.reset << '\n';
  auto roots = corpus.roots();
  for (std::size_t i = 0; i < roots.size(); ++i) tree.node(roots[i], "", i + 1 == roots.size(), 0, false);
}

void render_tree_json(const Corpus& corpus, const TreeOptions& options, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["title"] = corpus.title();
  doc["papers"] = options.root ? corpus.category(*options.root).total_papers : corpus.papers().size();
  doc["categories"] = nlohmann::ordered_json::array();
  if (options.root) {
    doc["categories"].push_back(node_json(corpus, *options.root, 0, options.max_depth));
  } else {
    for (CategoryIndex r : corpus.roots()) doc["categories"].push_back(node_json(corpus, r, 0, options.max_depth));
  }
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace papertree
