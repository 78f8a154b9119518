#include "papertree/enrich/report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "papertree/text/text.hpp"

namespace papertree {
namespace {

const std::string k_title =
    "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers";
const std::string k_authors = "Elias Frantar, Saleh Ashkboos, Torsten Hoefler, Dan Alistarh";

EnrichReport report() {
  EnrichReport r;
  r.records = 2;
  r.by_doi = 1;
  r.unmatched.push_back(
      {"refs.bib", 7, "gptq", k_title, "no paper with this DOI, arXiv id or title"});
  r.changes.push_back({"gptq", "authors", "", k_authors});
  r.changes.push_back({"gptq", "doi", "", "10.48550/arXiv.2210.17323"});
  return r;
}

std::string text(std::size_t width) {
  std::ostringstream out;
  render_enrich_report(report(), true, out, width);
  return out.str();
}

TEST(EnrichReportText, WithoutAWidthEverythingIsWhole) {
  EXPECT_EQ(text(0),
            "Read 2 records; matched 1 (1 by DOI, 0 by arXiv id, 0 by title).\n"
            "Unmatched 1 record:\n"
            "  refs.bib:7: \"" +
                k_title +
                "\" (no paper with this DOI, arXiv id or title)\n"
                "Changed 1 paper: authors 1, doi 1.\n"
                "  gptq: authors: (none) -> \"" +
                k_authors +
                "\"\n"
                "  gptq: doi: (none) -> \"10.48550/arXiv.2210.17323\"\n");
  EXPECT_EQ(text(300), text(0));
}

TEST(EnrichReportText, AWidthCutsTitlesAndAuthorListsNeverIds) {
  std::string out = text(90);
  // The place and the reason take 60 columns: the title gets the other 30.
  EXPECT_NE(out.find("  refs.bib:7: \"" + truncate_to_width(k_title, 30) +
                     "\" (no paper with this DOI, arXiv id or title)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(
      out.find("  gptq: authors: (none) -> \"" + truncate_to_width(k_authors, 90 - 29) + "\"\n"),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("  gptq: doi: (none) -> \"10.48550/arXiv.2210.17323\"\n"), std::string::npos);
  // Narrower still: the title keeps 20 columns.
  EXPECT_NE(text(30).find("\"" + truncate_to_width(k_title, 20) + "\""), std::string::npos);
}

}  // namespace
}  // namespace papertree
