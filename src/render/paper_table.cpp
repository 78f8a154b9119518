#include <algorithm>
#include <array>
#include <cstdio>

#include "export_common.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/error.hpp"
#include "papertree/render/papers.hpp"
#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::size_t k_gap = 2;
constexpr std::size_t k_min_title_width = 12;
constexpr std::size_t k_comfortable_title_width = 40;
constexpr std::string_view k_code_mark = "✓";
// What a table shows for an empty cell (an unknown year, venue or author, no code URL).
constexpr std::string_view k_empty_cell = "—";

// How a column is laid out: its header, the widest it is drawn (0: as wide as its widest cell)
// and the narrowest it is cut to (0: never cut).
struct ColumnSpec {
  std::string_view header;
  std::size_t cap;
  std::size_t min;
};

constexpr std::array<ColumnSpec, 7> k_specs = {{{"ID", 0, 0},
                                                {"Year", 0, 0},
                                                {"Venue", 14, 5},
                                                {"Title", 0, k_min_title_width},
                                                {"Authors", 20, 8},
                                                {"Code", 0, 0},
                                                {"Categories", 30, 12}}};

const ColumnSpec& spec(PaperColumn c) {
  return k_specs[static_cast<std::size_t>(c)];
}

std::string year_text(int year) {
  return year == 0 ? std::string() : std::to_string(year);
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

// What a column shows for a paper; the table separates categories with ", ", plain with ",".
std::string cell_text(const Paper& paper, PaperColumn column, bool table) {
  switch (column) {
    case PaperColumn::id:
      return sanitize_for_display(paper.id);
    case PaperColumn::year:
      return year_text(paper.year);
    case PaperColumn::venue:
      return sanitize_for_display(normalize_venue(paper.venue));
    case PaperColumn::title:
      return sanitize_for_display(paper.title);
    case PaperColumn::authors:
      return sanitize_for_display(short_author_list(paper));
    case PaperColumn::code:
      return sanitize_for_display(detail::code_url(paper));
    case PaperColumn::categories:
      return sanitize_for_display(joined(paper.categories, table ? ", " : ","));
  }
  return {};
}

// Wraps the words of `title` that are search terms in the highlight style.
std::string highlight(const std::string& title, const PaperListOptions& options) {
  if (options.highlight.empty() || options.style.highlight.empty()) return title;
  std::string out;
  std::size_t done = 0;
  for (const TextToken& t : tokenize(title)) {
    if (!std::binary_search(options.highlight.begin(), options.highlight.end(), t.term)) continue;
    out += title.substr(done, t.begin - done);
    out += options.style.highlight;
    out += title.substr(t.begin, t.end - t.begin);
    out += options.style.reset;
    done = t.end;
  }
  return out + title.substr(done);
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

// The columns a table draws and how wide, after fitting them to the width.
struct Layout {
  std::vector<PaperColumn> columns;
  std::vector<std::size_t> widths;
  std::vector<std::size_t> natural;  ///< the widths before any cut
  bool header = false;
  bool code_mark = false;  ///< the code column shows ✓ instead of the URL

  std::ptrdiff_t find(PaperColumn c) const {
    auto it = std::find(columns.begin(), columns.end(), c);
    return it == columns.end() ? -1 : it - columns.begin();
  }
  void add(PaperColumn c, std::size_t width) {
    columns.push_back(c);
    widths.push_back(width);
    natural.push_back(width);
  }
  void use_code_mark() {
    code_mark = true;
    std::size_t width = display_width(k_code_mark);
    if (header) width = std::max(width, display_width(spec(PaperColumn::code).header));
    if (std::ptrdiff_t i = find(PaperColumn::code); i >= 0) widths[i] = natural[i] = width;
  }
  void remove(PaperColumn c) {
    if (std::ptrdiff_t i = find(c); i >= 0) {
      columns.erase(columns.begin() + i);
      widths.erase(widths.begin() + i);
      natural.erase(natural.begin() + i);
    }
  }
  // The room the title gets from `width` (negative when the others alone are too wide); without
  // a title column, the room left over.
  std::ptrdiff_t title_room(std::size_t width) const {
    std::ptrdiff_t used = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) used += static_cast<std::ptrdiff_t>(k_gap);
      if (columns[i] != PaperColumn::title) used += static_cast<std::ptrdiff_t>(widths[i]);
    }
    return static_cast<std::ptrdiff_t>(width) - used;
  }
};

// The columns that give way to the title: first cut to their minimum, in this order.
constexpr std::array<PaperColumn, 3> k_cut_order = {PaperColumn::categories, PaperColumn::authors,
                                                    PaperColumn::venue};
// Then left out, in this order (docs/cli.md "Columns"); the id and the title always stay.
constexpr std::array<PaperColumn, 5> k_drop_order = {PaperColumn::categories, PaperColumn::authors,
                                                     PaperColumn::venue, PaperColumn::code,
                                                     PaperColumn::year};

// Columns left out when no paper shown has anything in them: in the default layout, all but the
// year and the title; chosen columns are always drawn.
bool left_out_when_empty(PaperColumn column, bool is_default) {
  return is_default && column != PaperColumn::year && column != PaperColumn::title;
}

Layout natural_layout(const std::vector<PaperColumn>& asked,
                      const std::vector<std::vector<std::string>>& cells, bool header,
                      bool is_default) {
  Layout layout;
  layout.header = header;
  for (std::size_t c = 0; c < asked.size(); ++c) {
    std::size_t width = 0;
    for (const auto& row : cells) width = std::max(width, display_width(row[c]));
    PaperColumn column = asked[c];
    if (width == 0 && left_out_when_empty(column, is_default)) continue;
    width = std::max(width, display_width(k_empty_cell));
    if (header) width = std::max(width, display_width(spec(column).header));
    if (spec(column).cap > 0) width = std::min(width, spec(column).cap);
    layout.add(column, width);
  }
  return layout;
}

// Cuts the columns of k_cut_order, from their natural widths, until the title gets `minimum`.
void cut_for_title(Layout& layout, std::size_t width, std::ptrdiff_t minimum) {
  layout.widths = layout.natural;
  for (PaperColumn c : k_cut_order) {
    std::ptrdiff_t i = layout.find(c);
    std::ptrdiff_t room = layout.title_room(width);
    if (i < 0 || room >= minimum) continue;
    std::size_t need = static_cast<std::size_t>(minimum - room);
    std::size_t spare = layout.widths[i] > spec(c).min ? layout.widths[i] - spec(c).min : 0;
    layout.widths[i] -= std::min(need, spare);
  }
}

// Fits the layout to `width` in the documented order (docs/cli.md "Columns"): the code URL becomes
// a mark, the default layout's authors go, then categories, authors and venue are cut and, when
// the title still has less than its minimum, columns are left out in k_drop_order; the title
// takes the rest.
void fit_layout(Layout& layout, std::size_t width, bool is_default, bool any_code) {
  std::ptrdiff_t title = layout.find(PaperColumn::title);
  std::ptrdiff_t natural_title = title >= 0 ? static_cast<std::ptrdiff_t>(layout.widths[title]) : 0;
  auto comfortable = std::min<std::ptrdiff_t>(k_comfortable_title_width, natural_title);
  auto short_of = [&](std::ptrdiff_t wanted) { return layout.title_room(width) < wanted; };
  // The mark saves room for a title; the default layout shows URLs only when no title is cut.
  if (title >= 0 && any_code && short_of(is_default ? natural_title : comfortable))
    layout.use_code_mark();
  if (is_default && short_of(comfortable)) layout.remove(PaperColumn::authors);
  title = layout.find(PaperColumn::title);
  if (title < 0) return;  // nothing to make room for: the chosen columns are all drawn
  std::ptrdiff_t minimum = std::min<std::ptrdiff_t>(k_min_title_width, natural_title);
  cut_for_title(layout, width, minimum);
  for (PaperColumn c : k_drop_order) {
    if (!short_of(minimum)) break;
    if (layout.find(c) < 0) continue;
    layout.remove(c);
    cut_for_title(layout, width, minimum);
  }
  title = layout.find(PaperColumn::title);
  std::ptrdiff_t room = std::max<std::ptrdiff_t>(layout.title_room(width), 1);
  layout.widths[title] = std::min(layout.widths[title], static_cast<std::size_t>(room));
}

// One row of the table: the shown cells, each cut and padded to its width, styled; nothing after
// the last non-empty cell (a blank ✓ cell at the end is left off).
void write_row(const Layout& layout, const std::vector<std::string>& texts,
               const PaperListOptions& options, bool header, std::ostream& out) {
  const TextStyle& s = options.style;
  std::size_t last = 0;
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (!texts[i].empty()) last = i + 1;
  if (header) out << s.bold;
  for (std::size_t i = 0; i < last; ++i) {
    PaperColumn column = layout.columns[i];
    std::string text = truncate_to_width(texts[i], layout.widths[i]);
    std::string padding(layout.widths[i] - std::min(layout.widths[i], display_width(text)), ' ');
    if (i + 1 == last) padding.clear();
    if (i > 0) out << std::string(k_gap, ' ');
    if (header) {
      out << text << padding;
    } else if (column == PaperColumn::year || texts[i] == k_empty_cell) {
      out << s.dim << text << padding << s.reset;
    } else if (column == PaperColumn::title) {
      out << highlight(text, options) << padding;
    } else if (column == PaperColumn::code && layout.code_mark && !text.empty()) {
      out << s.good << text << s.reset << padding;
    } else {
      out << text << padding;
    }
  }
  if (header) out << s.reset;
  out << '\n';
}

}  // namespace

const std::vector<std::string>& paper_column_names() {
  static const std::vector<std::string> names = {"id",      "year", "venue",     "title",
                                                 "authors", "code", "categories"};
  return names;
}

std::vector<PaperColumn> parse_paper_columns(std::string_view text) {
  const auto& names = paper_column_names();
  std::string valid = joined(names, ", ");
  std::vector<PaperColumn> columns;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',') continue;
    std::string name = ascii_lower(trim(text.substr(start, i - start)));
    start = i + 1;
    auto it = std::find(names.begin(), names.end(), name);
    if (name.empty()) throw UsageError("--columns: empty column name; valid columns: " + valid);
    if (it == names.end()) {
      throw UsageError("--columns: unknown column \"" + sanitize_for_display(name) +
                       "\"; valid columns: " + valid);
    }
    auto column = static_cast<PaperColumn>(it - names.begin());
    if (std::find(columns.begin(), columns.end(), column) != columns.end())
      throw UsageError("--columns: column \"" + name + "\" is given twice");
    columns.push_back(column);
  }
  return columns;
}

const std::vector<PaperColumn>& default_table_columns() {
  static const std::vector<PaperColumn> columns = {PaperColumn::year, PaperColumn::venue,
                                                   PaperColumn::authors, PaperColumn::title,
                                                   PaperColumn::code};
  return columns;
}

void render_papers_table(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  bool is_default = options.columns.empty();
  const std::vector<PaperColumn>& asked = is_default ? default_table_columns() : options.columns;
  std::vector<std::vector<std::string>> cells;
  cells.reserve(papers.size());
  for (PaperIndex p : papers) {
    std::vector<std::string>& row = cells.emplace_back();
    for (PaperColumn c : asked) row.push_back(cell_text(corpus.paper(p), c, true));
  }
  Layout layout = natural_layout(asked, cells, options.header, is_default);
  bool any_code = std::any_of(papers.begin(), papers.end(),
                              [&](PaperIndex p) { return corpus.paper(p).has_code(); });
  if (options.width > 0) fit_layout(layout, options.width, is_default, any_code);
  // An empty cell shows k_empty_cell, but for the ✓ column, blank for "no code": it is only drawn
  // beside a title and when some paper has code, so no row is ever blank.
  auto shown = [&](const std::vector<std::string>& row) {
    std::vector<std::string> texts;
    for (PaperColumn c : layout.columns) {
      const std::string& text = row[std::find(asked.begin(), asked.end(), c) - asked.begin()];
      if (c == PaperColumn::code && layout.code_mark) {
        texts.emplace_back(text.empty() ? "" : k_code_mark);
      } else {
        texts.push_back(text.empty() ? std::string(k_empty_cell) : text);
      }
    }
    return texts;
  };
  if (options.header) {
    std::vector<std::string> labels;
    for (PaperColumn c : layout.columns) labels.emplace_back(spec(c).header);
    write_row(layout, labels, options, true, out);
  }
  for (const auto& row : cells) write_row(layout, shown(row), options, false, out);
}

void render_papers_plain(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  Paper scratch;  // each paper of a snapshot is decoded for its line and let go
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& paper = corpus.paper_passing(papers[i], scratch);
    if (options.columns.empty()) {
      out << sanitize_for_display(paper.id) << '\t' << year_text(paper.year) << '\t'
          << cell_text(paper, PaperColumn::venue, false) << '\t'
          << sanitize_for_display(paper.title) << '\t' << (paper.has_code() ? "code" : "");
    } else {
      for (std::size_t c = 0; c < options.columns.size(); ++c)
        out << (c > 0 ? "\t" : "") << cell_text(paper, options.columns[c], false);
    }
    if (!options.scores.empty()) out << '\t' << score_text(options.scores[i]);
    out << '\n';
  }
}

}  // namespace papertree
