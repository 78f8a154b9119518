#include "papertree/snapshot/snapshot.hpp"

#include <fmt/format.h>

#include <cstring>

#include "codec.hpp"
#include "papertree/error.hpp"

namespace papertree {

using snapshot_detail::ByteReader;
using snapshot_detail::ByteWriter;
using snapshot_detail::MalformedSnapshot;

namespace {

constexpr std::uint32_t k_endian_marker = 0x01020304;
constexpr std::uint32_t k_flag_content_hash = 1;

// The file starts with this, in the writer's byte order. The checksum covers every byte after
// its own field: the rest of the header and the payload.
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
};
static_assert(sizeof(Header) == 88);
constexpr std::size_t k_checked_from = offsetof(Header, builder);

// Changes whenever the tokenizer folds words differently, so a snapshot made by a build that
// indexes otherwise is rebuilt rather than answering differently from the JSON path.
std::uint64_t builder_fingerprint() {
  static const std::uint64_t value = [] {
    std::string terms;
    for (const TextToken& t : tokenize(
             "Quantized KV-Caches: LLM.int8() scaling, 1.58-bit models; sparsely-gated Mixtures "
             "of Experts, distillation and pruning strategies for efficient inference"))
      terms += t.term + ' ';
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

std::string build_snapshot(const Corpus& corpus, const SearchIndex& index,
                           const SourceIdentity& source, const ProgressFn& progress) {
  ByteWriter out;
  out.bytes().resize(sizeof(Header));
  snapshot_detail::encode_corpus(out, corpus.data(), progress);
  out.align();
  SnapshotAccess::encode_index(out, index);
  std::string& bytes = out.bytes();
  Header h{};
  std::memcpy(h.magic, k_snapshot_magic.data(), sizeof h.magic);
  h.endian = k_endian_marker;
  h.version = k_snapshot_version;
  h.payload_size = bytes.size() - sizeof(Header);
  h.builder = builder_fingerprint();
  h.device = source.device;
  h.inode = source.inode;
  h.size = source.size;
  h.mtime_ns = source.mtime_ns;
  h.content_hash = source.content_hash;
  h.flags = source.has_content_hash ? k_flag_content_hash : 0;
  std::memcpy(bytes.data(), &h, sizeof h);
  h.checksum = snapshot_hash({bytes.data() + k_checked_from, bytes.size() - k_checked_from});
  std::memcpy(bytes.data(), &h, sizeof h);
  return std::move(bytes);
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
  std::uint64_t sum = snapshot_hash({bytes.data() + k_checked_from, bytes.size() - k_checked_from});
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
                    "rebuild it with: papertree index CORPUS -o " + snapshot_name);
}

}  // namespace

LoadedSnapshot read_snapshot(std::span<const char> bytes, const std::string& origin,
                             const std::string& snapshot_name) {
  require_usable(bytes, snapshot_name);
  return snapshot_detail::read_checked_snapshot(bytes, origin, snapshot_name);
}

namespace {

// Decodes the corpus part of checked snapshot bytes; `index_at` is set to where the index starts.
LoadedSnapshot decode_corpus_part(std::span<const char> bytes, const std::string& origin,
                                  const std::string& snapshot_name, std::size_t& index_at) {
  LoadedSnapshot loaded;
  loaded.source = snapshot_source(bytes);
  try {
    ByteReader in(bytes.subspan(sizeof(Header)));
    CorpusData data = snapshot_detail::decode_corpus(in);
    loaded.corpus = std::make_unique<Corpus>(Corpus::build(std::move(data), origin));
    in.align();
    index_at = sizeof(Header) + in.offset();
  } catch (const MalformedSnapshot& e) {
    throw DataError(file_location(snapshot_name),
                    fmt::format("cannot use this snapshot: malformed ({})", e.what()));
  }
  return loaded;
}

// Decodes the index part, which starts at `index_at` (8-aligned, as the header's size is) and
// runs to the end of the bytes.
std::unique_ptr<SearchIndex> decode_index_part(std::span<const char> bytes, std::size_t index_at,
                                               const Corpus& corpus,
                                               const std::string& snapshot_name) {
  try {
    ByteReader in(bytes.subspan(index_at));
    std::unique_ptr<SearchIndex> index = SnapshotAccess::decode_index(in, corpus);
    if (in.remaining() != 0) throw MalformedSnapshot("bytes after the index");
    return index;
  } catch (const MalformedSnapshot& e) {
    throw DataError(file_location(snapshot_name),
                    fmt::format("cannot use this snapshot: malformed ({})", e.what()));
  }
}

}  // namespace

LoadedSnapshot snapshot_detail::read_checked_snapshot(std::span<const char> bytes,
                                                      const std::string& origin,
                                                      const std::string& snapshot_name) {
  std::size_t index_at = 0;
  LoadedSnapshot loaded = decode_corpus_part(bytes, origin, snapshot_name, index_at);
  loaded.index = decode_index_part(bytes, index_at, *loaded.corpus, snapshot_name);
  return loaded;
}

LoadedSnapshot snapshot_detail::read_checked_snapshot(std::shared_ptr<const MappedFile> file,
                                                      const std::string& origin,
                                                      const std::string& snapshot_name) {
  std::size_t index_at = 0;
  LoadedSnapshot loaded = decode_corpus_part(file->bytes(), origin, snapshot_name, index_at);
  const Corpus* corpus = loaded.corpus.get();  // owned by whoever keeps `loaded`, at one address
  loaded.index_loader = [file = std::move(file), index_at, corpus, snapshot_name] {
    return decode_index_part(file->bytes(), index_at, *corpus, snapshot_name);
  };
  return loaded;
}

LoadedSnapshot open_snapshot_file(const std::string& path, const std::string& origin) {
  auto file = std::make_shared<const MappedFile>(path);
  require_usable(file->bytes(), path);
  return snapshot_detail::read_checked_snapshot(std::move(file), origin, path);
}

}  // namespace papertree
