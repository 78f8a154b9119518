#include "export_common.hpp"

#include <algorithm>

#include "papertree/text/text.hpp"

namespace papertree::detail {

bool is_code_label(std::string_view label) {
  std::string lower = ascii_lower(label);
  return lower.rfind("code", 0) == 0 || lower == "github";
}

std::string paper_url(const Paper& paper) {
  auto it = std::find_if(paper.links.begin(), paper.links.end(),
                         [](const Link& l) { return !is_code_label(l.label); });
  return it == paper.links.end() ? std::string{} : std::string(trim(it->url));
}

std::string code_url(const Paper& paper) {
  auto it = std::find_if(paper.links.begin(), paper.links.end(),
                         [](const Link& l) { return is_code_label(l.label); });
  return it == paper.links.end() ? std::string{} : std::string(trim(it->url));
}

std::vector<std::string> exported_categories(const Corpus& corpus, const ExportSelection& selection,
                                             PaperIndex p) {
  std::vector<std::string> ids;
  for (CategoryIndex c : corpus.paper_categories(p)) {
    if (!selection.root || corpus.in_subtree(c, *selection.root))
      ids.push_back(corpus.category(c).id);
  }
  return ids;
}

std::string without_controls(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    if (is_control(cp)) {
      out += ' ';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return std::string(trim(out));
}

}  // namespace papertree::detail
