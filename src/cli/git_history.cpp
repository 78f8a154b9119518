// Running git for `import --history`. No shell: arguments go to posix_spawnp as they are.
#include "git_history.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "papertree/error.hpp"

extern char** environ;

namespace papertree::cli {

namespace {

struct Output {
  int status = -1;  // exit status, -1 when killed by a signal
  std::string out;
};

// Runs `args` (args[0] looked up in PATH) with stdout captured and stderr discarded.
Output run(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    throw IoError(std::string("cannot run git: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    if (spawned == ENOENT)
      throw IoError("--history needs git, and git is not installed (not in PATH)");
    throw IoError(std::string("cannot run git: ") + std::strerror(spawned));
  }
  Output result;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (result.status == 127) throw IoError("--history needs git, and git could not be run");
  return result;
}

}  // namespace

std::vector<ListVersion> read_git_history(const std::string& file) {
  namespace fs = std::filesystem;
  fs::path path(file);
  std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
  std::string name = path.filename().string();
  if (run({"git", "-C", dir, "rev-parse", "--is-inside-work-tree"}).status != 0) {
    throw UsageError(file + " is not in a git repository; --history reads the file's git log");
  }
  Output log = run({"git", "-C", dir, "log", "--reverse", "--format=%H %cs", "--", name});
  if (log.status != 0) throw UsageError("git log failed for " + file);
  std::vector<ListVersion> versions;
  std::istringstream lines(log.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    ListVersion version;
    version.commit = line.substr(0, space);
    version.date = line.substr(space + 1);
    Output shown = run({"git", "-C", dir, "show", version.commit + ":./" + name});
    if (shown.status != 0) continue;  // the commit deleted the file
    version.text = std::move(shown.out);
    versions.push_back(std::move(version));
  }
  if (versions.empty()) {
    throw UsageError(file + " has no committed versions in its git repository");
  }
  return versions;
}

}  // namespace papertree::cli
