#include <gtest/gtest.h>

#include <sstream>

#include "papertree/render/html.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

std::string page(const Corpus& c, const ExportSelection& s) {
  std::ostringstream out;
  export_html(c, s, {}, out);
  return out.str();
}

ExportSelection everything(const Corpus& c) {
  ExportSelection s;
  for (PaperIndex p = 0; p < c.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

std::size_t occurrences(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A corpus whose strings try to break out of the page.
const Corpus& hostile() {
  static const Corpus corpus = test::load(R"json({
    "format": "papertree-corpus", "version": 1,
    "title": "T </title><script>alert(1)</script>",
    "source": {"url": "", "commit": "", "arxiv": "", "citation": "<!-- c"},
    "taxonomy": [{"id": "a", "name": "A \"quoted\" & 'single' <b>"}],
    "papers": [
      {"id": "p", "title": "</script><!-- x --> \u001b[0m", "venue": "V<", "year": 2024,
       "authors": ["O'Brien <x>"],
       "links": [{"label": "Paper", "url": "javascript:alert(1)"},
                 {"label": "Code\"", "url": "HTTPS://example.org/?q=\"1\"&r=<2>"}],
       "categories": ["a"]
}
    ],
    "frameworks": []
    })json");
  return corpus;
}

TEST(HtmlEscape, EscapesMarkupCharactersAndShowsControlCharacters) {
  EXPECT_EQ(html_escape(R"x(<a href="x">'&'</a>)x"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("bell\x07"), "bell\\x07");
}

TEST(IsWebUrl, AcceptsOnlyHttpAndHttps) {
  EXPECT_TRUE(is_web_url("https://arxiv.org/abs/1"));
  EXPECT_TRUE(is_web_url("HTTP://example.org"));
  EXPECT_FALSE(is_web_url("javascript:alert(1)"));
  EXPECT_FALSE(is_web_url("data:text/html,x"));
  EXPECT_FALSE(is_web_url("http:/"));
}

TEST(ExportHtml, HostileStringsCannotOpenElementsCommentsOrScripts) {
  std::string html = page(hostile(), everything(hostile()));
  EXPECT_EQ(occurrences(html, "<script"), 1u);
  EXPECT_EQ(occurrences(html, "</script"), 1u);
  EXPECT_EQ(occurrences(html, "<!--"), 0u);
  EXPECT_EQ(occurrences(html, "</title>"), 1u);
  EXPECT_EQ(occurrences(html, "javascript:"), 0u);
  EXPECT_NE(html.find("<title>T &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"name\">A &quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;"
                      "</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"paper\" data-id=\"p\"><a class=\"title\" "
                      "href=\"HTTPS://example.org/?q=&quot;1&quot;&amp;r=&lt;2&gt;\">"
                      "&lt;/script&gt;&lt;!-- x --&gt; \\x1b[0m</a><span class=\"venue\">V&lt; "
                      "2024</span><span class=\"links\"><a href=\"HTTPS://example.org/?q=&quot;1"
                      "&quot;&amp;r=&lt;2&gt;\">Code&quot;</a></span><span class=\"authors\">"
                      "O&#39;Brien &lt;x&gt;</span></li>\n"),
            std::string::npos);
}

TEST(ExportHtml, ContentSecurityPolicyForbidsNetworkAndForeignScripts) {
  std::string html = page(test::small_corpus(), everything(test::small_corpus()));
  std::size_t csp = html.find(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src 'unsafe-inline'; script-src 'sha256-");
  ASSERT_NE(csp, std::string::npos);
  EXPECT_LT(csp, html.find("<style>"));
  EXPECT_EQ(html.find("unsafe-inline'; img"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(ExportHtml, CountsSelectedPapersPerCategoryAndListsThemUnderTheirCategories) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.papers = {*c.find_paper("llm-int8"), *c.find_paper("llmlingua")};
  std::string html = page(c, s);
  EXPECT_NE(html.find("<span id=\"count\" aria-live=\"polite\">2 papers</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<details class=\"cat level3 b0\" data-total=\"1\" open data-open>\n"
                      "<summary><span class=\"name\">Quantization</span>"
                      "<span class=\"count\">1</span></summary>\n"),
            std::string::npos);
  // llm-int8 sits in two categories and llmlingua in two: four rows, two papers.
  EXPECT_EQ(occurrences(html, "<li class=\"paper\""), 4u);
  EXPECT_EQ(occurrences(html, "data-id=\"gptq\""), 0u);
  EXPECT_NE(html.find("<span class=\"name\">Attention</span><span class=\"count\">0</span>"),
            std::string::npos);
}

TEST(ExportHtml, SubtreePageStartsAtTheCategory) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.root = *c.find_category("efficient-inference");
  s.papers = c.papers_under(*s.root);
  std::string html = page(c, s);
  EXPECT_NE(html.find("<h1>Small Test Survey — Efficient Inference</h1>"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"cat level1 b1\" data-total=\"2\" open data-open>\n"
                      "<summary><span class=\"name\">KV-Cache Optimization</span>"),
            std::string::npos);
  EXPECT_EQ(html.find("Model Compression"), std::string::npos);
}

}  // namespace
}  // namespace papertree
