#include "papertree/snapshot/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <numeric>

#include "codec.hpp"
#include "paper_store.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/corpus/thesaurus.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

using snapshot_detail::ByteReader;
using snapshot_detail::ByteWriter;
using snapshot_detail::MalformedSnapshot;
using snapshot_detail::HeadCounts;
using snapshot_detail::Section;
using snapshot_detail::k_chunk_bytes;

namespace {

constexpr std::uint32_t k_endian_marker = 0x01020304;
constexpr std::uint32_t k_flag_content_hash = 1;

// The file starts with this, in the writer's byte order, then:
//   head        head_size bytes: the corpus' head data (encode_corpus_head) and HeadCounts
//   padding     to a multiple of 8
//   chunk sums  one u64 snapshot_hash per k_chunk_bytes of the body
//   body        body_size bytes: the sections of paper_store.hpp, each 8-aligned
// The header checksum covers every byte after its own field up to the body: the rest of the
// header, the head and the chunk sums. The body is checked chunk by chunk when it is read, so a
// command reads (and pages in) only the chunks it uses.
struct Header {
  char magic[8];
  std::uint32_t endian;
  std::uint32_t version;
  std::uint64_t payload_size;
  std::uint64_t checksum;
  std::uint64_t builder;  // fingerprint of the code that built the index (builder_fingerprint)
  std::uint64_t device;
  std::uint64_t inode;
  std::uint64_t size;
  std::int64_t mtime_ns;
  std::uint64_t content_hash;
  std::uint32_t flags;
  std::uint32_t reserved;
  std::uint64_t head_size;
  std::uint64_t body_size;
};
static_assert(sizeof(Header) == 104);
constexpr std::size_t k_checked_from = offsetof(Header, builder);

// Changes whenever the tokenizer folds words differently, the thesaurus (indexed as words of
// category names) differs, or the stored sort positions would come out otherwise (titles and
// venues are sorted by their case- and accent-folded text, venues after normalize_venue), so a
// snapshot made by a build that indexes or sorts otherwise is rebuilt rather than answering
// differently from the JSON path.
std::uint64_t builder_fingerprint() {
  static const std::uint64_t value = [] {
    std::string terms;
    for (const TextToken& t : tokenize(
             "Quantized KV-Caches: LLM.int8() scaling, 1.58-bit models; sparsely-gated Mixtures "
             "of Experts, distillation and pruning strategies for efficient inference"))
      terms += t.term + ' ';
    terms += fold_case_accents("\u00C9COLE \u00C5ngstr\u00F6m \u0130stanbul \u00DFtra\u00DFe \uFB01ne Na\u00EFve");
    for (std::string_view venue : {"Proc. of NeurIPS 2023", "arXiv preprint arXiv:2310.01", "ICML'24",
                                   "Findings of ACL 2024", "TMLR", "EMNLP (Findings)", ""})
      terms += '|' + normalize_venue(venue);
    terms += thesaurus_text();
    return snapshot_hash({terms.data(), terms.size()}) ^ k_snapshot_version;
  }();
  return value;
}

Location file_location(const std::string& name) {
  Location where;
  where.file = name;
  return where;
}

Header read_header(std::span<const char> bytes) {
  Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  return h;
}

std::uint64_t load64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

std::uint64_t align8(std::uint64_t n) { return (n + 7) / 8 * 8; }

// Where the parts of a snapshot whose header has been checked lie.
struct Parts {
  std::uint64_t head_at, head_size, sums_at, sums_size, body_at, body_size;
};

Parts parts_of(const Header& h) {
  Parts p{};
  p.head_at = sizeof(Header);
  p.head_size = h.head_size;
  p.sums_at = align8(p.head_at + h.head_size);
  p.sums_size = (h.body_size + k_chunk_bytes - 1) / k_chunk_bytes * 8;
  p.body_at = p.sums_at + p.sums_size;
  p.body_size = h.body_size;
  return p;
}

}  // namespace

std::uint64_t snapshot_hash(std::span<const char> bytes) {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
  std::uint64_t lanes[4] = {k, k ^ 0x1, k ^ 0x2, k ^ 0x3};
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int l = 0; l < 4; ++l) {
      std::uint64_t h = (lanes[l] ^ load64(p + i + 8 * l)) * k;
      lanes[l] = h ^ (h >> 29);
    }
  }
  char tail[32] = {};
  if (n > i) std::memcpy(tail, p + i, n - i);  // p may be null when n is 0
  std::uint64_t h = n;
  for (int l = 0; l < 4; ++l) {
    std::uint64_t m = (lanes[l] ^ load64(tail + 8 * l)) * k;
    h = (h ^ m ^ (m >> 31)) * k;
    h ^= h >> 32;
  }
  return h;
}

namespace {

using snapshot_detail::SectionRange;

template <class T>
void put_raw(ByteWriter& out, const std::vector<T>& values) {
  out.bytes().append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

constexpr std::size_t k_progress_step = 65536;

// The body's sections and the counts of the head that describe them.
std::string build_body(const Corpus& corpus, const SearchIndex& index, HeadCounts& counts,
                       const ProgressFn& progress) {
  using namespace snapshot_detail;
  const std::size_t n = corpus.paper_count();
  const std::size_t categories = corpus.categories().size();
  ByteWriter body;
  auto begin = [&](Section s) {
    body.align();
    counts.sections[s].offset = body.bytes().size();
  };
  auto end = [&](Section s) {
    counts.sections[s].size = body.bytes().size() - counts.sections[s].offset;
  };
  counts.papers = n;
  counts.placements = corpus.placement_count();

  std::vector<std::uint64_t> starts;
  starts.reserve(n + 1);
  begin(records);
  for (PaperIndex p = 0; p < n; ++p) {
    if (progress && p % k_progress_step == 0) progress({"writing", p, n});
    starts.push_back(body.bytes().size() - counts.sections[records].offset);
    put_paper(body, corpus.paper(p));
  }
  starts.push_back(body.bytes().size() - counts.sections[records].offset);
  end(records);
  if (progress) progress({"writing", n, n});
  begin(record_start);
  put_raw(body, starts);
  end(record_start);

  std::vector<std::uint32_t> placement_start;
  std::vector<std::uint32_t> cats;
  placement_start.reserve(n + 1);
  cats.reserve(counts.placements);
  for (PaperIndex p = 0; p < n; ++p) {
    placement_start.push_back(static_cast<std::uint32_t>(cats.size()));
    for (CategoryIndex c : corpus.paper_categories(p)) cats.push_back(c);
  }
  placement_start.push_back(static_cast<std::uint32_t>(cats.size()));
  begin(Section::placement_start);
  put_raw(body, placement_start);
  end(Section::placement_start);
  begin(placement_cats);
  put_raw(body, cats);
  end(placement_cats);

  std::vector<std::uint32_t> direct;
  direct.reserve(counts.placements);
  counts.direct_start.push_back(0);
  for (CategoryIndex c = 0; c < categories; ++c) {
    for (PaperIndex p : corpus.direct_papers(c)) direct.push_back(p);
    counts.direct_start.push_back(static_cast<std::uint32_t>(direct.size()));
    counts.direct_counts.push_back(corpus.category(c).direct_count);
    counts.totals.push_back(corpus.category(c).total_papers);
  }
  begin(direct_papers);
  put_raw(body, direct);
  end(direct_papers);

  std::size_t capacity = 16;
  while (capacity < 2 * n + 1) capacity *= 2;
  std::vector<std::uint32_t> slots(capacity, 0xFFFFFFFFu);
  for (PaperIndex p = 0; p < n; ++p) {
    std::size_t slot = id_slot_hash(corpus.paper(p).id) & (capacity - 1);
    while (slots[slot] != 0xFFFFFFFFu) slot = (slot + 1) & (capacity - 1);
    slots[slot] = p;
  }
  begin(id_slots);
  put_raw(body, slots);
  end(id_slots);

  // Each paper's position in every order, so a list sorts without decoding its papers.
  const std::pair<SortKey, Section> orders[] = {{SortKey::year, rank_year},
                                                {SortKey::title, rank_title},
                                                {SortKey::venue, rank_venue},
                                                {SortKey::added, rank_added}};
  for (const auto& [key, section] : orders) {
    if (progress) progress({"sorting", static_cast<std::size_t>(section - rank_year), 4});
    std::vector<PaperIndex> order(n);
    std::iota(order.begin(), order.end(), PaperIndex{0});
    sort_papers(corpus, order, SortOptions{key, false});
    std::vector<std::uint32_t> rank(n);
    for (std::size_t i = 0; i < n; ++i) rank[order[i]] = static_cast<std::uint32_t>(i);
    begin(section);
    put_raw(body, rank);
    end(section);
  }
  counts.dated = 0;
  for (PaperIndex p = 0; p < n; ++p)
    if (corpus.paper(p).added.size() == 10) ++counts.dated;

  begin(Section::index);
  SnapshotAccess::encode_index(body, index);
  end(Section::index);
  body.align();
  return std::move(body.bytes());
}

}  // namespace

std::string build_snapshot(const Corpus& corpus, const SearchIndex& index,
                           const SourceIdentity& source, const ProgressFn& progress) {
  HeadCounts counts;
  std::string body = build_body(corpus, index, counts, progress);
  ByteWriter head;
  snapshot_detail::encode_corpus_head(head, corpus.data_head());
  snapshot_detail::encode_head_counts(head, counts);

  Header h{};
  std::memcpy(h.magic, k_snapshot_magic.data(), sizeof h.magic);
  h.endian = k_endian_marker;
  h.version = k_snapshot_version;
  h.builder = builder_fingerprint();
  h.device = source.device;
  h.inode = source.inode;
  h.size = source.size;
  h.mtime_ns = source.mtime_ns;
  h.content_hash = source.content_hash;
  h.flags = source.has_content_hash ? k_flag_content_hash : 0;
  h.head_size = head.bytes().size();
  h.body_size = body.size();
  Parts parts = parts_of(h);
  h.payload_size = parts.body_at + parts.body_size - sizeof(Header);

  std::string bytes;
  bytes.reserve(parts.body_at + body.size());
  bytes.resize(sizeof(Header));
  bytes += head.bytes();
  bytes.resize(parts.sums_at, '\0');
  for (std::size_t at = 0; at < body.size(); at += k_chunk_bytes) {
    std::uint64_t sum = snapshot_hash({body.data() + at, std::min(k_chunk_bytes, body.size() - at)});
    bytes.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  }
  bytes += body;
  std::memcpy(bytes.data(), &h, sizeof h);
  h.checksum = snapshot_hash({bytes.data() + k_checked_from, parts.body_at - k_checked_from});
  std::memcpy(bytes.data(), &h, sizeof h);
  return bytes;
}

bool looks_like_snapshot(std::span<const char> bytes) {
  return bytes.size() >= k_snapshot_magic.size() &&
         std::string_view(bytes.data(), k_snapshot_magic.size()) == k_snapshot_magic;
}

std::string snapshot_problem(std::span<const char> bytes) {
  if (!looks_like_snapshot(bytes)) return "not a papertree snapshot";
  if (bytes.size() < sizeof(Header)) return "truncated (the header is incomplete)";
  Header h = read_header(bytes);
  if (h.endian == __builtin_bswap32(k_endian_marker))
    return "written on a machine of the other byte order";
  if (h.endian != k_endian_marker) return "damaged (bad byte-order marker)";
  if (h.version != k_snapshot_version)
    return fmt::format("format version {}, this build reads version {}", h.version,
                       k_snapshot_version);
  if (h.builder != builder_fingerprint()) return "made by a papertree that indexes differently";
  if (h.payload_size > bytes.size() - sizeof(Header))
    return fmt::format("truncated ({} of {} bytes)", bytes.size(), h.payload_size + sizeof h);
  if (h.payload_size < bytes.size() - sizeof(Header))
    return "damaged (bytes after the end of the snapshot)";
  if (h.head_size > h.payload_size || h.body_size > h.payload_size)
    return "damaged (bad part sizes)";
  Parts parts = parts_of(h);
  if (parts.body_at + parts.body_size != bytes.size()) return "damaged (bad part sizes)";
  std::uint64_t sum =
      snapshot_hash({bytes.data() + k_checked_from, parts.body_at - k_checked_from});
  if (sum != h.checksum) return "corrupted (checksum mismatch)";
  return {};
}

SourceIdentity snapshot_source(std::span<const char> bytes) {
  Header h = read_header(bytes);
  return {h.device,      h.inode, h.size, h.mtime_ns, (h.flags & k_flag_content_hash) != 0,
          h.content_hash};
}

namespace {

void require_usable(std::span<const char> bytes, const std::string& snapshot_name) {
  if (std::string problem = snapshot_problem(bytes); !problem.empty())
    throw DataError(file_location(snapshot_name), "cannot use this snapshot: " + problem,
                    snapshot_detail::rebuild_hint(snapshot_name));
}

}  // namespace

snapshot_detail::Layout snapshot_detail::layout_of(std::span<const char> bytes) {
  Parts p = parts_of(read_header(bytes));
  return {p.head_at, p.head_size, p.sums_at, p.body_at, p.body_size};
}

void snapshot_detail::reseal(std::string& bytes) {
  Header h = read_header({bytes.data(), bytes.size()});
  Parts p = parts_of(h);
  for (std::size_t at = 0; at < p.body_size; at += k_chunk_bytes) {
    std::uint64_t sum = snapshot_hash(
        {bytes.data() + p.body_at + at, std::min<std::size_t>(k_chunk_bytes, p.body_size - at)});
    std::memcpy(bytes.data() + p.sums_at + at / k_chunk_bytes * 8, &sum, sizeof sum);
  }
  h.checksum = snapshot_hash({bytes.data() + k_checked_from, p.body_at - k_checked_from});
  std::memcpy(bytes.data(), &h, sizeof h);
}

std::string snapshot_detail::rebuild_hint(const std::string& snapshot_name) {
  return "rebuild it with: papertree index CORPUS -o " + snapshot_name;
}

LoadedSnapshot snapshot_detail::open_checked_snapshot(std::shared_ptr<const void> owner,
                                                      std::span<const char> bytes,
                                                      const std::string& origin,
                                                      const std::string& snapshot_name,
                                                      const std::string& hint) {
  Header h = read_header(bytes);
  Parts parts = parts_of(h);
  LoadedSnapshot loaded;
  loaded.source = snapshot_source(bytes);
  std::shared_ptr<const snapshot_detail::SnapshotPaperStore> store;
  try {
    ByteReader in(bytes.subspan(parts.head_at, parts.head_size));
    CorpusData head = snapshot_detail::decode_corpus_head(in);
    HeadCounts counts = snapshot_detail::decode_head_counts(in);
    if (in.remaining() != 0) throw MalformedSnapshot("bytes after the head");
    std::vector<std::size_t> direct(counts.direct_counts.begin(), counts.direct_counts.end());
    std::vector<std::size_t> totals(counts.totals.begin(), counts.totals.end());
    store = std::make_shared<const snapshot_detail::SnapshotPaperStore>(
        std::move(owner), bytes.subspan(parts.body_at, parts.body_size),
        bytes.subspan(parts.sums_at, parts.sums_size), std::move(counts), snapshot_name, hint);
    loaded.corpus = std::make_unique<Corpus>(
        Corpus::with_store(std::move(head), origin, store, direct, totals));
  } catch (const MalformedSnapshot& e) {
    throw DataError(file_location(snapshot_name),
                    fmt::format("cannot use this snapshot: malformed ({})", e.what()), hint);
  }
  const Corpus* corpus = loaded.corpus.get();  // owned by whoever keeps `loaded`, at one address
  loaded.index_loader = [store, corpus] { return store->decode_index(*corpus, store); };
  return loaded;
}

LoadedSnapshot read_snapshot(std::span<const char> bytes, const std::string& origin,
                             const std::string& snapshot_name) {
  require_usable(bytes, snapshot_name);
  auto copy = std::make_shared<const std::string>(bytes.data(), bytes.size());
  std::span<const char> kept(copy->data(), copy->size());
  LoadedSnapshot loaded = snapshot_detail::open_checked_snapshot(
      copy, kept, origin, snapshot_name, snapshot_detail::rebuild_hint(snapshot_name));
  // Bytes in memory are checked whole at once: read_snapshot answers for all of them.
  static_cast<const snapshot_detail::SnapshotPaperStore*>(loaded.corpus->store())->verify_all();
  loaded.index = loaded.index_loader();
  loaded.index_loader = nullptr;
  return loaded;
}

LoadedSnapshot open_snapshot_bytes(std::span<const char> bytes, const std::string& origin,
                                   const std::string& snapshot_name) {
  require_usable(bytes, snapshot_name);
  return snapshot_detail::open_checked_snapshot(nullptr, bytes, origin, snapshot_name,
                                                snapshot_detail::rebuild_hint(snapshot_name));
}

LoadedSnapshot open_snapshot_file(const std::string& path, const std::string& origin) {
  auto file = std::make_shared<const MappedFile>(path);
  require_usable(file->bytes(), path);
  std::span<const char> bytes = file->bytes();
  return snapshot_detail::open_checked_snapshot(std::move(file), bytes, origin, path,
                                                snapshot_detail::rebuild_hint(path));
}

}  // namespace papertree
