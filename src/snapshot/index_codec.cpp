#include <algorithm>

#include "codec.hpp"

namespace papertree {

using snapshot_detail::ByteReader;
using snapshot_detail::ByteWriter;
using snapshot_detail::get_strings;
using snapshot_detail::MalformedSnapshot;
using snapshot_detail::put_strings;

namespace {

void require(bool ok, const char* what) {
  if (!ok) throw MalformedSnapshot(what);
}

}  // namespace

void SnapshotAccess::encode_index(ByteWriter& out, const SearchIndex& index) {
  put_strings(out, index.m_vocabulary);
  put_strings(out, index.m_surface);
  out.u64(index.m_words.size());
  for (const auto& [word, id] : index.m_words) {
    out.str(word);
    out.u32(id);
  }
  out.u64(index.m_fields.size());
  for (const auto& field : index.m_fields) {
    out.pod(field.weight);
    out.pod(field.average_length);
    out.array(std::span<const SearchIndex::Posting>(field.postings));
    out.array(std::span<const std::uint32_t>(field.start));
    out.array(std::span<const std::uint32_t>(field.positions));
    out.array(std::span<const std::uint32_t>(field.length));
  }
}

std::unique_ptr<SearchIndex> SnapshotAccess::decode_index(ByteReader& in, const Corpus& corpus,
                                                          std::shared_ptr<const void> keep,
                                                          const InPlaceBytes& bytes) {
  std::unique_ptr<SearchIndex> index(new SearchIndex(corpus, SearchIndex::Unbuilt{}));
  index->m_keep = std::move(keep);
  index->m_vocabulary = get_strings(in);
  index->m_surface = get_strings(in);
  const std::size_t terms = index->m_vocabulary.size();
  const std::size_t papers = corpus.paper_count();
  require(index->m_surface.size() == terms, "surface forms do not match the vocabulary");
  require(std::is_sorted(index->m_vocabulary.begin(), index->m_vocabulary.end()),
          "vocabulary out of order");
  index->m_words.resize(in.count(12));
  for (auto& [word, id] : index->m_words) {
    word = in.str();
    id = in.u32();
    require(id < terms, "a word of an unknown term");
  }
  require(std::is_sorted(index->m_words.begin(), index->m_words.end()), "words out of order");
  index->m_fields.resize(in.count(40));
  // The evaluator addresses fields by number (SearchIndex::FieldId, see index.cpp).
  require(index->m_fields.size() == SearchIndex::k_field_count, "bad field count");
  for (auto& field : index->m_fields) {
    field.weight = in.pod<double>();
    field.average_length = in.pod<double>();
    field.postings = in.view<SearchIndex::Posting>();
    field.start = in.view<std::uint32_t>();
    field.positions = in.view<std::uint32_t>();
    field.length = in.view<std::uint32_t>();
    // The postings of each term are checked when it is first looked up (FieldIndex::check_term);
    // what every lookup relies on is checked now.
    require(field.start.size() == terms + 1, "bad posting offsets");
    require(field.length.size() == papers, "bad document lengths");
    field.in_place = &bytes;
    field.checked_terms.assign(terms, 0);
  }
  return index;
}

}  // namespace papertree
