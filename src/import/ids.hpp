#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace papertree::import_detail {

/// Hands out ids unique among those it gave before: `base` when free, else the first free of
/// `base-2`, `base-3`…. Remembers the next suffix per base, so n entries sharing one base cost
/// O(n) in all (ids are never given back, so every suffix below the remembered one is taken).
class UniqueIds {
 public:
  /// The id for `base`, now taken.
  std::string take(const std::string& base);
  /// True when `id` was handed out.
  bool taken(const std::string& id) const { return m_taken.count(id) != 0; }

 private:
  std::unordered_set<std::string> m_taken;
  std::unordered_map<std::string, int> m_next;  ///< base -> the next suffix to try
};

}  // namespace papertree::import_detail
