#include "papertree/json/dump.hpp"

#include <fmt/format.h>

#include "papertree/text/text.hpp"

namespace papertree {

std::string escape_json_controls(std::string_view dumped) {
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t pos = 0; pos < dumped.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(dumped, pos);
    if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp) || cp == 0x2028 ||
        cp == 0x2029) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out.append(dumped, start, pos - start);
    }
  }
  return out;
}

}  // namespace papertree
