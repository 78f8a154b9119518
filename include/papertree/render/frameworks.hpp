#pragma once

#include <cstddef>
#include <ostream>
#include <span>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// The frameworks capability table (one column per capability, ✓ or ✗), and as JSON. The URL
/// column is cut to fit `width` columns (0: no limit), and left out when too little room is left.
void render_frameworks_table(std::span<const Framework* const> frameworks, const TextStyle& style,
                             std::size_t width, std::ostream& out);
void render_frameworks_json(std::span<const Framework* const> frameworks, std::ostream& out);

}  // namespace papertree
