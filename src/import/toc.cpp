#include <fmt/format.h>

#include "outline.hpp"
#include "papertree/text.hpp"

namespace papertree::import_detail {

namespace {

// The heading a table-of-contents item points to: by anchor, else by name (with a warning).
int match_item(const Outline& o, const TocItem& item, const std::function<bool(int)>& kept,
               std::vector<bool>& used, std::vector<ImportWarning>& w) {
  std::string anchor = ascii_lower(item.anchor);
  for (std::size_t h = 0; h < o.headings.size(); ++h) {
    if (!used[h] && github_anchor(o.headings[h].raw) == anchor) {
      used[h] = true;
      return kept(static_cast<int>(h)) ? static_cast<int>(h) : -2;
    }
  }
  std::string key = match_key(item.text);
  for (std::size_t h = 0; h < o.headings.size(); ++h) {
    if (used[h] || match_key(o.headings[h].name) != key) continue;
    used[h] = true;
    w.push_back({item.line,
                 fmt::format("table of contents link \"#{}\" is no heading's anchor (GitHub makes "
                             "\"#{}\" of \"{}\" at line {}); matched by name",
                             item.anchor, github_anchor(o.headings[h].raw), o.headings[h].name,
                             o.headings[h].line)});
    return kept(static_cast<int>(h)) ? static_cast<int>(h) : -2;
  }
  w.push_back({item.line, fmt::format("table of contents item \"{}\" (\"#{}\") matches no heading",
                                      item.text, item.anchor)});
  return -2;
}

std::string describe(const Outline& o, int h) {
  return h < 0 ? std::string("the top level") : fmt::format("\"{}\"", o.headings[h].name);
}

}  // namespace

void compare_toc(const Outline& o, const std::function<bool(int)>& kept, int title,
                 std::vector<ImportWarning>& w) {
  std::vector<bool> used(o.headings.size());
  std::vector<int> match(o.toc.size());
  std::vector<int> toc_parent(o.toc.size(), -1);
  std::vector<std::size_t> stack;
  for (std::size_t i = 0; i < o.toc.size(); ++i) {
    match[i] = match_item(o, o.toc[i], kept, used, w);
    while (!stack.empty() && o.toc[stack.back()].indent >= o.toc[i].indent) stack.pop_back();
    toc_parent[i] = stack.empty() ? -1 : static_cast<int>(stack.back());
    stack.push_back(i);
  }
  for (std::size_t i = 0; i < o.toc.size(); ++i) {
    int h = match[i];
    if (h < 0) continue;
    int toc_heading = toc_parent[i] < 0 ? -1 : match[toc_parent[i]];
    if (toc_heading == -2) continue;
    int body = o.headings[h].parent == title ? -1 : o.headings[h].parent;
    if (body == toc_heading) continue;
    w.push_back(
        {o.headings[h].line,
         fmt::format(
             "heading \"{}\" is under {} here but under {} in the table of contents (line {})",
             o.headings[h].name, describe(o, body), describe(o, toc_heading), o.toc[i].line)});
  }
}

}  // namespace papertree::import_detail
