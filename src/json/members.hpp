#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace papertree::detail {

/// Appends a member to a JSON object without nlohmann's linear search for an existing key (which
/// makes n insertions take n² steps). The caller guarantees that `key` is not in `object` yet.
inline nlohmann::ordered_json& append_member(nlohmann::ordered_json& object, std::string key,
                                             nlohmann::ordered_json value) {
  using Members = std::vector<std::pair<const std::string, nlohmann::ordered_json>>;
  auto& members = static_cast<Members&>(object.get_ref<nlohmann::ordered_json::object_t&>());
  members.emplace_back(std::move(key), std::move(value));
  return members.back().second;
}

}  // namespace papertree::detail
