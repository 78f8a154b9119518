#pragma once

#include <string>
#include <string_view>

namespace papertree {

/// The canonical spelling of a venue, through one documented alias table (docs/venues.md):
/// "NeurlPS" and "NIPS" -> "NeurIPS", "Arxiv" -> "arXiv", "ICLR 2023" -> "ICLR". Unknown venues
/// are returned trimmed but otherwise as given.
std::string normalize_venue(std::string_view raw);

/// True when `a` and `b` name the same venue once normalised, ignoring case.
bool same_venue(std::string_view a, std::string_view b);

/// True when the normalised venue is one of the table's canonical names.
bool is_known_venue(std::string_view raw);

/// The canonical name or alias closest to `raw` (edit distance ignoring case, ties to the table's
/// first), as its canonical name: "NeurISP" -> "NeurIPS". For `validate`'s suggestion.
std::string nearest_known_venue(std::string_view raw);

}  // namespace papertree
