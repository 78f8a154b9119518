#pragma once

#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"
#include "papertree/curate/validate.hpp"

namespace papertree {

/// An exclusive lock on a corpus file for the length of one edit: flock(2) on `PATH.lock` (a
/// file kept next to the corpus, created when missing; PATH with its symbolic links followed,
/// so that edits through a link and through its target take one lock). The kernel drops the lock when the
/// process ends, however it ends, so a killed edit never leaves a stale lock. Waits up to
/// `timeout_ms` for another edit to finish, then throws IoError. Advisory: it orders papertree
/// edits; other writers are caught by the content check of write_corpus_edit.
class CorpusLock {
 public:
  explicit CorpusLock(const std::string& corpus_path, int timeout_ms = 10000);
  ~CorpusLock();
  CorpusLock(const CorpusLock&) = delete;
  CorpusLock& operator=(const CorpusLock&) = delete;

 private:
  int m_fd = -1;
};

/// Checks an edited corpus before it is written: it must build (else the DataError of the
/// loader, naming the JSON path) and must have no validation error that `before` did not have
/// (else DataError "edit refused", the new errors as detail). Returns the canonical text.
std::string prepare_corpus_edit(const Corpus& before, const CorpusData& edited,
                                const ValidateOptions& options);

/// Writes `new_text` over `path` atomically (temporary file, fsync, rename), after checking that
/// the file still holds `old_text` (compare-and-swap on the content: a change by another program
/// since it was read is refused with IoError and nothing is written).
void write_corpus_edit(const std::string& path, std::string_view old_text,
                       const std::string& new_text);

}  // namespace papertree
