#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "papertree/corpus/corpus.hpp"
#include "terminal.hpp"

namespace papertree::cli {

/// What every subcommand shares: the global options and the corpus, loaded on first use.
struct Context {
  std::string corpus_path;  ///< --corpus, else $PAPERTREE_CORPUS, else empty (embedded); - stdin
  ColorMode color_mode = ColorMode::automatic;
  bool quiet = false;     ///< --quiet: no warnings on stderr
  std::string max_input;  ///< --max-input, else $PAPERTREE_MAX_INPUT, else the default cap

  /// The corpus named by --corpus / PAPERTREE_CORPUS, or the embedded one. Loaded once.
  const Corpus& corpus();
  /// stdout's terminal facts, detected once.
  const Terminal& terminal();
  /// The whole of an input file, or of standard input for "-", up to the input cap.
  std::string read_input(const std::string& path) const;
  /// The input cap in bytes: --max-input, $PAPERTREE_MAX_INPUT or k_default_max_input.
  std::size_t input_limit() const;

 private:
  std::unique_ptr<Corpus> m_corpus;
  std::optional<Terminal> m_terminal;
};

}  // namespace papertree::cli
