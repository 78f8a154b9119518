#pragma once

// A compiled snapshot used in place: its papers, placements, id table and sort orders stay in
// the file's bytes (a mapping) and are read, checked and decoded only when a command asks for
// them. The layout is in snapshot.cpp and docs/performance.md ("The snapshot format").

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bytes.hpp"
#include "papertree/corpus/corpus.hpp"
#include "papertree/search/search.hpp"

namespace papertree::snapshot_detail {

/// The body of a snapshot is checked in chunks of this many bytes, each on first use.
inline constexpr std::size_t k_chunk_bytes = std::size_t{1} << 16;

/// The body's sections, in file order.
enum Section : std::size_t {
  records,          ///< every paper's record (put_paper), concatenated
  record_start,     ///< u64 × (papers + 1): where paper p's record starts in `records`
  placement_start,  ///< u32 × (papers + 1): paper p's categories are placement_cats[start[p]…]
  placement_cats,   ///< u32 × placements: category indexes
  direct_papers,    ///< u32 × placements: every category's direct papers (CSR by direct_start)
  id_slots,         ///< u32 × a power of two: open-addressing table of paper ids
  rank_year,        ///< u32 × papers: each paper's position in SortKey::year order
  rank_title,
  rank_venue,
  rank_added,
  index,            ///< SearchIndex's arrays (SnapshotAccess::encode_index)
  k_section_count
};

struct SectionRange {
  std::uint64_t offset = 0;  ///< from the start of the body, a multiple of 8
  std::uint64_t size = 0;    ///< bytes
};

/// What the head of a snapshot says besides the corpus' own head data.
struct HeadCounts {
  std::uint64_t papers = 0;
  std::uint64_t placements = 0;
  std::uint64_t dated = 0;
  std::vector<std::uint64_t> direct_counts;  ///< per category, pre-order
  std::vector<std::uint64_t> totals;         ///< per category
  std::vector<std::uint32_t> direct_start;   ///< categories + 1
  std::array<SectionRange, k_section_count> sections{};
};

void encode_head_counts(ByteWriter& out, const HeadCounts& counts);
HeadCounts decode_head_counts(ByteReader& in);

/// The hash of a paper id in the id_slots table.
std::uint64_t id_slot_hash(std::string_view id);

/// The snapshot body with its table of chunk checksums (itself covered by the header checksum).
/// Reads verify the chunks they touch first; damage throws DataError naming the snapshot.
class SnapshotPaperStore final : public PaperStore, public InPlaceBytes {
 public:
  /// `owner` keeps `body` and `chunk_sums` alive. `name` is the snapshot's path for messages,
  /// `hint` the rebuild command they suggest. Throws DataError when the counts and sections do
  /// not fit the body.
  SnapshotPaperStore(std::shared_ptr<const void> owner, std::span<const char> body,
                     std::span<const char> chunk_sums, HeadCounts counts, std::string name,
                     std::string hint);

  std::size_t paper_count() const override { return m_counts.papers; }
  std::size_t placement_count() const override { return m_counts.placements; }
  Paper paper(PaperIndex p) const override;
  std::optional<PaperIndex> find_paper(std::string_view id) const override;
  std::span<const CategoryIndex> paper_categories(PaperIndex p,
                                                  std::size_t categories) const override;
  std::span<const PaperIndex> direct_papers(CategoryIndex c) const override;
  std::uint32_t sort_rank(SortKey key, PaperIndex p) const override;
  std::size_t dated_count() const override { return m_counts.dated; }

  /// The search index of `corpus` (whose store this is), read in place from its section;
  /// `self` is this store, which the index keeps alive.
  std::unique_ptr<SearchIndex> decode_index(const Corpus& corpus,
                                            std::shared_ptr<const SnapshotPaperStore> self) const;
  void verify(const void* data, std::size_t size) const override;
  [[noreturn]] void malformed(const std::string& what) const override;
  /// Verifies every chunk now (read_snapshot of bytes in memory does).
  void verify_all() const;

 private:
  std::shared_ptr<const void> m_owner;
  std::span<const char> m_body;
  std::span<const char> m_sums;
  HeadCounts m_counts;
  std::string m_name;
  std::string m_hint;
  mutable std::vector<std::uint8_t> m_verified;  // per chunk

  /// Verifies the chunks of body bytes [at, at + size).
  void verify_range(std::uint64_t at, std::uint64_t size) const;
  /// The bytes [offset, offset + size) of section `s`, their chunks verified.
  std::span<const char> bytes(Section s, std::uint64_t offset, std::uint64_t size) const;
  std::uint32_t u32_at(Section s, std::uint64_t i) const;
  std::uint64_t u64_at(Section s, std::uint64_t i) const;
  std::span<const char> record(PaperIndex p) const;
};

}  // namespace papertree::snapshot_detail
