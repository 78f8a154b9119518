#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/search/query.hpp"

namespace papertree {

/// A word of indexed or searched text after folding: `term` is lower-cased, accent-free and
/// stemmed ("Caches" -> "cach"); [begin, end) are its bytes in the original text.
struct TextToken {
  std::string term;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Words longer than this are indexed and searched as they are, not stemmed.
inline constexpr std::size_t k_max_stemmed_word = 64;

/// Splits text into search terms, at most `max_tokens` of them (the rest of the text is
/// ignored). Letters and digits make words; '.' between digits stays ("1.58"); other
/// punctuation, '-' included, separates, so "KV-Cache", "kv-cache" and "kv cache" all give
/// "kv", "cach", and "LLM.int8()" gives "llm", "int8". Words are stemmed (`fold_term`).
std::vector<TextToken> tokenize(std::string_view text, std::size_t max_tokens = SIZE_MAX);

/// The one index term a text of two or more words stands for as a unit: their terms (as
/// tokenize gives them) joined by '_' ("continuous batching" -> "continu_batch"), which no word
/// tokenizes to. Search indexes each thesaurus term of several words so, and looks a query's
/// adjacent words up so. Empty for a text of fewer than two words.
std::string unit_term(std::string_view text);

/// Where `tokenize` finds its words, as [begin, end) byte ranges, without folding them.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text,
                                                            std::size_t max_tokens = SIZE_MAX);

/// Stems one lower-case word with the Snowball English stemmer ("quantization", "quantized",
/// "quantize" -> "quantiz"; "models" -> "model"), and drops the plural "s" of an acronym
/// ("llms" -> "llm"). Words with digits or other characters than a-z, words of three letters or
/// fewer and words longer than k_max_stemmed_word are kept as they are.
std::string fold_term(std::string_view word);

/// The parts of a CamelCase word, split where a lower-case letter meets an upper-case one and
/// before the last capital of an acronym that starts a new part: "FlashAttention" -> Flash,
/// Attention; "KVCache" -> KV, Cache; "QLoRA" -> Q, Lo, RA. Empty when the word has no such
/// boundary or holds other characters than ASCII letters and digits.
std::vector<std::string> compound_parts(std::string_view word);

/// A query of plain words (no operators, fields or filters) that fewer papers than this hold
/// whole also lists, after those, the papers that hold all its words but one (one of two).
inline constexpr std::size_t k_few_full_matches = 10;

/// Where a query word matched no indexed term and close spellings were used instead.
struct Correction {
  std::string typed;  ///< the word as typed
  std::vector<std::string>
      used;  ///< the words searched instead, best first ("quant*" for a prefix)
};

/// The result of a search: matching papers, best first, with their scores (with
/// SearchScope::ranked, only the first `ranked` are in rank order).
struct SearchResult {
  std::vector<PaperIndex> papers;
  std::vector<double> scores;           ///< parallel to `papers`
  /// Parallel to `papers`: 0 for a paper that matches the whole query; for a near match (listed
  /// after the full matches), how many of the query's words it lacks (1: all but one).
  std::vector<std::uint8_t> near;
  /// The category whose other papers end a short page (a plain query of several words, fewer
  /// than k_few_full_matches papers listed, some of them near matches): those papers hold none
  /// of the words that count (stop words, lone letters and digits aside), so their `near` is
  /// the number of those words, above every near level's, and their score 0. Empty when no page
  /// was filled so.
  std::optional<CategoryIndex> filled_from;
  std::vector<Correction> corrections;  ///< typos replaced, in query order
  std::vector<std::string> highlight;   ///< folded terms to mark in titles, sorted, distinct
};

/// What a search is restricted to: the filters of `list` and a category's subtree; and how many
/// of its results are wanted in rank order.
struct SearchScope {
  Filters filters;
  std::optional<CategoryIndex> within;
  /// Only the first `ranked` results need to be in rank order (a page of them is printed): the
  /// others still follow, all of them (for counts and facets), in corpus order. Selecting a page
  /// costs O(hits) where ranking them all costs O(hits log hits).
  std::size_t ranked = SIZE_MAX;
  /// Whether a short page of near matches may end with the other papers of their category
  /// (SearchResult::filled_from): off when the results are shown in another order than
  /// relevance, where those papers would stand among the matches.
  bool fill_from_category = true;

  /// True when paper `p` passes the filters and sits in the subtree of `within` (when given).
  bool admits(const Corpus& corpus, PaperIndex p) const;
  /// True when every paper passes (no filter, no `within`): nothing to test per paper.
  bool admits_all() const { return filters.keep_all() && !within; }
};

/// Keeps the hits that pass `filters` and sit in the subtree of `within` (when given), in order.
void filter_result(const Corpus& corpus, SearchResult& result, const Filters& filters,
                   std::optional<CategoryIndex> within);

/// Distinct hits per category: counts[c] is how many of the papers sit in c's subtree.
std::vector<std::size_t> facet_counts(const Corpus& corpus, const std::vector<PaperIndex>& papers);

/// Each indexed field of a paper (title, venue, category names, authors) contributes at most
/// this many words; the rest of a longer text is not indexed (docs/query-language.md).
inline constexpr std::size_t k_max_field_tokens = 1024;

/// The bytes of a compiled snapshot that a SearchIndex reads in place: they are checked (their
/// chunks' checksums) on first use, not when the snapshot is opened. Implemented in src/snapshot/.
class InPlaceBytes {
 public:
  virtual ~InPlaceBytes() = default;
  /// Throws DataError unless the `size` bytes at `data` (inside the snapshot) are intact.
  virtual void verify(const void* data, std::size_t size) const = 0;
  /// Throws DataError saying the snapshot is malformed (`what`).
  [[noreturn]] virtual void malformed(const std::string& what) const = 0;
};

/// A list of strings in one byte array with their offsets: string i is bytes [offsets[i],
/// offsets[i + 1]). Built in memory (push_back), or a view of a compiled snapshot's bytes, so a
/// large vocabulary is used where it lies instead of being decoded string by string.
class StringTable {
 public:
  StringTable() = default;
  StringTable(const StringTable&) = delete;  // the views may point at its own arrays
  StringTable& operator=(const StringTable&) = delete;

  std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](std::size_t i) const {
    return {m_bytes.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
  }
  /// The first string not less than `key` (size() when there is none); the table must be sorted.
  std::size_t lower_bound(std::string_view key) const;
  /// True when the strings are in ascending byte order.
  bool is_sorted() const;

  /// Appends `s` to a built table; throws DataError past 4 GiB of text.
  void push_back(std::string_view s);
  /// Views `offsets` and `bytes` (of a snapshot) in place; false unless they make a table: at
  /// least one offset, the first 0, none decreasing, the last the size of `bytes`.
  bool view(std::span<const std::uint32_t> offsets, std::span<const char> bytes);
  std::span<const std::uint32_t> offsets() const { return m_offsets; }
  std::span<const char> bytes() const { return m_bytes; }

 private:
  std::vector<std::uint32_t> m_built_offsets;
  std::string m_built_bytes;
  std::span<const std::uint32_t> m_offsets;
  std::span<const char> m_bytes;
};

/// An inverted index over a corpus' titles (and the parts of their CamelCase words), venues,
/// authors and the names of each paper's categories, built once; postings are sorted vectors of
/// paper indexes with term positions.
class SearchIndex {
 public:
  /// Indexes `corpus`, which must outlive the index. A large corpus held in memory is indexed by
  /// several threads (up to 4, one per 50 000 papers); the index is the same either way.
  explicit SearchIndex(const Corpus& corpus);
  /// The same with `threads` threads (0: as above; 1: this thread only). A corpus read from a
  /// snapshot is always indexed by one thread.
  SearchIndex(const Corpus& corpus, unsigned threads);
  SearchIndex(const SearchIndex&) = delete;  // its fields may view its own arrays
  SearchIndex& operator=(const SearchIndex&) = delete;

  /// Evaluates a parsed query: papers that match it, ranked by BM25 (title matches weigh most,
  /// then parts of title words, then category names and authors, then venues), ties by corpus
  /// order; for a query of plain words held whole by few papers, the near matches follow
  /// (k_few_full_matches), the ones in the full matches' categories first, and a page of them
  /// still short ends with the other papers of their category (`filled_from`). A word matching
  /// nothing
  /// is read as a prefix when it starts indexed words, else replaced by spellings one edit away
  /// (two for long words), unless it holds a digit; both are reported in `corrections`. Throws
  /// UsageError for an unknown `in:` category.
  SearchResult search(const QueryNode& query) const;
  /// The same, restricted to `scope` before near matches are decided: a query held whole by
  /// fewer than k_few_full_matches papers *within the scope* gets its near matches (from the
  /// scope too), so `--in`, `--year` and the other filters never leave a short list that the
  /// whole corpus would have filled.
  SearchResult search(const QueryNode& query, const SearchScope& scope) const;

  /// Number of distinct indexed terms.
  std::size_t vocabulary_size() const { return m_vocabulary.size(); }

 private:
  struct Posting {
    PaperIndex paper;
    std::uint32_t first_position;  ///< into FieldIndex::positions
    std::uint32_t count;           ///< occurrences of the term in this paper's field
    /// Tokens in this paper's field (BM25's document length), kept beside the count so scoring
    /// reads the postings in order and no per-paper array.
    std::uint32_t length;
  };
  static_assert(sizeof(Posting) == 16, "a snapshot stores postings as they are in memory");
  struct FieldIndex {
    double weight = 1.0;
    double average_length = 0;
    // What the evaluator reads: views of the built_ arrays, or of a snapshot's bytes.
    std::span<const Posting> postings;     ///< every term's postings, concatenated (CSR)
    std::span<const std::uint32_t> start;  ///< term t's postings are [start[t], start[t + 1])
    std::span<const std::uint32_t> positions;
    std::size_t papers = 0;  ///< every posting's paper is below this
    // The arrays SearchIndex's constructor builds (empty for an index read in place).
    std::vector<Posting> built_postings;
    std::vector<std::uint32_t> built_start, built_positions;
    /// Set for an index read in place: each term's postings are checked on first use
    /// (checksums, and every number the evaluator indexes with: papers and positions; a
    /// posting's count and length only enter arithmetic, and a table indexed by them checks
    /// their range itself).
    const InPlaceBytes* in_place = nullptr;
    mutable std::vector<std::uint8_t> checked_terms;

    /// Points the views at the built_ arrays.
    void view_built() {
      postings = built_postings;
      start = built_start;
      positions = built_positions;
    }
    /// The postings of term `t` (< the vocabulary size), sorted by paper.
    std::span<const Posting> postings_of(std::uint32_t t) const {
      if (in_place != nullptr && checked_terms[t] == 0) check_term(t);
      return {postings.data() + start[t], postings.data() + start[t + 1]};
    }
    /// The positions of a posting of postings_of.
    std::span<const std::uint32_t> positions_of(const Posting& p) const {
      std::span<const std::uint32_t> at(positions.data() + p.first_position, p.count);
      if (in_place != nullptr) in_place->verify(at.data(), at.size_bytes());
      return at;
    }

   private:
    void check_term(std::uint32_t t) const;
  };
  friend class QueryEvaluator;
  friend struct SnapshotAccess;  // stores and restores these arrays (src/snapshot/)

  /// An empty index of `corpus`, for SnapshotAccess to fill.
  struct Unbuilt {};
  SearchIndex(const Corpus& corpus, Unbuilt) : m_corpus(corpus) {}

  SearchResult search(const QueryNode& query, const SearchScope* scope) const;

 public:
  /// The indexed fields, in m_fields order.
  enum FieldId : std::size_t { title, category, venue, parts, author, ancestors, k_field_count };

 private:
  const Corpus& m_corpus;
  std::shared_ptr<const void> m_keep;  ///< what the in-place views point into
  StringTable m_vocabulary;  ///< sorted; a term's id is its index
  StringTable m_surface;     ///< a readable word for each term id
  /// Every indexed word as written (folded, not stemmed), sorted, with its term id in
  /// m_word_ids: for prefixes of whole words and for typo correction.
  StringTable m_words;
  std::span<const std::uint32_t> m_word_ids;
  std::vector<std::uint32_t> m_built_word_ids;
  std::vector<FieldIndex> m_fields;  ///< see FieldId

  void build_field(const std::vector<std::uint32_t>& terms,
                   const std::vector<std::uint32_t>& positions,
                   const std::vector<std::size_t>& start, const std::vector<std::uint32_t>& rank,
                   std::size_t field);
  std::optional<std::uint32_t> term_id(std::string_view term) const;
};

}  // namespace papertree
