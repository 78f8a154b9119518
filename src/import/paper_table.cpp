#include <algorithm>
#include <array>
#include <cctype>

#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/text.hpp"
#include "parts.hpp"

namespace papertree::import_detail {

namespace {

enum class Column { other, title, name, venue, year, authors };

Column column_of(std::string_view header) {
  std::string h = ascii_lower(trim(header));
  if (h == "title" || h == "paper title" || h == "paper name") return Column::title;
  if (h == "paper" || h == "papers" || h == "name" || h == "method" || h == "model")
    return Column::name;
  if (h == "venue" || h == "conference" || h == "conf" || h == "conf." || h == "published" ||
      h == "publication" || h == "pub" || h == "pub." || h == "journal" || h == "where")
    return Column::venue;
  if (h == "year" || h == "date" || h == "time") return Column::year;
  if (h == "authors" || h == "author") return Column::authors;
  return Column::other;
}

std::string cell_text(const std::vector<Piece>& cell) {
  std::string out;
  for (const Piece& p : cell) {
    if (p.kind == Piece::Kind::text) out += p.text;
  }
  return std::string(trim(out));
}

// The header's columns, and the one that holds titles: Title first, else Paper/Name.
std::vector<Column> columns(const TableRow& header, std::size_t& title) {
  std::vector<Column> out;
  title = static_cast<std::size_t>(-1);
  for (const auto& cell : header.cells) out.push_back(column_of(cell_text(cell)));
  for (Column want : {Column::title, Column::name}) {
    auto it = std::find(out.begin(), out.end(), want);
    if (it != out.end() && title == static_cast<std::size_t>(-1))
      title = static_cast<std::size_t>(it - out.begin());
  }
  return out;
}

void read_cell_links(const std::vector<Piece>& cell, std::string_view column, ParsedEntry& e,
                     const Piece* skip) {
  for (const Piece& p : cell) {
    if (p.kind != Piece::Kind::link || &p == skip) continue;
    std::string label(trim(p.text));
    if (label.empty() || label.find("://") != std::string::npos || !p.image.empty())
      label = label_for_url(p.url);
    if (!label_kind(label).empty() && !label_kind(column).empty()) label = std::string(column);
    e.links.push_back(Link{label, std::string(trim(p.url))});
  }
}

// The words of `text` (runs of letters and digits) that are years typed with a letter ("2O23"):
// their offsets.
std::vector<std::size_t> mistyped_years(std::string_view text) {
  std::vector<std::size_t> at;
  for (std::size_t start = 0, i = 0; i <= text.size(); ++i) {
    if (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0) continue;
    if (is_mistyped_year(text.substr(start, i - start))) at.push_back(start);
    start = i + 1;
  }
  return at;
}

// `text` without its mistyped years: "ICML 2O2l" -> "ICML ", so the venue is still read.
std::string without_mistyped_years(std::string text) {
  std::vector<std::size_t> at = mistyped_years(text);
  for (auto it = at.rbegin(); it != at.rend(); ++it) text.erase(*it, 4);
  return text;
}

// A Year or Venue cell holding a year typed with a letter ("2O23") is read as no year, and said
// so, as in a list entry's slot, at the cell's column.
void warn_mistyped_year(const TableRow& row, const std::vector<Column>& cols,
                        std::vector<ImportWarning>& w) {
  for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
    if (cols[c] != Column::year && cols[c] != Column::venue) continue;
    std::string text = cell_text(row.cells[c]);
    std::vector<std::size_t> at = mistyped_years(text);
    if (at.empty()) continue;
    std::size_t column = c < row.columns.size() && row.columns[c] != 0 ? row.columns[c] : 1;
    w.push_back(
        {row.line, mistyped_year_message(std::string_view(text).substr(at.front(), 4)), column});
    return;
  }
}

}  // namespace

bool is_paper_table(const std::vector<TableRow>& rows) {
  if (rows.size() < 2) return false;
  std::size_t title = 0;
  columns(rows.front(), title);
  return title != static_cast<std::size_t>(-1);
}

std::vector<TableEntry> read_paper_table(const std::vector<TableRow>& rows,
                                         std::vector<ImportWarning>& w) {
  std::vector<TableEntry> out;
  std::size_t title = 0;
  std::vector<Column> cols = columns(rows.front(), title);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const TableRow& row = rows[r];
    ParsedEntry e;
    const Piece* title_link = nullptr;
    if (title < row.cells.size()) {
      const std::vector<Piece>& cell = row.cells[title];
      for (const Piece& p : cell) {
        if (p.kind == Piece::Kind::link && p.image.empty() && label_kind(p.text).empty()) {
          title_link = &p;
          break;
        }
      }
      e.title = title_link != nullptr ? std::string(trim(title_link->text)) : cell_text(cell);
      if (title_link != nullptr)
        e.links.push_back(Link{"Paper", std::string(trim(title_link->url))});
    }
    if (e.title.empty() || e.title == "-") {
      w.push_back({row.line, "table row has no title in its title column; skipped", 1});
      continue;
    }
    std::string venue;
    for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
      std::string text = cell_text(row.cells[c]);
      std::string v;
      int y = 0;
      if (cols[c] == Column::venue &&
          (read_venue_year(text, v, y) || read_venue_year(without_mistyped_years(text), v, y))) {
        venue = v;
        if (y != 0) e.year = y;
      } else if (cols[c] == Column::year && read_venue_year(text, v, y) && y != 0) {
        e.year = y;
      } else if (cols[c] == Column::authors) {
        std::string names = text;
        for (std::size_t start = 0, i = 0; i <= names.size(); ++i) {
          if (i < names.size() && names[i] != ',') continue;
          std::string_view name = trim(std::string_view(names).substr(start, i - start));
          start = i + 1;
          if (name == "et al." || name == "et al") {
            e.authors_truncated = true;
          } else if (!name.empty()) {
            e.authors.push_back(parse_person_name(name));
          }
        }
      }
      std::string header = cell_text(rows.front().cells[c]);
      read_cell_links(row.cells[c], header, e, c == title ? title_link : nullptr);
    }
    if (e.year == 0) warn_mistyped_year(row, cols, w);
    std::string canonical = normalize_venue(venue);
    if (iequals(canonical, "blog") || iequals(canonical, "website")) {
      e.kind = ascii_lower(canonical);
      canonical.clear();
    }
    e.venue = canonical;
    for (const Link& l : e.links) {
      e.arxiv = arxiv_id_from_url(l.url);
      if (!e.arxiv.empty()) break;
    }
    out.push_back(TableEntry{row.line, std::move(e)});
  }
  return out;
}

}  // namespace papertree::import_detail
