#include "context.hpp"

#include <cstdlib>

#include "papertree/embedded.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

std::string Context::corpus_file() const {
  if (!corpus_path.empty()) return corpus_path;
  if (const char* env = std::getenv("PAPERTREE_CORPUS"); env != nullptr) return env;
  return {};
}

const Corpus& Context::corpus() {
  if (!m_corpus) {
    std::string path = corpus_file();
    m_corpus = std::make_unique<Corpus>(
        path.empty() ? load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin))
                     : load_corpus_file(path));
  }
  return *m_corpus;
}

const Terminal& Context::terminal() {
  if (!m_terminal) m_terminal = Terminal::detect(color_mode);
  return *m_terminal;
}

}  // namespace papertree::cli
