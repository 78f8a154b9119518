#pragma once

#include <ostream>
#include <span>

#include "papertree/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// The frameworks capability table (one column per capability, ✓ or ✗), and as JSON.
void render_frameworks_table(std::span<const Framework* const> frameworks, const TextStyle& style,
                             std::ostream& out);
void render_frameworks_json(std::span<const Framework* const> frameworks, std::ostream& out);

}  // namespace papertree
