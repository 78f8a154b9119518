#include "context.hpp"

#include <cstdlib>

#include "papertree/embedded.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

const Corpus& Context::corpus() {
  if (!m_corpus) {
    std::string path = corpus_path;
    if (path.empty()) {
      if (const char* env = std::getenv("PAPERTREE_CORPUS"); env != nullptr) path = env;
    }
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
