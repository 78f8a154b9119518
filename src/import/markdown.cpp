#include "papertree/import/markdown.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entry.hpp"
#include "frameworks.hpp"
#include "ids.hpp"
#include "outline.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"
#include "parts.hpp"

namespace papertree {

using namespace import_detail;

namespace {

constexpr std::string_view k_entry_form = "'- Title, <ins>Venue, Year</ins> [[Paper](url)]'";

void refuse_binary(std::string_view text, const std::string& origin) {
  std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return;
  std::size_t line =
      static_cast<std::size_t>(std::count(text.begin(), text.begin() + nul, '\n')) + 1;
  throw DataError(Location{origin, line, 0, {}},
                  "this is a binary file (it holds a NUL byte), not a markdown paper list");
}

bool looks_like_entry(const Bullet& b) {
  return has_slot_tag(b.text) || b.text.find("](") != std::string_view::npos || b.has_link;
}

// A list item with no link and no slot tag is an entry in the byline form ("*Title*. A. Author,
// B. Author. Venue 2023") when a title, authors and a year are read from it.
bool reads_as_byline_entry(const Bullet& b) {
  std::vector<ImportWarning> scratch;
  ParsedEntry e = read_by_parts(b.pieces, b.line, scratch);
  return !e.title.empty() && !e.authors.empty() && e.year != 0;
}

// The first `limit` characters of `text` (whole UTF-8 characters), "…" when there is more.
std::string shorten(std::string_view text, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == limit) return std::string(trim(text.substr(0, i))) + "\xE2\x80\xA6";
  }
  return std::string(text);
}

// Sections of a paper list that are about the list, not part of its taxonomy, by the first
// words of their name.
constexpr std::array<std::string_view, 15> k_notes_sections = {
    "news",     "citation",     "how to cite",  "cite",         "table of content",
    "contents", "contributing", "contributors", "community",    "acknowledg",
    "license",  "introduction", "about",        "star history", "updates"};

// The heading, among `h` and its ancestors below the document title, whose name marks a notes
// section, or -1.
int notes_section(const Outline& o, int h, int title) {
  for (; h >= 0 && h != title; h = o.headings[h].parent) {
    std::string name = ascii_lower(o.headings[h].name);
    for (std::string_view word : k_notes_sections) {
      if (!name.starts_with(word)) continue;
      // A whole word ("news", "news:"), or a stem ("acknowledg…", "table of content…").
      bool stem = word == "acknowledg" || word == "table of content";
      if (stem || name.size() == word.size() ||
          std::isalpha(static_cast<unsigned char>(name[word.size()])) == 0) {
        return h;
      }
    }
  }
  return -1;
}

// The document title: the first heading, when it is the only one of the smallest level.
int title_heading(const Outline& o) {
  int min_level = 7;
  for (const Heading& h : o.headings) min_level = std::min(min_level, h.level);
  int count = 0;
  for (const Heading& h : o.headings) count += h.level == min_level ? 1 : 0;
  return count == 1 && o.headings.front().level == min_level ? 0 : -1;
}

// Builds the taxonomy from the headings that hold entries or a frameworks table, directly or
// below them, and gives every kept heading a unique slug id.
class TaxonomyBuilder {
 public:
  TaxonomyBuilder(const Outline& o, int title)
      : m_o(o), m_title(title), m_keep(o.headings.size()) {}

  void keep(int heading) {
    for (int h = heading; h >= 0 && h != m_title; h = m_o.headings[h].parent) m_keep[h] = true;
  }
  bool kept(int heading) const { return heading >= 0 && m_keep[heading]; }
  const std::string& id(int heading) const { return m_ids.at(heading); }

  std::vector<CategoryNode> build() {
    std::vector<CategoryNode> roots;
    for (std::size_t h = 0; h < m_o.headings.size(); ++h) {
      int parent = m_o.headings[h].parent;
      if (m_keep[h] && (parent == -1 || parent == m_title))
        roots.push_back(node(static_cast<int>(h)));
    }
    return roots;
  }

 private:
  CategoryNode node(int h) {
    const Heading& heading = m_o.headings[h];
    CategoryNode n;
    n.name = heading.name.empty() ? heading.raw : heading.name;
    std::string slug = slugify(n.name);
    if (slug.empty()) slug = "category";
    if (m_used.taken(slug) && kept(heading.parent)) slug = m_ids[heading.parent] + "-" + slug;
    std::string id = m_used.take(slug);
    m_ids[h] = id;
    n.id = id;
    for (int child : heading.children) {
      if (m_keep[child]) n.children.push_back(node(child));
    }
    return n;
  }

  const Outline& m_o;
  int m_title;
  std::vector<bool> m_keep;
  UniqueIds m_used;
  std::unordered_map<int, std::string> m_ids;
};

// Merges the entries into papers: one paper per normalised title, one placement per heading.
class PaperMerger {
 public:
  explicit PaperMerger(std::vector<ImportWarning>& w) : m_w(w) {}

  void add(ParsedEntry e, const std::string& category, const std::string& heading_name,
           std::size_t line) {
    std::string key = match_key(e.title);
    check_shared_arxiv(e, key, line);
    std::size_t p = same_paper(e, key, line);
    if (p == m_papers.size()) {
      index_title(key, e.arxiv, p);
      if (!e.arxiv.empty()) m_by_arxiv.emplace(e.arxiv, std::make_pair(p, line));
      m_first_line.push_back(line);
      m_placed.push_back({{category, line}});
      m_papers.push_back(new_paper(std::move(e), category));
      return;
    }
    auto [it, fresh] = m_placed[p].emplace(category, line);
    if (!fresh) {
      ++m_repeats;
      m_w.push_back(
          {line,
           fmt::format("\"{}\" is listed again under \"{}\" (first at line {}); repeat dropped",
                       e.title, heading_name, it->second)});
      return;
    }
    merge(p, e, line);
    m_papers[p].categories.push_back(category);
  }

  std::vector<Paper> take() { return std::move(m_papers); }
  std::size_t repeats() const { return m_repeats; }

 private:
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

  /// The papers sharing one title key: the first, the first with no arXiv id, the first per id.
  struct TitlePapers {
    std::size_t first = k_none;
    std::size_t first_without_arxiv = k_none;
    std::unordered_map<std::string, std::size_t> by_arxiv;
  };

  void index_title(const std::string& key, const std::string& arxiv, std::size_t p) {
    TitlePapers& t = m_by_key[key];
    if (t.first == k_none) t.first = p;
    if (arxiv.empty() && t.first_without_arxiv == k_none) t.first_without_arxiv = p;
    if (!arxiv.empty()) t.by_arxiv.emplace(arxiv, p);
  }

  Paper new_paper(ParsedEntry e, const std::string& category) {
    Paper p;
    std::string base = paper_id_base(e.title);
    if (base.empty()) base = "paper";
    p.id = m_ids.take(base);
    p.title = std::move(e.title);
    p.venue = std::move(e.venue);
    p.year = e.year;
    p.kind = std::move(e.kind);
    p.links = std::move(e.links);
    p.arxiv = std::move(e.arxiv);
    p.authors = std::move(e.authors);
    p.authors_truncated = e.authors_truncated;
    p.categories.push_back(category);
    return p;
  }

  // Adds a later listing `e` of paper `index`: its new links, a warning on another venue or year.
  void merge(std::size_t index, const ParsedEntry& e, std::size_t line) {
    Paper& p = m_papers[index];
    std::size_t first = m_first_line[index];
    if (p.venue != e.venue || p.year != e.year) {
      m_w.push_back(
          {line,
           fmt::format("\"{}\" is listed at line {} as \"{}, {}\" and here as \"{}, {}\"; kept "
                       "line {}'s",
                       e.title, first, p.venue, p.year, e.venue, e.year, first)});
    }
    if (p.authors.empty() && !e.authors.empty()) {
      p.authors = e.authors;
      p.authors_truncated = e.authors_truncated;
    }
    std::unordered_set<std::string>& known = m_urls[index];
    if (known.empty()) {
      for (const Link& l : p.links) known.insert(l.url);
    }
    for (const Link& l : e.links) {
      if (known.insert(l.url).second) p.links.push_back(l);
    }
  }

  // The paper an entry with this title key is a listing of; m_papers.size() for a new paper. A
  // paper with the same title but another arXiv id is another paper (a warning says so).
  // The first paper with this key that has no arXiv id or the entry's: found through the
  // index, not by walking all papers of one title (which is quadratic when thousands share it).
  std::size_t same_paper(const ParsedEntry& e, const std::string& key, std::size_t line) {
    auto found = m_by_key.find(key);
    if (found == m_by_key.end()) return m_papers.size();
    const TitlePapers& t = found->second;
    if (e.arxiv.empty()) return t.first;
    std::size_t p = t.first_without_arxiv;
    if (auto same = t.by_arxiv.find(e.arxiv); same != t.by_arxiv.end())
      p = std::min(p, same->second);
    if (p != k_none) return p;
    std::size_t first = t.first;
    m_w.push_back(
        {line, fmt::format("\"{}\" links arXiv {} but the same title at line {} links "
                           "arXiv {}; kept as two papers",
                           e.title, e.arxiv, m_first_line[first], m_papers[first].arxiv)});
    return m_papers.size();
  }

  void check_shared_arxiv(const ParsedEntry& e, const std::string& key, std::size_t line) {
    if (e.arxiv.empty()) return;
    auto it = m_by_arxiv.find(e.arxiv);
    if (it == m_by_arxiv.end()) return;
    const Paper& other = m_papers[it->second.first];
    if (match_key(other.title) == key) return;
    m_w.push_back(
        {line, fmt::format("\"{}\" links arXiv {} like \"{}\" (line {}), whose title differs; kept "
                           "as two papers",
                           e.title, e.arxiv, other.title, it->second.second)});
  }

  std::vector<ImportWarning>& m_w;
  std::vector<Paper> m_papers;
  std::vector<std::size_t> m_first_line;
  std::vector<std::map<std::string, std::size_t>> m_placed;
  std::unordered_map<std::string, TitlePapers> m_by_key;
  std::unordered_map<std::size_t, std::unordered_set<std::string>> m_urls;  ///< paper -> URLs
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> m_by_arxiv;  ///< paper, line
  UniqueIds m_ids;
  std::size_t m_repeats = 0;
};

// An entry to place: a list item (read when it is placed) or a paper table's row (read already,
// kept in a vector of its own so that sorting listings moves no entries).
struct Listing {
  std::size_t line = 0;
  int heading = -1;
  const Bullet* bullet = nullptr;
  std::size_t row = 0;  ///< the index of the table row's entry when `bullet` is null
};

// The first word of `text` (before `end`) that is a mistyped year ("2O23") where a year stands:
// last in a group or a clause ("(ICML 2O23)", "<ins>ICML, 2O23</ins>", "**ICML 2O23**",
// "(ICML 2O23, Oral)", "ICML 2O23.") or on the line, so that a title's word ("Phi 2o2o: ...",
// "2o2o Vision") is not taken for one. Its offset, or npos.
std::size_t mistyped_year_at(std::string_view text, std::size_t end) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i + 4 <= end; ++i) {
    if ((i > 0 && alnum(text[i - 1])) || (i + 4 < text.size() && alnum(text[i + 4]))) continue;
    if (!is_mistyped_year(text.substr(i, 4))) continue;
    std::size_t next = i + 4;
    while (next < end && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (next >= end || std::string_view(")]<*_,.;|").find(text[next]) != std::string_view::npos)
      return i;
  }
  return std::string_view::npos;
}

ParsedEntry read_item(const Bullet& b, std::vector<ImportWarning>& w) {
  TextPlace place{b.line, b.column, b.first_line_size};
  if (has_slot_tag(b.text)) {
    ParsedEntry e = parse_entry(b.text, place, w);
    read_later_byline(b.pieces, e);
    return e;
  }
  ParsedEntry e = read_by_parts(b.pieces, b.line, w);
  // "(ICML 2O23)": a year with a letter is no year, and said so; the entry has none.
  if (e.year == 0) {
    std::string_view text = b.text;
    if (std::size_t at = mistyped_year_at(text, std::min(text.size(), b.first_line_size));
        at != std::string_view::npos)
      w.push_back({b.line, mistyped_year_message(text.substr(at, 4)), place.column_of(at)});
  }
  return e;
}

// "dir/list.md" -> "list": a title when the document has none.
std::string file_stem(const std::string& origin) {
  std::size_t slash = origin.find_last_of("/\\");
  std::string name = slash == std::string::npos ? origin : origin.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string survey_arxiv(const Outline& o) {
  for (const auto& [line, url] : o.preamble_links) {
    if (std::string id = arxiv_id_from_url(url); !id.empty()) return id;
  }
  return {};
}

}  // namespace

namespace {

// Entries read between two progress reports.
constexpr std::size_t k_progress_step = 4096;

}  // namespace

ImportResult import_markdown(std::string_view text, const std::string& origin,
                             const ImportOptions& options) {
  refuse_binary(text, origin);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const ProgressFn& progress = options.progress;
  if (progress) progress({"parsing markdown", 0, 0});
  Outline o = scan_outline(text);
  if (o.headings.empty()) {
    throw DataError(
        Location{origin, 0, 0, {}},
        fmt::format("no markdown headings found; a paper list has '#' headings and {} entries",
                    k_entry_form));
  }
  ImportResult r;
  int title = title_heading(o);
  TaxonomyBuilder taxonomy(o, title);
  std::vector<Listing> listings;
  listings.reserve(o.bullets.size());
  std::vector<ParsedEntry> rows;
  auto placeable = [&](int heading, std::size_t line, std::size_t column) {
    if (heading < 0 || heading == title) {
      r.warnings.push_back({line, "entry outside any section; skipped", column});
      ++r.summary.skipped_outside;
      return false;
    }
    if (int notes = notes_section(o, heading, title); notes >= 0) {
      r.warnings.push_back({line,
                            fmt::format("entry in the notes section \"{}\" (line {}); skipped",
                                        o.headings[notes].name, o.headings[notes].line),
                            column});
      ++r.summary.skipped_notes;
      return false;
    }
    taxonomy.keep(heading);
    return true;
  };
  std::vector<const Bullet*> unread;    // items that are no entry, in sections that are not notes
  std::unordered_set<int> with_entries;  // headings that hold entries themselves
  for (const Bullet& b : o.bullets) {
    if (!looks_like_entry(b)) {
      // Above every heading and in notes sections, list items are prose.
      if (b.heading < 0 || b.heading == title || notes_section(o, b.heading, title) >= 0) continue;
      if (!reads_as_byline_entry(b)) {
        unread.push_back(&b);
        continue;
      }
    }
    if (!placeable(b.heading, b.line, b.column)) continue;
    with_entries.insert(b.heading);
    listings.push_back(Listing{b.line, b.heading, &b, 0});
  }
  std::vector<const Table*> tables = capability_tables(o);
  for (const Table* t : tables) {
    if (t->heading >= 0 && t->heading != title && notes_section(o, t->heading, title) < 0) {
      taxonomy.keep(t->heading);
    }
  }
  for (const Table& t : o.tables) {
    bool capability = std::find(tables.begin(), tables.end(), &t) != tables.end();
    if (capability || !is_paper_table(t.cells) || !placeable(t.heading, t.rows.front().first, 1))
      continue;
    for (TableEntry& row : read_paper_table(t.cells, r.warnings)) {
      listings.push_back(Listing{row.line, t.heading, nullptr, rows.size()});
      rows.push_back(std::move(row.entry));
      with_entries.insert(t.heading);
    }
  }
  // An item that is no entry under a heading whose other items are entries is said and counted;
  // a section without entries (an introduction, related lists) is prose.
  for (const Bullet* b : unread) {
    if (!with_entries.contains(b->heading)) continue;
    r.warnings.push_back(
        {b->line,
         fmt::format("list item not read as a paper entry: \"{}\"; skipped", shorten(b->text, 60)),
         b->column});
    ++r.summary.skipped_unread;
  }
  if (listings.empty()) {
    throw DataError(
        Location{origin, 0, 0, {}},
        fmt::format("no paper entries found under any heading; expected {} lines", k_entry_form));
  }
  std::stable_sort(listings.begin(), listings.end(),
                   [](const Listing& a, const Listing& b) { return a.line < b.line; });
  r.corpus.taxonomy = taxonomy.build();
  compare_toc(
      o, [&](int h) { return taxonomy.kept(h); }, title, r.warnings);
  PaperMerger merger(r.warnings);
  std::size_t done = 0;
  for (Listing& l : listings) {
    if (progress && done++ % k_progress_step == 0)
      progress({"reading entries", done - 1, listings.size(), "entries"});
    ParsedEntry e = l.bullet != nullptr ? read_item(*l.bullet, r.warnings) : std::move(rows[l.row]);
    if (e.title.empty()) {
      r.warnings.push_back(
          {l.line, "entry has no title; skipped", l.bullet != nullptr ? l.bullet->column : 1});
      ++r.summary.skipped_untitled;
      continue;
    }
    ++r.summary.entries;
    merger.add(std::move(e), taxonomy.id(l.heading), o.headings[l.heading].name, l.line);
  }
  if (progress) progress({"reading entries", listings.size(), listings.size(), "entries"});
  r.summary.repeats = merger.repeats();
  r.corpus.papers = merger.take();
  for (const Table* t : tables) read_frameworks(*t, r.corpus.frameworks, r.warnings);
  r.corpus.title = !options.title.empty() ? options.title
                   : title >= 0           ? o.headings[title].name
                                          : file_stem(origin);
  r.corpus.source.url = options.source_url;
  r.corpus.source.commit = options.source_commit;
  r.corpus.source.citation = options.citation;
  r.corpus.source.arxiv = survey_arxiv(o);
  std::stable_sort(r.warnings.begin(), r.warnings.end(),
                   [](const ImportWarning& a, const ImportWarning& b) { return a.line < b.line; });
  return r;
}

namespace {

std::size_t count_categories(const std::vector<CategoryNode>& nodes) {
  std::size_t n = nodes.size();
  for (const CategoryNode& c : nodes) n += count_categories(c.children);
  return n;
}

}  // namespace

std::string describe_summary(const ImportResult& r) {
  const ImportSummary& s = r.summary;
  std::string line =
      fmt::format("read {} {} as {} {} in {} {}", s.entries, s.entries == 1 ? "entry" : "entries",
                  r.corpus.papers.size(), r.corpus.papers.size() == 1 ? "paper" : "papers",
                  count_categories(r.corpus.taxonomy),
                  count_categories(r.corpus.taxonomy) == 1 ? "category" : "categories");
  if (s.repeats > 0) line += fmt::format(" ({} repeated under one heading)", s.repeats);
  std::vector<std::string> why;
  if (s.skipped_notes > 0) why.push_back(fmt::format("{} in notes sections", s.skipped_notes));
  if (s.skipped_outside > 0)
    why.push_back(fmt::format("{} above every category heading", s.skipped_outside));
  if (s.skipped_untitled > 0) why.push_back(fmt::format("{} without a title", s.skipped_untitled));
  if (s.skipped_unread > 0)
    why.push_back(fmt::format("{} not read as {}", s.skipped_unread,
                              s.skipped_unread == 1 ? "an entry" : "entries"));
  std::size_t skipped = s.skipped_notes + s.skipped_outside + s.skipped_untitled + s.skipped_unread;
  if (skipped > 0) line += fmt::format("; skipped {}: {}", skipped, fmt::join(why, ", "));
  return line;
}

}  // namespace papertree
