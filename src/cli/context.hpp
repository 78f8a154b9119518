#pragma once

#include <memory>
#include <optional>
#include <string>

#include "papertree/corpus/corpus.hpp"
#include "terminal.hpp"

namespace papertree::cli {

/// What every subcommand shares: the global options and the corpus, loaded on first use.
struct Context {
  std::string corpus_path;  ///< --corpus, else $PAPERTREE_CORPUS, else empty (embedded)
  ColorMode color_mode = ColorMode::automatic;
  bool quiet = false;  ///< --quiet: no warnings on stderr
  int exit_code = 0;   ///< set by a command that ran but found problems (1, check_failed)

  /// The corpus file in use (--corpus, else $PAPERTREE_CORPUS); empty for the embedded corpus.
  std::string corpus_file() const;

  /// The corpus named by --corpus / PAPERTREE_CORPUS, or the embedded one. Loaded once.
  const Corpus& corpus();
  /// stdout's terminal facts, detected once.
  const Terminal& terminal();

 private:
  std::unique_ptr<Corpus> m_corpus;
  std::optional<Terminal> m_terminal;
};

}  // namespace papertree::cli
