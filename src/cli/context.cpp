#include "context.hpp"

#include <cstdlib>

#include "option_values.hpp"
#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

const Corpus& Context::corpus() {
  if (!m_corpus) {
    std::string path = corpus_path;
    if (path.empty()) {
      if (const char* env = std::getenv("PAPERTREE_CORPUS"); env != nullptr) path = env;
    }
    if (path.empty()) {
      m_corpus = std::make_unique<Corpus>(
          load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin)));
    } else if (path == "-") {
      CorpusData data = parse_corpus(read_input(path), "<stdin>");
      m_corpus = std::make_unique<Corpus>(Corpus::build(std::move(data), "<stdin>"));
    } else {
      m_corpus = std::make_unique<Corpus>(load_corpus_file(path, input_limit()));
    }
  }
  return *m_corpus;
}

const Terminal& Context::terminal() {
  if (!m_terminal) m_terminal = Terminal::detect(color_mode);
  return *m_terminal;
}

std::string Context::read_input(const std::string& path) const {
  if (path == "-") return read_descriptor(0, "<stdin>", input_limit());
  return read_file(path, input_limit());
}

std::size_t Context::input_limit() const {
  if (!max_input.empty()) return parse_byte_size(max_input, "--max-input");
  const char* env = std::getenv("PAPERTREE_MAX_INPUT");
  if (env != nullptr && *env != '\0') return parse_byte_size(env, "PAPERTREE_MAX_INPUT");
  return k_default_max_input;
}

}  // namespace papertree::cli
