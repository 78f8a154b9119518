#include <gtest/gtest.h>

#include "papertree/corpus/venue.hpp"

namespace papertree {
namespace {

TEST(NormalizeVenue, MisspellingsAndOldNamesMapToTheCanonicalName) {
  EXPECT_EQ(normalize_venue("NeurlPS"), "NeurIPS");
  EXPECT_EQ(normalize_venue("NIPS"), "NeurIPS");
  EXPECT_EQ(normalize_venue("neurips"), "NeurIPS");
  EXPECT_EQ(normalize_venue("Arxiv"), "arXiv");
  EXPECT_EQ(normalize_venue("ARXIV"), "arXiv");
  EXPECT_EQ(normalize_venue("EMNLP-Findings"), "EMNLP Findings");
  EXPECT_EQ(normalize_venue("AACL-Findings"), "AACL Findings");
  EXPECT_EQ(normalize_venue("NAACL-HLT"), "NAACL");
  EXPECT_EQ(normalize_venue("ACL-Short"), "ACL");
}

TEST(NormalizeVenue, YearInTheVenueIsDropped) {
  EXPECT_EQ(normalize_venue("ICLR 2023"), "ICLR");
  EXPECT_EQ(normalize_venue("ICML, 2024"), "ICML");
  EXPECT_EQ(normalize_venue("NeurIPS  Workshop 2023"), "NeurIPS Workshop");
}

TEST(NormalizeVenue, SpacesAreTrimmedAndUnknownVenuesKeptAsGiven) {
  EXPECT_EQ(normalize_venue("  EMNLP "), "EMNLP");
  EXPECT_EQ(normalize_venue("Some Workshop"), "Some Workshop");
  EXPECT_EQ(normalize_venue(" Some Workshop 2023 "), "Some Workshop 2023");
  EXPECT_EQ(normalize_venue(""), "");
}

TEST(SameVenue, ComparesNormalisedNamesIgnoringCase) {
  EXPECT_TRUE(same_venue("NeurlPS", "neurips"));
  EXPECT_TRUE(same_venue("Some Venue", "some venue"));
  EXPECT_FALSE(same_venue("ICML", "ICLR"));
}

TEST(KnownVenue, CanonicalNamesAndAliasesAreKnown) {
  EXPECT_TRUE(is_known_venue("arXiv"));
  EXPECT_TRUE(is_known_venue("NIPS"));
  EXPECT_TRUE(is_known_venue("usenix  atc"));
  EXPECT_FALSE(is_known_venue("Pre-training"));
  EXPECT_FALSE(is_known_venue(""));
}

}  // namespace
}  // namespace papertree
