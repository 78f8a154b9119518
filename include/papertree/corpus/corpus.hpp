#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace papertree {

/// Keys of a JSON object that papertree does not know; kept so a rewrite loses nothing.
using ExtraKeys = nlohmann::ordered_json;

/// A link of a paper, such as {"Paper", "https://arxiv.org/abs/…"} or {"Code", "https://github…"}.
struct Link {
  std::string label;
  std::string url;
  bool operator==(const Link&) const = default;
};

/// Where the corpus came from: the upstream list and the survey it belongs to.
struct Source {
  std::string url;
  std::string commit;
  std::string arxiv;
  std::string citation;
  ExtraKeys extra;  ///< unknown keys, null when there are none
};

/// One node of the taxonomy as written in the corpus file (mutable, nested).
struct CategoryNode {
  std::string id;
  std::string name;
  std::vector<CategoryNode> children;
  ExtraKeys extra;  ///< unknown keys, null when there are none
};

/// A person or organisation who wrote a paper, in CSL's name model: `family` and `given` for a
/// person ("Frantar", "Elias"), or `literal` alone for a name that is not split ("OpenAI").
/// Exactly one of `family` and `literal` is non-empty in a loaded corpus.
struct Author {
  std::string family;
  std::string given;
  std::string literal;
  bool operator==(const Author&) const = default;
};

/// One paper (or blog post, or web site) and the ids of the categories it sits in.
struct Paper {
  std::string id;
  std::string title;
  std::vector<Author> authors;     ///< in byline order; empty when unknown
  bool authors_truncated = false;  ///< the list is known to stop short ("et al.")
  std::string venue;
  int year = 0;  ///< 0 when the source gives no year
  std::string kind = "paper";
  std::vector<Link> links;
  std::string arxiv;  ///< arXiv id such as "2306.00978", empty when none
  std::string doi;    ///< DOI such as "10.48550/arXiv.2306.00978", empty when none
  std::vector<std::string> categories;
  std::string added;                ///< first seen in the list, "YYYY-MM-DD"; empty when unknown
  std::vector<std::string> ignore;  ///< validation rules switched off for this paper
  ExtraKeys extra;                  ///< unknown keys, null when there are none

  /// True when one of the links is labelled as code (Code, Code1, GitHub…).
  bool has_code() const;
};

/// One row of the frameworks capability table.
struct Framework {
  std::string id;
  std::string name;
  std::string url;
  std::vector<std::string> supports;  ///< "training", "inference", "fine-tuning"
  ExtraKeys extra;                    ///< unknown keys, null when there are none
};

/// The corpus as plain data, before validation and indexing: what the loader reads from JSON,
/// what the importer produces and what writers serialise.
struct CorpusData {
  std::string title;
  Source source;
  std::vector<CategoryNode> taxonomy;
  std::vector<Paper> papers;
  std::vector<Framework> frameworks;
  ExtraKeys extra;  ///< unknown keys, null when there are none
};

using CategoryIndex = std::uint32_t;
using PaperIndex = std::uint32_t;

/// A category of the loaded tree, with everything derived from the tree computed once.
struct Category {
  std::string id;
  std::string name;
  std::optional<CategoryIndex> parent;
  std::vector<CategoryIndex> children;
  int depth = 0;                          ///< 0 for a top-level branch
  std::string path;                       ///< ids from the root joined by '/'
  CategoryIndex subtree_end = 0;          ///< categories [self, subtree_end) are this one's subtree
  std::size_t direct_count = 0;           ///< papers placed here (Corpus::direct_papers)
  std::size_t total_papers = 0;           ///< distinct papers in this subtree
};

/// What to order paper lists by (sort_papers in papertree/corpus/select.hpp).
enum class SortKey { year, title, venue, added };

/// The papers of a corpus kept outside it, read one at a time when asked for: a compiled
/// snapshot used in place (src/snapshot/), so a command that prints twenty papers of a million
/// decodes twenty. Every method checks what it reads and throws DataError for damage.
class PaperStore {
 public:
  virtual ~PaperStore() = default;
  virtual std::size_t paper_count() const = 0;
  virtual std::size_t placement_count() const = 0;
  /// Paper `p` (< paper_count()), decoded.
  virtual Paper paper(PaperIndex p) const = 0;
  virtual std::optional<PaperIndex> find_paper(std::string_view id) const = 0;
  /// Category indexes of paper `p`, in the order the paper lists them; each < `categories`.
  virtual std::span<const CategoryIndex> paper_categories(PaperIndex p,
                                                          std::size_t categories) const = 0;
  /// The papers placed directly in category `c`, in corpus order; `count` of them.
  virtual std::span<const PaperIndex> direct_papers(CategoryIndex c) const = 0;
  /// Paper `p`'s position when the whole corpus is sorted by `key` (forward, as sort_papers
  /// orders), so that any list sorts without decoding its papers.
  virtual std::uint32_t sort_rank(SortKey key, PaperIndex p) const = 0;
  /// How many papers have an `added` date (they come first in SortKey::added order).
  virtual std::size_t dated_count() const = 0;
  /// Throws DataError naming the store's file: its data is malformed (`what`).
  [[noreturn]] virtual void malformed(const std::string& what) const = 0;
};

/// The loaded, validated, immutable corpus with its indexes. Categories are stored in pre-order,
/// so a subtree is a contiguous range.
class Corpus {
 public:
  /// Validates `data` (unique ids, known category ids, non-empty titles…) and builds the
  /// indexes. `origin` names the file in error messages. Throws DataError.
  static Corpus build(CorpusData data, const std::string& origin);
  /// A corpus whose papers stay in `store`: `head` holds everything but the papers (which it
  /// must not hold); `direct_counts` and `totals` are every category's Category::direct_count and
  /// total_papers, in pre-order. Validates the taxonomy and frameworks as build() does, and the
  /// counts against the store. Throws DataError.
  static Corpus with_store(CorpusData head, const std::string& origin,
                           std::shared_ptr<const PaperStore> store,
                           const std::vector<std::size_t>& direct_counts,
                           const std::vector<std::size_t>& totals);


  const std::string& title() const { return m_data.title; }
  const Source& source() const { return m_data.source; }
  const std::string& origin() const { return m_origin; }
  /// The plain data the corpus was built from (for writers). With a store, the first call
  /// decodes every paper.
  const CorpusData& data() const;

  /// Title, source, taxonomy, frameworks and unknown keys, without decoding papers: its
  /// `papers` may be empty or not (use papers()).
  const CorpusData& data_head() const { return m_data; }

  std::span<const Category> categories() const { return m_categories; }
  std::span<const CategoryIndex> roots() const { return m_roots; }
  /// Every paper. With a store, the first call decodes them all: code that needs a few papers
  /// uses paper_count() and paper().
  std::span<const Paper> papers() const { return data().papers; }
  std::size_t paper_count() const { return m_store ? m_store->paper_count() : m_data.papers.size(); }
  std::span<const Framework> frameworks() const { return m_data.frameworks; }
  const Category& category(CategoryIndex i) const { return m_categories[i]; }
  /// Paper `i` (< paper_count()). With a store, decoded on first use and kept (the reference
  /// stays valid as long as the corpus); not for use from several threads at once.
  const Paper& paper(PaperIndex i) const;
  /// Paper `i` as paper() gives it, but with a store decoded into `scratch` and not kept: for a
  /// pass over every paper that reads each once (memory stays one paper, not the corpus). The
  /// reference is valid until `scratch` is used again; not for use from several threads at once.
  const Paper& paper_passing(PaperIndex i, Paper& scratch) const;

  /// Category indexes a paper sits in, in the order the paper lists them.
  std::span<const CategoryIndex> paper_categories(PaperIndex p) const;
  /// The papers placed directly in category `c`, in corpus order.
  std::span<const PaperIndex> direct_papers(CategoryIndex c) const;
  /// Total number of (paper, category) placements.
  std::size_t placement_count() const {
    return m_store ? m_store->placement_count() : m_placement_cats.size();
  }
  /// The store papers are read from, null when they were all loaded (see with_store).
  const PaperStore* store() const { return m_store.get(); }

  std::optional<CategoryIndex> find_category(std::string_view id) const;
  std::optional<PaperIndex> find_paper(std::string_view id) const;

  /// Distinct papers in the subtree of `c` (or only `c` when `direct`), in corpus order.
  std::vector<PaperIndex> papers_under(CategoryIndex c, bool direct = false) const;
  /// True when category `c` lies in the subtree rooted at `root` (including `root` itself).
  bool in_subtree(CategoryIndex c, CategoryIndex root) const {
    return c >= root && c < m_categories[root].subtree_end;
  }
  /// Category names from the root down to `c`, joined by " / " (for people).
  std::string display_path(CategoryIndex c) const;

 private:
  // With a store, the papers are decoded into m_data.papers only when all of them are asked for
  // (data(), papers()); one at a time they go to m_decoded.
  mutable CorpusData m_data;
  std::string m_origin;
  std::vector<Category> m_categories;
  std::vector<CategoryIndex> m_roots;
  std::vector<CategoryIndex> m_placement_cats;   // CSR: categories of every paper, concatenated
  std::vector<std::uint32_t> m_placement_start;  // paper p's are [start[p], start[p+1])
  std::vector<PaperIndex> m_direct;              // CSR: every category's direct papers
  std::vector<std::uint32_t> m_direct_start;     // category c's are [start[c], start[c+1])
  std::vector<CategoryIndex> m_category_by_id;   // sorted by id
  std::vector<PaperIndex>
      m_paper_slots;  // hash table of paper ids, open addressing; see find_paper

  std::shared_ptr<const PaperStore> m_store;
  // The papers decoded one at a time; a copy of the corpus starts without them.
  struct DecodedPapers {
    std::unordered_map<PaperIndex, std::unique_ptr<Paper>> papers;
    DecodedPapers() = default;
    DecodedPapers(DecodedPapers&&) = default;
    DecodedPapers& operator=(DecodedPapers&&) = default;
    DecodedPapers(const DecodedPapers&) {}
    DecodedPapers& operator=(const DecodedPapers&) {
      papers.clear();
      return *this;
    }
  };
  mutable DecodedPapers m_decoded;
  mutable bool m_all_decoded = false;

  void index_taxonomy();
  void index_papers();
  void index_paper_ids();
  void index_frameworks();
  void count_subtrees();
  const Paper& decode(PaperIndex p) const;
  Paper decode_checked(PaperIndex p) const;
};

/// Turns what a person types into a category: its id, its full id path
/// (`model-centric/model-compression/quantization`), its name (case-insensitive), or a unique
/// prefix of any of these. Throws UsageError listing the candidates when ambiguous, or
/// suggesting the closest names when unknown.
CategoryIndex resolve_category(const Corpus& corpus, std::string_view text);

/// The category that search words name, if any: the words are a category's name, one of its
/// abbreviations, or consecutive whole words of names whose matches all lie below one of them
/// ("kv cache", "lora", "pruning"); a category whose whole name the words are wins over longer
/// names that hold them. No prefixes, no typos, no errors: empty when nothing or several
/// unrelated categories match. Taxonomy-aware search ranking uses it.
std::optional<CategoryIndex> category_named_by(const Corpus& corpus, std::string_view words);

/// Whether `word` (case-folded) is a word of the id or name of a framework of the corpus's table
/// ("vllm", "tensorrt", "colossalai"): a name, which search never corrects as a typo.
bool is_framework_word(const Corpus& corpus, std::string_view word);

/// The framework that search words name, if any: its id or name, case and punctuation aside
/// ("vllm", "TensorRT-LLM", "tensorrt llm"), or for one word of four letters or more that is
/// no English word and names no category, a word of it ("tensorrt"; not "foundry").
const Framework* framework_named_by(const Corpus& corpus, std::string_view words);

/// What search indexes for one thesaurus term, as words of its category's name: `unit`, the
/// term as one index term when it has several words (unit_term: "continu_batch"), shown as
/// `typed`; and `words`, a text whose words are indexed as usual: a one-word term itself, or a
/// longer term's last word, the thing it names ("batching"), unless that word names a category
/// in another branch (a word of its name or a one-word entry: "attention" of "paged attention",
/// "pruning" of "token pruning") or a hyphen ties it to the word before ("free" of
/// "attention-free"). The other words of a term ("order" of "zeroth-order fine-tuning") are not
/// indexed on their own.
struct CategorySynonym {
  std::string unit;
  std::string typed;
  std::string words;
};

/// For every category (by index), the terms of the thesaurus (data/thesaurus.tsv) that resolve
/// to it, in the file's order: "ptq" for Post-Training Quantization, "continuous batching" for
/// Serving Performance Optimization. Method names ("gptq") are not among them.
std::vector<std::vector<CategorySynonym>> category_synonyms(const Corpus& corpus);

/// For every category (by index), how many of `papers` lie in its subtree, each paper counted
/// once however many of the subtree's categories it sits in.
std::vector<std::size_t> count_in_subtrees(const Corpus& corpus,
                                           std::span<const PaperIndex> papers);

/// Checks the tree invariants (ids unique, counts roll up, every paper's categories exist,
/// ranges consistent). Returns the problems found, empty when the corpus is consistent.
std::vector<std::string> check_consistency(const Corpus& corpus);

}  // namespace papertree
