#include "papertree/corpus/corpus.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

DataError data_error(const std::string& origin, std::string path, const std::string& message) {
  return DataError(Location{origin, 0, 0, std::move(path)}, message);
}

// Throws unless `id` is a slug and `name` is not blank; `what` ("category", "framework") and
// `path` (its JSON path) say where.
void check_id_and_name(const std::string& origin, const std::string& path, std::string_view what,
                       const std::string& id, const std::string& name) {
  if (!is_slug(id)) {
    throw data_error(origin, path + ".id",
                     fmt::format("{} id {} is not a lowercase slug (a-z, 0-9 and single '-')", what,
                                 quote_for_message(id)));
  }
  if (trim(name).empty())
    throw data_error(origin, path + ".name", fmt::format("a {} name must not be empty", what));
}

// Flattens the nested taxonomy into pre-order, checking ids as it goes.
class TreeFlattener {
 public:
  TreeFlattener(const std::string& origin, std::vector<Category>& out)
      : m_origin(origin), m_out(out) {}

  void add(const CategoryNode& node, std::optional<CategoryIndex> parent,
           const std::string& json_path) {
    if (node.id.empty())
      throw data_error(m_origin, json_path + ".id", "a category id must not be empty");
    check_id_and_name(m_origin, json_path, "category", node.id, node.name);
    auto [it, fresh] = m_seen.emplace(node.id, json_path);
    if (!fresh) {
      throw data_error(
          m_origin, json_path + ".id",
          fmt::format("duplicate category id \"{}\" (first used at {})", node.id, it->second));
    }
    auto index = static_cast<CategoryIndex>(m_out.size());
    Category c;
    c.id = node.id;
    c.name = node.name;
    c.parent = parent;
    c.depth = parent ? m_out[*parent].depth + 1 : 0;
    c.path = parent ? m_out[*parent].path + "/" + node.id : node.id;
    m_out.push_back(std::move(c));
    if (parent) m_out[*parent].children.push_back(index);
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      add(node.children[i], index, fmt::format("{}.children[{}]", json_path, i));
    }
    m_out[index].subtree_end = static_cast<CategoryIndex>(m_out.size());
  }

 private:
  const std::string& m_origin;
  std::vector<Category>& m_out;
  std::unordered_map<std::string, std::string> m_seen;
};

}  // namespace

bool Paper::has_code() const {
  return std::any_of(links.begin(), links.end(), [](const Link& l) {
    std::string label = ascii_lower(l.label);
    return label.rfind("code", 0) == 0 || label == "github";
  });
}

void Corpus::index_taxonomy() {
  const CorpusData& d = m_data;
  TreeFlattener flattener(m_origin, m_categories);
  for (std::size_t i = 0; i < d.taxonomy.size(); ++i) {
    m_roots.push_back(static_cast<CategoryIndex>(m_categories.size()));
    flattener.add(d.taxonomy[i], std::nullopt, fmt::format("taxonomy[{}]", i));
  }
  auto& by_cat = m_category_by_id;
  for (CategoryIndex i = 0; i < m_categories.size(); ++i) by_cat.push_back(i);
  std::sort(by_cat.begin(), by_cat.end(), [&](CategoryIndex a, CategoryIndex b) {
    return m_categories[a].id < m_categories[b].id;
  });
}

Corpus Corpus::build(CorpusData data, const std::string& origin) {
  Corpus corpus;
  corpus.m_origin = origin;
  corpus.m_data = std::move(data);
  corpus.index_taxonomy();
  corpus.index_papers();
  corpus.index_frameworks();
  corpus.count_subtrees();
  return corpus;
}

Corpus Corpus::with_store(CorpusData head, const std::string& origin,
                          std::shared_ptr<const PaperStore> store,
                          const std::vector<std::size_t>& direct_counts,
                          const std::vector<std::size_t>& totals) {
  Corpus corpus;
  corpus.m_origin = origin;
  corpus.m_data = std::move(head);
  corpus.m_data.papers.clear();
  corpus.m_store = std::move(store);
  corpus.index_taxonomy();
  corpus.index_frameworks();
  const std::size_t n = corpus.m_store->paper_count();
  if (direct_counts.size() != corpus.m_categories.size() ||
      totals.size() != corpus.m_categories.size())
    corpus.m_store->malformed("the stored category counts do not match the taxonomy");
  std::size_t placed = 0;
  for (CategoryIndex c = 0; c < corpus.m_categories.size(); ++c) {
    if (totals[c] > n || direct_counts[c] > totals[c])
      corpus.m_store->malformed("a stored category count is out of range");
    corpus.m_categories[c].direct_count = direct_counts[c];
    corpus.m_categories[c].total_papers = totals[c];
    placed += direct_counts[c];
  }
  if (placed != corpus.m_store->placement_count())
    corpus.m_store->malformed("the stored category counts do not add up to the placements");
  return corpus;
}

const CorpusData& Corpus::data() const {
  if (m_store && !m_all_decoded) {
    const std::size_t n = m_store->paper_count();
    std::vector<Paper> papers;
    papers.reserve(n);
    for (PaperIndex p = 0; p < n; ++p) {
      auto it = m_decoded.papers.find(p);
      papers.push_back(it != m_decoded.papers.end() ? *it->second : Paper(decode(p)));
      if (it == m_decoded.papers.end()) m_decoded.papers.erase(p);
    }
    m_data.papers = std::move(papers);
    m_all_decoded = true;
  }
  return m_data;
}

const Paper& Corpus::paper(PaperIndex i) const {
  if (!m_store || m_all_decoded) return m_data.papers[i];
  auto it = m_decoded.papers.find(i);
  return it != m_decoded.papers.end() ? *it->second : decode(i);
}

// Decodes paper `p` from the store into m_decoded, checking it against what the store says of
// its placements, as build() checks a paper of the JSON.
const Paper& Corpus::decode(PaperIndex p) const {
  auto paper = std::make_unique<Paper>(decode_checked(p));
  return *m_decoded.papers.emplace(p, std::move(paper)).first->second;
}

Paper Corpus::decode_checked(PaperIndex p) const {
  if (p >= m_store->paper_count())
    m_store->malformed(fmt::format("papers[{}]: no such paper", p));
  Paper paper = m_store->paper(p);
  auto cats = paper_categories(p);
  bool consistent = is_slug(paper.id) && !trim(paper.title).empty() &&
                    paper.categories.size() == cats.size() && !cats.empty();
  for (std::size_t k = 0; consistent && k < cats.size(); ++k)
    consistent = paper.categories[k] == m_categories[cats[k]].id;
  if (!consistent)
    m_store->malformed(fmt::format("papers[{}]: the record of this paper is inconsistent", p));
  return paper;
}

const Paper& Corpus::paper_passing(PaperIndex i, Paper& scratch) const {
  if (!m_store || m_all_decoded) return m_data.papers[i];
  auto it = m_decoded.papers.find(i);
  if (it != m_decoded.papers.end()) return *it->second;
  scratch = decode_checked(i);
  return scratch;
}

void Corpus::index_papers() {
  const auto& papers = m_data.papers;
  const std::string& origin = m_origin;
  m_placement_start.reserve(papers.size() + 1);
  for (PaperIndex p = 0; p < papers.size(); ++p) {
    const Paper& paper = papers[p];
    // JSON paths are formatted only for an error: this loop runs once per paper.
    auto at = [p] { return fmt::format("papers[{}]", p); };
    if (paper.id.empty()) throw data_error(origin, at() + ".id", "a paper id must not be empty");
    if (!is_slug(paper.id)) {
      throw data_error(origin, at() + ".id",
                       fmt::format("paper id {} is not a lowercase slug (a-z, 0-9 and single '-')",
                                   quote_for_message(paper.id)));
    }
    if (trim(paper.title).empty())
      throw data_error(origin, at() + ".title", "a paper title must not be empty");
    if (paper.categories.empty()) {
      throw data_error(origin, at() + ".categories", "a paper must sit in at least one category");
    }
    m_placement_start.push_back(static_cast<std::uint32_t>(m_placement_cats.size()));
    for (std::size_t k = 0; k < paper.categories.size(); ++k) {
      auto c = find_category(paper.categories[k]);
      auto cat_path = [&] { return fmt::format("{}.categories[{}]", at(), k); };
      if (!c) {
        throw data_error(origin, cat_path(),
                         fmt::format("unknown category {} (not in the taxonomy)",
                                     quote_for_message(paper.categories[k])));
      }
      auto begin = m_placement_cats.begin() + m_placement_start.back();
      if (std::find(begin, m_placement_cats.end(), *c) != m_placement_cats.end()) {
        throw data_error(origin, cat_path(),
                         fmt::format("category \"{}\" is listed twice", paper.categories[k]));
      }
      m_placement_cats.push_back(*c);
      ++m_categories[*c].direct_count;
    }
  }
  m_placement_start.push_back(static_cast<std::uint32_t>(m_placement_cats.size()));
  // Every category's direct papers, in corpus order, as one array.
  m_direct_start.assign(m_categories.size() + 1, 0);
  for (CategoryIndex c = 0; c < m_categories.size(); ++c)
    m_direct_start[c + 1] = m_direct_start[c] + static_cast<std::uint32_t>(m_categories[c].direct_count);
  m_direct.resize(m_placement_cats.size());
  std::vector<std::uint32_t> fill(m_direct_start.begin(), m_direct_start.end() - 1);
  for (PaperIndex p = 0; p < papers.size(); ++p)
    for (std::uint32_t k = m_placement_start[p]; k < m_placement_start[p + 1]; ++k)
      m_direct[fill[m_placement_cats[k]]++] = p;

  index_paper_ids();
}

namespace {

constexpr PaperIndex k_no_paper = static_cast<PaperIndex>(-1);

std::size_t id_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

}  // namespace

// A hash table rather than a sorted index: sorting a million ids spent most of its time on cache
// misses comparing strings (perf: memcmp was the largest single cost of loading 100k papers).
void Corpus::index_paper_ids() {
  const auto& papers = m_data.papers;
  std::size_t capacity = 16;
  while (capacity < 2 * papers.size()) capacity *= 2;
  m_paper_slots.assign(capacity, k_no_paper);
  const std::size_t mask = capacity - 1;
  for (PaperIndex p = 0; p < papers.size(); ++p) {
    const std::string& id = papers[p].id;
    for (std::size_t slot = id_hash(id) & mask;; slot = (slot + 1) & mask) {
      PaperIndex there = m_paper_slots[slot];
      if (there == k_no_paper) {
        m_paper_slots[slot] = p;
        break;
      }
      if (papers[there].id == id) {
        throw data_error(
            m_origin, fmt::format("papers[{}].id", p),
            fmt::format("duplicate paper id \"{}\" (first used at papers[{}])", id, there));
      }
    }
  }
}

void Corpus::index_frameworks() {
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < m_data.frameworks.size(); ++i) {
    const Framework& f = m_data.frameworks[i];
    std::string at = fmt::format("frameworks[{}]", i);
    check_id_and_name(m_origin, at, "framework", f.id, f.name);
    auto [it, fresh] = seen.emplace(f.id, i);
    if (!fresh) {
      throw data_error(m_origin, at + ".id",
                       fmt::format("duplicate framework id \"{}\" (first used at frameworks[{}])",
                                   f.id, it->second));
    }
  }
}

void Corpus::count_subtrees() {
  std::vector<PaperIndex> all(paper_count());
  std::iota(all.begin(), all.end(), PaperIndex{0});
  std::vector<std::size_t> counts = count_in_subtrees(*this, all);
  for (CategoryIndex c = 0; c < m_categories.size(); ++c) m_categories[c].total_papers = counts[c];
}

std::vector<std::size_t> count_in_subtrees(const Corpus& corpus,
                                           std::span<const PaperIndex> papers) {
  std::vector<std::size_t> counts(corpus.categories().size(), 0);
  // A paper counts once per ancestor even when several of its categories share that ancestor:
  // stamp[c] == i + 1 once the i-th paper has been counted for category c.
  std::vector<std::size_t> stamp(counts.size(), 0);
  for (std::size_t i = 0; i < papers.size(); ++i) {
    for (CategoryIndex c : corpus.paper_categories(papers[i])) {
      for (std::optional<CategoryIndex> a = c; a && stamp[*a] != i + 1;
           a = corpus.category(*a).parent) {
        stamp[*a] = i + 1;
        ++counts[*a];
      }
    }
  }
  return counts;
}

std::span<const CategoryIndex> Corpus::paper_categories(PaperIndex p) const {
  if (m_store) return m_store->paper_categories(p, m_categories.size());
  return std::span<const CategoryIndex>(m_placement_cats.data() + m_placement_start[p],
                                        m_placement_start[p + 1] - m_placement_start[p]);
}

std::optional<CategoryIndex> Corpus::find_category(std::string_view id) const {
  auto it = std::lower_bound(
      m_category_by_id.begin(), m_category_by_id.end(), id,
      [&](CategoryIndex c, std::string_view key) { return m_categories[c].id < key; });
  if (it == m_category_by_id.end() || m_categories[*it].id != id) return std::nullopt;
  return *it;
}

std::span<const PaperIndex> Corpus::direct_papers(CategoryIndex c) const {
  if (m_store) return m_store->direct_papers(c);
  return std::span<const PaperIndex>(m_direct.data() + m_direct_start[c],
                                     m_direct_start[c + 1] - m_direct_start[c]);
}

std::optional<PaperIndex> Corpus::find_paper(std::string_view id) const {
  if (m_store) return m_store->find_paper(id);
  if (m_paper_slots.empty()) return std::nullopt;
  const std::size_t mask = m_paper_slots.size() - 1;
  for (std::size_t slot = id_hash(id) & mask;; slot = (slot + 1) & mask) {
    PaperIndex there = m_paper_slots[slot];
    if (there == k_no_paper) return std::nullopt;
    if (m_data.papers[there].id == id) return there;
  }
}

std::vector<PaperIndex> Corpus::papers_under(CategoryIndex c, bool direct) const {
  if (direct) {
    auto d = direct_papers(c);
    return {d.begin(), d.end()};
  }
  if (m_categories[c].subtree_end == c + 1) {
    auto d = direct_papers(c);
    return {d.begin(), d.end()};
  }
  // A paper may sit in several categories of the subtree: mark them in a bit set, then read it
  // in order (a pass over paper_count() / 64 words, cheaper than sorting a long list).
  std::vector<std::uint64_t> marked((paper_count() + 63) / 64, 0);
  for (CategoryIndex i = c; i < m_categories[c].subtree_end; ++i)
    for (PaperIndex p : direct_papers(i)) marked[p / 64] |= std::uint64_t{1} << (p % 64);
  std::vector<PaperIndex> out;
  out.reserve(m_categories[c].total_papers);
  for (std::size_t w = 0; w < marked.size(); ++w) {
    for (std::uint64_t bits = marked[w]; bits != 0; bits &= bits - 1)
      out.push_back(static_cast<PaperIndex>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
  }
  return out;
}

std::string Corpus::display_path(CategoryIndex c) const {
  std::vector<CategoryIndex> chain;
  for (std::optional<CategoryIndex> at = c; at; at = m_categories[*at].parent) chain.push_back(*at);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!out.empty()) out += " / ";
    out += m_categories[*it].name;
  }
  return out;
}

std::vector<std::string> check_consistency(const Corpus& corpus) {
  std::vector<std::string> problems;
  auto cats = corpus.categories();
  std::unordered_set<std::string_view> ids;
  for (CategoryIndex c = 0; c < cats.size(); ++c) {
    const Category& cat = cats[c];
    if (!ids.insert(cat.id).second)
      problems.push_back(fmt::format("category id \"{}\" is not unique", cat.id));
    if (corpus.find_category(cat.id) != c)
      problems.push_back(fmt::format("lookup of \"{}\" is wrong", cat.id));
    if (cat.subtree_end <= c || cat.subtree_end > cats.size()) {
      problems.push_back(fmt::format("category \"{}\" has a bad subtree range", cat.id));
    }
    std::size_t child_max = 0;
    for (CategoryIndex ch : cat.children) {
      if (cats[ch].parent != c)
        problems.push_back(fmt::format("\"{}\" does not point back to its parent", cats[ch].id));
      if (!corpus.in_subtree(ch, c))
        problems.push_back(fmt::format("\"{}\" lies outside its parent's range", cats[ch].id));
      child_max = std::max(child_max, cats[ch].total_papers);
    }
    std::size_t expect = corpus.papers_under(c).size();
    if (cat.total_papers != expect || cat.total_papers < child_max ||
        cat.total_papers < cat.direct_count || corpus.direct_papers(c).size() != cat.direct_count) {
      problems.push_back(fmt::format("category \"{}\" counts {} papers, its subtree holds {}",
                                     cat.id, cat.total_papers, expect));
    }
  }
  for (PaperIndex p = 0; p < corpus.paper_count(); ++p) {
    const Paper& paper = corpus.paper(p);
    if (corpus.find_paper(paper.id) != p)
      problems.push_back(fmt::format("paper id \"{}\" is not unique", paper.id));
    if (paper.categories.size() != corpus.paper_categories(p).size()) {
      problems.push_back(fmt::format("paper \"{}\" lost a category", paper.id));
    }
    for (const std::string& id : paper.categories) {
      if (!corpus.find_category(id))
        problems.push_back(fmt::format("paper \"{}\" names unknown \"{}\"", paper.id, id));
    }
  }
  return problems;
}

}  // namespace papertree
