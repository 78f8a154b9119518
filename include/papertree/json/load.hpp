#pragma once

#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"
#include "papertree/io/io.hpp"

namespace papertree {

/// The newest corpus format version this build reads and writes.
inline constexpr int k_corpus_version = 2;

/// Parses corpus JSON text into plain data, checking its structure. `origin` names the file in
/// errors: syntax errors carry line and column, structural errors the JSON path. Throws DataError.
CorpusData parse_corpus(std::string_view text, const std::string& origin);

/// parse_corpus followed by Corpus::build.
Corpus load_corpus_text(std::string_view text, const std::string& origin);

/// Reads and loads a corpus file (at most `max_bytes` of it, see read_file). Throws IoError when
/// it cannot be read or is too large, DataError when bad.
Corpus load_corpus_file(const std::string& path, std::size_t max_bytes = k_default_max_input);

/// An author as the corpus file holds it: {"family", "given"} (given omitted when empty) or
/// {"literal"}.
nlohmann::ordered_json author_to_json(const Author& author);

/// A paper as the corpus file holds it, in canonical key order, unknown keys kept after the known
/// ones.
nlohmann::ordered_json paper_to_json(const Paper& paper);

/// The canonical JSON form of a corpus: documented key order, unknown keys kept after the known
/// ones, papers in the order given.
nlohmann::ordered_json corpus_to_json(const CorpusData& data);

/// corpus_to_json dumped with a 2-space indent and a trailing newline.
std::string to_canonical_json(const CorpusData& data);

}  // namespace papertree
