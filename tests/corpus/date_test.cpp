#include <gtest/gtest.h>

#include "papertree/corpus/date.hpp"

namespace papertree {
namespace {

TEST(IsIsoDate, AcceptsRealDays) {
  EXPECT_TRUE(is_iso_date("2023-01-31"));
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_TRUE(is_iso_date("1999-12-31"));
}

TEST(IsIsoDate, RefusesOtherShapesAndImpossibleDays) {
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_FALSE(is_iso_date("2023-04-31"));
  EXPECT_FALSE(is_iso_date("2023-13-01"));
  EXPECT_FALSE(is_iso_date("2023-00-10"));
  EXPECT_FALSE(is_iso_date("2023-1-05"));
  EXPECT_FALSE(is_iso_date("2023/01/05"));
  EXPECT_FALSE(is_iso_date("0999-01-01"));
  EXPECT_FALSE(is_iso_date("2023-01-05T00:00"));
  EXPECT_FALSE(is_iso_date(""));
}

}  // namespace
}  // namespace papertree
