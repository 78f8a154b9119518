// The outline of a markdown file from cmark-gfm's tree (GitHub's own parser, with its table and
// autolink extensions): headings, list items, tables and links, with their source lines.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <memory>

#include "outline.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

// The source lines, 1-based, without their line ending.
class Lines {
 public:
  explicit Lines(std::string_view text) {
    std::size_t pos = 0;
    for (;;) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      m_lines.push_back(line);
      if (end == text.size()) break;
      pos = end + 1;
    }
  }
  std::string_view operator[](int n) const {
    return n >= 1 && static_cast<std::size_t>(n) <= m_lines.size() ? m_lines[n - 1]
                                                                   : std::string_view();
  }
  /// Line `n` from byte column `column` (1-based) on.
  std::string_view from(int n, int column) const {
    std::string_view line = (*this)[n];
    std::size_t skip = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
    return skip < line.size() ? line.substr(skip) : std::string_view();
  }

 private:
  std::vector<std::string_view> m_lines;
};

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using Tree = std::unique_ptr<cmark_node, NodeDeleter>;

Tree parse_tree(std::string_view text) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name); ext != nullptr)
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, text.data(), text.size());
  Tree root(cmark_parser_finish(parser));
  cmark_parser_free(parser);
  return root;
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ')
      n += 1;
    else if (c == '\t')
      n += 4;
    else
      break;
  }
  return n;
}

// "### Name ##" -> "Name"; false when the text is no ATX heading.
bool atx_text(std::string_view line, std::string_view& text) {
  line = trim(line);
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  if (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t') return false;
  text = trim(line.substr(hashes));
  while (!text.empty() && text.back() == '#') text.remove_suffix(1);
  text = trim(text);
  return true;
}

// "[text](#anchor)" alone on the bullet; the text may hold escaped brackets and parentheses.
bool toc_link(std::string_view text, TocItem& item) {
  if (!text.starts_with("[") || !text.ends_with(")")) return false;
  std::size_t mid = find_unescaped(text, "](#", 1);
  if (mid == std::string_view::npos) return false;
  std::string_view anchor = text.substr(mid + 3, text.size() - mid - 4);
  if (anchor.find_first_of("() \t") != std::string_view::npos) return false;
  item.text = clean_heading(text.substr(1, mid - 1));
  item.anchor = std::string(anchor);
  return true;
}

bool is(cmark_node* n, std::string_view type) {
  return type == cmark_node_get_type_string(n);
}

class OutlineWalker {
 public:
  explicit OutlineWalker(std::string_view text) : m_lines(text) {}

  Outline walk(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
          heading(n);
          break;
        case CMARK_NODE_ITEM:
          item(n);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          link(n);
          break;
        default:
          if (is(n, "table")) table(n);
      }
    }
    cmark_iter_free(it);
    return std::move(m_out);
  }

 private:
  int current() const { return m_stack.empty() ? -1 : m_stack.back(); }

  void heading(cmark_node* n) {
    int first = cmark_node_get_start_line(n);
    std::string_view text;
    std::string raw;
    if (atx_text(m_lines.from(first, cmark_node_get_start_column(n)), text)) {
      raw = std::string(text);
    } else {
      // A setext heading: its text lines, without the underline.
      for (int l = first; l <= cmark_node_get_end_line(n); ++l) {
        std::string_view part =
            trim(l == first ? m_lines.from(l, cmark_node_get_start_column(n)) : m_lines[l]);
        if (part.find_first_not_of('=') == std::string_view::npos ||
            part.find_first_not_of('-') == std::string_view::npos)
          break;
        if (!raw.empty()) raw += ' ';
        raw += part;
      }
    }
    int level = cmark_node_get_heading_level(n);
    while (!m_stack.empty() && m_out.headings[m_stack.back()].level >= level) m_stack.pop_back();
    Heading h{static_cast<std::size_t>(first), level, raw, clean_heading(raw), current(), {}};
    int index = static_cast<int>(m_out.headings.size());
    if (h.parent >= 0) m_out.headings[h.parent].children.push_back(index);
    m_out.headings.push_back(std::move(h));
    m_stack.push_back(index);
  }

  // A list item's first paragraph: its text, lines joined by a space.
  void item(cmark_node* n) {
    cmark_node* para = cmark_node_first_child(n);
    if (para == nullptr || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return;
    int first = cmark_node_get_start_line(para);
    int last = cmark_node_get_end_line(para);
    std::string text(trim(m_lines.from(first, cmark_node_get_start_column(para))));
    for (int l = first + 1; l <= last; ++l) {
      std::string_view part = trim(m_lines[l]);
      if (!part.empty()) text += ' ' + std::string(part);
    }
    TocItem toc;
    if (first == last && toc_link(text, toc)) {
      toc.line = static_cast<std::size_t>(first);
      toc.indent = leading_spaces(m_lines[cmark_node_get_start_line(n)]);
      m_out.toc.push_back(std::move(toc));
      return;
    }
    m_out.bullets.push_back(Bullet{static_cast<std::size_t>(first), current(), std::move(text)});
  }

  void table(cmark_node* n) {
    Table t{current(), {}};
    for (int l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n); ++l) {
      std::string_view row = trim(m_lines[l]);
      if (!row.empty()) t.rows.emplace_back(static_cast<std::size_t>(l), std::string(row));
    }
    if (!t.rows.empty()) m_out.tables.push_back(std::move(t));
  }

  void link(cmark_node* n) {
    if (!m_out.bullets.empty()) return;
    const char* url = cmark_node_get_url(n);
    if (url == nullptr) return;
    m_out.preamble_links.emplace_back(static_cast<std::size_t>(cmark_node_get_start_line(n)),
                                      std::string(trim(url)));
  }

  Lines m_lines;
  Outline m_out;
  std::vector<int> m_stack;
};

}  // namespace

Outline scan_outline(std::string_view text) {
  Tree root = parse_tree(text);
  return OutlineWalker(text).walk(root.get());
}

}  // namespace papertree::import_detail
