#include <unordered_map>

#include <fmt/format.h>

#include "outline.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

// Headings by GitHub anchor (with GitHub's "-1", "-2"… for repeats, as the markdown export
// makes them) and by name key, each list in file order; `used` marks the matched.
class HeadingIndex {
 public:
  explicit HeadingIndex(const Outline& o) : m_used(o.headings.size()) {
    AnchorSet anchors;
    for (std::size_t h = 0; h < o.headings.size(); ++h) {
      m_anchor.push_back(anchors.add(heading_text(o.headings[h].raw)));
      m_by_anchor[m_anchor.back()].headings.push_back(static_cast<int>(h));
      m_by_key[match_key(o.headings[h].name)].headings.push_back(static_cast<int>(h));
    }
  }
  int by_anchor(const std::string& anchor) { return take(m_by_anchor, anchor); }
  int by_key(const std::string& key) { return take(m_by_key, key); }
  const std::string& anchor(int h) const { return m_anchor[h]; }

 private:
  // Headings in file order and the first that may be unused: a heading once used stays used,
  // so the cursor only moves forward and many repeats of one name stay linear.
  struct Candidates {
    std::vector<int> headings;
    std::size_t next = 0;
  };
  using Map = std::unordered_map<std::string, Candidates>;
  int take(Map& map, const std::string& key) {
    auto it = map.find(key);
    if (it == map.end()) return -1;
    Candidates& c = it->second;
    while (c.next < c.headings.size() && m_used[c.headings[c.next]]) ++c.next;
    if (c.next == c.headings.size()) return -1;
    int h = c.headings[c.next++];
    m_used[h] = true;
    return h;
  }
  std::vector<bool> m_used;
  std::vector<std::string> m_anchor;
  Map m_by_anchor;
  Map m_by_key;
};

// The heading a table-of-contents item points to: by anchor, else by name (with a warning).
// -2 when it points to no category heading.
int match_item(const Outline& o, const TocItem& item, const std::function<bool(int)>& kept,
               HeadingIndex& index, std::vector<ImportWarning>& w) {
  int h = index.by_anchor(github_anchor(item.anchor));
  if (h < 0) {
    h = index.by_key(match_key(item.text));
    if (h < 0) {
      w.push_back(
          {item.line, fmt::format("table of contents item \"{}\" (\"#{}\") matches no heading",
                                  item.text, item.anchor)});
      return -2;
    }
    w.push_back(
        {item.line,
         fmt::format("table of contents link \"#{}\" is no heading's anchor (GitHub makes "
                     "\"#{}\" of \"{}\" at line {}); matched by name",
                     item.anchor, index.anchor(h), o.headings[h].name, o.headings[h].line)});
  }
  return kept(h) ? h : -2;
}

std::string describe(const Outline& o, int h) {
  return h < 0 ? std::string("the top level") : fmt::format("\"{}\"", o.headings[h].name);
}

}  // namespace

void compare_toc(const Outline& o, const std::function<bool(int)>& kept, int title,
                 std::vector<ImportWarning>& w) {
  HeadingIndex index(o);
  std::vector<int> match(o.toc.size());
  std::vector<int> toc_parent(o.toc.size(), -1);
  std::vector<std::size_t> stack;
  for (std::size_t i = 0; i < o.toc.size(); ++i) {
    match[i] = match_item(o, o.toc[i], kept, index, w);
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
