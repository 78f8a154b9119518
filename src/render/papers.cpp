#include "papertree/render/papers.hpp"

#include <cmath>

#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

void render_papers_ids(const Corpus& corpus, std::span<const PaperIndex> papers,
                       std::ostream& out) {
  for (PaperIndex p : papers) out << sanitize_for_display(corpus.paper(p).id) << '\n';
}

nlohmann::ordered_json paper_to_json(const Corpus& corpus, PaperIndex index, const double* score,
                                     bool near) {
  nlohmann::ordered_json out = paper_to_json(corpus.paper(index));
  out["category_paths"] = nlohmann::ordered_json::array();
  for (CategoryIndex c : corpus.paper_categories(index))
    out["category_paths"].push_back(corpus.category(c).path);
  if (score != nullptr) {
    out["score"] = std::round(*score * 1000.0) / 1000.0;
    out["near"] = near;
  }
  return out;
}

void render_papers_json(const Corpus& corpus, std::span<const PaperIndex> papers,
                        const PaperListOptions& options, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < papers.size(); ++i) {
    array.push_back(paper_to_json(corpus, papers[i],
                                  options.scores.empty() ? nullptr : &options.scores[i],
                                  i < options.near.size() && options.near[i] != 0));
  }
  out << json_text(array, 2) << '\n';
}

void render_papers_jsonl(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  for (std::size_t i = 0; i < papers.size(); ++i) {
    out << json_text(paper_to_json(corpus, papers[i],
                                   options.scores.empty() ? nullptr : &options.scores[i],
                                   i < options.near.size() && options.near[i] != 0))
        << '\n';
  }
}

}  // namespace papertree
