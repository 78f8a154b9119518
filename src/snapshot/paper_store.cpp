#include "paper_store.hpp"

#include <fmt/format.h>

#include <cstring>

#include "codec.hpp"
#include "papertree/error.hpp"
#include "papertree/snapshot/snapshot.hpp"

namespace papertree::snapshot_detail {

namespace {

constexpr std::uint32_t k_no_paper = 0xFFFFFFFFu;

std::uint64_t load64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

Section rank_section(SortKey key) {
  switch (key) {
    case SortKey::year:
      return rank_year;
    case SortKey::title:
      return rank_title;
    case SortKey::venue:
      return rank_venue;
    case SortKey::added:
      return rank_added;
  }
  return rank_year;
}

}  // namespace

void encode_head_counts(ByteWriter& out, const HeadCounts& counts) {
  out.u64(counts.papers);
  out.u64(counts.placements);
  out.u64(counts.dated);
  out.array(std::span<const std::uint64_t>(counts.direct_counts));
  out.array(std::span<const std::uint64_t>(counts.totals));
  out.array(std::span<const std::uint32_t>(counts.direct_start));
  for (const SectionRange& s : counts.sections) {
    out.u64(s.offset);
    out.u64(s.size);
  }
}

HeadCounts decode_head_counts(ByteReader& in) {
  HeadCounts counts;
  counts.papers = in.u64();
  counts.placements = in.u64();
  counts.dated = in.u64();
  counts.direct_counts = in.array<std::uint64_t>();
  counts.totals = in.array<std::uint64_t>();
  counts.direct_start = in.array<std::uint32_t>();
  for (SectionRange& s : counts.sections) {
    s.offset = in.u64();
    s.size = in.u64();
  }
  return counts;
}

std::uint64_t id_slot_hash(std::string_view id) {
  return snapshot_hash({id.data(), id.size()});
}

SnapshotPaperStore::SnapshotPaperStore(std::shared_ptr<const void> owner,
                                       std::span<const char> body,
                                       std::span<const char> chunk_sums, HeadCounts counts,
                                       std::string name, std::string hint)
    : m_owner(std::move(owner)),
      m_body(body),
      m_sums(chunk_sums),
      m_counts(std::move(counts)),
      m_name(std::move(name)),
      m_hint(std::move(hint)) {
  const std::uint64_t chunks = (m_body.size() + k_chunk_bytes - 1) / k_chunk_bytes;
  if (m_sums.size() != chunks * 8) malformed("bad chunk table");
  m_verified.assign(chunks, 0);
  const HeadCounts& c = m_counts;
  // Paper and placement numbers are 32-bit; the counts must fit what the sections hold.
  if (c.papers >= k_no_paper || c.placements >= k_no_paper || c.dated > c.papers)
    malformed("bad counts");
  for (const SectionRange& s : c.sections) {
    if (s.offset % 8 != 0 || s.offset > m_body.size() || s.size > m_body.size() - s.offset)
      malformed("a section outside the body");
  }
  auto sized = [&](Section s, std::uint64_t bytes) {
    if (c.sections[s].size != bytes) malformed("a section of the wrong size");
  };
  sized(record_start, (c.papers + 1) * 8);
  sized(placement_start, (c.papers + 1) * 4);
  sized(placement_cats, c.placements * 4);
  sized(Section::direct_papers, c.placements * 4);
  for (Section s : {rank_year, rank_title, rank_venue, rank_added}) sized(s, c.papers * 4);
  std::uint64_t slots = c.sections[id_slots].size / 4;
  if (slots * 4 != c.sections[id_slots].size || slots <= c.papers || (slots & (slots - 1)) != 0)
    malformed("bad id table");
  const std::size_t categories = c.direct_counts.size();
  if (c.totals.size() != categories || c.direct_start.size() != categories + 1 ||
      c.direct_start.front() != 0 || c.direct_start.back() != c.placements)
    malformed("bad category counts");
  for (std::size_t k = 0; k < categories; ++k) {
    if (c.direct_start[k] > c.direct_start[k + 1] ||
        c.direct_start[k + 1] - c.direct_start[k] != c.direct_counts[k])
      malformed("bad category counts");
  }
}

void SnapshotPaperStore::malformed(const std::string& what) const {
  Location where;
  where.file = m_name;
  throw DataError(where, fmt::format("cannot use this snapshot: malformed ({})", what), m_hint);
}

void SnapshotPaperStore::verify_range(std::uint64_t at, std::uint64_t size) const {
  if (size == 0) return;
  for (std::uint64_t k = at / k_chunk_bytes; k <= (at + size - 1) / k_chunk_bytes; ++k) {
    if (m_verified[k] != 0) continue;
    std::size_t begin = k * k_chunk_bytes;
    std::size_t length = std::min(k_chunk_bytes, m_body.size() - begin);
    if (snapshot_hash(m_body.subspan(begin, length)) != load64(m_sums.data() + 8 * k)) {
      Location where;
      where.file = m_name;
      throw DataError(where, "cannot use this snapshot: corrupted (checksum mismatch)", m_hint);
    }
    m_verified[k] = 1;
  }
}

std::span<const char> SnapshotPaperStore::bytes(Section s, std::uint64_t offset,
                                                std::uint64_t size) const {
  const SectionRange& range = m_counts.sections[s];
  if (offset > range.size || size > range.size - offset) malformed("a read outside its section");
  verify_range(range.offset + offset, size);
  return m_body.subspan(range.offset + offset, size);
}

void SnapshotPaperStore::verify(const void* data, std::size_t size) const {
  const char* p = static_cast<const char*>(data);
  if (p < m_body.data() || p > m_body.data() + m_body.size() ||
      size > static_cast<std::size_t>(m_body.data() + m_body.size() - p))
    malformed("a read outside the snapshot");
  verify_range(static_cast<std::uint64_t>(p - m_body.data()), size);
}

void SnapshotPaperStore::verify_all() const { verify_range(0, m_body.size()); }

std::uint32_t SnapshotPaperStore::u32_at(Section s, std::uint64_t i) const {
  std::uint32_t value;
  std::memcpy(&value, bytes(s, i * 4, 4).data(), sizeof value);
  return value;
}

std::uint64_t SnapshotPaperStore::u64_at(Section s, std::uint64_t i) const {
  return load64(bytes(s, i * 8, 8).data());
}

std::span<const char> SnapshotPaperStore::record(PaperIndex p) const {
  if (p >= m_counts.papers) malformed("a paper number out of range");
  std::uint64_t begin = u64_at(record_start, p);
  std::uint64_t end = u64_at(record_start, std::uint64_t{p} + 1);
  if (begin > end) malformed("bad record offsets");
  return bytes(records, begin, end - begin);
}

Paper SnapshotPaperStore::paper(PaperIndex p) const {
  try {
    ByteReader in(record(p));
    Paper paper = get_paper(in);
    if (in.remaining() != 0) throw MalformedSnapshot("bytes after a paper's record");
    return paper;
  } catch (const MalformedSnapshot& e) {
    malformed(e.what());
  }
}

std::optional<PaperIndex> SnapshotPaperStore::find_paper(std::string_view id) const {
  const std::uint64_t slots = m_counts.sections[id_slots].size / 4;
  const std::uint64_t mask = slots - 1;
  std::uint64_t slot = id_slot_hash(id) & mask;
  // A table always has an empty slot; a damaged one without any still ends.
  for (std::uint64_t probe = 0; probe < slots; ++probe, slot = (slot + 1) & mask) {
    std::uint32_t there = u32_at(id_slots, slot);
    if (there == k_no_paper) return std::nullopt;
    std::span<const char> rec = record(there);  // which starts with the id: size, bytes
    if (rec.size() < 4) malformed("a record too short");
    std::uint32_t size;
    std::memcpy(&size, rec.data(), sizeof size);
    if (size == id.size() && rec.size() - 4 >= size &&
        (size == 0 || std::memcmp(rec.data() + 4, id.data(), size) == 0))
      return there;
  }
  return std::nullopt;
}

std::span<const CategoryIndex> SnapshotPaperStore::paper_categories(PaperIndex p,
                                                                    std::size_t categories) const {
  if (p >= m_counts.papers) malformed("a paper number out of range");
  std::uint32_t begin = u32_at(placement_start, p);
  std::uint32_t end = u32_at(placement_start, std::uint64_t{p} + 1);
  if (begin > end || end > m_counts.placements) malformed("bad placement offsets");
  std::span<const char> raw = bytes(placement_cats, std::uint64_t{begin} * 4,
                                    std::uint64_t{end - begin} * 4);
  // Sections are 8-aligned in a page-aligned mapping (or a heap buffer), so this is aligned.
  std::span<const CategoryIndex> cats(reinterpret_cast<const CategoryIndex*>(raw.data()),
                                      end - begin);
  for (CategoryIndex c : cats)
    if (c >= categories) malformed("a placement in an unknown category");
  return cats;
}

std::span<const PaperIndex> SnapshotPaperStore::direct_papers(CategoryIndex c) const {
  if (c + 1 >= m_counts.direct_start.size()) malformed("a category number out of range");
  std::uint32_t begin = m_counts.direct_start[c];
  std::uint32_t end = m_counts.direct_start[c + 1];
  std::span<const char> raw =
      bytes(Section::direct_papers, std::uint64_t{begin} * 4, std::uint64_t{end - begin} * 4);
  std::span<const PaperIndex> papers(reinterpret_cast<const PaperIndex*>(raw.data()),
                                     end - begin);
  for (std::size_t k = 0; k < papers.size(); ++k) {
    if (papers[k] >= m_counts.papers || (k > 0 && papers[k] <= papers[k - 1]))
      malformed("bad direct papers of a category");
  }
  return papers;
}

std::uint32_t SnapshotPaperStore::sort_rank(SortKey key, PaperIndex p) const {
  if (p >= m_counts.papers) malformed("a paper number out of range");
  std::uint32_t rank = u32_at(rank_section(key), p);
  if (rank >= m_counts.papers) malformed("a sort position out of range");
  return rank;
}

std::unique_ptr<SearchIndex> SnapshotPaperStore::decode_index(
    const Corpus& corpus, std::shared_ptr<const SnapshotPaperStore> self) const {
  const SectionRange& range = m_counts.sections[index];
  try {
    ByteReader in(m_body.subspan(range.offset, range.size));
    in.set_check([this](const char* at, std::size_t size) { verify(at, size); });
    std::unique_ptr<SearchIndex> decoded =
        SnapshotAccess::decode_index(in, corpus, std::move(self), *this);
    if (in.remaining() != 0) throw MalformedSnapshot("bytes after the index");
    return decoded;
  } catch (const MalformedSnapshot& e) {
    malformed(e.what());
  }
}

}  // namespace papertree::snapshot_detail
