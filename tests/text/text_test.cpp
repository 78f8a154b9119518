#include <gtest/gtest.h>

#include "papertree/text/text.hpp"

namespace papertree {
namespace {

TEST(Slugify, LowercasesAndCollapsesPunctuation) {
  EXPECT_EQ(slugify("Post-Training Quantization"), "post-training-quantization");
  EXPECT_EQ(slugify("🤖 Model-Centric Methods"), "model-centric-methods");
  EXPECT_EQ(slugify("Kernelization or Low-Rank"), "kernelization-or-low-rank");
  EXPECT_EQ(slugify("  Déjà  Vu!! "), "deja-vu");
  EXPECT_EQ(slugify("LLM.int8()"), "llm-int8");
}

TEST(FoldCaseAccents, RemovesCommonAccents) {
  EXPECT_EQ(fold_case_accents("Crème Brûlée ÅNGSTRÖM"), "creme brulee angstrom");
  EXPECT_EQ(fold_case_accents("Straße"), "strasse");
  EXPECT_EQ(fold_case_accents("e\xcc\x81t\xc3\xa9"), "ete");  // combining acute accent
}

TEST(EditDistance, CountsEdits) {
  EXPECT_EQ(edit_distance("speculatve", "speculative"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(DisplayWidth, CountsWideAndZeroWidthCharacters) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("中文"), 4u);
  EXPECT_EQ(display_width("e\xcc\x81"), 1u);
  EXPECT_EQ(display_width("🤖"), 2u);
}

TEST(TruncateToWidth, NeverSplitsACharacter) {
  EXPECT_EQ(truncate_to_width("abcdef", 4), "abc…");
  EXPECT_EQ(truncate_to_width("中文字符", 5), "中文…");
  EXPECT_EQ(truncate_to_width("short", 10), "short");
  EXPECT_EQ(truncate_to_width("ab", 0), "");
}

TEST(SanitizeForDisplay, EscapesControlAndBidiCharacters) {
  EXPECT_EQ(sanitize_for_display("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(sanitize_for_display("tab\there"), "tab\\x09here");
  EXPECT_EQ(sanitize_for_display("\xe2\x80\xae"
                                 "evil"),
            "\\u{202e}evil");
  EXPECT_EQ(sanitize_for_display("bad\xff"), "bad\xef\xbf\xbd");
  EXPECT_EQ(sanitize_for_display("\xc2\x9b"
                                 "x"),
            "\\x9bx");
  EXPECT_EQ(sanitize_for_display("ok ✓ 中"), "ok ✓ 中");
}

TEST(NextCodePoint, RejectsOverlongAndSurrogates) {
  std::string overlong = "\xc0\xaf";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(overlong, pos), U'\xFFFD');
  std::string surrogate = "\xed\xa0\x80";
  pos = 0;
  EXPECT_EQ(next_code_point(surrogate, pos), U'\xFFFD');
  EXPECT_EQ(pos, 3u);
}

}  // namespace
}  // namespace papertree
