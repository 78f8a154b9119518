#include "frameworks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "entry.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

constexpr std::string_view k_yes = "\xE2\x9C\x85";  // ✅
constexpr std::string_view k_no = "\xE2\x9D\x8C";   // ❌

// The cells of "| a | b |", trimmed, without the outer pipes; an escaped "\|" is cell text.
std::vector<std::string> cells(std::string_view row) {
  row = trim(row);
  if (row.starts_with("|")) row.remove_prefix(1);
  if (row.ends_with("|") && !is_escaped(row, row.size() - 1)) row.remove_suffix(1);
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= row.size(); ++i) {
    if (i == row.size() || (row[i] == '|' && !is_escaped(row, i))) {
      out.emplace_back(trim(row.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

bool is_separator(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of(":- ") == std::string::npos;
  });
}

std::string capability(const std::string& column) {
  std::string lower = ascii_lower(column);
  if (lower.find("fine") != std::string::npos) return "fine-tuning";
  if (lower.find("train") != std::string::npos) return "training";
  if (lower.find("infer") != std::string::npos || lower.find("serv") != std::string::npos)
    return "inference";
  return slugify(column);
}

}  // namespace

std::vector<const Table*> capability_tables(const Outline& o) {
  std::vector<const Table*> out;
  for (const Table& t : o.tables) {
    bool marks = std::any_of(t.rows.begin(), t.rows.end(), [](const auto& row) {
      return row.second.find(k_yes) != std::string::npos ||
             row.second.find(k_no) != std::string::npos;
    });
    if (marks) out.push_back(&t);
  }
  return out;
}

void read_frameworks(const Table& table, std::vector<Framework>& out,
                     std::vector<ImportWarning>& w) {
  std::vector<std::string> header = cells(table.rows.front().second);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& [line, text] = table.rows[r];
    std::vector<std::string> row = cells(text);
    if (is_separator(row)) continue;
    if (row.size() != header.size()) {
      w.push_back(
          {line, fmt::format("table row has {} cells, its header {}", row.size(), header.size())});
    }
    std::vector<Link> links = parse_links(row[0], line, w);
    Framework f;
    f.name = clean_heading(std::string_view(row[0]).substr(0, find_unescaped(row[0], "[")));
    if (f.name.empty() && !links.empty()) f.name = links.front().label;
    if (f.name.empty()) {
      w.push_back({line, "table row has no name in its first cell; skipped"});
      continue;
    }
    if (!links.empty()) f.url = links.front().url;
    std::string base = slugify(f.name);
    if (base.empty()) base = "framework";  // a name of no Latin letters or digits ("量子", ":--")
    f.id = base;
    for (int k = 2;
         std::any_of(out.begin(), out.end(), [&](const Framework& o) { return o.id == f.id; });
         ++k) {
      f.id = fmt::format("{}-{}", base, k);
    }
    for (std::size_t c = 1; c < row.size() && c < header.size(); ++c) {
      if (row[c].find(k_yes) != std::string::npos) {
        f.supports.push_back(capability(header[c]));
      } else if (row[c].find(k_no) == std::string::npos) {
        w.push_back({line, fmt::format("cell \"{}\" of column \"{}\" is neither ✅ nor ❌; read as ❌",
                                       row[c], header[c])});
      }
    }
    out.push_back(std::move(f));
  }
}

}  // namespace papertree::import_detail
