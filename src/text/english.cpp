#include "papertree/text/english.hpp"

#include <algorithm>
#include <array>
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

bool is_stop_word(std::string_view word) {
  static constexpr std::array<std::string_view, 36> k_words = {
      "a",    "about", "after", "an",   "and",  "are", "as",   "at",  "be",
      "been", "being", "beyond", "by",  "for",  "from", "in",  "into", "is",
      "it",   "its",   "of",    "on",   "or",   "over", "than", "that", "the",
      "their", "this", "through", "to", "towards", "via", "was", "were", "with"};
  static_assert(std::is_sorted(k_words.begin(), k_words.end()));
  return std::binary_search(k_words.begin(), k_words.end(), word);
}

std::string singular_form(std::string word) {
  auto ends = [&](std::string_view tail) { return word.ends_with(tail); };
  if (word.size() > 4 && ends("ies") && !ends("eies") && !ends("aies")) {
    word.resize(word.size() - 3);
    word += 'y';
  } else if (word.size() > 3 && ends("es") && !ends("aes") && !ends("ees") && !ends("oes")) {
    word.pop_back();
  } else if (word.size() > 3 && ends("s") && !ends("us") && !ends("ss")) {
    word.pop_back();
  }
  return word;
}

}  // namespace papertree
