#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"
#include "papertree/corpus/venue.hpp"

namespace papertree {

namespace {

constexpr double k_field_weights[] = {3.0, 1.0, 0.5};  // title, category names, venue
// Positions between two category names, so a phrase never spans two names.
constexpr std::uint32_t k_name_gap = 100;

// The tokens of one field for every paper, as provisional term ids (CSR layout).
struct FieldTokens {
  std::vector<std::uint32_t> terms;
  std::vector<std::uint32_t> positions;
  std::vector<std::size_t> start{0};  // paper p's tokens are [start[p], start[p + 1])
};

// Assigns provisional ids to terms in the order they are first seen.
struct Interner {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> terms;
  std::vector<std::string> surface;

  std::uint32_t intern(const TextToken& t, std::string_view source) {
    auto [it, added] = ids.try_emplace(t.term, static_cast<std::uint32_t>(terms.size()));
    if (added) {
      terms.push_back(t.term);
      surface.push_back(fold_case_accents(source.substr(t.begin, t.end - t.begin)));
    }
    return it->second;
  }
};

void add_text(Interner& interner, FieldTokens& field, std::string_view text, std::uint32_t base) {
  std::uint32_t position = base;
  for (const TextToken& t : tokenize(text)) {
    field.terms.push_back(interner.intern(t, text));
    field.positions.push_back(position++);
  }
}

}  // namespace

SearchIndex::SearchIndex(const Corpus& corpus) : m_corpus(corpus) {
  Interner interner;
  std::vector<FieldTokens> fields(3);
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) {
    const Paper& paper = corpus.paper(p);
    add_text(interner, fields[0], paper.title, 0);
    std::uint32_t base = 0;
    for (CategoryIndex c : corpus.paper_categories(p)) {
      add_text(interner, fields[1], corpus.category(c).name, base);
      base =
          (fields[1].positions.size() > fields[1].start.back() ? fields[1].positions.back() : 0) +
          k_name_gap;
    }
    add_text(interner, fields[2], normalize_venue(paper.venue), 0);
    for (auto& f : fields) f.start.push_back(f.terms.size());
  }
  // Final ids are ranks in the sorted vocabulary, so prefixes are contiguous ranges.
  std::vector<std::uint32_t> order(interner.terms.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return interner.terms[a] < interner.terms[b];
  });
  std::vector<std::uint32_t> rank(order.size());
  m_vocabulary.reserve(order.size());
  m_surface.reserve(order.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    m_vocabulary.push_back(std::move(interner.terms[order[r]]));
    m_surface.push_back(std::move(interner.surface[order[r]]));
  }
  m_fields.resize(fields.size());
  for (std::size_t f = 0; f < fields.size(); ++f)
    build_field(fields[f].terms, fields[f].positions, fields[f].start, rank, f);
}

void SearchIndex::build_field(const std::vector<std::uint32_t>& terms,
                              const std::vector<std::uint32_t>& positions,
                              const std::vector<std::size_t>& start,
                              const std::vector<std::uint32_t>& rank, std::size_t f) {
  FieldIndex& field = m_fields[f];
  field.weight = k_field_weights[f];
  std::vector<std::vector<Posting>> by_term(m_vocabulary.size());
  field.positions.reserve(positions.size());
  const std::size_t papers = start.size() - 1;
  field.length.resize(papers);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (term id, position)
  for (PaperIndex p = 0; p < papers; ++p) {
    pairs.clear();
    for (std::size_t i = start[p]; i < start[p + 1]; ++i)
      pairs.emplace_back(rank[terms[i]], positions[i]);
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size();) {
      Posting posting{p, static_cast<std::uint32_t>(field.positions.size()), 0};
      std::size_t j = i;
      for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) {
        field.positions.push_back(pairs[j].second);
        ++posting.count;
      }
      by_term[pairs[i].first].push_back(posting);
      i = j;
    }
    field.length[p] = static_cast<std::uint32_t>(pairs.size());
  }
  field.start.reserve(by_term.size() + 1);
  field.start.push_back(0);
  for (auto& list : by_term) {
    field.postings.insert(field.postings.end(), list.begin(), list.end());
    field.start.push_back(static_cast<std::uint32_t>(field.postings.size()));
    std::vector<Posting>().swap(list);
  }
  field.average_length =
      papers == 0 ? 0.0 : static_cast<double>(terms.size()) / static_cast<double>(papers);
}

std::optional<std::uint32_t> SearchIndex::term_id(std::string_view term) const {
  auto it = std::lower_bound(m_vocabulary.begin(), m_vocabulary.end(), term);
  if (it == m_vocabulary.end() || *it != term) return {};
  return static_cast<std::uint32_t>(it - m_vocabulary.begin());
}

std::vector<std::size_t> facet_counts(const Corpus& corpus, const std::vector<PaperIndex>& papers) {
  return count_in_subtrees(corpus, papers);
}

}  // namespace papertree
