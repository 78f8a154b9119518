#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "papertree/text/text.hpp"

namespace papertree {
namespace {

// Emoji sequences, spelled out so that the bytes are visible.
const std::string k_family =
    "\U0001F468\u200D\U0001F469\u200D\U0001F467";            // man ZWJ woman ZWJ girl
const std::string k_thumbs_medium = "\U0001F44D\U0001F3FD";  // thumbs up, skin tone
const std::string k_flag_fr = "\U0001F1EB\U0001F1F7";        // regional F + R
const std::string k_heart_emoji = "\u2764\uFE0F";            // heart + VS16

TEST(FoldCaseAccents, UsesUnicodeCaseFolding) {
  EXPECT_EQ(fold_case_accents("ΣΟΦΊΑ"), "σοφια");
  EXPECT_EQ(fold_case_accents("ПРИВЕТ Ёж"), "привет еж");
  EXPECT_EQ(fold_case_accents("Straße STRASSE"), "strasse strasse");
  EXPECT_EQ(fold_case_accents("Ǆemal"), "dzemal");  // compatibility digraph, caron removed
}

TEST(FoldCaseAccents, UnifiesCompatibilityForms) {
  EXPECT_EQ(fold_case_accents("ﬁne-tuning"), "fine-tuning");  // ligature
  EXPECT_EQ(fold_case_accents("ＬＬＭ"), "llm");              // fullwidth
  EXPECT_EQ(fold_case_accents("x²"), "x2");
  EXPECT_EQ(fold_case_accents("quanti\u00ADzation"), "quantization");  // soft hyphen
}

TEST(FoldCaseAccents, StripsLatinAccentsPrecomposedOrCombining) {
  EXPECT_EQ(fold_case_accents("Crème Brûlée ÅNGSTRÖM"), "creme brulee angstrom");
  EXPECT_EQ(fold_case_accents("e\u0301te\u0301"), "ete");
  EXPECT_EQ(fold_case_accents("Nguyễn Đức"), "nguyen duc");
  EXPECT_EQ(fold_case_accents("Łódź Øresund Æsir"), "lodz oresund aesir");
}

TEST(FoldCaseAccents, TurkishDottedAndDotlessIMeet) {
  EXPECT_EQ(fold_case_accents("KIRMIZI"), fold_case_accents("kırmızı"));
  EXPECT_EQ(fold_case_accents("İstanbul"), "istanbul");
  EXPECT_EQ(fold_case_accents("ısı"), "isi");
}

TEST(FoldCaseAccents, KeepsMarksThatArePartOfOtherScripts) {
  // Devanagari vowel signs and virama, Arabic vowel points, Japanese voicing marks stay.
  EXPECT_EQ(fold_case_accents("हिन्दी"), "हिन्दी");
  EXPECT_EQ(fold_case_accents("كَتَبَ"), "كَتَبَ");
  EXPECT_EQ(fold_case_accents("デコード"), "デコード");
  EXPECT_EQ(fold_case_accents("한국어"), "한국어");  // Hangul decomposes and recomposes
  EXPECT_EQ(fold_case_accents("中文 模型"), "中文 模型");
}

TEST(FoldCaseAccents, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(fold_case_accents("Ab\xff"), "ab\uFFFD");
}

TEST(DisplayWidth, EveryScript) {
  EXPECT_EQ(display_width("大規模言語モデル"), 16u);
  EXPECT_EQ(display_width("한국어"), 6u);
  EXPECT_EQ(display_width("ＬＬＭ"), 6u);  // fullwidth forms
  EXPECT_EQ(display_width("العربية"), 7u);
  EXPECT_EQ(display_width("עברית"), 5u);
  EXPECT_EQ(display_width("हिन्दी"), 3u);   // vowel signs and virama take no column
  EXPECT_EQ(display_width("ok ✓ ✗"), 6u);  // narrow symbols
  EXPECT_EQ(display_width("✅❌⚡"), 6u);     // wide emoji symbols
}

TEST(DisplayWidth, CombiningMarksTakeNoColumn) {
  EXPECT_EQ(display_width("e\u0301"), 1u);
  EXPECT_EQ(display_width("a\u0300\u0301\u0302"), 1u);
  EXPECT_EQ(display_width("zero\u200Bwidth"), 9u);
}

TEST(DisplayWidth, EmojiSequencesAreOneWideGlyph) {
  EXPECT_EQ(display_width(k_family), 2u);
  EXPECT_EQ(display_width(k_thumbs_medium), 2u);
  EXPECT_EQ(display_width(k_flag_fr), 2u);
  EXPECT_EQ(display_width(k_heart_emoji), 2u);
  EXPECT_EQ(display_width(k_flag_fr + k_family + "ab"), 6u);
}

TEST(NextGrapheme, KeepsSequencesTogether) {
  std::string s = "a" + k_family + "e\u0301" + k_flag_fr + k_flag_fr;
  std::vector<std::string> clusters;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t end = next_grapheme(s, pos);
    clusters.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  std::vector<std::string> expected = {"a", k_family, "e\u0301", k_flag_fr, k_flag_fr};
  EXPECT_EQ(clusters, expected);
}

TEST(TruncateToWidth, NeverCutsAGraphemeCluster) {
  EXPECT_EQ(truncate_to_width("ab" + k_family + "cd", 4), "ab…");
  EXPECT_EQ(truncate_to_width("ab" + k_family + "cd", 5), "ab" + k_family + "…");
  EXPECT_EQ(truncate_to_width(k_thumbs_medium + k_thumbs_medium, 3), k_thumbs_medium + "…");
  EXPECT_EQ(truncate_to_width(k_flag_fr + k_flag_fr + "x", 4), k_flag_fr + "…");
  EXPECT_EQ(truncate_to_width("e\u0301e\u0301e\u0301e\u0301", 3), "e\u0301e\u0301…");
  EXPECT_EQ(truncate_to_width("हिन्दी भाषा", 4), "हिन्दी…");
  EXPECT_EQ(truncate_to_width("大規模言語モデル", 7), "大規模…");
}

TEST(BidiAndControls, AreRecognised) {
  for (char32_t cp :
       {U'\u061C', U'\u200E', U'\u200F', U'\u202A', U'\u202E', U'\u2066', U'\u2069'}) {
    EXPECT_TRUE(is_bidi_control(cp)) << static_cast<unsigned>(cp);
  }
  EXPECT_FALSE(is_bidi_control(U'\u200D'));
  EXPECT_TRUE(is_control_character(0x1B));
  EXPECT_TRUE(is_control_character(0x7F));
  EXPECT_TRUE(is_control_character(0x9B));
  EXPECT_FALSE(is_control_character(0xA0));
  EXPECT_EQ(sanitize_for_display("a\u200Fb\u061Cc"), "a\\u{200f}b\\u{061c}c");
}

TEST(WordCharacters, AreLettersMarksAndDigitsOfAnyScript) {
  for (char32_t cp : {U'a', U'Z', U'7', U'é', U'ß', U'Ω', U'ж', U'ع', U'ह', U'\u0941', U'量', U'ㄱ',
                      U'١', U'\u0301'})
    EXPECT_TRUE(is_word_character(cp)) << static_cast<unsigned>(cp);
  for (char32_t cp : {U' ', U'-', U'.', U'✓', U'→', U'™', U'“', U'、', U'，', U'🚀', U'\u200D',
                      U'\uFE0F', U'\uFFFD', U'×'})
    EXPECT_FALSE(is_word_character(cp)) << static_cast<unsigned>(cp);
}

TEST(Decoration, IsEmojiSymbolsAndJoinersNotLettersOrPunctuation) {
  for (char32_t cp : {U'🚀', U'🤖', U'\U0001F3FD', U'\U0001F1E9', U'\u200D', U'\uFE0F',
                      U'\U000E0067', U'\u20E3', U'✅', U'⭐', U'©', U'↔'})
    EXPECT_TRUE(is_decoration(cp)) << static_cast<unsigned>(cp);
  for (char32_t cp : {U'a', U'é', U'量', U':', U'-', U'(', U'\u00AD', U'\u0301', U'“', U'→', U'×',
                      U'±', U'≥', U'°'})
    EXPECT_FALSE(is_decoration(cp)) << static_cast<unsigned>(cp);
}

}  // namespace
}  // namespace papertree
