#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace papertree {
namespace {

namespace fs = std::filesystem;

TEST(TempDirectory, IsFreshAndRemovedWithWhatItHolds) {
  std::string path;
  {
    test::TempDirectory dir;
    path = dir.path();
    ASSERT_TRUE(fs::is_directory(path));
    EXPECT_TRUE(fs::is_empty(path));
    fs::create_directories(dir.file("sub/deeper"));
    std::ofstream(dir.file("sub/deeper/f.txt")) << "x";
    test::TempDirectory other;
    EXPECT_NE(other.path(), path);
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace papertree
