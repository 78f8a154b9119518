// The outline of a markdown file from cmark-gfm's tree (GitHub's own parser, with its table and
// autolink extensions): headings, list items, tables and links, with their source lines.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

#include "entry.hpp"
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

// The inline content of a paragraph as pieces, in order. Walked with cmark's iterator, not by
// recursion: emphasis nested thousands deep costs no stack.
void add_pieces(cmark_node* para, std::vector<Piece>& out) {
  constexpr std::size_t k_no_link = static_cast<std::size_t>(-1);
  std::size_t link = k_no_link;  // the index of the link being read
  int strong = 0;
  int emph = 0;
  bool in_image = false;
  auto push = [&](Piece::Kind kind, std::string url = {}) {
    Piece p;
    p.kind = kind;
    p.url = std::move(url);
    p.strong = strong > 0;
    p.emph = emph > 0;
    out.push_back(std::move(p));
  };
  auto text = [&](std::string_view s) {
    if (link != k_no_link) {
      out[link].text += s;
    } else if (in_image) {
      out.back().text += s;
    } else {
      if (out.empty() || out.back().kind != Piece::Kind::text ||
          out.back().strong != (strong > 0) || out.back().emph != (emph > 0))
        push(Piece::Kind::text);
      out.back().text += s;
    }
  };
  auto url_of = [](cmark_node* n) {
    const char* url = cmark_node_get_url(n);
    return std::string(url != nullptr ? url : "");
  };
  cmark_iter* it = cmark_iter_new(para);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    bool enter = ev == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_STRONG:
        strong += enter ? 1 : -1;
        break;
      case CMARK_NODE_EMPH:
        emph += enter ? 1 : -1;
        break;
      case CMARK_NODE_LINK:
        if (enter) {
          push(Piece::Kind::link, url_of(n));
          link = out.size() - 1;
        } else {
          link = k_no_link;
        }
        break;
      case CMARK_NODE_IMAGE:
        if (enter && link != k_no_link) {
          out[link].image = url_of(n);
        } else if (enter) {
          push(Piece::Kind::image, url_of(n));
        }
        in_image = enter;
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(n); literal != nullptr) text(literal);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        if (link != k_no_link || in_image) {
          text(" ");
        } else {
          push(Piece::Kind::line_break);
        }
        break;
      case CMARK_NODE_HTML_INLINE: {
        const char* literal = cmark_node_get_literal(n);
        std::string tag = ascii_lower(trim(literal != nullptr ? literal : ""));
        if (tag.starts_with("<br")) {
          if (link == k_no_link) push(Piece::Kind::line_break);
        } else if (tag == "<b>" || tag == "<strong>") {
          ++strong;
        } else if (tag == "</b>" || tag == "</strong>") {
          strong = std::max(0, strong - 1);
        } else if (tag == "<i>" || tag == "<em>") {
          ++emph;
        } else if (tag == "</i>" || tag == "</em>") {
          emph = std::max(0, emph - 1);
        }
        break;
      }
      default:
        break;
    }
  }
  cmark_iter_free(it);
}

// "<details>\n<summary>Name</summary>": the summary's text without tags, or empty.
std::string summary_text(std::string_view html) {
  std::size_t open = html.find("<summary");
  if (open == std::string_view::npos) return {};
  open = html.find('>', open);
  if (open == std::string_view::npos) return {};
  std::size_t close = html.find("</summary>", open);
  if (close == std::string_view::npos) return {};
  std::string out;
  bool in_tag = false;
  for (char c : html.substr(open + 1, close - open - 1)) {
    if (c == '<') in_tag = true;
    if (!in_tag) out.push_back(c == '\n' ? ' ' : c);
    if (c == '>') in_tag = false;
  }
  return std::string(trim(out));
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
        case CMARK_NODE_HTML_BLOCK:
          html_block(n);
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
    add_heading(static_cast<std::size_t>(first), cmark_node_get_heading_level(n), raw);
  }

  void add_heading(std::size_t line, int level, const std::string& raw) {
    // A heading with no name (`#`, or only emoji and marks) is no category and ends no section:
    // what follows it belongs to the section it stands in.
    if (clean_heading(raw).empty()) return;
    while (!m_stack.empty() && m_out.headings[m_stack.back()].level >= level) m_stack.pop_back();
    Heading h{line, level, raw, clean_heading(raw), current(), {}};
    int index = static_cast<int>(m_out.headings.size());
    if (h.parent >= 0) m_out.headings[h.parent].children.push_back(index);
    m_out.headings.push_back(std::move(h));
    m_stack.push_back(index);
  }

  // A `<details><summary>Name</summary>` group is a category one level below the heading it is
  // in; `</details>` closes it.
  void html_block(cmark_node* n) {
    const char* literal = cmark_node_get_literal(n);
    std::string_view html = literal != nullptr ? literal : "";
    std::size_t closes = 0;
    for (std::size_t at = html.find("</details>"); at != std::string_view::npos;
         at = html.find("</details>", at + 1))
      ++closes;
    std::string name = summary_text(html);
    if (!name.empty()) {
      std::size_t before = html.find("<summary");
      int line = cmark_node_get_start_line(n) +
                 static_cast<int>(std::count(html.begin(), html.begin() + before, '\n'));
      int level = m_stack.empty() ? 1 : m_out.headings[m_stack.back()].level + 1;
      add_heading(static_cast<std::size_t>(line), level, name);
      m_details.push_back(m_stack.back());
      if (closes > 0) --closes;  // "<details><summary>X</summary>…</details>" in one block
    }
    for (; closes > 0 && !m_details.empty(); --closes) {
      int group = m_details.back();
      m_details.pop_back();
      auto it = std::find(m_stack.begin(), m_stack.end(), group);
      if (it != m_stack.end()) m_stack.erase(it, m_stack.end());
    }
  }

  // A list item's first paragraph: its text, lines joined by a space.
  void item(cmark_node* n) {
    cmark_node* para = cmark_node_first_child(n);
    if (para == nullptr || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return;
    int first = cmark_node_get_start_line(para);
    int last = cmark_node_get_end_line(para);
    std::string text(trim(m_lines.from(first, cmark_node_get_start_column(para))));
    const std::size_t first_line_size = text.size();
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
    Bullet b{static_cast<std::size_t>(first), current(), std::move(text), 0, 0, {}, false};
    b.column = static_cast<std::size_t>(std::max(1, cmark_node_get_start_column(para)));
    b.first_line_size = first_line_size;
    // A one-line entry with a venue slot tag is read from its text alone; its pieces would go
    // unused. One with more lines or paragraphs may have a byline below (read from the pieces).
    bool more_paragraphs = false;
    for (cmark_node* c = cmark_node_next(para); c != nullptr && !more_paragraphs;
         c = cmark_node_next(c))
      more_paragraphs = cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH;
    if (first == last && !more_paragraphs && has_slot_tag(b.text) &&
        ascii_lower(b.text).find("<br") == std::string::npos) {
      m_out.bullets.push_back(std::move(b));
      return;
    }
    for (cmark_node* child = para; child != nullptr; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) != CMARK_NODE_PARAGRAPH) continue;
      if (!b.pieces.empty()) b.pieces.push_back(Piece{Piece::Kind::line_break, {}, {}, {}});
      add_pieces(child, b.pieces);
    }
    b.has_link = std::any_of(b.pieces.begin(), b.pieces.end(),
                             [](const Piece& p) { return p.kind == Piece::Kind::link; });
    m_out.bullets.push_back(std::move(b));
  }

  void table(cmark_node* n) {
    Table t{current(), {}, {}};
    for (int l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n); ++l) {
      std::string_view row = trim(m_lines[l]);
      if (!row.empty()) t.rows.emplace_back(static_cast<std::size_t>(l), std::string(row));
    }
    for (cmark_node* row = cmark_node_first_child(n); row != nullptr; row = cmark_node_next(row)) {
      TableRow r;
      r.line = static_cast<std::size_t>(cmark_node_get_start_line(row));
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell)) {
        r.cells.emplace_back();
        // cmark's cell starts after the pipe; the column names the cell's first character.
        std::size_t column =
            static_cast<std::size_t>(std::max(0, cmark_node_get_start_column(cell)));
        const std::string_view text = m_lines[static_cast<int>(r.line)];
        while (column != 0 && column <= text.size() &&
               (text[column - 1] == ' ' || text[column - 1] == '\t'))
          ++column;
        r.columns.push_back(column);
        add_pieces(cell, r.cells.back());
      }
      t.cells.push_back(std::move(r));
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
  std::vector<int> m_details;  ///< open <details> groups, innermost last
};

}  // namespace

Outline scan_outline(std::string_view text) {
  Tree root = parse_tree(text);
  return OutlineWalker(text).walk(root.get());
}

}  // namespace papertree::import_detail
