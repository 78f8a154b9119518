#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace papertree {

/// `dumped` (JSON text) with the characters a reader's terminal or editor would act on written
/// as `\uXXXX` escapes: DEL, the C1 controls U+0080..U+009F, the bidi controls (U+061C, U+200E,
/// U+200F, U+202A..U+202E, U+2066..U+2069) and the line and paragraph separators U+2028, U+2029.
/// They can only stand inside strings, so the text stays the same JSON value.
std::string escape_json_controls(std::string_view dumped);

/// The one way papertree writes JSON: UTF-8 (invalid bytes as U+FFFD), `indent` spaces (or one
/// line when negative), C0 controls escaped by nlohmann and the rest by escape_json_controls.
inline std::string json_text(const nlohmann::ordered_json& value, int indent = -1) {
  return escape_json_controls(
      value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace papertree
