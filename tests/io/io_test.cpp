#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "papertree/error.hpp"
#include "papertree/io/io.hpp"

namespace papertree {
namespace {

namespace fs = std::filesystem;

class AtomicWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("papertree-io-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::size_t files_in_dir() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }
  fs::path dir;
};

TEST_F(AtomicWrite, WritesContentAndLeavesNoTemporaryFile) {
  std::string path = (dir / "out.json").string();
  write_file_atomic(path, "hello\n");
  EXPECT_EQ(read_file(path), "hello\n");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(AtomicWrite, RefusesToOverwriteWithoutPermission) {
  std::string path = (dir / "out.json").string();
  write_file_atomic(path, "first");
  try {
    write_file_atomic(path, "second", false);
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(e.exit_code(), ExitCode::io);
    EXPECT_EQ(std::string(e.what()), path + ": already exists (use --force to overwrite)");
  }
  EXPECT_EQ(read_file(path), "first");
  write_file_atomic(path, "second", true);
  EXPECT_EQ(read_file(path), "second");
}

TEST_F(AtomicWrite, MissingDirectoryIsAnIoErrorAndWritesNothing) {
  std::string path = (dir / "no" / "such" / "out.json").string();
  EXPECT_THROW(write_file_atomic(path, "x"), IoError);
  EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(AtomicWrite, OverwriteKeepsTheReplacedFilesPermissions) {
  std::string path = (dir / "private.json").string();
  write_file_atomic(path, "first");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  write_file_atomic(path, "second", true);
  EXPECT_EQ(read_file(path), "second");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(AtomicWrite, OverwriteThroughASymlinkWritesItsTarget) {
  std::string real = (dir / "real.json").string();
  std::string link = (dir / "link.json").string();
  write_file_atomic(real, "old");
  fs::create_symlink("real.json", link);
  write_file_atomic(link, "new", true);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read_file(real), "new");
  EXPECT_EQ(files_in_dir(), 2u);
}

TEST_F(AtomicWrite, RefusesADanglingSymlinkWithoutPermission) {
  std::string link = (dir / "dangling.json").string();
  fs::create_symlink("nowhere.json", link);
  EXPECT_THROW(write_file_atomic(link, "x", false), IoError);
  EXPECT_FALSE(fs::exists(dir / "nowhere.json"));
}

TEST(ReadFile, DirectoryIsAnIoError) {
  try {
    read_file("/");
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), "/: cannot read: is a directory");
  }
}

}  // namespace
}  // namespace papertree
