#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "papertree/json/load.hpp"
#include "papertree/render/bibtex.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

ExportSelection whole(const Corpus& corpus) {
  ExportSelection s;
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) s.papers.push_back(p);
  return s;
}

std::string bibtex_of(const Corpus& corpus, const ExportSelection& selection) {
  std::ostringstream out;
  render_bibtex(corpus, selection, {}, out);
  return out.str();
}

Paper paper(std::string title, std::string venue, int year, std::string kind = "paper") {
  Paper p;
  p.id = "p";
  p.title = std::move(title);
  p.venue = std::move(venue);
  p.year = year;
  p.kind = std::move(kind);
  return p;
}

TEST(CitationKeys, FirstTitleWordAndYear) {
  const Corpus& c = test::small_corpus();
  EXPECT_EQ(citation_keys(c),
            (std::vector<std::string>{"gptq2023", "llmint82022", "sparsegpt2023",
                                      "accelerating2023", "flashdecoding2023", "llmlingua2023"}));
}

TEST(CitationKeys, HyphenatedWordsStayWholeAndFunctionWordsAreSkipped) {
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 1, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [
      {"id": "p1", "title": "I-LLM: Efficient Integer-Only Inference", "year": 2024, "categories": ["a"]},
      {"id": "p2", "title": "On the Efficacy of Distillation", "year": 2024, "categories": ["a"]},
      {"id": "p3", "title": "No Token Left Behind", "year": 2024, "categories": ["a"]},
      {"id": "p4", "title": "E-Sparse: Boosting", "year": 2024, "categories": ["a"]},
      {"id": "p5", "title": "LM-Infinite: Simple", "year": 2024, "categories": ["a"]},
      {"id": "p6", "title": "P-Tuning v2", "year": 2022, "categories": ["a"]},
      {"id": "p7", "title": "Towards a Unified View of Attention", "year": 2023, "categories": ["a"]},
      {"id": "p8", "title": "Do Emergent Abilities Exist With and via and by from at is are to for in of an", "categories": ["a"]}]})");
  EXPECT_EQ(citation_keys(c),
            (std::vector<std::string>{"illm2024", "efficacy2024", "token2024", "esparse2024",
                                      "lminfinite2024", "ptuning2022", "unified2023", "emergent"}));
}

TEST(CitationKeys, CollisionsTakeFurtherTitleWords) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::vector<std::string> keys = citation_keys(c);
  EXPECT_EQ(keys[*c.find_paper("same-key-1")], "efficient2023attentionlong");
  EXPECT_EQ(keys[*c.find_paper("same-key-2")], "efficient2023attentionagain");
  EXPECT_EQ(keys[*c.find_paper("long-title")], "extremely2022");
  EXPECT_EQ(keys[*c.find_paper("list-markers")], "not");
  EXPECT_EQ(keys[*c.find_paper("cjk")], "cjk2023");
  EXPECT_EQ(keys[*c.find_paper("accents")], "muller2022deja");
  EXPECT_EQ(keys[*c.find_paper("brackets")], "oneil2023bracket");
}

const char* k_authored = R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [
      {"id": "gptq", "title": "GPTQ: Accurate Post-Training Quantization", "year": 2023, "venue": "ICLR",
       "authors": [{"family": "Frantar", "given": "Elias"}, {"family": "Alistarh", "given": "Dan"}], "categories": ["a"]},
      {"id": "gpt4", "title": "GPT-4 Technical Report", "year": 2023, "authors": [{"literal": "OpenAI"}], "categories": ["a"]},
      {"id": "berg", "title": "On the Tiny Models", "year": 2024, "authors": [{"family": "van der Berg", "given": "Jan"}], "categories": ["a"]},
      {"id": "wang", "title": "Efficient Serving", "year": 2024, "authors": [{"family": "王", "given": "芳"}], "categories": ["a"]},
      {"id": "att-1", "title": "Efficient Attention for Long Inputs", "year": 2023, "authors": [{"family": "Smith", "given": "A"}], "categories": ["a"]},
      {"id": "att-2", "title": "Efficient Attention at Scale", "year": 2023, "authors": [{"family": "Smith", "given": "B"}], "categories": ["a"]},
      {"id": "inf", "title": "Efficient Inference", "year": 2023, "authors": [{"family": "Smith", "given": "C"}], "categories": ["a"]},
      {"id": "twin-1", "title": "Twin Paper", "year": 2022, "authors": [{"family": "Doe", "given": "J"}], "categories": ["a"]},
      {"id": "twin-2", "title": "Twin Paper", "year": 2022, "authors": [{"family": "Doe", "given": "J"}], "categories": ["a"]}]})";

TEST(CitationKeys, GoogleScholarStyleFromTheFirstAuthor) {
  Corpus c = test::load(k_authored);
  std::vector<std::string> keys = citation_keys(c);
  EXPECT_EQ(keys[*c.find_paper("gptq")], "frantar2023gptq");
  EXPECT_EQ(keys[*c.find_paper("gpt4")], "openai2023gpt4");
  EXPECT_EQ(keys[*c.find_paper("berg")], "vanderberg2024tiny");
  EXPECT_EQ(keys[*c.find_paper("wang")], "efficient2024") << "no Latin letter in the name";
  EXPECT_EQ(keys[*c.find_paper("att-1")], "smith2023efficientattentionlong");
  EXPECT_EQ(keys[*c.find_paper("att-2")], "smith2023efficientattentionscale");
  EXPECT_EQ(keys[*c.find_paper("inf")], "smith2023efficientinference");
  // The same title: a tag hashed from each id, so neither depends on which comes first.
  EXPECT_EQ(keys[*c.find_paper("twin-1")].rfind("doe2022twinpaper", 0), 0u);
  EXPECT_EQ(keys[*c.find_paper("twin-1")].size(), std::string("doe2022twinpaper").size() + 6);
  EXPECT_NE(keys[*c.find_paper("twin-1")], keys[*c.find_paper("twin-2")]);
  for (const std::string& key : keys)
    for (char ch : key) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) << key;
}

std::map<std::string, std::string> keys_by_id(const CorpusData& data) {
  Corpus c = Corpus::build(data, "t.json");
  std::vector<std::string> keys = citation_keys(c);
  std::map<std::string, std::string> out;
  for (PaperIndex p = 0; p < keys.size(); ++p) out[c.paper(p).id] = keys[p];
  return out;
}

TEST(CitationKeys, StableWhenPapersAreAddedOrReordered) {
  for (const CorpusData& base : {test::load(k_authored).data(),
                                 load_corpus_file(test::fixture("hostile_export.json")).data(),
                                 test::small_corpus().data()}) {
    std::map<std::string, std::string> before = keys_by_id(base);
    CorpusData reordered = base;
    std::reverse(reordered.papers.begin(), reordered.papers.end());
    EXPECT_EQ(keys_by_id(reordered), before);
    CorpusData grown = reordered;
    Paper extra = base.papers.front();
    extra.id = "added-1";
    extra.title = "Quantised Everything";
    extra.authors = {{"Frantar", "Elias", ""}};
    grown.papers.insert(grown.papers.begin() + 1, extra);
    extra.id = "added-2";
    extra.title = "Quantised Everything Again";
    grown.papers.push_back(extra);
    std::map<std::string, std::string> after = keys_by_id(grown);
    for (const auto& [id, key] : before) EXPECT_EQ(after.at(id), key) << id;
    EXPECT_NE(after.at("added-1"), after.at("added-2"));
  }
}

TEST(CitationKeys, DoNotDependOnTheSelection) {
  const Corpus& c = test::small_corpus();
  ExportSelection s;
  s.papers = {*c.find_paper("sparsegpt")};
  EXPECT_EQ(bibtex_of(c, s).rfind("@misc{sparsegpt2023,", 0), 0u);
}

TEST(EntryKind, ByVenueAndKind) {
  EXPECT_EQ(entry_kind(paper("t", "ICML", 2023)), EntryKind::conference);
  EXPECT_EQ(entry_kind(paper("t", "TMLR", 2024)), EntryKind::journal);
  EXPECT_EQ(entry_kind(paper("t", "Journal of Foo", 2024)), EntryKind::journal);
  EXPECT_EQ(entry_kind(paper("t", "Arxiv", 2024)), EntryKind::preprint);
  EXPECT_EQ(entry_kind(paper("t", "Blog", 2024, "blog")), EntryKind::online);
  EXPECT_EQ(entry_kind(paper("t", "Website", 2024)), EntryKind::online);
}

TEST(BibtexText, EscapesLatexSpecials) {
  EXPECT_EQ(bibtex_text("100% & #1 $5 a_b", false), "100\\% \\& \\#1 \\$5 a\\_b");
  EXPECT_EQ(bibtex_text("{x} \\ ~ ^ < > |", false),
            "\\textbraceleft{}x\\textbraceright{} \\textbackslash{} \\textasciitilde{} "
            "\\textasciicircum{} \\textless{} \\textgreater{} \\textbar{}");
}

TEST(BibtexText, ProtectsCapitalisedWordsWithBraces) {
  EXPECT_EQ(bibtex_text("GPTQ: Accurate quantization for LLMs", true),
            "{GPTQ:} {Accurate} quantization for {LLMs}");
  EXPECT_EQ(bibtex_text("{LLM}", true), "{{\\textbraceleft{}LLM\\textbraceright{}}}");
}

TEST(BibtexText, NonAsciiBecomesAccentCommandsOrQuestionMarks) {
  EXPECT_EQ(bibtex_text("Déjà Über Łukasz ç ñ å ß", false),
            "D{\\'e}j{\\`a} {\\\"U}ber {\\L}ukasz {\\c{c}} {\\~n} {\\aa} {\\ss}");
  EXPECT_EQ(bibtex_text("naïve “quoted” – α", false), "na{\\\"i}ve ``quoted'' -- $\\alpha$");
  EXPECT_EQ(bibtex_text("効率 \u202eRLO", false), "?? RLO");
  EXPECT_EQ(bibtex_text("PanGu-Σ PanGu-π ∞-Bench ReST-MCTS∗ Α", false),
            "PanGu-$\\Sigma$ PanGu-$\\pi$ $\\infty$-Bench ReST-MCTS$\\ast$ A");
}

TEST(BibtexText, SharesTheLatexFiguresMathSymbolsAndDropsEveryMark) {
  // The one table of latex_text.cpp: the math symbols of the latex figure reach BibTeX too.
  EXPECT_EQ(bibtex_text("x ≤ y ≠ z → ∑ ο", false),
            "x $\\leq$ y $\\neq$ z $\\rightarrow$ $\\sum$ o");
  // Marks and format characters of any script are invisible: one '?' per letter.
  EXPECT_EQ(bibtex_text("हु a\u0332b\u2060c", false), "? abc");
}

TEST(BibtexText, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(bibtex_text("a\x1b[0m\nb", false), "a [0m b");
}

TEST(RenderBibtex, EntryTypesAndFields) {
  Corpus c = test::load(k_authored);
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("@inproceedings{frantar2023gptq,\n"
                     "  author = {Frantar, Elias and Alistarh, Dan},\n"
                     "  title = {{GPTQ:} {Accurate} {Post-Training} {Quantization}},\n"
                     "  booktitle = {{ICLR}},\n"
                     "  year = {2023}\n}\n"),
            std::string::npos);
  Corpus j = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "j", "title": "Sparse Things", "year": 2024, "venue": "TMLR",
      "authors": [{"family": "Doe", "given": "Jane"}, {"literal": "Big Lab"}], "authors_truncated": true,
      "categories": ["a"]},
      {"id": "x", "title": "Preprint", "year": 2024, "venue": "arXiv", "arxiv": "2401.00001",
       "doi": "10.48550/arXiv.2401.00001", "authors": [{"family": "Roe", "given": "R"}], "categories": ["a"]}]})");
  std::string jbib = bibtex_of(j, whole(j));
  EXPECT_NE(
      jbib.find("@article{doe2024sparse,\n  author = {Doe, Jane and {Big Lab} and others},\n"
                "  title = {{Sparse} {Things}},\n  journal = {{TMLR}},\n  year = {2024}\n}\n"),
      std::string::npos)
      << jbib;
  EXPECT_NE(jbib.find("@misc{roe2024preprint,\n  author = {Roe, R},\n  title = {{Preprint}},\n"
                      "  howpublished = {arXiv preprint arXiv:2401.00001},\n  year = {2024},\n"
                      "  eprint = {2401.00001},\n  archivePrefix = {arXiv},\n"
                      "  doi = {10.48550/arXiv.2401.00001}\n}\n"),
            std::string::npos)
      << jbib;
}

TEST(RenderBibtex, NamePartsHoldingAndOrACommaAreBraced) {
  // BibTeX splits names at "and" (any case) and parts at commas: such parts stay whole.
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "s", "title": "Guns", "year": 2024, "venue": "TMLR",
      "authors": [{"family": "Smith and Wesson", "given": "A."}, {"family": "Dupont", "given": "Jean AND"},
                  {"family": "Roe, Jr", "given": "R"}, {"family": "Anderson", "given": "Sandy"}],
      "categories": ["a"]}]})");
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("  author = {{Smith and Wesson}, A. and Dupont, {Jean AND} and {Roe, Jr}, R and "
                     "Anderson, Sandy},\n"),
            std::string::npos)
      << bib;
}

TEST(RenderBibtex, PapersWithNoAuthorAreMiscWithAKey) {
  const Corpus& c = test::small_corpus();
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_EQ(bib.find("author"), std::string::npos);
  EXPECT_NE(bib.find("@misc{gptq2023,\n"
                     "  title = {{GPTQ:} {Accurate} {Quantization} for {Generative} {Pre-trained} "
                     "{Transformers}},\n"
                     "  howpublished = {{ICLR}},\n"
                     "  year = {2023},\n"
                     "  url = {https://openreview.net/forum?id=tcbBPnfwxS},\n"
                     "  key = {GPTQ}\n}\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@misc{accelerating2023,\n"
                     "  title = {{Accelerating} {Large} {Language} {Model} {Decoding} with "
                     "{Speculative} {Sampling}},\n"
                     "  howpublished = {arXiv preprint arXiv:2302.01318},\n"
                     "  year = {2023},\n"
                     "  eprint = {2302.01318},\n"
                     "  archivePrefix = {arXiv},\n"
                     "  url = {https://arxiv.org/abs/2302.01318},\n"
                     "  key = {Accelerating}\n}\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@misc{flashdecoding2023,\n"
                     "  title = {{Flash-Decoding} for {Long-Context} {Inference}},\n"
                     "  howpublished = {\\url{https://pytorch.org/blog/flash-decoding/}},\n"
                     "  note = {{Blog}},\n"
                     "  year = {2023},\n"
                     "  url = {https://pytorch.org/blog/flash-decoding/},\n"
                     "  key = {Flash-Decoding}\n}\n"),
            std::string::npos);
}

TEST(RenderBibtex, HostileAuthorsAndKeys) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("@misc{efficient2023attentionagain,\n  title = {{Efficient} {Attention,} "
                     "{Again}},\n  howpublished = {{JMLR}},\n"),
            std::string::npos);
  EXPECT_NE(bib.find("@inproceedings{muller2022deja,\n  author = {M{\\\"u}ller, J{\\\"u}rgen and "
                     "Lef{\\`e}vre, Fran{\\c{c}}ois and Kaiser, {\\L}ukasz},\n"),
            std::string::npos);
  // No venue and no year: a @misc, since @inproceedings would need both.
  EXPECT_NE(bib.find("@misc{not,\n  title = {- 1. \\# {Not} a heading "
                     "{{\\textgreater{}}} nor a quote +plus @at},\n  key = {Not}\n}\n"),
            std::string::npos);
}

TEST(RenderBibtex, AUrlWithHashOrPercentIsTextInHowpublished) {
  // biblatex keeps fields as macro arguments, where \url cannot read '#' or '%' verbatim.
  Corpus c = test::load(R"({"format": "papertree-corpus", "version": 2, "title": "t",
    "taxonomy": [{"id": "a", "name": "A"}],
    "papers": [{"id": "b", "title": "Board", "year": 2024, "venue": "Blog", "kind": "blog",
      "links": [{"label": "Blog", "url": "https://example.org/a_b/board%20x#top"}],
      "categories": ["a"]}]})");
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(bib.find("  howpublished = {\\texttt{https://example.org/a\\_b/board\\%20x\\#top}},\n"),
            std::string::npos)
      << bib;
  EXPECT_NE(bib.find("  url = {https://example.org/a_b/board%20x#top}"), std::string::npos) << bib;
}

TEST(RenderBibtex, UrlsPercentEncodeC1AndBidiControls) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string bib = bibtex_of(c, whole(c));
  EXPECT_NE(
      bib.find(
          "  url = {https://example.org/a%C2%85b%E2%80%AEc%E2%81%A6d%E2%80%8Fe%D8%9Cf%C2%9Bg}"),
      std::string::npos);
}

TEST(RenderBibtex, ScriptUrlsAreLeftOut) {
  Corpus c = load_corpus_file(test::fixture("injection.json"));
  std::string bib = bibtex_of(c, whole(c));
  std::size_t entry = bib.find("{script2024,");
  ASSERT_NE(entry, std::string::npos) << bib;
  std::string script_entry = bib.substr(entry, bib.find("\n}\n", entry) - entry);
  EXPECT_EQ(script_entry.find("url"), std::string::npos) << script_entry;
  EXPECT_EQ(bib.find("javascript"), std::string::npos);
}

TEST(RenderBibtex, BracesStayBalancedInEveryEntry) {
  Corpus c = load_corpus_file(test::fixture("hostile_export.json"));
  std::string bib = bibtex_of(c, whole(c));
  int depth = 0;
  for (char ch : bib) {
    depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
  for (char ch : bib)
    EXPECT_TRUE(static_cast<unsigned char>(ch) < 0x80 && (ch >= 0x20 || ch == '\n'));
}

TEST(BibtexText, AccentsComeFromUnicodeDecompositionBeyondLatinExtendedA) {
  // Latin Extended Additional and -B letters, stacked accents, and a combining mark after its
  // letter (NFD input) are composed and written as accent commands.
  EXPECT_EQ(bibtex_text("Nguyễn Đặng Thị ǎ", false),
            "Nguy{\\~{\\^e}}n D{\\u{\\d{a}}}ng Th{\\d{i}} {\\v{a}}");
  EXPECT_EQ(bibtex_text("Rene\u0301 i\u0301", false), "Ren{\\'e} {\\'i}");
  // Letters without a decomposition (and no command of their own) are their base letter.
  EXPECT_EQ(bibtex_text("Đorđe ħ", false), "Dorde h");
}

TEST(BibtexText, AMarkWithNoPrecomposedLetterIsStillAnAccentCommand) {
  // Unicode has no x with macron, q with caron or ø with dot below: the marks are not dropped.
  EXPECT_EQ(bibtex_text("x\u0304 q\u030C \u00F8\u0323 \u01FF", false),
            "{\\=x} {\\v{q}} {\\d{\\o}} {\\'{\\o}}");
  // Several marks on one such letter, in canonical order.
  EXPECT_EQ(bibtex_text("y\u0323\u0304", false), "{\\={\\d{y}}}");
  // The ogonek and the comma below, which OT1 lacks, are written as the nearest mark it has.
  EXPECT_EQ(bibtex_text("Łączyński Ștefan Țara", false),
            "{\\L}{\\c{a}}czy{\\'n}ski {\\c{S}}tefan {\\c{T}}ara");
  // Marks with no OT1 counterpart at all (horn, hook above) leave the letter (docs/export.md).
  EXPECT_EQ(bibtex_text("ơ ả", false), "o a");
}

TEST(BibtexText, AnEmojiSequenceIsOneQuestionMark) {
  // A keycap sequence is its digit.
  EXPECT_EQ(bibtex_text("🚀 👩‍💻 👍🏽 🇩🇪 1️⃣", false), "? ? ? ? 1");
}

}  // namespace
}  // namespace papertree
