// The editing commands' changes to plain corpus data (add, edit, move, remove, categories).
#include "papertree/curate/edit.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "papertree/corpus/venue.hpp"
#include "papertree/curate/arxiv.hpp"
#include "papertree/error.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

Paper& find_paper(CorpusData& data, std::string_view id) {
  auto it = std::find_if(data.papers.begin(), data.papers.end(),
                         [id](const Paper& p) { return p.id == id; });
  if (it == data.papers.end()) throw UsageError(fmt::format("no paper has the id \"{}\"", id));
  return *it;
}

// The node with `id` and the list that holds it, searched depth first.
struct NodeRef {
  std::vector<CategoryNode>* siblings = nullptr;
  std::size_t index = 0;
  CategoryNode& node() const { return (*siblings)[index]; }
};

std::optional<NodeRef> find_node(std::vector<CategoryNode>& nodes, std::string_view id) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id) return NodeRef{&nodes, i};
    if (auto found = find_node(nodes[i].children, id)) return found;
  }
  return std::nullopt;
}

NodeRef require_node(CorpusData& data, std::string_view id) {
  auto ref = find_node(data.taxonomy, id);
  if (!ref) throw UsageError(fmt::format("no category has the id \"{}\"", id));
  return *ref;
}

bool category_exists(CorpusData& data, std::string_view id) {
  return find_node(data.taxonomy, id).has_value();
}

void require_slug(std::string_view id, std::string_view what) {
  if (slugify(id) != id || id.empty()) {
    throw UsageError(
        fmt::format("{} \"{}\" is not a lowercase slug (a-z, 0-9 and single '-')", what, id));
  }
}

void for_each_id(const std::vector<CategoryNode>& nodes,
                 const std::function<void(const CategoryNode&)>& visit) {
  for (const CategoryNode& n : nodes) {
    visit(n);
    for_each_id(n.children, visit);
  }
}

}  // namespace

Paper paper_from_arxiv(std::string_view id) {
  std::optional<ArxivId> parsed = parse_arxiv_id(id);
  if (!parsed) {
    throw UsageError(fmt::format("\"{}\" is not an arXiv id (YYMM.NNNNN, or archive/YYMMNNN)", id));
  }
  Paper paper;
  paper.arxiv = std::string(id);
  paper.doi = fmt::format("10.48550/arXiv.{}", id);
  paper.venue = "arXiv";
  paper.year = parsed->year;
  paper.links.push_back({"Paper", fmt::format("https://arxiv.org/abs/{}", id)});
  return paper;
}

Paper paper_from_doi(std::string_view doi) {
  std::size_t slash = doi.find('/');
  if (!doi.starts_with("10.") || slash == std::string_view::npos || slash + 1 == doi.size()) {
    throw UsageError(fmt::format("\"{}\" is not a DOI (10.NNNN/…)", doi));
  }
  std::string prefix = "10.48550/arxiv.";
  if (ascii_lower(doi.substr(0, prefix.size())) == prefix) {
    Paper paper = paper_from_arxiv(doi.substr(prefix.size()));
    paper.doi = std::string(doi);
    return paper;
  }
  Paper paper;
  paper.doi = std::string(doi);
  paper.links.push_back({"Paper", fmt::format("https://doi.org/{}", doi)});
  return paper;
}

void apply_fields(Paper& paper, const PaperFields& fields) {
  if (fields.title) paper.title = std::string(trim(*fields.title));
  if (fields.venue) paper.venue = normalize_venue(*fields.venue);
  if (fields.year) paper.year = *fields.year;
  if (fields.kind) paper.kind = *fields.kind;
  if (fields.arxiv) paper.arxiv = *fields.arxiv;
  if (fields.doi) paper.doi = *fields.doi;
  if (fields.added) paper.added = *fields.added;
  for (const Link& link : fields.add_links) paper.links.push_back(link);
}

std::string add_paper(CorpusData& data, Paper paper) {
  if (paper.id.empty()) {
    std::string base = paper_id_base(paper.title);
    if (base.empty()) base = "paper";
    std::string id = base;
    for (int n = 2; std::any_of(data.papers.begin(), data.papers.end(),
                                [&](const Paper& p) { return p.id == id; });
         ++n) {
      id = fmt::format("{}-{}", base, n);
    }
    paper.id = id;
  } else {
    require_slug(paper.id, "paper id");
    if (std::any_of(data.papers.begin(), data.papers.end(),
                    [&](const Paper& p) { return p.id == paper.id; })) {
      throw UsageError(fmt::format("a paper already has the id \"{}\"", paper.id));
    }
  }
  for (const std::string& c : paper.categories) {
    if (!category_exists(data, c))
      throw UsageError(fmt::format("no category has the id \"{}\"", c));
  }
  data.papers.push_back(std::move(paper));
  return data.papers.back().id;
}

void edit_paper(CorpusData& data, std::string_view paper_id, const PaperFields& fields) {
  apply_fields(find_paper(data, paper_id), fields);
}

void move_paper(CorpusData& data, std::string_view paper_id, std::string_view to, bool also,
                std::string_view from) {
  Paper& paper = find_paper(data, paper_id);
  if (!category_exists(data, to))
    throw UsageError(fmt::format("no category has the id \"{}\"", to));
  auto& cats = paper.categories;
  if (!from.empty()) {
    auto it = std::find(cats.begin(), cats.end(), from);
    if (it == cats.end()) {
      throw UsageError(fmt::format("paper \"{}\" is not in category \"{}\"", paper_id, from));
    }
    cats.erase(it);
  } else if (!also) {
    cats.clear();
  }
  if (std::find(cats.begin(), cats.end(), to) == cats.end()) cats.push_back(std::string(to));
}

void remove_paper(CorpusData& data, std::string_view paper_id) {
  Paper& paper = find_paper(data, paper_id);
  data.papers.erase(data.papers.begin() + (&paper - data.papers.data()));
}

std::string add_category(CorpusData& data, std::string_view name, std::string_view parent,
                         std::string id) {
  std::vector<CategoryNode>* siblings = &data.taxonomy;
  if (!parent.empty()) siblings = &require_node(data, parent).node().children;
  if (trim(name).empty()) throw UsageError("a category needs a name");
  if (id.empty()) {
    std::string slug = slugify(name);
    id = slug;
    if (category_exists(data, id) && !parent.empty()) id = fmt::format("{}-{}", parent, slug);
    std::string base = id;
    for (int n = 2; category_exists(data, id); ++n) id = fmt::format("{}-{}", base, n);
  } else {
    require_slug(id, "category id");
    if (category_exists(data, id))
      throw UsageError(fmt::format("a category already has the id \"{}\"", id));
  }
  siblings->push_back(CategoryNode{id, std::string(trim(name)), {}, {}});
  return id;
}

void rename_category(CorpusData& data, std::string_view id, std::string_view new_name,
                     std::string_view new_id) {
  NodeRef ref = require_node(data, id);
  if (!new_name.empty()) ref.node().name = std::string(trim(new_name));
  if (new_id.empty() || new_id == id) return;
  require_slug(new_id, "category id");
  if (category_exists(data, new_id)) {
    throw UsageError(fmt::format("a category already has the id \"{}\"", new_id));
  }
  ref.node().id = std::string(new_id);
  for (Paper& paper : data.papers) {
    std::replace(paper.categories.begin(), paper.categories.end(), std::string(id),
                 std::string(new_id));
  }
}

void move_category(CorpusData& data, std::string_view id, std::string_view parent) {
  NodeRef ref = require_node(data, id);
  if (!parent.empty()) {
    bool inside = parent == id;
    for_each_id(ref.node().children, [&](const CategoryNode& n) { inside |= n.id == parent; });
    if (inside) {
      throw UsageError(fmt::format("cannot move \"{}\" into its own subtree (\"{}\")", id, parent));
    }
    require_node(data, parent);
  }
  CategoryNode moved = std::move(ref.node());
  ref.siblings->erase(ref.siblings->begin() + static_cast<std::ptrdiff_t>(ref.index));
  std::vector<CategoryNode>* siblings = &data.taxonomy;
  if (!parent.empty()) siblings = &require_node(data, parent).node().children;
  siblings->push_back(std::move(moved));
}

}  // namespace papertree
