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
  bool code_mark = false;  ///< the code column shows ✓ instead of the URL

  std::ptrdiff_t find(PaperColumn c) const {
    auto it = std::find(columns.begin(), columns.end(), c);
    return it == columns.end() ? -1 : it - columns.begin();
  }
  void use_code_mark() {
    code_mark = true;
    if (std::ptrdiff_t i = find(PaperColumn::code); i >= 0) widths[i] = display_width(k_code_mark);
  }
  void remove(PaperColumn c) {
    if (std::ptrdiff_t i = find(c); i >= 0) {
      columns.erase(columns.begin() + i);
      widths.erase(widths.begin() + i);
    }
  }
  // The room the title gets from `width` (negative when the others alone are too wide); without
  // a title column, the room left over.
  std::ptrdiff_t title_room(std::size_t width) const {
    std::ptrdiff_t used = static_cast<std::ptrdiff_t>(k_gap * (columns.size() - 1));
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i] != PaperColumn::title) used += static_cast<std::ptrdiff_t>(widths[i]);
    return static_cast<std::ptrdiff_t>(width) - used;
  }
};

Layout natural_layout(const std::vector<PaperColumn>& asked,
                      const std::vector<std::vector<std::string>>& cells, bool header) {
  Layout layout;
  for (std::size_t c = 0; c < asked.size(); ++c) {
    std::size_t width = 0;
    for (const auto& row : cells) width = std::max(width, display_width(row[c]));
    PaperColumn column = asked[c];
    bool optional = column == PaperColumn::venue || column == PaperColumn::authors ||
                    column == PaperColumn::categories;
    if (optional && width == 0) continue;  // nothing to show: no empty column
    if (header) width = std::max(width, display_width(spec(column).header));
    if (spec(column).cap > 0) width = std::min(width, spec(column).cap);
    layout.columns.push_back(column);
    layout.widths.push_back(width);
  }
  return layout;
}

// Fits the layout to `width` in the documented order (docs/cli.md "Columns"): the code URL becomes
// a mark, the default layout's authors go, then categories, authors and venue are cut (the venue
// goes below its minimum) so the title keeps its minimum; the title takes the rest.
void fit_layout(Layout& layout, std::size_t width, bool is_default, bool any_code) {
  std::ptrdiff_t title = layout.find(PaperColumn::title);
  std::ptrdiff_t natural_title = title >= 0 ? static_cast<std::ptrdiff_t>(layout.widths[title]) : 0;
  auto comfortable = std::min<std::ptrdiff_t>(k_comfortable_title_width, natural_title);
  auto short_of = [&](std::ptrdiff_t wanted) { return layout.title_room(width) < wanted; };
  // No URL among the rows: the column is the mark's (empty) column, not a header over nothing.
  // The default layout shows URLs only when no title is cut for them.
  if (!any_code || short_of(is_default ? natural_title : comfortable)) layout.use_code_mark();
  if (is_default && short_of(comfortable)) layout.remove(PaperColumn::authors);
  title = layout.find(PaperColumn::title);
  std::ptrdiff_t minimum = title >= 0 ? static_cast<std::ptrdiff_t>(k_min_title_width) : 0;
  for (PaperColumn c : {PaperColumn::categories, PaperColumn::authors, PaperColumn::venue}) {
    std::ptrdiff_t i = layout.find(c);
    if (i < 0 || !short_of(minimum)) continue;
    std::size_t need = static_cast<std::size_t>(minimum - layout.title_room(width));
    std::size_t spare = layout.widths[i] > spec(c).min ? layout.widths[i] - spec(c).min : 0;
    layout.widths[i] -= std::min(need, spare);
    if (c == PaperColumn::venue && short_of(minimum)) layout.remove(c);
  }
  title = layout.find(PaperColumn::title);
  if (title >= 0) {
    std::ptrdiff_t room = std::max<std::ptrdiff_t>(layout.title_room(width), 1);
    layout.widths[title] = std::min(layout.widths[title], static_cast<std::size_t>(room));
  }
}

// One row of the table: the shown cells, each cut and padded to its width, styled; nothing after
// the last non-empty cell.
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
    } else if (column == PaperColumn::year) {
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
  Layout layout = natural_layout(asked, cells, options.header);
  bool any_code = std::any_of(papers.begin(), papers.end(),
                              [&](PaperIndex p) { return corpus.paper(p).has_code(); });
  if (options.width > 0) {
    fit_layout(layout, options.width, is_default, any_code);
  } else if (!any_code) {
    layout.use_code_mark();
  }
  auto shown = [&](const std::vector<std::string>& row) {
    std::vector<std::string> texts;
    for (PaperColumn c : layout.columns) {
      const std::string& text = row[std::find(asked.begin(), asked.end(), c) - asked.begin()];
      texts.push_back(c == PaperColumn::code && layout.code_mark && !text.empty()
                          ? std::string(k_code_mark)
                          : text);
    }
    return texts;
  };
  if (options.header) {
    std::vector<std::string> labels;
    for (PaperColumn c : layout.columns)
      labels.emplace_back(c == PaperColumn::code && layout.code_mark ? "" : spec(c).header);
    write_row(layout, labels, options, true, out);
  }
  for (const auto& row : cells) write_row(layout, shown(row), options, false, out);
}

void render_papers_plain(const Corpus& corpus, std::span<const PaperIndex> papers,
                         const PaperListOptions& options, std::ostream& out) {
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& paper = corpus.paper(papers[i]);
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
