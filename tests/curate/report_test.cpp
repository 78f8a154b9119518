#include "papertree/curate/report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "papertree/text/text.hpp"

namespace papertree {
namespace {

const std::string k_title =
    "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers";

ValidationReport duplicate_title_report() {
  Finding finding;
  finding.rule = "duplicate-title";
  finding.severity = Severity::warning;
  finding.subject_kind = "paper";
  finding.subject_id = "gptq-2";
  finding.json_path = "papers[1].title";
  finding.line = 12;
  finding.column = 16;
  finding.message = "title is the same as that of \"gptq\" (papers[0]): \"" + k_title + "\"";
  finding.suggestion = "title \"" + k_title + "\"";
  return ValidationReport{{finding}, 0};
}

std::string text(std::size_t width) {
  ValidationOutput output;
  output.origin = "c.json";
  output.width = width;
  std::ostringstream out;
  render_validation_text(duplicate_title_report(), output, out);
  return out.str();
}

TEST(ValidationText, WithoutAWidthTitlesAreWhole) {
  EXPECT_EQ(text(0),
            "c.json:12:16: papers[1].title: warning [duplicate-title] paper gptq-2: title is the "
            "same as that of \"gptq\" (papers[0]): \"" +
                k_title +
                "\"\n"
                "    fix: title \"" +
                k_title +
                "\"\n"
                "c.json: 0 errors, 1 warning, 0 info — passed\n");
  EXPECT_EQ(text(500), text(0));
}

TEST(ValidationText, AWidthCutsTheQuotedTitleNotTheIdsOrTheLocation) {
  std::istringstream lines(text(160));
  std::string finding, fix;
  std::getline(lines, finding);
  std::getline(lines, fix);
  const std::string words =
      "c.json:12:16: papers[1].title: warning [duplicate-title] paper gptq-2: title is the same "
      "as that of \"gptq\" (papers[0]): \"";
  EXPECT_EQ(finding, words + truncate_to_width(k_title, 160 - display_width(words) - 1) + "\"");
  EXPECT_EQ(display_width(finding), 160u);
  EXPECT_EQ(fix, "    fix: title \"" + k_title + "\"");  // it fits
  // Narrower than the words around it: the title keeps 20 columns, the words are never cut.
  std::string out = text(40);
  EXPECT_NE(out.find(words + truncate_to_width(k_title, 20) + "\"\n"), std::string::npos) << out;
  // The fix line has room for 23 of the title's columns.
  EXPECT_NE(out.find("\n    fix: title \"" + truncate_to_width(k_title, 23) + "\"\n"),
            std::string::npos)
      << out;
}

TEST(ValidationText, ShortQuotedValuesAreNeverCut) {
  Finding finding;
  finding.rule = "unknown-venue";
  finding.subject_kind = "paper";
  finding.subject_id = "awq";
  finding.json_path = "papers[2].venue";
  finding.message = "venue \"A Venue Name Of 20 C\" is not in the alias table";
  ValidationOutput output;
  output.origin = "c.json";
  output.width = 30;
  std::ostringstream out;
  render_validation_text(ValidationReport{{finding}, 0}, output, out);
  EXPECT_EQ(
      out.str().substr(0, out.str().find('\n')),
      "c.json: papers[2].venue: warning [unknown-venue] paper awq: venue \"A Venue Name Of 20 "
      "C\" is not in the alias table");
}

}  // namespace
}  // namespace papertree
