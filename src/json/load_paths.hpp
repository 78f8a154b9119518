#pragma once

#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"

namespace papertree::detail {

/// parse_corpus without the fast reader: nlohmann's SAX path alone. parse_corpus must give the
/// same data or the same error for every text; the corpus fuzz target checks that.
CorpusData parse_corpus_precisely(std::string_view text, const std::string& origin);

}  // namespace papertree::detail
