#include <gtest/gtest.h>

#include <algorithm>

#include <cctype>
#include <sstream>

#include "papertree/import/markdown.hpp"
#include "papertree/json/load.hpp"
#include "papertree/render/markdown.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

ExportSelection whole(const Corpus& corpus) {
  ExportSelection s;
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

std::string markdown_of(const Corpus& corpus, const ExportSelection& selection, bool flat = false) {
  std::ostringstream out;
  ExportOptions options;
  options.flat = flat;
  render_markdown(corpus, selection, options, out);
  return out.str();
}

TEST(GithubAnchor, LowercasesAndTurnsSpacesIntoDashes) {
  EXPECT_EQ(github_anchor("Post-Training Quantization"), "post-training-quantization");
}

TEST(GithubAnchor, DropsPunctuationButKeepsDashAndUnderscore) {
  EXPECT_EQ(github_anchor("Data & Co. [beta] | 100%"), "data--co-beta--100");
  EXPECT_EQ(github_anchor("snake_case: a-b"), "snake_case-a-b");
  EXPECT_EQ(github_anchor("LLM.int8()"), "llmint8");
}

TEST(GithubAnchor, DropsEmojiAndKeepsTheirSpace) {
  EXPECT_EQ(github_anchor("🤖 Model-Centric Methods"), "-model-centric-methods");
  EXPECT_EQ(github_anchor("🧑‍💻 System-Level"), "-system-level");
  EXPECT_EQ(github_anchor("❤️ Community"), "-community");
}

// GitHub keeps only word characters (letters, marks, decimal and letter numbers, '_'), so
// invisible format characters and other numbers go too.
TEST(GithubAnchor, DropsFormatCharactersAndOtherNumbers) {
  EXPECT_EQ(github_anchor("Bidi \u061c\u202eName\u202c \u200f"), "bidi-name-");
  EXPECT_EQ(github_anchor("Zero\u200bWidth \ufeffBOM"), "zerowidth-bom");
  EXPECT_EQ(github_anchor("x\u00b2 \u00bd and \u2167"), "x--and-\u2177");  // Ⅷ is a letter number
}

TEST(GithubAnchor, KeepsLettersOfOtherScriptsAndLowercasesAccents) {
  EXPECT_EQ(github_anchor("Naïve Ünïcode"), "naïve-ünïcode");
  EXPECT_EQ(github_anchor("効率化 CJK"), "効率化-cjk");
  EXPECT_EQ(github_anchor("Привет"), "привет");
}

TEST(GithubAnchor, LowercasesEveryScriptAsUnicodeDoes) {
  // Beyond Latin-1, Latin Extended-A, Greek and Cyrillic: Latin Extended-B, accented Greek,
  // Armenian, Georgian, fullwidth Latin.
  EXPECT_EQ(github_anchor("ǍǏ ΆΈ ԱԲ Ა ＡＢ"), "ǎǐ-άέ-աբ-ა-ａｂ");
}

TEST(AnchorSet, RepeatedHeadingsGetNumberedSuffixes) {
  AnchorSet anchors;
  EXPECT_EQ(anchors.add("Quantization"), "quantization");
  EXPECT_EQ(anchors.add("Quantization"), "quantization-1");
  EXPECT_EQ(anchors.add("Quantization 1"), "quantization-1-1");
  EXPECT_EQ(anchors.add("Quantization"), "quantization-2");
}

TEST(EscapeMarkdown, EscapesMarkupCharacters) {
  EXPECT_EQ(escape_markdown("[a] | *b* _c_ <d> `e` ~f~ $g$ \\h"),
            "\\[a\\] \\| \\*b\\* \\_c\\_ \\<d> \\`e\\` \\~f\\~ \\$g\\$ \\\\h");
}

TEST(EscapeMarkdown, LoneDollarStaysPlainButPairsAreEscaped) {
  EXPECT_EQ(escape_markdown("How to Train It with $100 K Budget"),
            "How to Train It with $100 K Budget");
  EXPECT_EQ(escape_markdown("$x$ and $y"), "\\$x\\$ and \\$y");
}

TEST(EscapeMarkdown, EscapesBlockMarkersAtTheStartOnly) {
  EXPECT_EQ(escape_markdown("# not a heading"), "\\# not a heading");
  EXPECT_EQ(escape_markdown("- a - b"), "\\- a - b");
  EXPECT_EQ(escape_markdown("12. item"), "12\\. item");
  EXPECT_EQ(escape_markdown("C#"), "C\\#");
  EXPECT_EQ(escape_markdown("Q&A &amp; & more"), "Q&A \\&amp; & more");
}

TEST(EscapeMarkdown, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(escape_markdown("a\x1b[0mb\nc\t"), "a \\[0mb c");
}

TEST(MarkdownPaperLine, FollowsTheSurveyFormat) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(markdown_paper_line(c.paper(*c.find_paper("gptq"))),
            "- GPTQ: Accurate Quantization for Generative Pre-trained Transformers, <ins>ICLR, "
            "2023</ins> [[Paper](https://openreview.net/forum?id=tcbBPnfwxS)] "
            "[[Code](https://github.com/IST-DASLab/gptq)]");
}

TEST(MarkdownPaperLine, OmitsUnknownVenueAndYear) {
  Paper p;
  p.title = "T";
  EXPECT_EQ(markdown_paper_line(p), "- T");
  p.year = 2024;
  EXPECT_EQ(markdown_paper_line(p), "- T, <ins>2024</ins>");
  p.venue = "ICML";
  p.year = 0;
  p.links = {{"Code1", "https://x.org/a b"}, {"Paper", "https://x.org/(c"}};
  EXPECT_EQ(markdown_paper_line(p),
            "- T, <ins>ICML</ins> [[Code1](https://x.org/a%20b)] [[Paper](https://x.org/%28c)]");
}

TEST(MarkdownPaperLine, BlogsAndWebsitesWithoutVenueShowTheirKind) {
  Paper p;
  p.title = "T";
  p.kind = "blog";
  p.year = 2023;
  EXPECT_EQ(markdown_paper_line(p), "- T, <ins>Blog, 2023</ins>");
  p.kind = "website";
  p.year = 0;
  EXPECT_EQ(markdown_paper_line(p), "- T, <ins>Website</ins>");
}

TEST(RenderMarkdown, WholeCorpusHasTitleTocHeadingsAndFrameworksTable) {
  std::string md = markdown_of(test::small_corpus(), whole(test::small_corpus()));
  EXPECT_EQ(
      md.substr(0, md.find("\n## Model-Centric")),
      "# Small Test Survey\n\nSurvey: [arXiv:2312.03863](https://arxiv.org/abs/2312.03863)\n\n"
      "## Table of Contents\n\n"
      "- [Model-Centric Methods](#model-centric-methods)\n"
      "  - [Model Compression](#model-compression)\n"
      "    - [Quantization](#quantization)\n"
      "      - [Post-Training Quantization](#post-training-quantization)\n"
      "      - [Quantization-Aware Training](#quantization-aware-training)\n"
      "    - [Parameter Pruning](#parameter-pruning)\n"
      "  - [Efficient Inference](#efficient-inference)\n"
      "    - [Speculative Decoding](#speculative-decoding)\n"
      "    - [KV-Cache Optimization](#kv-cache-optimization)\n"
      "- [Data-Centric Methods](#data-centric-methods)\n"
      "  - [Prompt Compression](#prompt-compression)\n"
      "  - [Attention](#attention)\n"
      "- [LLM Frameworks](#llm-frameworks)\n");
  EXPECT_NE(md.find("\n##### Post-Training Quantization\n\n- GPTQ"), std::string::npos);
  EXPECT_NE(
      md.find("\n## LLM Frameworks\n\n"
              "| Framework | Efficient Training | Efficient Inference | Efficient Fine-Tuning |\n"
              "| :-- | :--: | :--: | :--: |\n"
              "| DeepSpeed [[Code](https://github.com/microsoft/DeepSpeed)] | ✅ | ✅ | ✅ |\n"
              "| vLLM [[Code](https://github.com/vllm-project/vllm)] | ❌ | ✅ | ❌ |\n"),
      std::string::npos);
  EXPECT_EQ(md.back(), '\n');
  EXPECT_EQ(md.find("\n\n\n"), std::string::npos);
}

TEST(RenderMarkdown, SubtreeStartsItsHeadingsAtLevelTwo) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.root = *c.find_category("quantization");
  s.papers = c.papers_under(*s.root);
  std::string md = markdown_of(c, s);
  EXPECT_EQ(md.substr(0, md.find("\n- GPTQ")),
            "# Model-Centric Methods / Model Compression / Quantization\n\n## Table of Contents\n\n"
            "- [Quantization](#quantization)\n"
            "  - [Post-Training Quantization](#post-training-quantization)\n"
            "  - [Quantization-Aware Training](#quantization-aware-training)\n\n"
            "## Quantization\n\n### Post-Training Quantization\n");
  EXPECT_EQ(md.find("Framework"), std::string::npos);
}

TEST(RenderMarkdown, FilteredOutPapersAreLeftOutButHeadingsStay) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.papers = {*c.find_paper("llmlingua")};
  std::string md = markdown_of(c, s);
  EXPECT_EQ(md.find("GPTQ"), std::string::npos);
  EXPECT_NE(md.find("### Prompt Compression\n\n- LLMLingua"), std::string::npos);
  EXPECT_NE(md.find("#### KV-Cache Optimization\n\n- LLMLingua"), std::string::npos);
  EXPECT_NE(md.find("##### Post-Training Quantization\n\n#####"), std::string::npos);
}

TEST(RenderMarkdown, FlatIsOneListWithEachPaperOnce) {
  const Corpus& c = test::small_corpus();
  std::string md = markdown_of(c, whole(c), true);
  EXPECT_EQ(md.find('#'), std::string::npos);
  std::size_t lines = 0;
  for (char ch : md) lines += ch == '\n';
  EXPECT_EQ(lines, c.papers().size());
  EXPECT_EQ(md.rfind("- GPTQ", 0), 0u);
}

TEST(RenderMarkdown, HostileNamesGetGithubAnchorsAndFrameworksGoUnderTheirCategory) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string md = markdown_of(c, whole(c));
  EXPECT_NE(md.find("- [🤖 Model-Centric (Hostile) \\<b>](#-model-centric-hostile-b)\n"
                    "  - [Quantization](#quantization)\n"),
            std::string::npos);
  EXPECT_NE(md.find("  - [Quantization](#quantization-1)\n"), std::string::npos);
  EXPECT_NE(
      md.find("### LLM Frameworks\n\n- The {LLM} Leaderboard & Tracker, <ins>Website, 2024</ins> "
              "[[Website](https://example.org/board#top)]\n\n| Framework |"),
      std::string::npos);
  EXPECT_NE(
      md.find("| Pipe\\|Frame \\[x\\] \\*y\\* [[Code](https://github.com/p/q)] | ✅ | ✅ | ❌ |"),
      std::string::npos);
  EXPECT_EQ(md.find("## LLM Frameworks\n"), md.find("### LLM Frameworks\n") + 1);
  EXPECT_EQ(md.find('\x1b'), std::string::npos);
  EXPECT_NE(
      md.find("- \\[Bracket\\] Title \\| with \\* stars \\_ and \\<script>alert(1)\\</script>, "
              "<ins>ICML, 2023</ins>"),
      std::string::npos);
}

TEST(RenderMarkdown, DropsScriptLinksAsTheHtmlExportDoes) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string md = markdown_of(c, whole(c));
  std::string lower;
  for (char ch : md) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view bad : {"javascript", "vbscript", "data:", "alert(", "&#58;"})
    EXPECT_EQ(lower.find(bad), std::string::npos) << bad;
  EXPECT_NE(md.find("[[Web](https://example.org/ok)]"), std::string::npos);
  EXPECT_NE(md.find("| Evil | ✅ | ❌ | ❌ |"), std::string::npos);  // no [[Code]] link
}

TEST(RenderMarkdown, UrlsPercentEncodeC1AndBidiControls) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string md = markdown_of(c, whole(c));
  EXPECT_NE(md.find("(https://example.org/a%C2%85b%E2%80%AEc%E2%81%A6d%E2%80%8Fe%D8%9Cf%C2%9Bg)"),
            std::string::npos);
  EXPECT_NE(md.find("(https://github.com/x/%E2%80%AEgnp.exe)"), std::string::npos);
}

// Exports `corpus` as markdown and imports that markdown again, the source facts given as the
// import's options (the markdown carries the title and the survey's arXiv id only).
CorpusData round_trip(const Corpus& corpus) {
  ImportOptions options;
  options.source_url = corpus.source().url;
  options.source_commit = corpus.source().commit;
  options.citation = corpus.source().citation;
  return import_markdown(markdown_of(corpus, whole(corpus)), "export.md", options).corpus;
}

TEST(MarkdownRoundTrip, RealSurveyCorpusComesBackByteForByteButForWhatEnrichAdded) {
  Corpus survey =
      load_corpus_file(std::string(PAPERTREE_SOURCE_DIR) + "/data/efficient-llms-survey.json");
  ASSERT_GT(survey.papers().size(), 400u);
  // Authors and DOIs come from enrich (docs/enrich.md), not from the list's markdown.
  CorpusData expected = survey.data();
  for (Paper& p : expected.papers) {
    p.authors.clear();
    p.authors_truncated = false;
    p.doi.clear();
    p.ignore.clear();  // validation ignores: not in a markdown list
    p.added.clear();   // first-seen dates: from the list's git history, not its text
    // An arXiv id enrich found for a paper with no readable arXiv link ("…/1911.02972v") is not
    // in the markdown either.
    bool linked = std::any_of(p.links.begin(), p.links.end(), [&](const Link& l) {
      std::size_t at = l.url.find(p.arxiv);
      if (at == std::string::npos) return false;
      std::string rest = l.url.substr(at + p.arxiv.size());
      return rest.empty() || !std::isalnum(static_cast<unsigned char>(rest[0])) ||
             (rest[0] == 'v' && rest.size() > 1 &&
              std::isdigit(static_cast<unsigned char>(rest[1])));
    });
    if (!linked) p.arxiv.clear();
  }
  EXPECT_EQ(to_canonical_json(round_trip(survey)), to_canonical_json(expected));
}

TEST(MarkdownRoundTrip, ImportedSmallCorpusIsAFixpoint) {
  // The first import renames ids (they are not in the markdown) and drops the empty category;
  // after that, export then import changes nothing.
  Corpus once = Corpus::build(round_trip(test::small_corpus()), "once");
  EXPECT_EQ(once.papers().size(), test::small_corpus().papers().size());
  EXPECT_EQ(to_canonical_json(round_trip(once)), to_canonical_json(once.data()));
  for (PaperIndex p = 0; p < once.papers().size(); ++p) {
    EXPECT_EQ(markdown_paper_line(once.paper(p)),
              markdown_paper_line(test::small_corpus().paper(p)));
  }
}

TEST(MarkdownAuthors, AnItalicBylineUnderEachEntryWithAuthors) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "T",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [
      {"id": "x", "title": "X Method", "year": 2023, "venue": "ICML", "categories": ["a"],
       "authors": [{"given": "Ada", "family": "Lovelace"}, {"given": "Alan", "family": "Turing"}],
       "authors_truncated": true, "links": [{"label": "Paper", "url": "https://x.org/p"}]},
      {"id": "y", "title": "Y Method", "year": 2022, "venue": "ICLR", "categories": ["a"]}
    ]})");
  ExportOptions options;
  options.flat = true;
  options.authors = true;
  std::ostringstream out;
  render_markdown(c, whole(c), options, out);
  EXPECT_EQ(out.str(),
            "- X Method, <ins>ICML, 2023</ins> [[Paper](https://x.org/p)]<br>\n"
            "  *Ada Lovelace, Alan Turing et al.*\n"
            "- Y Method, <ins>ICLR, 2022</ins>\n");
  EXPECT_EQ(markdown_author_line(c.paper(1)), "");
  // Without the option the entries are the survey's one-line form.
  EXPECT_EQ(markdown_of(c, whole(c), true),
            "- X Method, <ins>ICML, 2023</ins> [[Paper](https://x.org/p)]\n"
            "- Y Method, <ins>ICLR, 2022</ins>\n");
}

TEST(MarkdownAuthors, ImportReadsTheBylineBack) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "T",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [
      {"id": "x", "title": "X Method", "year": 2023, "venue": "ICML", "categories": ["a"],
       "authors": [{"given": "Ada", "family": "Lovelace"}, {"given": "Ludwig", "family": "van Beethoven"},
                   {"given": "Christopher", "family": "Ré"}],
       "links": [{"label": "Paper", "url": "https://x.org/p"}]}
    ]})");
  ExportOptions options;
  options.authors = true;
  std::ostringstream out;
  render_markdown(c, whole(c), options, out);
  ImportResult back = import_markdown(out.str(), "export.md");
  ASSERT_EQ(back.corpus.papers.size(), 1u);
  EXPECT_EQ(back.corpus.papers[0].authors, c.paper(0).authors);
  EXPECT_FALSE(back.corpus.papers[0].authors_truncated);
}

}  // namespace
}  // namespace papertree
