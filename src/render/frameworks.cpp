#include "papertree/render/frameworks.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "papertree/json/dump.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

struct Capability {
  std::string_view id;
  std::string_view heading;
  std::string_view short_heading;  ///< when the full headings do not fit the width
};
constexpr std::array<Capability, 3> k_capabilities = {{{"training", "Training", "Train"},
                                                       {"inference", "Inference", "Infer"},
                                                       {"fine-tuning", "Fine-tuning", "Tune"}}};
constexpr std::size_t k_gap = 2;
// The fewest columns the name column is cut to ("Mega…"); a narrower width makes rows overflow.
constexpr std::size_t k_min_name_width = 5;

// How the table is drawn once fitted to the width.
struct FrameworksLayout {
  std::size_t name_width = 0;
  bool short_headings = false;
  bool url = true;

  std::string_view heading(const Capability& c) const {
    return short_headings ? c.short_heading : c.heading;
  }
  // The columns of a row without its URL.
  std::size_t row_width() const {
    std::size_t w = name_width;
    for (const auto& c : k_capabilities) w += k_gap + heading(c).size();
    return w;
  }
};

// Fits the table to `width` (0: no limit), giving way in this order: the URL column goes (a cut
// URL cannot be opened), the capability headings shorten, the names are cut down to
// k_min_name_width.
FrameworksLayout fit_frameworks(std::span<const Framework* const> frameworks, std::size_t width) {
  FrameworksLayout layout;
  layout.name_width = display_width("Framework");
  std::size_t url_width = 0;
  for (const Framework* f : frameworks) {
    layout.name_width = std::max(layout.name_width, display_width(sanitize_for_display(f->name)));
    url_width = std::max(url_width, display_width(sanitize_for_display(f->url)));
  }
  if (width == 0) return layout;
  if (layout.row_width() + k_gap + url_width <= width) return layout;
  layout.url = false;
  if (layout.row_width() <= width) return layout;
  layout.short_headings = true;
  std::size_t over = layout.row_width() > width ? layout.row_width() - width : 0;
  std::size_t spare =
      layout.name_width > k_min_name_width ? layout.name_width - k_min_name_width : 0;
  layout.name_width -= std::min(over, spare);
  return layout;
}

// Writes `line` without the spaces a last, padded cell leaves at its end.
void write_line(std::string line, std::ostream& out) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

std::string cell(const std::string& text, std::size_t width) {
  std::string shown = truncate_to_width(text, width);
  std::size_t w = display_width(shown);
  if (w < width) shown.append(width - w, ' ');
  return shown;
}

}  // namespace

void render_frameworks_table(std::span<const Framework* const> frameworks, const TextStyle& s,
                             std::size_t width, std::ostream& out) {
  FrameworksLayout layout = fit_frameworks(frameworks, width);
  std::string header = std::string(s.bold) + cell("Framework", layout.name_width);
  for (const auto& c : k_capabilities) header += "  " + std::string(layout.heading(c));
  write_line(header + (layout.url ? "  URL" : "") + std::string(s.reset), out);
  for (const Framework* f : frameworks) {
    std::string row = cell(sanitize_for_display(f->name), layout.name_width);
    for (const auto& c : k_capabilities) {
      bool yes = std::find(f->supports.begin(), f->supports.end(), c.id) != f->supports.end();
      std::size_t heading = layout.heading(c).size();
      std::size_t before = (heading - 1) / 2;
      row += "  " + std::string(before, ' ') + std::string(yes ? s.good : s.bad) +
             (yes ? "✓" : "✗") + std::string(s.reset) + std::string(heading - 1 - before, ' ');
    }
    if (layout.url) row += "  " + sanitize_for_display(f->url);
    write_line(std::move(row), out);
  }
}

void render_frameworks_plain(std::span<const Framework* const> frameworks, std::ostream& out) {
  for (const Framework* f : frameworks) {
    out << sanitize_for_display(f->id) << '\t' << sanitize_for_display(f->name);
    for (const auto& c : k_capabilities) {
      bool yes = std::find(f->supports.begin(), f->supports.end(), c.id) != f->supports.end();
      out << '\t' << (yes ? c.id : "");
    }
    out << '\t' << sanitize_for_display(f->url) << '\n';
  }
}

void render_frameworks_json(std::span<const Framework* const> frameworks, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const Framework* f : frameworks) {
    nlohmann::ordered_json item = {
        {"id", f->id}, {"name", f->name}, {"url", f->url}, {"supports", f->supports}};
    for (auto it = f->extra.begin(); it != f->extra.end(); ++it) item[it.key()] = it.value();
    array.push_back(std::move(item));
  }
  out << json_text(array, 2) << '\n';
}

}  // namespace papertree
