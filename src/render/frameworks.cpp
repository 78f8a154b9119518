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
};
constexpr std::array<Capability, 3> k_capabilities = {
    {{"training", "Training"}, {"inference", "Inference"}, {"fine-tuning", "Fine-tuning"}}};

std::string pad(std::string text, std::size_t width) {
  std::size_t w = display_width(text);
  if (w < width) text.append(width - w, ' ');
  return text;
}

}  // namespace

void render_frameworks_table(std::span<const Framework* const> frameworks, const TextStyle& s,
                             std::size_t width, std::ostream& out) {
  std::size_t name_width = display_width("Framework");
  for (const Framework* f : frameworks) {
    name_width = std::max(name_width, display_width(sanitize_for_display(f->name)));
  }
  std::size_t url_width = 0;
  for (const Framework* f : frameworks)
    url_width = std::max(url_width, display_width(sanitize_for_display(f->url)));
  if (width > 0) {
    std::size_t fixed = name_width + 2;
    for (const auto& c : k_capabilities) fixed += 2 + c.heading.size();
    // A cut URL cannot be opened: the column is shown whole or left out.
    if (fixed + url_width > width) url_width = 0;
  }
  out << s.bold << pad("Framework", name_width);
  for (const auto& c : k_capabilities) out << "  " << c.heading;
  out << (url_width > 0 ? "  URL" : "") << s.reset << '\n';
  for (const Framework* f : frameworks) {
    out << pad(sanitize_for_display(f->name), name_width);
    for (const auto& c : k_capabilities) {
      bool yes = std::find(f->supports.begin(), f->supports.end(), c.id) != f->supports.end();
      std::size_t before = (c.heading.size() - 1) / 2;
      out << "  " << std::string(before, ' ') << (yes ? s.good : s.bad) << (yes ? "✓" : "✗")
          << s.reset << std::string(c.heading.size() - 1 - before, ' ');
    }
    if (url_width > 0) out << "  " << sanitize_for_display(f->url);
    out << '\n';
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
