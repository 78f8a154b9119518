// papertree_gen_corpus: writes a deterministic synthetic corpus of N papers over a real corpus's
// taxonomy, for the benchmarks and bench/compare. Everything it writes is drawn from a template
// corpus (the embedded survey unless --from names another): the taxonomy and frameworks are
// copied; title lengths, title words (first words, then a bigram walk), venue/year/kind, link
// labels and the number of categories per paper follow the template's distributions; category
// placements follow the template's placement frequencies. Same template, N and seed: same bytes
// out.
//
//   papertree_gen_corpus --papers N [--seed S] [--from FILE] [-o FILE] [--markdown FILE]
//
// The JSON is canonical (what `to_canonical_json` would write), so it round-trips unchanged.
// --markdown also writes the papers as a markdown list in the upstream README's shape (headings
// for categories, one bullet per placement), for the grep/rg side of bench/compare.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "papertree/embedded.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/load.hpp"
#include "papertree/text/text.hpp"

namespace {

using papertree::CorpusData;
using papertree::Paper;
using Json = nlohmann::ordered_json;

// What the generator samples from, learnt from the template corpus (pointers into its papers).
struct Model {
  std::vector<std::string> first_words;  // first word of each real title
  std::vector<std::string> other_words;  // every later word of every real title
  std::map<std::string, std::vector<std::string>> next_words;  // words seen after a word
  std::vector<std::size_t> title_lengths;                      // words per real title
  std::vector<const Paper*> papers;          // venue, year, kind and link labels come in pairs
  std::vector<std::string> placements;       // category ids of every real placement
  std::vector<std::size_t> category_counts;  // categories per real paper
  std::vector<papertree::Author> authors;    // every real author (often none)
};

// A deterministic random source: mt19937_64's sequence is fixed by the standard, the library's
// distributions are not, so the picks are done here.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : m_engine() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::mt19937_64 m_engine;
};

std::vector<std::string> split_words(const std::string& title) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < title.size()) {
    std::size_t j = title.find(' ', i);
    if (j == std::string::npos) j = title.size();
    if (j > i) words.push_back(title.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

Model learn(const std::vector<Paper>& real) {
  Model m;
  for (const Paper& p : real) {
    auto words = split_words(p.title);
    if (words.empty()) continue;
    m.first_words.push_back(words.front());
    m.other_words.insert(m.other_words.end(), words.begin() + 1, words.end());
    for (std::size_t i = 1; i < words.size(); ++i) m.next_words[words[i - 1]].push_back(words[i]);
    m.title_lengths.push_back(words.size());
    m.papers.push_back(&p);
    m.placements.insert(m.placements.end(), p.categories.begin(), p.categories.end());
    m.category_counts.push_back(p.categories.size());
    m.authors.insert(m.authors.end(), p.authors.begin(), p.authors.end());
  }
  if (m.papers.empty())
    throw papertree::UsageError("the template corpus has no papers to learn from");
  if (m.other_words.empty()) m.other_words = m.first_words;
  return m;
}

std::string make_title(const Model& m, Random& rnd) {
  std::size_t length = rnd.pick(m.title_lengths);
  // A bigram walk: mostly a word that follows the previous one in a real title, so phrases such
  // as "large language models" occur as often as they do in the template; sometimes any word.
  std::string word = rnd.pick(m.first_words);
  std::string title = word;
  for (std::size_t i = 1; i < length; ++i) {
    auto next = m.next_words.find(word);
    word = next != m.next_words.end() && rnd.chance(80) ? rnd.pick(next->second)
                                                        : rnd.pick(m.other_words);
    title += ' ';
    title += word;
  }
  return title;
}

// Distinct categories, as many as a sampled real paper has (fewer when duplicates keep coming).
std::vector<std::string> make_categories(const Model& m, Random& rnd) {
  std::size_t want = rnd.pick(m.category_counts);
  std::vector<std::string> out;
  for (std::size_t tries = 0; out.size() < want && tries < 8 * want; ++tries) {
    const std::string& c = rnd.pick(m.placements);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

Paper make_paper(const Model& m, Random& rnd, std::size_t n) {
  const Paper& like = *rnd.pick(m.papers);
  Paper p;
  p.title = make_title(m, rnd);
  std::string slug = papertree::slugify(p.title.substr(0, p.title.find(' ')));
  if (slug.size() > 24) slug.resize(24);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  p.id = fmt::format("{}-{}", slug.empty() ? "paper" : slug, n + 1);
  if (!like.authors.empty()) {
    std::size_t count = 1 + rnd.below(std::min<std::size_t>(6, m.authors.size()));
    for (std::size_t i = 0; i < count; ++i) p.authors.push_back(rnd.pick(m.authors));
  }
  p.venue = like.venue;
  p.year = like.year;
  p.kind = like.kind;
  int yy = (like.year >= 2007 ? like.year : 2023) % 100;
  std::string arxiv = fmt::format("{:02d}{:02d}.{:05d}", yy, 1 + n % 12, n % 100000);
  for (const auto& l : like.links) {
    std::string label = papertree::ascii_lower(l.label);
    if (label == "paper") {
      p.arxiv = arxiv;
      p.links.push_back({l.label, "https://arxiv.org/abs/" + arxiv});
    } else if (label.rfind("code", 0) == 0 || label == "github") {
      p.links.push_back({l.label, fmt::format("https://github.com/lab-{}/{}", n % 997, p.id)});
    } else {
      p.links.push_back({l.label, fmt::format("https://example.org/{}/{}", label, p.id)});
    }
  }
  p.categories = make_categories(m, rnd);
  return p;
}

// One paper in canonical form (load.hpp's paper_to_json), indented as an element of
// the top-level "papers" array.
std::string paper_json(const Paper& p) {
  Json out = papertree::paper_to_json(p);
  std::string text = out.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string indented = "    ";
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  return indented;
}

// The canonical corpus with the papers written one at a time, spliced where the canonical
// form of the paperless corpus has its empty "papers" array.
void write_json(const CorpusData& shell, const std::vector<Paper>& papers, std::ostream& out) {
  std::string text = papertree::to_canonical_json(shell);
  const std::string empty = "\n  \"papers\": [],\n";
  std::size_t at = text.find(empty);
  if (at == std::string::npos) throw papertree::UsageError("cannot place the papers array");
  out << text.substr(0, at) << "\n  \"papers\": [";
  for (std::size_t i = 0; i < papers.size(); ++i)
    out << (i == 0 ? "\n" : ",\n") << paper_json(papers[i]);
  out << (papers.empty() ? "],\n" : "\n  ],\n") << text.substr(at + empty.size());
}

void write_markdown_node(const papertree::CategoryNode& node, int depth,
                         const std::vector<std::vector<std::size_t>>& by_category,
                         const std::vector<std::string>& ids, const std::vector<Paper>& papers,
                         std::ostream& out) {
  out << std::string(std::min(depth + 2, 6), '#') << ' ' << node.name << '\n';
  auto slot = std::lower_bound(ids.begin(), ids.end(), node.id) - ids.begin();
  for (std::size_t p : by_category[slot]) {
    const Paper& paper = papers[p];
    out << "- " << paper.title << ", <ins>" << paper.venue << ", " << paper.year << "</ins>";
    for (const auto& l : paper.links) out << " [[" << l.label << "](" << l.url << ")]";
    out << '\n';
  }
  for (const auto& child : node.children)
    write_markdown_node(child, depth + 1, by_category, ids, papers, out);
}

void collect_ids(const papertree::CategoryNode& node, std::vector<std::string>& ids) {
  ids.push_back(node.id);
  for (const auto& child : node.children) collect_ids(child, ids);
}

void write_markdown(const CorpusData& shell, const std::vector<Paper>& papers, std::ostream& out) {
  std::vector<std::string> ids;
  for (const auto& node : shell.taxonomy) collect_ids(node, ids);
  std::sort(ids.begin(), ids.end());
  std::vector<std::vector<std::size_t>> by_category(ids.size());
  for (std::size_t p = 0; p < papers.size(); ++p) {
    for (const auto& c : papers[p].categories)
      by_category[std::lower_bound(ids.begin(), ids.end(), c) - ids.begin()].push_back(p);
  }
  out << "# " << shell.title << "\n\n";
  for (const auto& node : shell.taxonomy)
    write_markdown_node(node, 0, by_category, ids, papers, out);
}

struct Options {
  std::size_t papers = 1000;
  std::uint64_t seed = 1;
  std::string from;
  std::string output = "-";
  std::string markdown;
};

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw papertree::UsageError(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--papers" || arg == "-n") {
      o.papers = std::stoull(value());
    } else if (arg == "--seed") {
      o.seed = std::stoull(value());
    } else if (arg == "--from") {
      o.from = value();
    } else if (arg == "-o" || arg == "--output") {
      o.output = value();
    } else if (arg == "--markdown") {
      o.markdown = value();
    } else {
      throw papertree::UsageError(
          "usage: papertree_gen_corpus --papers N [--seed S] [--from FILE] [-o FILE] "
          "[--markdown FILE]");
    }
  }
  return o;
}

void write_to(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw papertree::IoError(path + ": cannot open for writing");
  write(out);
  if (!out.flush()) throw papertree::IoError(path + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o = parse_args(argc, argv);
    CorpusData shell = o.from.empty()
                           ? papertree::parse_corpus(papertree::embedded_corpus_json(),
                                                     std::string(papertree::k_embedded_origin))
                           : papertree::parse_corpus(papertree::read_file(o.from), o.from);
    std::vector<Paper> real = std::move(shell.papers);
    shell.papers.clear();
    Model model = learn(real);
    Random rnd(o.seed);
    std::vector<Paper> papers;
    papers.reserve(o.papers);
    for (std::size_t n = 0; n < o.papers; ++n) papers.push_back(make_paper(model, rnd, n));
    shell.title = fmt::format("{} (synthetic: {} papers, seed {})", shell.title, o.papers, o.seed);
    write_to(o.output, [&](std::ostream& out) { write_json(shell, papers, out); });
    if (!o.markdown.empty())
      write_to(o.markdown, [&](std::ostream& out) { write_markdown(shell, papers, out); });
    return 0;
  } catch (const papertree::Error& e) {
    std::cerr << "papertree_gen_corpus: error: " << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << "papertree_gen_corpus: error: " << e.what() << '\n';
    return 2;
  }
}
