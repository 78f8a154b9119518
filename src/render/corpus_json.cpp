#include "papertree/render/corpus_json.hpp"

#include <algorithm>

#include "export_common.hpp"
#include "papertree/json/load.hpp"

namespace papertree {

namespace {

// The node of the nested taxonomy for category `c`, found by walking its id path.
const CategoryNode& find_node(const Corpus& corpus, CategoryIndex c) {
  std::vector<CategoryIndex> chain;
  for (std::optional<CategoryIndex> at = c; at; at = corpus.category(*at).parent)
    chain.push_back(*at);
  std::reverse(chain.begin(), chain.end());
  const std::vector<CategoryNode>* level = &corpus.data().taxonomy;
  const CategoryNode* node = nullptr;
  for (CategoryIndex step : chain) {
    const std::string& id = corpus.category(step).id;
    node = &*std::find_if(level->begin(), level->end(),
                          [&](const CategoryNode& n) { return n.id == id; });
    level = &node->children;
  }
  return *node;
}

}  // namespace

CorpusData select_corpus_data(const Corpus& corpus, const ExportSelection& selection) {
  const CorpusData& all = corpus.data();
  CorpusData data;
  data.title = all.title;
  data.source = all.source;
  data.extra = all.extra;
  if (selection.root) {
    data.taxonomy.push_back(find_node(corpus, *selection.root));
  } else {
    data.taxonomy = all.taxonomy;
    data.frameworks = all.frameworks;
  }
  data.papers.reserve(selection.papers.size());
  for (PaperIndex p : selection.papers) {
    Paper paper = corpus.paper(p);
    paper.categories = detail::exported_categories(corpus, selection, p);
    data.papers.push_back(std::move(paper));
  }
  return data;
}

void render_corpus_json(const Corpus& corpus, const ExportSelection& selection,
                        const ExportOptions& /*options*/, std::ostream& out) {
  out << to_canonical_json(select_corpus_data(corpus, selection));
}

}  // namespace papertree
