#include "../../src/render/export_common.hpp"

#include <gtest/gtest.h>

namespace papertree::detail {
namespace {

TEST(IsScriptUrl, RefusesSchemesThatRunCodeInAnyDisguise) {
  EXPECT_TRUE(is_script_url("javascript:alert(1)"));
  EXPECT_TRUE(is_script_url(" JaVaScRiPt:alert(1)"));
  EXPECT_TRUE(is_script_url("\x01\x02javascript:alert(1)"));
  EXPECT_TRUE(is_script_url("java\tscr\nipt:alert(1)"));
  EXPECT_TRUE(is_script_url("vbscript:msgbox(1)"));
  EXPECT_TRUE(is_script_url("DATA:text/html,<script>x</script>"));
  EXPECT_TRUE(is_script_url("javascript&#58;alert(1)"));  // markdown decodes the entity
  EXPECT_TRUE(is_script_url("javascript\\:alert(1)"));    // and the backslash escape
}

TEST(IsScriptUrl, KeepsWebAndRelativeLinks) {
  EXPECT_FALSE(is_script_url("https://example.org/?a=1&b=javascript:x"));
  EXPECT_FALSE(is_script_url("http://example.org/data:x"));
  EXPECT_FALSE(is_script_url("mailto:someone@example.org"));
  EXPECT_FALSE(is_script_url("docs/javascript.md"));
  EXPECT_FALSE(is_script_url("#data"));
  EXPECT_FALSE(is_script_url(""));
}

TEST(PercentEncodeUrl, EncodesControlsBidiAndInvalidBytes) {
  EXPECT_EQ(percent_encode_url("https://x.org/a\x1b"
                               "b\x7f",
                               ""),
            "https://x.org/a%1Bb%7F");
  EXPECT_EQ(percent_encode_url("https://x.org/\u0085\u009b", ""), "https://x.org/%C2%85%C2%9B");
  EXPECT_EQ(percent_encode_url("https://x.org/\u202egnp.exe\u2066\u2069\u200e\u200f\u061c", ""),
            "https://x.org/%E2%80%AEgnp.exe%E2%81%A6%E2%81%A9%E2%80%8E%E2%80%8F%D8%9C");
  EXPECT_EQ(percent_encode_url("https://x.org/\xff", ""), "https://x.org/%FF");
}

TEST(PercentEncodeUrl, KeepsOtherUnicodeAndEncodesTheCallersCharacters) {
  EXPECT_EQ(percent_encode_url("  https://x.org/Déjà_中 ", ""), "https://x.org/Déjà_中");
  EXPECT_EQ(percent_encode_url("https://x.org/\uFFFD", ""), "https://x.org/\uFFFD");
  EXPECT_EQ(percent_encode_url("https://x.org/a b{c}", " {}"), "https://x.org/a%20b%7Bc%7D");
}

}  // namespace
}  // namespace papertree::detail
