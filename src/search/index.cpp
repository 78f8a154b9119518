#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <numeric>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "papertree/corpus/thesaurus.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/error.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// Title, category names, venue, the parts of the title's compound words, authors, the names of
// the categories above the paper's categories.
constexpr double k_field_weights[] = {3.0, 1.0, 0.5, 1.5, 1.0, 0.5};
// Positions given to the parts of one compound word: part runs starting at part i of the
// title's word w sit at w * k_part_stride + i.
constexpr std::uint32_t k_part_stride = 16;
// Positions between two category names, so a phrase never spans two names.
constexpr std::uint32_t k_name_gap = 100;

// The tokens of one field for every paper, as provisional term ids (CSR layout).
struct FieldTokens {
  std::vector<std::uint32_t> terms;
  std::vector<std::uint32_t> positions;
  std::vector<std::size_t> start{0};  // paper p's tokens are [start[p], start[p + 1])
};

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Assigns provisional ids to terms in the order they are first seen.
struct Interner {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> terms;
  std::vector<std::string> surface;
  std::unordered_map<std::string, std::uint32_t> words;  // unstemmed folded word -> provisional id
  // The entries of `words` in the order they were added (a bounded set: which words it keeps
  // depends on that order, which merging two interners must follow).
  std::vector<const std::pair<const std::string, std::uint32_t>*> word_order;

  std::uint32_t intern(const std::string& term, const std::string& word) {
    auto [it, added] = ids.try_emplace(term, static_cast<std::uint32_t>(terms.size()));
    if (added) {
      terms.push_back(term);
      surface.push_back(word);
    }
    if (words.size() < k_max_words) {
      if (auto [w, new_word] = words.try_emplace(word, it->second); new_word)
        word_order.push_back(&*w);
    }
    return it->second;
  }

  // A thesaurus term as one index term (unit_term), shown as `typed`. It is no word of any
  // text, so it is kept out of the words that prefixes and typos are matched against.
  std::uint32_t intern_unit(const std::string& unit, const std::string& typed) {
    auto [it, added] = ids.try_emplace(unit, static_cast<std::uint32_t>(terms.size()));
    if (added) {
      terms.push_back(unit);
      surface.push_back(typed);
    }
    return it->second;
  }

  // A word as written in the text: the same text always folds to the same term and word, so
  // after its first time it is looked up, not folded and stemmed again (a bounded memo; past
  // the bound, words are folded every time, with the same result). `initial` is the folded
  // word's first letter when it is ASCII and the word is longer than one byte, else 0.
  struct Raw {
    std::uint32_t id;
    char initial;
  };
  Raw intern_raw(std::string_view text) {
    if (auto it = raw.find(text); it != raw.end()) return it->second;
    std::string word = fold_case_accents(text);
    char initial = word.size() > 1 && static_cast<unsigned char>(word[0]) < 0x80 ? word[0] : '\0';
    Raw result{intern(fold_term(word), word), initial};
    if (raw.size() < k_max_words) raw.emplace(std::string(text), result);
    return result;
  }

  static constexpr std::size_t k_max_words = 1 << 22;
  std::unordered_map<std::string, Raw, TransparentHash, std::equal_to<>> raw;
};

// The provisional term ids of a text's words, in order.
std::vector<std::uint32_t> text_terms(Interner& interner, std::string_view text) {
  std::vector<std::uint32_t> ids;
  for (auto [begin, end] : word_spans(text, k_max_field_tokens))
    ids.push_back(interner.intern_raw(text.substr(begin, end - begin)).id);
  return ids;
}

void add_terms(FieldTokens& field, const std::vector<std::uint32_t>& ids, std::uint32_t base) {
  std::uint32_t position = base;
  for (std::uint32_t id : ids) {
    field.terms.push_back(id);
    field.positions.push_back(position++);
  }
}


// Texts that recur from paper to paper (category names, their synonyms, venues) are tokenized
// once, the first time they are met, so the interning order, and with it every id and surface
// word, is what tokenizing them each time would give. Venues are remembered up to a bound.
class RecurringTexts {
 public:
  RecurringTexts(const Corpus& corpus, const std::vector<std::vector<CategorySynonym>>& synonyms)
      : m_synonyms(synonyms), m_names(corpus.categories().size()) {}

  // The ids of category c's name (part 0) and of its synonyms (parts 1...).
  const std::vector<std::vector<std::uint32_t>>& category(Interner& interner, const Corpus& corpus,
                                                          CategoryIndex c) {
    auto& parts = m_names[c];
    if (parts.empty()) {
      parts.push_back(text_terms(interner, corpus.category(c).name));
      for (const CategorySynonym& synonym : m_synonyms[c]) {
        std::vector<std::uint32_t> ids;
        if (!synonym.unit.empty()) ids.push_back(interner.intern_unit(synonym.unit, synonym.typed));
        for (std::uint32_t id : text_terms(interner, synonym.words)) ids.push_back(id);
        parts.push_back(std::move(ids));
      }
    }
    return parts;
  }

  const std::vector<std::uint32_t>& venue(Interner& interner, const std::string& venue) {
    if (auto it = m_venues.find(venue); it != m_venues.end()) return it->second;
    std::vector<std::uint32_t> ids = text_terms(interner, normalize_venue(venue));
    if (m_venues.size() >= k_max_venues) {
      m_scratch = std::move(ids);
      return m_scratch;
    }
    return m_venues.emplace(venue, std::move(ids)).first->second;
  }

 private:
  static constexpr std::size_t k_max_venues = 1 << 16;
  const std::vector<std::vector<CategorySynonym>>& m_synonyms;
  std::vector<std::vector<std::vector<std::uint32_t>>> m_names;
  std::unordered_map<std::string, std::vector<std::uint32_t>> m_venues;
  std::vector<std::uint32_t> m_scratch;
};

// The runs of parts of the title's CamelCase words ("QLoRA" -> "lora", "q"; "FlashAttention" ->
// "flash", "attention"), except the whole word; a run of two letters only when written in
// capitals ("KV"), none of one letter.
void add_parts(Interner& interner, FieldTokens& field, std::string_view title,
               const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  std::uint32_t word = 0;
  std::size_t added = 0;
  for (auto [begin, end] : spans) {
    std::string_view surface = title.substr(begin, end - begin);
    std::vector<std::string> parts = compound_parts(surface);
    if (parts.size() > k_part_stride) parts.resize(k_part_stride);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      std::string run;
      for (std::size_t j = i; j < parts.size(); ++j) {
        run += parts[j];
        if ((i == 0 && j + 1 == parts.size()) || run.size() < 2) continue;
        if (run.size() == 2 &&
            !std::all_of(run.begin(), run.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
          continue;
        }
        if (added++ == k_max_field_tokens) return;
        std::string folded = fold_case_accents(run);
        field.terms.push_back(interner.intern(fold_term(folded), folded));
        field.positions.push_back(word * k_part_stride + static_cast<std::uint32_t>(i));
      }
    }
    ++word;
  }
}

// Authors: every given name and its initial at one position, the family name after it (a
// literal name word by word), so `author:"tri dao"`, `author:"t dao"`, `author:"daniel fu"` (for
// Daniel Y. Fu) and `author:dao` match.
void add_authors(Interner& interner, FieldTokens& field, const Paper& paper) {
  std::uint32_t position = 0;
  std::size_t count = 0;
  auto add = [&](std::string_view text, bool given) {
    for (auto [begin, end] : word_spans(text, k_max_field_tokens)) {
      if (count >= k_max_field_tokens) return;
      Interner::Raw word = interner.intern_raw(text.substr(begin, end - begin));
      field.terms.push_back(word.id);
      field.positions.push_back(position);
      ++count;
      if (given && word.initial != '\0') {
        std::string initial(1, word.initial);
        field.terms.push_back(interner.intern(initial, initial));
        field.positions.push_back(position);
        ++count;
      }
      if (!given) ++position;
    }
  };
  for (const Author& a : paper.authors) {
    if (count >= k_max_field_tokens) break;
    if (!a.literal.empty()) {
      add(a.literal, false);
    } else {
      add(a.given, true);
      if (!a.given.empty()) ++position;
      add(a.family, false);
    }
    position += k_name_gap;
  }
}

// Papers [begin, end) tokenized into every field, with provisional term ids of one interner.
struct Tokenized {
  Interner interner;
  std::vector<FieldTokens> fields{SearchIndex::k_field_count};
};

void tokenize_papers(const Corpus& corpus,
                     const std::vector<std::vector<CategorySynonym>>& synonyms, PaperIndex begin,
                     PaperIndex end, Tokenized& out) {
  Interner& interner = out.interner;
  std::vector<FieldTokens>& fields = out.fields;
  RecurringTexts recurring(corpus, synonyms);
  std::vector<CategoryIndex> ancestors;
  for (PaperIndex p = begin; p < end; ++p) {
    const Paper& paper = corpus.paper(p);
    const auto title_spans = word_spans(paper.title, k_max_field_tokens);
    {
      std::uint32_t position = 0;
      for (auto [from, to] : title_spans) {
        fields[0].terms.push_back(
            interner.intern_raw(std::string_view(paper.title).substr(from, to - from)).id);
        fields[0].positions.push_back(position++);
      }
    }
    std::uint32_t base = 0;
    auto next_base = [&] {
      return (fields[1].positions.size() > fields[1].start.back() ? fields[1].positions.back()
                                                                  : 0) +
             k_name_gap;
    };
    for (CategoryIndex c : corpus.paper_categories(p)) {
      for (const auto& part : recurring.category(interner, corpus, c)) {
        add_terms(fields[1], part, base);
        base = next_base();
      }
    }
    // The branches above (not the top-level ones, which name half the corpus each), once each.
    ancestors.clear();
    for (CategoryIndex c : corpus.paper_categories(p)) {
      for (auto a = corpus.category(c).parent; a && corpus.category(*a).depth > 0;
           a = corpus.category(*a).parent) {
        ancestors.push_back(*a);
      }
    }
    std::sort(ancestors.begin(), ancestors.end());
    ancestors.erase(std::unique(ancestors.begin(), ancestors.end()), ancestors.end());
    std::uint32_t ancestor_base = 0;
    auto& above = fields[SearchIndex::ancestors];
    auto next_ancestor_base = [&] {
      return (above.positions.size() > above.start.back() ? above.positions.back() : 0) +
             k_name_gap;
    };
    for (CategoryIndex a : ancestors) {
      const auto& parts = recurring.category(interner, corpus, a);
      add_terms(above, parts[0], ancestor_base);
      for (std::size_t s = 1; s < parts.size(); ++s) {
        ancestor_base = next_ancestor_base();
        add_terms(above, parts[s], ancestor_base);
      }
      ancestor_base = next_ancestor_base();
    }
    add_terms(fields[2], recurring.venue(interner, paper.venue), 0);
    add_parts(interner, fields[3], paper.title, title_spans);
    add_authors(interner, fields[4], paper);
    for (auto& f : fields) f.start.push_back(f.terms.size());
  }
}

// Appends `later` (the papers after `into`'s) to `into`, as if one interner had tokenized both
// ranges in order: a term keeps the id and the surface word of its first paper, and the bounded
// word set takes the later range's new words in the order they were met until it is full.
void append_tokenized(Tokenized& into, Tokenized&& later) {
  Interner& a = into.interner;
  Interner& b = later.interner;
  std::vector<std::uint32_t> id(b.terms.size());
  for (std::uint32_t t = 0; t < b.terms.size(); ++t) {
    auto [it, added] = a.ids.try_emplace(b.terms[t], static_cast<std::uint32_t>(a.terms.size()));
    if (added) {
      a.terms.push_back(std::move(b.terms[t]));
      a.surface.push_back(std::move(b.surface[t]));
    }
    id[t] = it->second;
  }
  for (const auto* entry : b.word_order) {
    if (a.words.size() >= Interner::k_max_words) break;
    if (auto [w, added] = a.words.try_emplace(entry->first, id[entry->second]); added)
      a.word_order.push_back(&*w);
  }
  for (std::size_t f = 0; f < into.fields.size(); ++f) {
    FieldTokens& to = into.fields[f];
    FieldTokens& from = later.fields[f];
    const std::size_t offset = to.terms.size();
    to.terms.reserve(offset + from.terms.size());
    for (std::uint32_t t : from.terms) to.terms.push_back(id[t]);
    to.positions.insert(to.positions.end(), from.positions.begin(), from.positions.end());
    for (std::size_t i = 1; i < from.start.size(); ++i) to.start.push_back(offset + from.start[i]);
    std::vector<std::uint32_t>().swap(from.terms);
    std::vector<std::uint32_t>().swap(from.positions);
  }
}

// How many threads build the index: the ranges of papers are tokenized side by side, then the
// fields inverted side by side. Only for a corpus held in memory (a snapshot's papers are
// decoded on demand into a cache, which is not shared between threads), and only when it is
// large enough to gain: a thread costs little, but a small corpus builds in a millisecond.
unsigned build_threads(const Corpus& corpus, unsigned asked) {
  constexpr PaperIndex k_papers_per_thread = 50'000;
  if (corpus.store() != nullptr || corpus.paper_count() < 2) return 1;
  unsigned threads = asked;
  if (threads == 0) {
    threads = std::min(std::thread::hardware_concurrency(), 4u);
    threads = std::min<unsigned>(threads,
                                 static_cast<unsigned>(corpus.paper_count() / k_papers_per_thread));
  }
  return std::clamp<unsigned>(threads, 1u, static_cast<unsigned>(corpus.paper_count()));
}

// Runs work(0), ..., work(count - 1) on `threads` threads (this one among them); the first
// exception thrown is rethrown here once every thread has stopped.
void run_parallel(unsigned threads, std::size_t count,
                  const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(failure_lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> others;
  for (unsigned t = 1; t < threads && t < count; ++t) {
    try {
      others.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // no thread to be had (a process limit): the threads there are do the rest
    }
  }
  worker();
  for (auto& t : others) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

SearchIndex::SearchIndex(const Corpus& corpus) : SearchIndex(corpus, 0u) {}

SearchIndex::SearchIndex(const Corpus& corpus, unsigned threads_asked) : m_corpus(corpus) {
  const unsigned threads = build_threads(corpus, threads_asked);
  const std::vector<std::vector<CategorySynonym>> synonyms = category_synonyms(corpus);
  std::vector<Tokenized> ranges(threads);
  const PaperIndex papers = corpus.paper_count();
  run_parallel(threads, threads, [&](std::size_t r) {
    tokenize_papers(corpus, synonyms, static_cast<PaperIndex>(papers * r / threads),
                    static_cast<PaperIndex>(papers * (r + 1) / threads), ranges[r]);
  });
  for (std::size_t r = 1; r < ranges.size(); ++r) append_tokenized(ranges[0], std::move(ranges[r]));
  Interner& interner = ranges[0].interner;
  std::vector<FieldTokens>& fields = ranges[0].fields;
  // Final ids are ranks in the sorted vocabulary, so prefixes are contiguous ranges.
  std::vector<std::uint32_t> order(interner.terms.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return interner.terms[a] < interner.terms[b];
  });
  std::vector<std::uint32_t> rank(order.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    m_vocabulary.push_back(interner.terms[order[r]]);
    m_surface.push_back(interner.surface[order[r]]);
  }
  {
    std::vector<std::pair<std::string_view, std::uint32_t>> words;
    words.reserve(interner.words.size());
    for (auto& [word, id] : interner.words) words.emplace_back(word, rank[id]);
    std::sort(words.begin(), words.end());
    m_built_word_ids.reserve(words.size());
    for (const auto& [word, id] : words) {
      m_words.push_back(word);
      m_built_word_ids.push_back(id);
    }
    m_word_ids = m_built_word_ids;
  }
  m_fields.resize(fields.size());
  // The largest fields first, so that two threads finish together.
  std::vector<std::size_t> by_size(fields.size());
  std::iota(by_size.begin(), by_size.end(), std::size_t{0});
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return fields[a].terms.size() > fields[b].terms.size();
  });
  run_parallel(threads, fields.size(), [&](std::size_t i) {
    const std::size_t f = by_size[i];
    build_field(fields[f].terms, fields[f].positions, fields[f].start, rank, f);
  });
}

// Inverts one field: each term's postings in paper order. A first pass counts each term's
// papers, so every posting is written once into its place in one array.
void SearchIndex::build_field(const std::vector<std::uint32_t>& terms,
                              const std::vector<std::uint32_t>& positions,
                              const std::vector<std::size_t>& start,
                              const std::vector<std::uint32_t>& rank, std::size_t f) {
  FieldIndex& field = m_fields[f];
  field.weight = k_field_weights[f];
  const std::size_t papers = start.size() - 1;
  field.papers = papers;
  const std::size_t vocabulary = m_vocabulary.size();
  // next[t]: where term t's next posting goes; first the count of its papers.
  std::vector<std::uint32_t> next(vocabulary + 1, 0);
  {
    std::vector<PaperIndex> last(vocabulary, 0);  // 1 + the last paper counted for the term
    for (PaperIndex p = 0; p < papers; ++p) {
      for (std::size_t i = start[p]; i < start[p + 1]; ++i) {
        const std::uint32_t t = rank[terms[i]];
        if (last[t] != p + 1) {
          last[t] = p + 1;
          ++next[t + 1];
        }
      }
    }
  }
  for (std::size_t t = 1; t <= vocabulary; ++t) next[t] += next[t - 1];
  field.built_start.assign(next.begin(), next.end());
  field.built_postings.resize(next[vocabulary]);
  field.built_positions.reserve(positions.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (term id, position)
  for (PaperIndex p = 0; p < papers; ++p) {
    pairs.clear();
    for (std::size_t i = start[p]; i < start[p + 1]; ++i)
      pairs.emplace_back(rank[terms[i]], positions[i]);
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size();) {
      Posting posting{p, static_cast<std::uint32_t>(field.built_positions.size()), 0,
                      static_cast<std::uint32_t>(pairs.size())};
      std::size_t j = i;
      for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) {
        field.built_positions.push_back(pairs[j].second);
        ++posting.count;
      }
      field.built_postings[next[pairs[i].first]++] = posting;
      i = j;
    }
  }
  field.average_length =
      papers == 0 ? 0.0 : static_cast<double>(terms.size()) / static_cast<double>(papers);
  field.view_built();
}

void SearchIndex::FieldIndex::check_term(std::uint32_t t) const {
  in_place->verify(start.data() + t, 2 * sizeof(std::uint32_t));
  if (start[t] > start[t + 1] || start[t + 1] > postings.size())
    in_place->malformed("bad posting offsets");
  std::span<const Posting> list(postings.data() + start[t], postings.data() + start[t + 1]);
  in_place->verify(list.data(), list.size_bytes());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Posting& p = list[i];
    if (p.paper >= papers || (i > 0 && p.paper <= list[i - 1].paper))
      in_place->malformed("posting of an unknown paper");
    if (p.first_position > positions.size() || p.count > positions.size() - p.first_position)
      in_place->malformed("bad positions");
  }
  checked_terms[t] = 1;
}



std::optional<std::uint32_t> SearchIndex::term_id(std::string_view term) const {
  std::size_t at = m_vocabulary.lower_bound(term);
  if (at == m_vocabulary.size() || m_vocabulary[at] != term) return {};
  return static_cast<std::uint32_t>(at);
}

std::size_t StringTable::lower_bound(std::string_view key) const {
  std::size_t low = 0;
  std::size_t high = size();
  while (low < high) {
    std::size_t mid = low + (high - low) / 2;
    if ((*this)[mid] < key) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

bool StringTable::is_sorted() const {
  for (std::size_t i = 1; i < size(); ++i) {
    if ((*this)[i] < (*this)[i - 1]) return false;
  }
  return true;
}

void StringTable::push_back(std::string_view s) {
  if (m_built_offsets.empty()) m_built_offsets.push_back(0);
  if (s.size() > UINT32_MAX - m_built_bytes.size())
    throw DataError(Location{}, "the search index's words exceed 4 GiB of text");
  m_built_bytes.append(s);
  m_built_offsets.push_back(static_cast<std::uint32_t>(m_built_bytes.size()));
  m_offsets = m_built_offsets;
  m_bytes = std::span<const char>(m_built_bytes.data(), m_built_bytes.size());
}

bool StringTable::view(std::span<const std::uint32_t> offsets, std::span<const char> bytes) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != bytes.size()) return false;
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return false;
  }
  m_offsets = offsets;
  m_bytes = bytes;
  return true;
}

std::vector<std::size_t> facet_counts(const Corpus& corpus, const std::vector<PaperIndex>& papers) {
  return count_in_subtrees(corpus, papers);
}

}  // namespace papertree
