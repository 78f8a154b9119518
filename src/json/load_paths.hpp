#pragma once

#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"

namespace papertree::detail {

/// parse_corpus without the fast reader: nlohmann's SAX path alone. parse_corpus must give the
/// same data or the same error for every text; the corpus fuzz target checks that.
CorpusData parse_corpus_precisely(std::string_view text, const std::string& origin);

/// parse_corpus with a second thread reading the papers array from `split_at` on (npos: one
/// thread), whatever the text's size: the same data or the same error for every `split_at`
/// (the corpus fuzz target and the loader's tests check that). parse_corpus picks the point.
CorpusData parse_corpus_split(std::string_view text, const std::string& origin,
                              std::size_t split_at);

}  // namespace papertree::detail
