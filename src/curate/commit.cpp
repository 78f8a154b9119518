// Writing an edit: the lock, the check of the result, the compare-and-swap write.
#include "papertree/curate/commit.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree {

namespace {

// The file a path names once its symbolic links are followed: edits through a link and through
// its target (or through two links) take the same lock. The path itself where it cannot be
// resolved (a file not there yet); the write reports what is wrong with it.
std::string resolved(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return path;
  std::string out(real);
  std::free(real);
  return out;
}

}  // namespace

CorpusLock::CorpusLock(const std::string& corpus_path, int timeout_ms) {
  std::string lock_path = resolved(corpus_path) + ".lock";
  m_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // An existing lock file in a directory we cannot write: flock works on a read-only descriptor,
  // and the write then fails where it should, with the write's own reason.
  const int create_error = errno;
  if (m_fd < 0 && (create_error == EROFS || create_error == EACCES)) {
    m_fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (m_fd < 0) {  // the reason the lock could not be created, not that it does not exist
    throw IoError(
        fmt::format("{}: cannot create the lock file: {}", lock_path, std::strerror(create_error)));
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string reason = std::strerror(errno);
      ::close(m_fd);
      throw IoError(fmt::format("{}: cannot lock: {}", lock_path, reason));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(m_fd);
      throw IoError(
          fmt::format("{}: another edit holds the lock {}; try again", corpus_path, lock_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

CorpusLock::~CorpusLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

std::string prepare_corpus_edit(const Corpus& before, const CorpusData& edited,
                                const ValidateOptions& options) {
  Corpus after = Corpus::build(edited, before.origin());
  auto key = [](const Finding& f) { return f.rule + '\n' + f.subject_id + '\n' + f.message; };
  std::set<std::string> old_errors;
  for (const Finding& f : validate_corpus(before, options).findings) {
    if (f.severity == Severity::error) old_errors.insert(key(f));
  }
  std::vector<const Finding*> fresh;
  ValidationReport report = validate_corpus(after, options);
  for (const Finding& f : report.findings) {
    if (f.severity == Severity::error && !old_errors.contains(key(f))) fresh.push_back(&f);
  }
  if (!fresh.empty()) {
    std::string detail;
    for (const Finding* f : fresh) {
      detail += fmt::format("  {}: error [{}] {} {}: {}\n", f->json_path, f->rule, f->subject_kind,
                            f->subject_id, f->message);
    }
    detail.pop_back();
    Location where{before.origin(), 0, 0, fresh.front()->json_path};
    throw DataError(where,
                    fmt::format("edit refused: it would add {} validation error{}; nothing written",
                                fresh.size(), fresh.size() == 1 ? "" : "s"),
                    detail);
  }
  return to_canonical_json(edited);
}

void write_corpus_edit(const std::string& path, std::string_view old_text,
                       const std::string& new_text) {
  if (read_file(path) != old_text) {
    throw IoError(fmt::format(
        "{}: changed by another program since it was read; nothing written (run the edit again)",
        path));
  }
  write_file_atomic(path, new_text, true);
}

}  // namespace papertree
