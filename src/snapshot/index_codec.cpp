#include <algorithm>

#include "codec.hpp"

namespace papertree {

using snapshot_detail::ByteReader;
using snapshot_detail::ByteWriter;
using snapshot_detail::MalformedSnapshot;

namespace {

void require(bool ok, const char* what) {
  if (!ok) throw MalformedSnapshot(what);
}

// A StringTable as two arrays: its offsets (at least the leading 0), then its bytes.
void put_table(ByteWriter& out, const StringTable& table) {
  static constexpr std::uint32_t k_empty[] = {0};
  out.array(table.offsets().empty() ? std::span<const std::uint32_t>(k_empty) : table.offsets());
  out.array(table.bytes());
}

// Views a table put_table wrote, where it lies, after checking its bytes against their sums
// and its offsets.
void get_table(ByteReader& in, const InPlaceBytes& bytes, StringTable& table, const char* what) {
  std::span<const std::uint32_t> offsets = in.view<std::uint32_t>();
  std::span<const char> text = in.view<char>();
  bytes.verify(offsets.data(), offsets.size_bytes());
  bytes.verify(text.data(), text.size_bytes());
  require(table.view(offsets, text), what);
}

}  // namespace

void SnapshotAccess::encode_index(ByteWriter& out, const SearchIndex& index) {
  put_table(out, index.m_vocabulary);
  put_table(out, index.m_surface);
  put_table(out, index.m_words);
  out.array(index.m_word_ids);
  out.u64(index.m_fields.size());
  for (const auto& field : index.m_fields) {
    out.pod(field.weight);
    out.pod(field.average_length);
    out.array(std::span<const SearchIndex::Posting>(field.postings));
    out.array(std::span<const std::uint32_t>(field.start));
    out.array(std::span<const std::uint32_t>(field.positions));
  }
}

std::unique_ptr<SearchIndex> SnapshotAccess::decode_index(ByteReader& in, const Corpus& corpus,
                                                          std::shared_ptr<const void> keep,
                                                          const InPlaceBytes& bytes) {
  std::unique_ptr<SearchIndex> index(new SearchIndex(corpus, SearchIndex::Unbuilt{}));
  index->m_keep = std::move(keep);
  // The word lists are used in place: checked here, not copied string by string.
  get_table(in, bytes, index->m_vocabulary, "bad vocabulary");
  get_table(in, bytes, index->m_surface, "bad surface forms");
  get_table(in, bytes, index->m_words, "bad word list");
  index->m_word_ids = in.view<std::uint32_t>();
  bytes.verify(index->m_word_ids.data(), index->m_word_ids.size_bytes());
  const std::size_t terms = index->m_vocabulary.size();
  const std::size_t papers = corpus.paper_count();
  require(index->m_surface.size() == terms, "surface forms do not match the vocabulary");
  require(index->m_vocabulary.is_sorted(), "vocabulary out of order");
  const StringTable& words = index->m_words;
  require(index->m_word_ids.size() == words.size(), "word ids do not match the words");
  for (std::size_t i = 0; i < words.size(); ++i) {
    require(index->m_word_ids[i] < terms, "a word of an unknown term");
    require(i == 0 || words[i - 1] < words[i] ||
                (words[i - 1] == words[i] && index->m_word_ids[i - 1] < index->m_word_ids[i]),
            "words out of order");
  }
  index->m_fields.resize(in.count(40));
  // The evaluator addresses fields by number (SearchIndex::FieldId, see index.cpp).
  require(index->m_fields.size() == SearchIndex::k_field_count, "bad field count");
  for (auto& field : index->m_fields) {
    field.weight = in.pod<double>();
    field.average_length = in.pod<double>();
    field.postings = in.view<SearchIndex::Posting>();
    field.start = in.view<std::uint32_t>();
    field.positions = in.view<std::uint32_t>();
    field.papers = papers;
    // The postings of each term are checked when it is first looked up (FieldIndex::check_term);
    // what every lookup relies on is checked now.
    require(field.start.size() == terms + 1, "bad posting offsets");
    field.in_place = &bytes;
    field.checked_terms.assign(terms, 0);
  }
  return index;
}

}  // namespace papertree
