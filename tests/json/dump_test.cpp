#include "papertree/json/dump.hpp"

#include <gtest/gtest.h>

namespace papertree {
namespace {

TEST(JsonText, EscapesC1BidiAndSeparatorsAsUnicodeEscapes) {
  nlohmann::ordered_json value = {{"t",
                                   "a\u0085b\u009b\u202ec\u2066\u2069\u200e\u200f\u061c"
                                   "\x7f\u2028\u2029"}};
  EXPECT_EQ(json_text(value),
            R"({"t":"a\u0085b\u009b\u202ec\u2066\u2069\u200e\u200f\u061c\u007f\u2028\u2029"})");
}

TEST(JsonText, IsTheSameValueWhenReadBack) {
  std::string text = "x\u0085\u202e\x1b\ty \u4e2d \U0001F916";
  nlohmann::ordered_json value = {{"t", text}};
  EXPECT_EQ(nlohmann::ordered_json::parse(json_text(value, 2))["t"], text);
}

TEST(JsonText, KeepsOtherCharactersAndIndents) {
  nlohmann::ordered_json value = {{"t", "Déjà 中文 ✓"}};
  EXPECT_EQ(json_text(value, 2), "{\n  \"t\": \"Déjà 中文 ✓\"\n}");
  EXPECT_EQ(json_text(nlohmann::ordered_json("bad\xff")), "\"bad\uFFFD\"");
}

}  // namespace
}  // namespace papertree
