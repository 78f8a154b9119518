#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "papertree/import/markdown.hpp"
#include "papertree/io/io.hpp"
#include "test_support.hpp"

namespace papertree {
namespace {

using Strings = std::vector<std::string>;

ImportResult import_fixture(const std::string& name) {
  return import_markdown(read_file(test::fixture("import/" + name)), name);
}

std::vector<std::string> warnings(const ImportResult& r) {
  std::vector<std::string> out;
  for (const ImportWarning& w : r.warnings)
    out.push_back(w.column == 0 ? fmt::format("{}: {}", w.line, w.message)
                                : fmt::format("{}:{}: {}", w.line, w.column, w.message));
  return out;
}

const Paper& paper(const ImportResult& r, const std::string& id) {
  for (const Paper& p : r.corpus.papers) {
    if (p.id == id) return p;
  }
  throw std::runtime_error("no paper " + id);
}

std::string venue_year(const Paper& p) {
  return fmt::format("{} {}", p.venue, p.year);
}

Strings family_names(const Paper& p) {
  Strings out;
  for (const Author& a : p.authors) out.push_back(a.family.empty() ? a.literal : a.family);
  return out;
}

TEST(ImportParts, TitlesPlainBoldItalicLinkedQuotedAndAroundAVenuePrefix) {
  ImportResult r = import_fixture("parts_titles.md");
  EXPECT_EQ(warnings(r), Strings{"13:3: entry has no title; skipped"});
  ASSERT_EQ(r.corpus.papers.size(), 8u);
  EXPECT_EQ(paper(r, "plain-title-method").title, "Plain Title Method: A Study");
  EXPECT_EQ(paper(r, "bold-title-method").title, "Bold Title Method: A Study");
  EXPECT_EQ(paper(r, "italic-title-method").title, "Italic Title Method: A Study");
  const Paper& linked = paper(r, "link-title-method");
  EXPECT_EQ(linked.title, "Link Title Method: A Study");
  EXPECT_EQ(linked.links, (std::vector<Link>{{"Paper", "https://arxiv.org/abs/2401.00004"},
                                             {"Code", "https://github.com/x/link"}}));
  EXPECT_EQ(linked.arxiv, "2401.00004");
  EXPECT_EQ(paper(r, "quoted-title-method").title, "Quoted Title Method: A Study");
  EXPECT_EQ(paper(r, "prefixed-title-method").title, "Prefixed Title Method: A Study");
  EXPECT_EQ(venue_year(paper(r, "prefixed-title-method")), "ICML 2023");
  EXPECT_EQ(paper(r, "short-prefix-method").title, "Short Prefix Method: A Study");
  EXPECT_EQ(venue_year(paper(r, "short-prefix-method")), "NeurIPS 2022");
  EXPECT_EQ(paper(r, "suffixed-title-method").title, "Suffixed Title Method: A Study");
  EXPECT_EQ(venue_year(paper(r, "suffixed-title-method")), "ICLR 2024");
}

TEST(ImportParts, VenueAndYearFromEverySlotForm) {
  ImportResult r = import_fixture("parts_venues.md");
  EXPECT_EQ(warnings(r), Strings{"12: venue \"NIPS\" read as \"NeurIPS\""});
  ASSERT_EQ(r.corpus.papers.size(), 9u);
  std::map<std::string, std::string> got;
  for (const Paper& p : r.corpus.papers) got[p.title] = venue_year(p);
  EXPECT_EQ(got["Paren Slot Method"], "NeurIPS 2023");
  EXPECT_EQ(got["Bracket Slot Method"], "ICML 2023");
  EXPECT_EQ(got["Spaced Slot Method"], "ICLR 2024");
  EXPECT_EQ(got["Comma Slot Method"], "EMNLP 2023");
  EXPECT_EQ(got["Dated Slot Method"], "arXiv 2023");
  EXPECT_EQ(got["Badge Slot Method"], "ICML 2023");
  EXPECT_EQ(got["Split Badge Method"], "CVPR 2024");
  EXPECT_EQ(got["Alias Slot Method"], "NeurIPS 2017");
  EXPECT_EQ(got["No Slot Method"], " 0");
}

TEST(ImportParts, EntriesOverSeveralLinesWithAnAuthorsLine) {
  ImportResult r = import_fixture("parts_multiline.md");
  EXPECT_TRUE(r.warnings.empty()) << warnings(r).front();
  ASSERT_EQ(r.corpus.papers.size(), 4u);
  const Paper& two = paper(r, "two-line-method");
  EXPECT_EQ(two.title, "Two Line Method: A Study");
  EXPECT_EQ(family_names(two), (Strings{"Lovelace", "Turing"}));
  EXPECT_EQ(two.authors[0].given, "Ada");
  EXPECT_FALSE(two.authors_truncated);
  EXPECT_EQ(two.links.size(), 2u);
  const Paper& brk = paper(r, "break-line-method");
  EXPECT_EQ(family_names(brk), (Strings{"Hopper", "Dijkstra"}));
  EXPECT_TRUE(brk.authors_truncated);
  EXPECT_EQ(venue_year(brk), "ICML 2024");
  const Paper& lazy = paper(r, "lazy-line-method");
  EXPECT_EQ(family_names(lazy), (Strings{"Liskov", "Knuth"}));
  EXPECT_EQ(venue_year(lazy), "ICLR 2023");
  const Paper& sentence = paper(r, "sentence-method");
  EXPECT_EQ(sentence.title, "Sentence Method: A Study");
  EXPECT_EQ(family_names(sentence), (Strings{"Thompson", "Ritchie"}));
  EXPECT_EQ(venue_year(sentence), "OSDI 2022");
  EXPECT_EQ(sentence.links, (std::vector<Link>{{"pdf", "https://arxiv.org/abs/2402.00004"}}));
}

TEST(ImportParts, LinksOfEveryFormWithLabelsForBareUrlsAndBadges) {
  ImportResult r = import_fixture("parts_links.md");
  EXPECT_TRUE(r.warnings.empty()) << warnings(r).front();
  ASSERT_EQ(r.corpus.papers.size(), 5u);
  const Paper& kinds = paper(r, "link-kinds-method");
  EXPECT_EQ(kinds.links, (std::vector<Link>{{"PDF", "https://arxiv.org/pdf/2403.00001v2.pdf"},
                                            {"GitHub", "https://github.com/x/kinds"},
                                            {"Project Page", "https://x.github.io/kinds"},
                                            {"Blog", "https://x.org/blog/kinds"},
                                            {"Video", "https://www.youtube.com/watch?v=kinds"}}));
  EXPECT_EQ(kinds.arxiv, "2403.00001");
  EXPECT_TRUE(kinds.has_code());
  EXPECT_EQ(paper(r, "bare-links-method").links,
            (std::vector<Link>{{"Paper", "https://arxiv.org/abs/2403.00002"},
                               {"Code", "https://github.com/x/bare"}}));
  EXPECT_EQ(paper(r, "angle-links-method").links,
            (std::vector<Link>{{"Paper", "https://arxiv.org/html/2403.00003v1"},
                               {"Project", "https://x.github.io/angle"}}));
  EXPECT_EQ(paper(r, "angle-links-method").arxiv, "2403.00003");
  EXPECT_EQ(paper(r, "badge-links-method").links,
            (std::vector<Link>{{"Paper", "https://arxiv.org/abs/2403.00004"},
                               {"Code", "https://github.com/x/badge"}}));
  EXPECT_EQ(paper(r, "double-bracket-method").links,
            (std::vector<Link>{{"Paper", "https://arxiv.org/abs/2403.00005"}}));
}

TEST(ImportParts, CategoriesFromSkippedLevelsEmojiNumbersAndDetailsGroups) {
  ImportResult r = import_fixture("parts_outline.md");
  EXPECT_TRUE(r.warnings.empty()) << warnings(r).front();
  EXPECT_EQ(r.corpus.title, "Outline Forms");
  ASSERT_EQ(r.corpus.taxonomy.size(), 2u);
  const CategoryNode& decoding = r.corpus.taxonomy[0];
  EXPECT_EQ(decoding.name, "Decoding Methods");
  ASSERT_EQ(decoding.children.size(), 1u);
  EXPECT_EQ(decoding.children[0].name, "Skipped Level");
  ASSERT_EQ(decoding.children[0].children.size(), 1u);
  EXPECT_EQ(decoding.children[0].children[0].name, "Grouped Methods");
  EXPECT_EQ(r.corpus.taxonomy[1].name, "Numbered Section");
  EXPECT_EQ(paper(r, "skipped-level-method").categories, Strings{"skipped-level"});
  EXPECT_EQ(paper(r, "grouped-method").categories, Strings{"grouped-methods"});
  EXPECT_EQ(paper(r, "after-group-method").categories, Strings{"skipped-level"});
  EXPECT_EQ(paper(r, "numbered-method").categories, Strings{"numbered-section"});
}

TEST(ImportParts, PaperTableRowsAreEntries) {
  ImportResult r = import_fixture("parts_table.md");
  EXPECT_EQ(warnings(r), Strings{"9:1: table row has no title in its title column; skipped"});
  ASSERT_EQ(r.corpus.papers.size(), 2u);
  const Paper& row = paper(r, "table-row-method");
  EXPECT_EQ(venue_year(row), "ICML 2023");
  EXPECT_EQ(family_names(row), (Strings{"Lovelace", "Turing"}));
  EXPECT_EQ(row.links, (std::vector<Link>{{"Code", "https://github.com/x/row"}}));
  const Paper& linked = paper(r, "linked-row-method");
  EXPECT_EQ(linked.title, "Linked Row Method: A Study");
  EXPECT_EQ(venue_year(linked), "NeurIPS 2022");
  EXPECT_EQ(linked.arxiv, "2404.00002");
  ASSERT_EQ(r.corpus.frameworks.size(), 1u);
  EXPECT_EQ(r.corpus.frameworks[0].supports, Strings{"inference"});
  EXPECT_EQ(describe_summary(r), "read 2 entries as 2 papers in 2 categories");
}

// A table's Year cell typed with a letter for a digit is no year, said at its row, as in a list.
TEST(ImportParts, PaperTableMistypedYearIsWarned) {
  ImportResult r = import_markdown(
      "# L\n## A\n\n| Title | Venue | Year |\n|---|---|---|\n| Typo Row | ICML | 2O23 |\n"
      "| Venue Typo Row | ICML 2O2l | |\n| Good Row | ICML | 2023 |\n",
      "l.md");
  EXPECT_EQ(
      warnings(r),
      (Strings{"6:21: \"2O23\" is no year (a letter where a digit belongs); read without a year",
               "7:20: \"2O2l\" is no year (a letter where a digit belongs); read without a "
               "year"}));
  EXPECT_EQ(paper(r, "typo-row").year, 0);
  EXPECT_EQ(paper(r, "typo-row").venue, "ICML");
  EXPECT_EQ(paper(r, "venue-typo-row").year, 0);
  EXPECT_EQ(paper(r, "venue-typo-row").venue, "ICML");  // the venue before the typo is kept
  EXPECT_EQ(paper(r, "good-row").year, 2023);
}

TEST(ImportParts, SummaryCountsWhatWasSkippedAndWhy) {
  ImportResult r = import_markdown(
      "- Above, <ins>ICML, 2023</ins> [[Paper](https://x.org/0)]\n# L\n## News\n"
      "- Old News https://x.org/news\n## Methods\n"
      "- One, <ins>ICML, 2023</ins> [[Paper](https://x.org/1)]\n"
      "- One, <ins>ICML, 2023</ins> [[Paper](https://x.org/1)]\n- [[Code](https://x.org/2)]\n",
      "l.md");
  EXPECT_EQ(r.summary, (ImportSummary{2, 1, 1, 1, 1}));
  EXPECT_EQ(describe_summary(r),
            "read 2 entries as 1 paper in 1 category (1 repeated under one heading); skipped 3: 1 "
            "in notes sections, 1 above every category heading, 1 without a title");
}

TEST(ImportParts, BylineFormWithoutLinksGivesTitleAuthorsVenueAndYear) {
  ImportResult r = import_fixture("parts_bylines.md");
  EXPECT_TRUE(r.warnings.empty()) << warnings(r).front();
  ASSERT_EQ(r.corpus.papers.size(), 5u);
  const Paper& italic = paper(r, "sparse-widget-method");
  EXPECT_EQ(italic.title, "Sparse Widget Method: A Study");
  EXPECT_EQ(family_names(italic), (Strings{"Lee", "Chen"}));
  EXPECT_EQ(italic.authors[0].given, "Ann");
  EXPECT_EQ(venue_year(italic), "ICML 2023");
  EXPECT_TRUE(italic.links.empty());
  const Paper& bold = paper(r, "dense-gadget-method");
  EXPECT_EQ(bold.title, "Dense Gadget Method");
  EXPECT_EQ(family_names(bold), (Strings{"Dunn", "Evans"}));
  EXPECT_EQ(bold.authors[1].given, "D.");
  EXPECT_EQ(venue_year(bold), "NeurIPS 2022");
  const Paper& quoted = paper(r, "quoted-gizmo-method");
  EXPECT_EQ(quoted.title, "Quoted Gizmo Method: A Study");
  EXPECT_EQ(family_names(quoted), (Strings{"Fox", "Hart"}));
  EXPECT_EQ(venue_year(quoted), "ICLR 2024");
  const Paper& truncated = paper(r, "tiny-sprocket-method");
  EXPECT_EQ(family_names(truncated), Strings{"Ito"});
  EXPECT_TRUE(truncated.authors_truncated);
  EXPECT_EQ(venue_year(truncated), "ACL 2021");
  const Paper& linked = paper(r, "linked-byline-method");
  EXPECT_EQ(family_names(linked), (Strings{"Jones", "Lund"}));
  EXPECT_EQ(venue_year(linked), "EMNLP 2023");
  EXPECT_EQ(linked.arxiv, "2405.00001");
  EXPECT_EQ(describe_summary(r), "read 5 entries as 5 papers in 1 category");
}

TEST(ImportParts, ItemsNotReadAsEntriesAreWarnedAndCountedUnderCategoriesOnly) {
  ImportResult r = import_fixture("unread_items.md");
  // Above every heading, in a section with no entries and in a notes section: prose, no warning.
  EXPECT_EQ(warnings(r),
            (Strings{"14:3: list item not read as a paper entry: \"*Italic Title Only*. ICML "
                     "2023\"; skipped",
                     "15:3: list item not read as a paper entry: \"see also the longer list of "
                     "quantization methods that a frie\xE2\x80\xA6\"; skipped"}));
  EXPECT_EQ(r.summary.entries, 2u);
  EXPECT_EQ(r.summary.skipped_unread, 2u);
  EXPECT_EQ(r.summary.skipped_notes + r.summary.skipped_outside + r.summary.skipped_untitled, 0u);
  EXPECT_EQ(paper(r, "byline-method").year, 2024);
  EXPECT_EQ(describe_summary(r),
            "read 2 entries as 2 papers in 1 category; skipped 2: 2 not read as entries");
}

TEST(ImportParts, OneUnreadItemIsWordedInTheSingular) {
  ImportResult r = import_markdown(
      "# L\n## Methods\n- One, <ins>ICML, 2023</ins> [[Paper](https://x.org/1)]\n- just words\n",
      "l.md");
  EXPECT_EQ(warnings(r),
            Strings{"4:3: list item not read as a paper entry: \"just words\"; skipped"});
  EXPECT_EQ(describe_summary(r),
            "read 1 entry as 1 paper in 1 category; skipped 1: 1 not read as an entry");
}

// Lists in four other styles, written for this test, each with a key of the right title and
// category path per paper: at least 95% of the entries must be read exactly so.
struct Key {
  std::string title;
  std::string path;
};

std::vector<Key> read_key(const std::string& path) {
  std::vector<Key> out;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos) out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

void category_paths(const std::vector<CategoryNode>& nodes, const std::string& prefix,
                    std::map<std::string, std::string>& out) {
  for (const CategoryNode& c : nodes) {
    std::string path = prefix.empty() ? c.name : prefix + "/" + c.name;
    out[c.id] = path;
    category_paths(c.children, path, out);
  }
}

TEST(ImportLists, OtherStylesAreReadWithTheRightTitleAndCategory) {
  for (const char* name : {"conference_prefix", "multiline", "tables", "numbered"}) {
    std::string base = test::fixture(fmt::format("import/lists/{}", name));
    ImportResult r = import_markdown(read_file(base + ".md"), name);
    std::map<std::string, std::string> paths;
    category_paths(r.corpus.taxonomy, "", paths);
    std::set<std::pair<std::string, std::string>> read;
    for (const Paper& p : r.corpus.papers) {
      for (const std::string& c : p.categories) read.emplace(p.title, paths[c]);
    }
    std::vector<Key> key = read_key(base + ".key");
    ASSERT_FALSE(key.empty());
    std::size_t right = 0;
    std::set<std::string> titles;
    for (const Key& k : key) {
      titles.insert(k.title);
      if (read.count({k.title, k.path}) != 0) {
        ++right;
      } else {
        std::cout << fmt::format("{}: not read: \"{}\" in {}\n", name, k.title, k.path);
      }
    }
    std::size_t extra = 0;
    for (const Paper& p : r.corpus.papers) {
      if (titles.count(p.title) == 0) {
        ++extra;
        std::cout << fmt::format("{}: read a paper the list does not hold: \"{}\"\n", name,
                                 p.title);
      }
    }
    double share = static_cast<double>(right) / static_cast<double>(key.size());
    std::cout << fmt::format("{}: {}/{} entries read with the right title and category ({:.1f}%)\n",
                             name, right, key.size(), 100 * share);
    EXPECT_GE(share, 0.95) << name;
    EXPECT_LE(static_cast<double>(extra), 0.05 * static_cast<double>(key.size())) << name;
  }
}

}  // namespace
}  // namespace papertree
