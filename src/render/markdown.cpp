#include "papertree/render/markdown.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "export_common.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::string_view k_frameworks_heading = "LLM Frameworks";

// A link destination that cannot break the line: spaces, angle brackets, pipes (in tables),
// control and bidi characters percent-encoded, parentheses too when they are unbalanced.
std::string markdown_url(std::string_view url, bool in_table) {
  url = trim(url);
  int depth = 0;
  bool balanced = true;
  for (char c : url) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    balanced = balanced && depth >= 0;
  }
  balanced = balanced && depth == 0;
  std::string also = " <>";
  if (in_table) also += '|';
  if (!balanced) also += "()";
  return detail::percent_encode_url(url, also);
}

std::string links_markdown(const std::vector<Link>& links, bool in_table) {
  std::string out;
  for (const Link& link : links) {
    if (detail::is_script_url(link.url)) continue;  // as the HTML export, which keeps web links
    out += " [[" + escape_markdown(link.label) + "](" + markdown_url(link.url, in_table) + ")]";
  }
  return out;
}

void write_frameworks_table(const Corpus& corpus, std::ostream& out) {
  out << "| Framework | Efficient Training | Efficient Inference | Efficient Fine-Tuning |\n"
      << "| :-- | :--: | :--: | :--: |\n";
  for (const Framework& f : corpus.frameworks()) {
    out << "| " << escape_markdown(f.name);
    if (!f.url.empty() && !detail::is_script_url(f.url))
      out << " [[Code](" << markdown_url(f.url, true) << ")]";
    for (std::string_view capability : {"training", "inference", "fine-tuning"}) {
      bool yes = std::find(f.supports.begin(), f.supports.end(), capability) != f.supports.end();
      out << " | " << (yes ? "✅" : "❌");
    }
    out << " |\n";
  }
}

// The categories an export shows, the depth its top level sits at, and where the frameworks go.
struct Outline {
  CategoryIndex begin = 0;
  CategoryIndex end = 0;
  int base_depth = 0;
  std::optional<CategoryIndex> frameworks_category;  ///< a category named like the table
  bool frameworks_section = false;                   ///< a section of their own at the end
};

Outline make_outline(const Corpus& corpus, const ExportSelection& selection) {
  Outline o;
  o.end = static_cast<CategoryIndex>(corpus.categories().size());
  if (selection.root) {
    o.begin = *selection.root;
    o.end = corpus.category(*selection.root).subtree_end;
    o.base_depth = corpus.category(*selection.root).depth;
  }
  for (CategoryIndex c = o.begin; c < o.end; ++c) {
    const Category& cat = corpus.category(c);
    if (cat.id == "llm-frameworks" ||
        github_anchor(cat.name) == github_anchor(k_frameworks_heading)) {
      o.frameworks_category = c;
      break;
    }
  }
  bool has_frameworks = !corpus.frameworks().empty();
  if (!has_frameworks) o.frameworks_category.reset();
  o.frameworks_section = has_frameworks && !selection.root && !o.frameworks_category;
  return o;
}

}  // namespace

std::string markdown_paper_line(const Paper& paper) {
  std::string line = "- " + escape_markdown(paper.title);
  std::string venue = escape_markdown(paper.venue);
  if (venue.empty() && paper.kind == "blog") venue = "Blog";
  if (venue.empty() && paper.kind == "website") venue = "Website";
  std::string year = paper.year > 0 ? std::to_string(paper.year) : "";
  if (!venue.empty() || !year.empty()) {
    line += ", <ins>" + venue + (!venue.empty() && !year.empty() ? ", " : "") + year + "</ins>";
  }
  return line + links_markdown(paper.links, false);
}

std::string markdown_author_line(const Paper& paper) {
  std::string names = author_list(paper);
  if (names.empty()) return {};
  return "  *" + escape_markdown(names) + "*";
}

namespace {

// An entry, and its author line when asked for and known.
std::string entry_text(const Paper& paper, const ExportOptions& options) {
  std::string line = markdown_paper_line(paper);
  if (!options.authors) return line;
  std::string names = markdown_author_line(paper);
  return names.empty() ? line : line + "<br>\n" + names;
}

// The anchors of every heading in document order: the title, the table of contents, the
// categories, and the frameworks section when it has one of its own (last element).
std::vector<std::string> heading_anchors(const Corpus& corpus, const Outline& o,
                                         const std::string& title) {
  AnchorSet anchors;
  anchors.add(title);
  anchors.add("Table of Contents");
  std::vector<std::string> anchor;
  for (CategoryIndex c = o.begin; c < o.end; ++c)
    anchor.push_back(anchors.add(corpus.category(c).name));
  if (o.frameworks_section) anchor.push_back(anchors.add(k_frameworks_heading));
  return anchor;
}

void write_toc(const Corpus& corpus, const Outline& o, const std::vector<std::string>& anchor,
               std::ostream& out) {
  out << "## Table of Contents\n\n";
  for (CategoryIndex c = o.begin; c < o.end; ++c) {
    const Category& cat = corpus.category(c);
    out << std::string(2 * static_cast<std::size_t>(cat.depth - o.base_depth), ' ') << "- ["
        << escape_markdown(cat.name) << "](#" << anchor[c - o.begin] << ")\n";
  }
  if (o.frameworks_section) out << "- [" << k_frameworks_heading << "](#" << anchor.back() << ")\n";
}

void write_sections(const Corpus& corpus, const Outline& o, const std::vector<bool>& selected,
                    const ExportOptions& options, std::ostream& out) {
  for (CategoryIndex c = o.begin; c < o.end; ++c) {
    const Category& cat = corpus.category(c);
    int level = std::min(6, 2 + cat.depth - o.base_depth);
    out << '\n'
        << std::string(static_cast<std::size_t>(level), '#') << ' ' << escape_markdown(cat.name)
        << '\n';
    bool first = true;
    for (PaperIndex p : corpus.direct_papers(c)) {
      if (!selected[p]) continue;
      out << (first ? "\n" : "") << entry_text(corpus.paper(p), options) << '\n';
      first = false;
    }
    if (o.frameworks_category == c) {
      out << '\n';
      write_frameworks_table(corpus, out);
    }
  }
  if (o.frameworks_section) {
    out << "\n## " << k_frameworks_heading << "\n\n";
    write_frameworks_table(corpus, out);
  }
}

}  // namespace

void render_markdown(const Corpus& corpus, const ExportSelection& selection,
                     const ExportOptions& options, std::ostream& out) {
  if (options.flat) {
    for (PaperIndex p : selection.papers) out << entry_text(corpus.paper(p), options) << '\n';
    return;
  }
  std::vector<bool> selected(corpus.paper_count(), false);
  for (PaperIndex p : selection.papers) selected[p] = true;
  Outline o = make_outline(corpus, selection);
  std::string title = selection.root ? corpus.display_path(*selection.root) : corpus.title();
  out << "# " << escape_markdown(title) << "\n\n";
  if (const std::string& arxiv = corpus.source().arxiv; !selection.root && !arxiv.empty()) {
    out << "Survey: [" << escape_markdown("arXiv:" + arxiv) << "]("
        << markdown_url("https://arxiv.org/abs/" + arxiv, false) << ")\n\n";
  }
  write_toc(corpus, o, heading_anchors(corpus, o, title), out);
  write_sections(corpus, o, selected, options, out);
}

}  // namespace papertree
