#pragma once

// The parts of a snapshot: the corpus' head data (everything but the papers), paper records,
// and the search index's arrays.

#include <memory>

#include "bytes.hpp"
#include "paper_store.hpp"
#include "papertree/corpus/corpus.hpp"
#include "papertree/search/search.hpp"
#include "papertree/snapshot/snapshot.hpp"

namespace papertree {

namespace snapshot_detail {

/// Title, source, taxonomy, frameworks and unknown keys of `data`; not its papers.
void encode_corpus_head(ByteWriter& out, const CorpusData& data);
CorpusData decode_corpus_head(ByteReader& in);
/// One paper's record.
void put_paper(ByteWriter& out, const Paper& p);
Paper get_paper(ByteReader& in);

/// Opens snapshot `bytes` whose snapshot_problem was found empty (header, head and chunk table
/// checked): decodes the head and leaves the papers in place, read through a store that keeps
/// `owner` (which holds the bytes) and checks each chunk of the body on first use. The index is
/// left to `index_loader`. `hint` is the rebuild command damage messages suggest.
/// Where the parts of snapshot bytes lie, from a header that snapshot_problem accepts.
struct Layout {
  std::size_t head_at = 0, head_size = 0, sums_at = 0, body_at = 0, body_size = 0;
};
Layout layout_of(std::span<const char> bytes);
/// Recomputes the chunk sums and the header checksum of snapshot bytes, so that a change made to
/// them is not caught by the checksums (the tests' way to reach the checks behind them).
void reseal(std::string& bytes);

/// "rebuild it with: papertree index CORPUS -o NAME", for a snapshot file given by name.
std::string rebuild_hint(const std::string& snapshot_name);

LoadedSnapshot open_checked_snapshot(std::shared_ptr<const void> owner,
                                     std::span<const char> bytes, const std::string& origin,
                                     const std::string& snapshot_name, const std::string& hint);

/// Writes a list of strings as its length, then each string.
void put_strings(ByteWriter& out, const std::vector<std::string>& list);
/// Reads a list written by put_strings.
std::vector<std::string> get_strings(ByteReader& in);

}  // namespace snapshot_detail

/// Reads and writes SearchIndex's private arrays (it is the index's friend), so the snapshot
/// stores exactly what SearchIndex's own builder produced.
struct SnapshotAccess {
  static void encode_index(snapshot_detail::ByteWriter& out, const SearchIndex& index);
  /// The index of `corpus` as `in` holds it, its arrays used where they are (`keep` keeps them
  /// alive; `bytes` checks them on first use). Throws MalformedSnapshot unless the sizes are
  /// consistent with `corpus` and each other.
  static std::unique_ptr<SearchIndex> decode_index(snapshot_detail::ByteReader& in,
                                                   const Corpus& corpus,
                                                   std::shared_ptr<const void> keep,
                                                   const InPlaceBytes& bytes);
};

}  // namespace papertree
