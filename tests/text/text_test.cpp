#include <string>

#include <gtest/gtest.h>

#include "papertree/text/english.hpp"
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
  // A swap of two adjacent characters is one edit; a swap across a third is not.
  EXPECT_EQ(edit_distance("lroa", "lora"), 1u);
  EXPECT_EQ(edit_distance("serach", "search"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("abc", "cba"), 2u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
}

TEST(LikeliestName, AUniquePrefixThenTheNearestWithinAThird) {
  const std::vector<Spelling> formats = {{"csljson", "csljson"}, {"csl-json", "csljson"},
                                         {"html", "html"},       {"bibtex", "bibtex"},
                                         {"bib", "bibtex"},      {"json", "json"}};
  EXPECT_EQ(likeliest_name(formats, "csl"), "csljson");  // two spellings, one name
  EXPECT_EQ(likeliest_name(formats, "b"), "bibtex");
  EXPECT_EQ(likeliest_name(formats, "csl-jsn"), "csljson");  // one edit of seven letters
  EXPECT_EQ(likeliest_name(formats, "jsno"), "json");        // a swap is one edit
  EXPECT_EQ(likeliest_name(formats, "yaml"), "");   // two edits from html: more than a third
  EXPECT_EQ(likeliest_name(formats, "j"), "json");  // a prefix of one name
  EXPECT_EQ(likeliest_name({{"year", "year"}, {"yield", "yield"}}, "y"), "");  // of two: none
  EXPECT_EQ(likeliest_name({{"year", "year"}}, ""), "");
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

TEST(QuoteForMessage, ShortTextIsQuotedAndSanitized) {
  EXPECT_EQ(quote_for_message("lora"), "\"lora\"");
  EXPECT_EQ(quote_for_message("a\x1b[31mb"), "\"a\\x1b[31mb\"");
  EXPECT_EQ(quote_for_message(""), "\"\"");
}

TEST(QuoteForMessage, LongTextIsCutWithItsLength) {
  std::string url = "https://arxiv.org/abs/" + std::string(50000, '9');
  std::string quoted = quote_for_message(url);
  EXPECT_EQ(quoted, "\"https://arxiv.org/abs/" + std::string(37, '9') + "…\" (50022 bytes)");
  EXPECT_EQ(quote_for_message(std::string(10, 'x'), 10), "\"xxxxxxxxxx\"");
  EXPECT_EQ(quote_for_message(std::string(11, 'x'), 10), "\"xxxxxxxxx…\" (11 bytes)");
  // Wide characters count by columns and are never cut in half.
  EXPECT_EQ(quote_for_message("量子化量子化", 5), "\"量子…\" (18 bytes)");
}

TEST(TruncateLeftToWidth, KeepsTheEndWholeClusters) {
  EXPECT_EQ(truncate_left_to_width("abcdef", 6), "abcdef");
  EXPECT_EQ(truncate_left_to_width("abcdef", 4), "…def");
  EXPECT_EQ(truncate_left_to_width("量子化量子化", 5), "…子化");
  EXPECT_EQ(truncate_left_to_width("x👍🏽", 2), "…");
  EXPECT_EQ(truncate_left_to_width("abc", 0), "");
}

}  // namespace
}  // namespace papertree

TEST(English, CommonWordsAreKnownAndOthersAreNot) {
  EXPECT_TRUE(papertree::is_stop_word("the"));
  EXPECT_TRUE(papertree::is_stop_word("a"));
  EXPECT_TRUE(papertree::is_stop_word("with"));
  EXPECT_FALSE(papertree::is_stop_word("quantization"));
  EXPECT_FALSE(papertree::is_stop_word("The"));  // callers fold case first
  EXPECT_FALSE(papertree::is_stop_word(""));
  EXPECT_TRUE(papertree::is_english_word("soft"));
  EXPECT_TRUE(papertree::is_english_word("prompts"));
  EXPECT_TRUE(papertree::is_english_word("spare"));
  // Typos, technical words and proper names are not in the list; nor are short words.
  EXPECT_FALSE(papertree::is_english_word("prunign"));
  EXPECT_FALSE(papertree::is_english_word("quantizaton"));
  EXPECT_FALSE(papertree::is_english_word("lora"));
  EXPECT_FALSE(papertree::is_english_word("boston"));
  EXPECT_FALSE(papertree::is_english_word("the"));
  EXPECT_FALSE(papertree::is_english_word("Soft"));  // the caller folds case first
  EXPECT_FALSE(papertree::is_english_word(""));
}

TEST(SingularForm, FoldsThePluralEndingOnly) {
  EXPECT_EQ(papertree::singular_form("adapters"), "adapter");
  EXPECT_EQ(papertree::singular_form("strategies"), "strategy");
  EXPECT_EQ(papertree::singular_form("caches"), "cache");
  EXPECT_EQ(papertree::singular_form("llms"), "llm");
  EXPECT_EQ(papertree::singular_form("adaptation"), "adaptation");
  EXPECT_EQ(papertree::singular_form("loss"), "loss");
  EXPECT_EQ(papertree::singular_form("bus"), "bus");
  EXPECT_EQ(papertree::singular_form("ties"), "tie");  // too short for "ies" -> "y"
  EXPECT_EQ(papertree::singular_form("is"), "is");
  EXPECT_EQ(papertree::singular_form(""), "");
}
