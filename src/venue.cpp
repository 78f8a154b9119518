#include "papertree/venue.hpp"

#include <array>
#include <utility>

#include "papertree/text.hpp"

namespace papertree {

namespace {

// Lower-cased alias -> canonical name. Keep docs/venues.md in step with this table.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_aliases = {{
    {"neurlps", "NeurIPS"},
    {"nips", "NeurIPS"},
    {"neurips", "NeurIPS"},
    {"arxiv", "arXiv"},
    {"iclr", "ICLR"},
    {"icml", "ICML"},
}};

}  // namespace

std::string normalize_venue(std::string_view raw) {
  std::string venue(trim(raw));
  std::string key = ascii_lower(venue);
  for (const auto& [alias, canonical] : k_aliases) {
    if (key == alias) return std::string(canonical);
  }
  return venue;
}

bool same_venue(std::string_view a, std::string_view b) {
  return iequals(normalize_venue(a), normalize_venue(b));
}

}  // namespace papertree
