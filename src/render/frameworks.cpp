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
  std::size_t url_width = SIZE_MAX;
  if (width > 0) {
    std::size_t fixed = name_width + 2;
    for (const auto& c : k_capabilities) fixed += 2 + c.heading.size();
    url_width = width > fixed ? width - fixed : 0;
  }
  // Below a few columns a cut URL says nothing: the column goes.
  if (url_width < 8) url_width = 0;
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
    if (url_width > 0) out << "  " << truncate_to_width(sanitize_for_display(f->url), url_width);
    out << '\n';
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
