#include <algorithm>

#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/render/papers.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_label_width = 12;

void field(std::ostream& out, const TextStyle& s, std::string_view label, std::string_view value) {
  std::string padded(label);
  padded.resize(k_label_width, ' ');
  out << "  " << s.dim << padded << s.reset << sanitize_for_display(value) << '\n';
}

}  // namespace

void render_paper_details(const Corpus& corpus, PaperIndex index, const TextStyle& style,
                          std::ostream& out) {
  const Paper& p = corpus.paper(index);
  out << style.bold << sanitize_for_display(p.title) << style.reset << '\n';
  field(out, style, "id", p.id);
  std::string venue = normalize_venue(p.venue);
  field(out, style, "venue", venue == p.venue ? venue : venue + " (listed as \"" + p.venue + "\")");
  field(out, style, "year", p.year == 0 ? "unknown" : std::to_string(p.year));
  field(out, style, "kind", p.kind);
  if (!p.arxiv.empty()) field(out, style, "arXiv", p.arxiv);
  if (!p.authors.empty()) field(out, style, "authors", author_list(p));
  std::size_t label_width = 0;
  for (const Link& l : p.links)
    label_width = std::max(label_width, display_width(sanitize_for_display(l.label)));
  for (std::size_t i = 0; i < p.links.size(); ++i) {
    std::string label = sanitize_for_display(p.links[i].label);
    label.append(label_width - display_width(label), ' ');
    field(out, style, i == 0 ? "links" : "", label + "  " + p.links[i].url);
  }
  auto cats = corpus.paper_categories(index);
  for (std::size_t i = 0; i < cats.size(); ++i) {
    field(out, style, i == 0 ? "categories" : "", corpus.display_path(cats[i]));
  }
}

void render_facets_text(const Corpus& corpus, const std::vector<std::size_t>& counts,
                        const TextStyle& style, std::ostream& out) {
  for (CategoryIndex c = 0; c < corpus.categories().size(); ++c) {
    if (counts[c] == 0) continue;
    const Category& cat = corpus.category(c);
    out << std::string(2 * static_cast<std::size_t>(cat.depth) + 2, ' ') << style.accent
        << sanitize_for_display(cat.name) << style.reset << "  " << counts[c] << '\n';
  }
}

nlohmann::ordered_json facets_to_json(const Corpus& corpus,
                                      const std::vector<std::size_t>& counts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (CategoryIndex c = 0; c < corpus.categories().size(); ++c) {
    if (counts[c] == 0) continue;
    const Category& cat = corpus.category(c);
    out.push_back({{"id", cat.id},
                   {"path", cat.path},
                   {"name", cat.name},
                   {"depth", cat.depth},
                   {"count", counts[c]}});
  }
  return out;
}

}  // namespace papertree
