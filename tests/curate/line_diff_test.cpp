#include "papertree/curate/line_diff.hpp"

#include <gtest/gtest.h>

namespace papertree {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  EXPECT_EQ(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n", "a/f", "b/f"),
            "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, InsertionsDeletionsAndSeparateHunks) {
  std::string a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
  std::string b = "a\nB\nb\nc\nd\ne\nf\ng\nh\ni\nj\nl\n";
  EXPECT_EQ(unified_diff(a, b, "o", "n", 1),
            "--- o\n+++ n\n@@ -1,2 +1,3 @@\n a\n+B\n b\n@@ -10,3 +11,2 @@\n j\n-k\n l\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsShown) {
  EXPECT_EQ(unified_diff("a\n", "a", "o", "n"),
            "--- o\n+++ n\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("", "x\n", "o", "n"), "--- o\n+++ n\n@@ -0,0 +1 @@\n+x\n");
}

}  // namespace
}  // namespace papertree
