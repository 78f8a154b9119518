#pragma once

#include <cstddef>
#include <ostream>
#include <span>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// The frameworks capability table (one column per capability, ✓ or ✗), fitted to `width`
/// columns (0: no limit): the URL column is shown whole or not at all (a URL is never cut), then
/// the capability headings shorten ("Train", "Infer", "Tune"), then names are cut with "…" down
/// to 5 columns; a width narrower than that is overflowed. No line ends in spaces.
void render_frameworks_table(std::span<const Framework* const> frameworks, const TextStyle& style,
                             std::size_t width, std::ostream& out);
/// One tab-separated line a framework: id, name, then "training", "inference" and
/// "fine-tuning" each in its own field (empty when not supported), then the URL.
void render_frameworks_plain(std::span<const Framework* const> frameworks, std::ostream& out);
void render_frameworks_json(std::span<const Framework* const> frameworks, std::ostream& out);

}  // namespace papertree
