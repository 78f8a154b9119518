#include "papertree/curate/history.hpp"

#include <gtest/gtest.h>

namespace papertree {
namespace {

std::string list(const std::string& entries) {
  return "# Survey\n\n## Methods\n\n### Quantization\n\n" + entries;
}

TEST(AssignAddedDates, FirstVersionThatListsAPaper) {
  std::vector<ListVersion> versions = {
      {"a", "2023-05-01",
       list("- GPTQ: Accurate Quantization, <ins>ICLR, 2023</ins> "
            "[[Paper](https://arxiv.org/abs/2210.17323)]\n")},
      {"b", "2023-06-01",
       list("- GPTQ: Accurate Quantization, <ins>ICLR, 2023</ins> "
            "[[Paper](https://arxiv.org/abs/2210.17323)]\n"
            "- AWQ: Activation-aware Quantization, <ins>MLSys, 2024</ins> "
            "[[Paper](https://arxiv.org/abs/2306.00978)]\n")},
  };
  CorpusData corpus;
  Paper gptq;
  gptq.title = "GPTQ: Accurate Quantization";
  Paper awq;
  awq.title = "AWQ: Activation-aware Quantization";
  Paper other;
  other.title = "Never Listed";
  other.added = "2020-01-01";
  corpus.papers = {gptq, awq, other};
  HistoryResult r = assign_added_dates(corpus, versions);
  EXPECT_EQ(r.versions_read, 2u);
  EXPECT_EQ(r.papers_dated, 2u);
  EXPECT_EQ(corpus.papers[0].added, "2023-05-01");
  EXPECT_EQ(corpus.papers[1].added, "2023-06-01");
  EXPECT_EQ(corpus.papers[2].added, "2020-01-01") << "an unlisted paper keeps its date";
}

TEST(AssignAddedDates, KeepsTheDateAcrossRetitlingWithTheSameArxivId) {
  std::vector<ListVersion> versions = {
      {"a", "2023-05-01", "not a list at all"},
      {"b", "2023-06-01",
       list("- Old Title, <ins>arXiv, 2023</ins> [[Paper](https://github.com/x/y)]\n")},
      {"c", "2023-07-01",
       list("- Old Title, <ins>arXiv, 2023</ins> [[Paper](https://arxiv.org/abs/2306.00978)]\n")},
      {"d", "2024-01-01",
       list("- A New Title, <ins>MLSys, 2024</ins> [[Paper](https://arxiv.org/abs/2306.00978)]\n")},
  };
  CorpusData corpus;
  Paper p;
  p.title = "A New Title";
  p.arxiv = "2306.00978";
  corpus.papers = {p};
  HistoryResult r = assign_added_dates(corpus, versions);
  EXPECT_EQ(r.versions_skipped, 1u);
  EXPECT_EQ(corpus.papers[0].added, "2023-06-01");
}

TEST(AssignAddedDates, AnIdTheListGivesToTwoTitlesIsNoIdentity) {
  // A later entry links the older paper's arXiv id by mistake: it is dated by its own title.
  std::string older =
      "- Older Paper, <ins>ICLR, 2024</ins> [[Paper](https://arxiv.org/abs/2308.13137)]\n";
  std::vector<ListVersion> versions = {
      {"a", "2024-03-30", list(older)},
      {"b", "2024-09-11",
       list(older + "- Newer Paper, <ins>arXiv, 2024</ins> "
                    "[[Paper](https://arxiv.org/abs/2308.13137)]\n")},
  };
  CorpusData corpus;
  Paper a;
  a.title = "Older Paper";
  a.arxiv = "2308.13137";
  Paper b = a;
  b.title = "Newer Paper";
  corpus.papers = {a, b};
  assign_added_dates(corpus, versions);
  EXPECT_EQ(corpus.papers[0].added, "2024-03-30");
  EXPECT_EQ(corpus.papers[1].added, "2024-09-11");
}

}  // namespace
}  // namespace papertree
