#include "fuzz_support.hpp"

#include <string>

#include "papertree/embedded.hpp"
#include "papertree/json/load.hpp"

namespace papertree::fuzz {

const Corpus& embedded_corpus() {
  static const Corpus corpus =
      load_corpus_text(embedded_corpus_json(), std::string(k_embedded_origin));
  return corpus;
}

}  // namespace papertree::fuzz
