#include "papertree/render/frameworks.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "papertree/text.hpp"

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
                             std::ostream& out) {
  std::size_t name_width = display_width("Framework");
  for (const Framework* f : frameworks) {
    name_width = std::max(name_width, display_width(sanitize_for_display(f->name)));
  }
  out << s.bold << pad("Framework", name_width);
  for (const auto& c : k_capabilities) out << "  " << c.heading;
  out << "  URL" << s.reset << '\n';
  for (const Framework* f : frameworks) {
    out << pad(sanitize_for_display(f->name), name_width);
    for (const auto& c : k_capabilities) {
      bool yes = std::find(f->supports.begin(), f->supports.end(), c.id) != f->supports.end();
      std::size_t before = (c.heading.size() - 1) / 2;
      out << "  " << std::string(before, ' ') << (yes ? s.good : s.bad) << (yes ? "✓" : "✗")
          << s.reset << std::string(c.heading.size() - 1 - before, ' ');
    }
    out << "  " << sanitize_for_display(f->url) << '\n';
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
  out << array.dump(2) << '\n';
}

}  // namespace papertree
