#include <algorithm>
#include <unordered_map>

#include "papertree/search.hpp"
#include "papertree/text.hpp"
#include "papertree/venue.hpp"

namespace papertree {

namespace {

constexpr double k_title_weight = 3.0;
constexpr double k_category_weight = 1.0;
constexpr double k_venue_weight = 0.5;
// Positions between two category names, so a phrase never spans two names.
constexpr std::uint32_t k_name_gap = 100;

struct PaperText {
  std::vector<TextToken> tokens;
  std::vector<std::uint32_t> positions;
};

}  // namespace

SearchIndex::SearchIndex(const Corpus& corpus) : m_corpus(corpus) {
  std::vector<std::vector<std::vector<TextToken>>> texts(3);
  for (auto& field : texts) field.resize(corpus.papers().size());
  for (PaperIndex p = 0; p < corpus.papers().size(); ++p) {
    const Paper& paper = corpus.paper(p);
    texts[0][p] = tokenize(paper.title);
    for (CategoryIndex c : corpus.paper_categories(p)) {
      auto name = tokenize(corpus.category(c).name);
      // `begin` carries the position for category names (gaps between names).
      std::size_t base = texts[1][p].empty() ? 0 : texts[1][p].back().begin + k_name_gap;
      for (std::size_t i = 0; i < name.size(); ++i) name[i].begin = base + i;
      texts[1][p].insert(texts[1][p].end(), name.begin(), name.end());
    }
    texts[2][p] = tokenize(normalize_venue(paper.venue));
  }
  build(texts);
}

void SearchIndex::build(const std::vector<std::vector<std::vector<TextToken>>>& texts) {
  std::unordered_map<std::string, std::string> surface;
  for (std::size_t f = 0; f < texts.size(); ++f) {
    for (PaperIndex p = 0; p < texts[f].size(); ++p) {
      for (const TextToken& t : texts[f][p]) {
        if (surface.count(t.term)) continue;
        surface[t.term] =
            f == 0 ? fold_case_accents(m_corpus.paper(p).title.substr(t.begin, t.end - t.begin))
                   : t.term;
      }
    }
  }
  m_vocabulary.reserve(surface.size());
  for (const auto& entry : surface) m_vocabulary.push_back(entry.first);
  std::sort(m_vocabulary.begin(), m_vocabulary.end());
  for (const auto& term : m_vocabulary) m_surface.push_back(surface[term]);

  const double weights[] = {k_title_weight, k_category_weight, k_venue_weight};
  m_fields.resize(texts.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> terms;  // (term id, position)
  for (std::size_t f = 0; f < texts.size(); ++f) {
    FieldIndex& field = m_fields[f];
    field.weight = weights[f];
    field.postings.resize(m_vocabulary.size());
    field.length.resize(texts[f].size());
    std::size_t total = 0;
    for (PaperIndex p = 0; p < texts[f].size(); ++p) {
      terms.clear();
      for (std::uint32_t i = 0; i < texts[f][p].size(); ++i) {
        const TextToken& t = texts[f][p][i];
        terms.emplace_back(*term_id(t.term), f == 1 ? static_cast<std::uint32_t>(t.begin) : i);
      }
      std::sort(terms.begin(), terms.end());
      for (std::size_t i = 0; i < terms.size();) {
        std::size_t j = i;
        Posting posting{p, static_cast<std::uint32_t>(field.positions.size()), 0};
        for (; j < terms.size() && terms[j].first == terms[i].first; ++j) {
          field.positions.push_back(terms[j].second);
          ++posting.count;
        }
        field.postings[terms[i].first].push_back(posting);
        i = j;
      }
      field.length[p] = static_cast<std::uint32_t>(terms.size());
      total += terms.size();
    }
    field.average_length = texts[f].empty() ? 0.0 : static_cast<double>(total) / texts[f].size();
  }
}

std::optional<std::uint32_t> SearchIndex::term_id(std::string_view term) const {
  auto it = std::lower_bound(m_vocabulary.begin(), m_vocabulary.end(), term);
  if (it == m_vocabulary.end() || *it != term) return {};
  return static_cast<std::uint32_t>(it - m_vocabulary.begin());
}

}  // namespace papertree
