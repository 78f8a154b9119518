#include "papertree/render/html.hpp"
#include "papertree/corpus/authors.hpp"

#include <fmt/format.h>
#include <array>

#include "export_common.hpp"
#include "html_assets.hpp"
#include "papertree/render/figure.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

class HtmlPage {
 public:
  HtmlPage(const Corpus& corpus, const ExportSelection& selection, std::ostream& out)
      : m_corpus(corpus),
        m_out(out),
        m_selected(corpus.paper_count(), 0),
        m_counts(count_in_subtrees(corpus, selection.papers)) {
    for (PaperIndex p : selection.papers) m_selected[p] = 1;
  }

  void category(CategoryIndex c, int level, int branch) {
    const Category& cat = m_corpus.category(c);
    // Everything starts open (data-open is the state the script restores when the filter is
    // cleared); "Collapse all" folds the tree.
    m_out << fmt::format("<details class=\"cat level{} b{}\" data-total=\"{}\" open data-open>\n",
                         level, branch % 8, m_counts[c])
          << fmt::format(
                 "<summary><span class=\"name\">{}</span><span class=\"count\">{}</span>"
                 "</summary>\n",
                 html_escape(cat.name), m_counts[c]);
    papers(m_corpus.direct_papers(c));
    for (CategoryIndex child : cat.children) category(child, level + 1, branch);
    m_out << "</details>\n";
  }

  void papers(std::span<const PaperIndex> list) {
    bool any = false;
    for (PaperIndex p : list) {
      if (!m_selected[p]) continue;
      if (!any) m_out << "<ul class=\"papers\">\n";
      any = true;
      paper(m_corpus.paper(p));
    }
    if (any) m_out << "</ul>\n";
  }

 private:
  void paper(const Paper& paper) {
    std::string title = html_escape(paper.title);
    const Link* main_link = nullptr;
    for (const Link& link : paper.links) {
      if (is_web_url(link.url)) {
        main_link = &link;
        break;
      }
    }
    m_out << "<li class=\"paper\" data-id=\"" << html_escape(paper.id) << "\">";
    if (main_link) {
      m_out << "<a class=\"title\" href=\"" << html_escape(main_link->url) << "\">" << title
            << "</a>";
    } else {
      m_out << "<span class=\"title\">" << title << "</span>";
    }
    std::string venue = paper.venue;
    if (paper.year > 0) venue += (venue.empty() ? "" : " ") + std::to_string(paper.year);
    if (!venue.empty()) m_out << "<span class=\"venue\">" << html_escape(venue) << "</span>";
    if (paper.kind != "paper" && !iequals(paper.kind, paper.venue))
      m_out << "<span class=\"kind\">" << html_escape(paper.kind) << "</span>";
    m_out << "<span class=\"links\">";
    for (const Link& link : paper.links) {
      if (!is_web_url(link.url)) continue;
      m_out << "<a href=\"" << html_escape(link.url) << "\">" << html_escape(link.label) << "</a>";
    }
    m_out << "</span>";
    if (!paper.authors.empty()) {
      m_out << "<span class=\"authors\">" << html_escape(author_list(paper)) << "</span>";
    }
    m_out << "</li>\n";
  }

  const Corpus& m_corpus;
  std::ostream& m_out;
  std::vector<char> m_selected;
  std::vector<std::size_t> m_counts;
};

void head(const std::string& title, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src '"
      << html_assets::k_script_hash << "'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"papertree\">\n"
      << "<title>" << title << "</title>\n<style>" << html_assets::k_css << "</style>\n</head>\n";
}

}  // namespace

std::string html_escape(std::string_view s) {
  static constexpr std::array<detail::CharReplacement, 5> k_entities{
      {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}}};
  return detail::replace_chars(s, k_entities);
}

bool is_web_url(std::string_view url) {
  std::string lower = ascii_lower(url.substr(0, 8));
  return lower.starts_with("https://") || lower.starts_with("http://");
}

void export_html(const Corpus& corpus, const ExportSelection& selection, const ExportOptions&,
                 std::ostream& out) {
  std::string title = html_escape(corpus.title());
  if (selection.root) title += " — " + html_escape(corpus.category(*selection.root).name);
  head(title, out);
  std::size_t total = selection.papers.size();
  out << "<body>\n<header>\n<div class=\"wrap\">\n<h1>" << title << "</h1>\n"
      << fmt::format(
             "<p class=\"meta\">{} papers · made with papertree · search, or open a "
             "category</p>\n",
             total)
      << "<div class=\"bar\"><input id=\"q\" type=\"search\" placeholder=\"Filter papers by "
         "title, venue, year, author…\" autocomplete=\"off\" spellcheck=\"false\" "
         "aria-label=\"Filter papers\" autofocus>"
      << fmt::format("<span id=\"count\" aria-live=\"polite\">{} papers</span>", total)
      << "<button id=\"expand\" type=\"button\">Expand all</button>"
         "<button id=\"collapse\" type=\"button\">Collapse all</button></div>\n"
      << "</div>\n</header>\n<main class=\"wrap\" id=\"tree\">\n";
  HtmlPage page(corpus, selection, out);
  if (selection.root) {
    const Category& root = corpus.category(*selection.root);
    page.papers(corpus.direct_papers(*selection.root));
    int branch = 0;
    for (CategoryIndex child : root.children) page.category(child, 1, branch++);
  } else {
    int branch = 0;
    for (CategoryIndex r : corpus.roots()) page.category(r, 1, branch++);
  }
  out << "<p id=\"empty\" hidden>No paper matches the filter.</p>\n</main>\n"
      << "<footer class=\"wrap\">" << html_escape(corpus.source().citation) << "</footer>\n"
      << "<script>" << html_assets::k_script << "</script>\n</body>\n</html>\n";
}

}  // namespace papertree
