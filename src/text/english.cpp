#include "papertree/text/english.hpp"

#include <unordered_set>

namespace papertree {

bool is_english_word(std::string_view word) {
  // Built on first use only: the set is needed when a word matches nothing in the corpus.
  static const std::unordered_set<std::string_view> words = [] {
    std::unordered_set<std::string_view> set;
    std::string_view list = english_word_list();
    set.reserve(list.size() / 8);
    while (!list.empty()) {
      std::size_t end = list.find('\n');
      if (end == std::string_view::npos) end = list.size();
      if (end > 0) set.insert(list.substr(0, end));
      list.remove_prefix(end == list.size() ? end : end + 1);
    }
    return set;
  }();
  return words.contains(word);
}

}  // namespace papertree
