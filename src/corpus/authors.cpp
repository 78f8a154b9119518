#include "papertree/corpus/authors.hpp"

#include <array>
#include <vector>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Lower-case words that belong to the family name that follows them.
bool is_particle(std::string_view word) {
  static constexpr std::array<std::string_view, 16> k_particles = {
      "van", "von", "der", "den", "de", "del", "della", "di",
      "da",  "du",  "dos", "das", "le", "la",  "ter",   "ten"};
  for (std::string_view p : k_particles)
    if (word == p) return true;
  return false;
}

bool is_suffix(std::string_view word) {
  static constexpr std::array<std::string_view, 7> k_suffixes = {"Jr.", "Jr",  "Sr.", "Sr",
                                                                 "II",  "III", "IV"};
  for (std::string_view s : k_suffixes)
    if (word == s) return true;
  return false;
}

}  // namespace

Author parse_person_name(std::string_view text) {
  text = trim(text);
  Author author;
  if (text.empty()) return author;
  if (text.size() >= 2 && text.front() == '{' && text.back() == '}') {
    auto words = words_of(text.substr(1, text.size() - 2));
    author.literal = join(words, 0, words.size());
    return author;
  }
  if (std::size_t comma = text.find(','); comma != std::string_view::npos) {
    auto family = words_of(text.substr(0, comma));
    auto given = words_of(text.substr(comma + 1));
    author.family = join(family, 0, family.size());
    author.given = join(given, 0, given.size());
    if (author.family.empty()) std::swap(author.family, author.given);
    if (author.given.empty()) std::swap(author.family, author.literal);
    return author;
  }
  auto words = words_of(text);
  if (words.size() == 1) {
    author.literal = std::string(words[0]);
    return author;
  }
  std::size_t end = words.size();
  while (end > 1 && is_suffix(words[end - 1])) --end;
  if (end < 2) {
    author.literal = join(words, 0, words.size());
    return author;
  }
  std::size_t family_start = end - 1;
  while (family_start > 1 && is_particle(words[family_start - 1])) --family_start;
  author.family = join(words, family_start, words.size());
  author.given = join(words, 0, family_start);
  return author;
}

std::string display_name(const Author& author) {
  if (!author.literal.empty()) return author.literal;
  if (author.given.empty()) return author.family;
  return author.given + " " + author.family;
}

const std::string& sort_name(const Author& author) {
  return author.literal.empty() ? author.family : author.literal;
}

std::string author_list(const Paper& paper) {
  std::string out;
  const std::size_t n = paper.authors.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n && !paper.authors_truncated) ? " and " : ", ";
    out += display_name(paper.authors[i]);
  }
  if (paper.authors_truncated && n > 0) out += " et al.";
  return out;
}

std::string short_author_list(const Paper& paper) {
  const auto& a = paper.authors;
  if (a.empty()) return {};
  if (a.size() == 1 && !paper.authors_truncated) return sort_name(a[0]);
  if (a.size() == 2 && !paper.authors_truncated) return sort_name(a[0]) + " and " + sort_name(a[1]);
  return sort_name(a[0]) + " et al.";
}

}  // namespace papertree
