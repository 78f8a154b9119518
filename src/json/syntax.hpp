#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace papertree::detail {

/// Line and column (1-based, in bytes) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);

/// The line holding `offset` with a caret under `column`; empty when the line is too long to show.
std::string caret_excerpt(std::string_view text, std::size_t offset, std::size_t column);

/// nlohmann's parse error message without its "[json.exception…] … column C: " prefix.
std::string syntax_message(const std::string& what);

/// How deep JSON may nest, in a corpus file and in the unknown keys a snapshot stores.
inline constexpr int k_max_json_depth = 128;

/// Offset of the first bracket nested deeper than `limit`, or npos. Deep nesting is refused
/// before parsing so that no later recursive step (copies, dumps) can exhaust the stack.
std::size_t too_deep_at(std::string_view text, int limit);

/// The start of the token whose last byte is at `last` (nlohmann reports a token's end).
std::size_t token_start(std::string_view text, std::size_t last);

}  // namespace papertree::detail
