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

  /// The corpus named by --corpus / PAPERTREE_CORPUS, or the embedded one. Loaded once.
  const Corpus& corpus();
  /// stdout's terminal facts, detected once.
  const Terminal& terminal();

 private:
  std::unique_ptr<Corpus> m_corpus;
  std::optional<Terminal> m_terminal;
};

}  // namespace papertree::cli
