#pragma once

// The payload of a snapshot: the corpus' plain data, then the search index's arrays.

#include <memory>

#include "bytes.hpp"
#include "papertree/corpus/corpus.hpp"
#include "papertree/search/search.hpp"
#include "papertree/snapshot/snapshot.hpp"

namespace papertree {

namespace snapshot_detail {

void encode_corpus(ByteWriter& out, const CorpusData& data, const ProgressFn& progress);
CorpusData decode_corpus(ByteReader& in);

/// read_snapshot for bytes whose snapshot_problem was found empty (header and checksum checked):
/// decodes without checking them again (the checksum of a large snapshot is a pass over all of
/// it). The payload's own consistency is still checked.
LoadedSnapshot read_checked_snapshot(std::span<const char> bytes, const std::string& origin,
                                     const std::string& snapshot_name);
/// The same for a mapped snapshot file, whose index is left to `index_loader` (which keeps the
/// mapping).
LoadedSnapshot read_checked_snapshot(std::shared_ptr<const MappedFile> file,
                                     const std::string& origin, const std::string& snapshot_name);

/// Writes a list of strings as its length, then each string.
void put_strings(ByteWriter& out, const std::vector<std::string>& list);
/// Reads a list written by put_strings.
std::vector<std::string> get_strings(ByteReader& in);

}  // namespace snapshot_detail

/// Reads and writes SearchIndex's private arrays (it is the index's friend), so the snapshot
/// stores exactly what SearchIndex's own builder produced.
struct SnapshotAccess {
  static void encode_index(snapshot_detail::ByteWriter& out, const SearchIndex& index);
  /// Throws MalformedSnapshot unless every array is consistent with `corpus` and each other.
  static std::unique_ptr<SearchIndex> decode_index(snapshot_detail::ByteReader& in,
                                                   const Corpus& corpus);
};

}  // namespace papertree
