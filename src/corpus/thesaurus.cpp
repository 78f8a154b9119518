#include "papertree/corpus/thesaurus.hpp"

#include <unordered_set>
#include <vector>

namespace papertree {

std::string_view thesaurus_tsv();  // generated from data/thesaurus.tsv at build time

std::string_view thesaurus_text() {
  return thesaurus_tsv();
}

std::span<const Synonym> thesaurus() {
  // Read on first use: a line is "typed<TAB>means<TAB>kind<TAB>why"; comments and blank lines
  // are skipped (tests/data/thesaurus_test.cpp checks that every other line is well formed).
  static const std::vector<Synonym> entries = [] {
    std::vector<Synonym> out;
    std::string_view text = thesaurus_tsv();
    while (!text.empty()) {
      std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (line.empty() || line.front() == '#') continue;
      std::string_view field[3];
      for (std::string_view& f : field) {
        std::size_t tab = line.find('\t');
        f = line.substr(0, tab);
        line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
      }
      if (!field[0].empty() && !field[1].empty())
        out.push_back(Synonym{field[0], field[1], field[2] != "name"});
    }
    return out;
  }();
  return entries;
}

bool is_thesaurus_word(std::string_view word) {
  // Every word of every entry, split where a character is not a letter or digit.
  static const std::unordered_set<std::string_view> words = [] {
    std::unordered_set<std::string_view> out;
    auto word_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    for (const Synonym& s : thesaurus()) {
      std::string_view text = s.typed;
      for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && word_char(text[end])) ++end;
        if (end > at) out.insert(text.substr(at, end - at));
        at = end + 1;
      }
    }
    return out;
  }();
  return words.contains(word);
}

}  // namespace papertree
