#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

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

TEST_F(AtomicWrite, EmptyPathIsAUsageError) {
  EXPECT_THROW(write_file_atomic("", "x"), UsageError);
}

TEST_F(AtomicWrite, ChainedSymlinksWriteTheFinalTargetAndStayLinks) {
  write_file_atomic((dir / "real.json").string(), "old");
  fs::create_symlink("real.json", dir / "b.json");
  fs::create_directories(dir / "sub");
  fs::create_symlink("../b.json", dir / "sub" / "a.json");
  write_file_atomic((dir / "sub" / "a.json").string(), "new", true);
  EXPECT_TRUE(fs::is_symlink(dir / "sub" / "a.json"));
  EXPECT_TRUE(fs::is_symlink(dir / "b.json"));
  EXPECT_EQ(read_file((dir / "real.json").string()), "new");
  EXPECT_EQ(files_in_dir(), 3u);
}

TEST_F(AtomicWrite, SymlinkLoopIsAnIoError) {
  fs::create_symlink("b", dir / "a");
  fs::create_symlink("a", dir / "b");
  std::string path = (dir / "a").string();
  try {
    write_file_atomic(path, "x", true);
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot write: too many levels of symbolic links");
  }
  EXPECT_EQ(files_in_dir(), 2u);
}

TEST_F(AtomicWrite, CharacterDeviceBehindASymlinkIsWrittenInPlace) {
  fs::create_symlink("/dev/null", dir / "sink");
  write_file_atomic((dir / "sink").string(), "discarded", true);
  write_file_atomic((dir / "sink").string(), "discarded", false);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  EXPECT_TRUE(fs::is_symlink(dir / "sink"));
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(AtomicWrite, FifoWithAReaderIsWrittenInPlace) {
  fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read_file(fifo.string()); });
  // The reader's open() blocks until a writer comes; retry until the reader is there.
  for (int i = 0;; ++i) {
    try {
      write_file_atomic(fifo.string(), "through the pipe", true);
      break;
    } catch (const IoError&) {
      ASSERT_LT(i, 500);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(AtomicWrite, FifoWithoutAReaderIsAnErrorNotAHang) {
  fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    write_file_atomic(fifo.string(), "x", true);
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), fifo.string() + ": cannot write: a FIFO with no reader");
  }
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(AtomicWrite, SocketAndDirectoryAreRefused) {
  fs::path sock = dir / "sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(sock.string().size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_THROW(write_file_atomic(sock.string(), "x", true), IoError);
  ::close(fd);
  EXPECT_TRUE(fs::is_socket(sock));
  fs::create_directories(dir / "d");
  EXPECT_THROW(write_file_atomic((dir / "d").string(), "x", true), IoError);
  EXPECT_TRUE(fs::is_directory(dir / "d"));
  EXPECT_EQ(files_in_dir(), 2u);
}

TEST_F(AtomicWrite, ReplacementDropsSetuidAndSetgidButKeepsOtherBits) {
  std::string path = (dir / "tool").string();
  write_file_atomic(path, "first");
  ASSERT_EQ(::chmod(path.c_str(), 06751), 0);
  write_file_atomic(path, "second", true);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0751u);
}

TEST_F(AtomicWrite, TemporaryOfAKilledWriteIsRemovedAndALiveOneKept) {
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(0);
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);
  fs::path stale = dir / (".out.json.tmp-" + std::to_string(child) + "-abcdef");
  fs::path live = dir / (".out.json.tmp-" + std::to_string(::getpid()) + "-abcdef");
  fs::path other = dir / (".other.json.tmp-" + std::to_string(child) + "-abcdef");
  for (const fs::path& p : {stale, live, other}) write_file_atomic(p.string(), "partial");
  write_file_atomic((dir / "out.json").string(), "whole");
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other));
  EXPECT_EQ(read_file((dir / "out.json").string()), "whole");
}

TEST(ReadFile, LargerThanTheLimitIsAnIoErrorNamingIt) {
  std::string path =
      (fs::temp_directory_path() / ("papertree-io-limit-" + std::to_string(::getpid()))).string();
  write_file_atomic(path, std::string(2048, 'x'));
  EXPECT_EQ(read_file(path, 2048).size(), 2048u);
  try {
    read_file(path, 2047);
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              path +
                  ": cannot read: larger than the input limit of 2047 bytes (raise it with "
                  "--max-input or PAPERTREE_MAX_INPUT)");
  }
  fs::remove(path);
}

TEST(ReadFile, EndlessCharacterDeviceStopsAtTheLimit) {
  try {
    read_file("/dev/zero", std::size_t{1} << 20);
    FAIL() << "expected an IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/dev/zero: cannot read: larger than the input limit of 1 MiB (raise it with "
              "--max-input or PAPERTREE_MAX_INPUT)");
  }
}

TEST(ReadFile, PipeIsReadToItsEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string sent(100000, 'p');
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < sent.size()) {
      ssize_t n = ::write(fds[1], sent.data() + done, sent.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  std::string got = read_descriptor(fds[0], "<stdin>", 200000);
  writer.join();
  ::close(fds[0]);
  EXPECT_EQ(got, sent);
}

TEST(FormatByteCount, UsesTheLargestExactBinaryUnit) {
  EXPECT_EQ(format_byte_count(100), "100 bytes");
  EXPECT_EQ(format_byte_count(1536), "1536 bytes");
  EXPECT_EQ(format_byte_count(2048), "2 KiB");
  EXPECT_EQ(format_byte_count(std::size_t{512} << 20), "512 MiB");
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
