#include "papertree/error.hpp"

#include <fmt/format.h>

namespace papertree {

std::string Location::to_string() const {
  std::string out = file.empty() ? "<input>" : file;
  if (line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  if (!json_path.empty()) out += ": " + json_path;
  return out;
}

DataError::DataError(Location where, const std::string& message, std::string detail)
    : Error(where.to_string() + ": " + message),
      m_where(std::move(where)),
      m_message(message),
      m_detail(std::move(detail)) {}

}  // namespace papertree
