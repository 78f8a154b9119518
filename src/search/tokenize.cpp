#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>

#include <libstemmer.h>

#include "papertree/search/search.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

bool is_ascii_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One Snowball English stemmer per thread (a stemmer keeps state between calls), with the stems
// it made remembered: titles repeat a small vocabulary, and stemming every token again was a
// third of building the search index (perf, 100k papers). The memo is bounded: it starts again
// when full.
class Stemmer {
 public:
  Stemmer() : m_stemmer(sb_stemmer_new("english", "UTF_8")) {}
  ~Stemmer() {
    if (m_stemmer) sb_stemmer_delete(m_stemmer);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string stem(std::string_view word) {
    if (auto it = m_memo.find(word); it != m_memo.end()) return it->second;
    std::string out = stem_now(word);
    if (m_memo.size() >= k_memo_size) m_memo.clear();
    m_memo.emplace(std::string(word), out);
    return out;
  }

 private:
  static constexpr std::size_t k_memo_size = 1 << 16;

  std::string stem_now(std::string_view word) {
    if (!m_stemmer) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(
        m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!out) return std::string(word);  // out of memory inside the stemmer: keep the word
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(m_stemmer)));
  }

  sb_stemmer* m_stemmer;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> m_memo;
};

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

}  // namespace

std::string fold_term(std::string_view word) {
  if (word.size() <= 3 || word.size() > k_max_stemmed_word ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return std::string(word);
  }
  // Acronym plurals ("LLMs", "GPUs" after folding) lose their "s": Snowball keeps the "s" of a
  // word with no vowel before it.
  if (word.ends_with('s') && word.find_first_of("aeiouy") >= word.size() - 2)
    return std::string(word.substr(0, word.size() - 1));
  thread_local Stemmer stemmer;
  return stemmer.stem(word);
}

std::vector<std::string> compound_parts(std::string_view word) {
  std::vector<std::string> parts;
  if (!std::all_of(word.begin(), word.end(), [](char c) {
        return is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9');
      })) {
    return parts;
  }
  std::size_t start = 0;
  for (std::size_t i = 1; i < word.size(); ++i) {
    bool lower_upper = is_ascii_lower(word[i - 1]) && is_ascii_upper(word[i]);
    // "KVCache" splits before the C; "LLMs" is a plural, not LL + Ms.
    bool acronym_end = is_ascii_upper(word[i - 1]) && is_ascii_upper(word[i]) &&
                       i + 1 < word.size() && is_ascii_lower(word[i + 1]) &&
                       !(i + 2 == word.size() && word[i + 1] == 's');
    if (lower_upper || acronym_end) {
      parts.emplace_back(word.substr(start, i - start));
      start = i;
    }
  }
  if (start == 0) return {};
  parts.emplace_back(word.substr(start));
  return parts;
}

std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text,
                                                            std::size_t max_tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t pos = 0;
  std::size_t start = std::string_view::npos;
  char32_t previous = 0;
  auto flush = [&](std::size_t end) {
    if (start == std::string_view::npos) return;
    spans.emplace_back(start, end);
    start = std::string_view::npos;
  };
  while (pos < text.size() && spans.size() < max_tokens) {
    std::size_t at = pos;
    char32_t cp = next_code_point(text, pos);
    bool decimal_point = cp == '.' && is_ascii_digit(previous) && pos < text.size() &&
                         is_ascii_digit(static_cast<unsigned char>(text[pos])) &&
                         start != std::string_view::npos;
    if (is_word_character(cp) || decimal_point) {
      if (start == std::string_view::npos) start = at;
    } else {
      flush(at);
    }
    previous = cp;
  }
  if (spans.size() < max_tokens) flush(text.size());
  return spans;
}

std::vector<TextToken> tokenize(std::string_view text, std::size_t max_tokens) {
  std::vector<TextToken> tokens;
  for (auto [begin, end] : word_spans(text, max_tokens))
    tokens.push_back({fold_term(fold_case_accents(text.substr(begin, end - begin))), begin, end});
  return tokens;
}

}  // namespace papertree

namespace papertree {

std::string unit_term(std::string_view text) {
  std::vector<TextToken> tokens = tokenize(text);
  if (tokens.size() < 2) return {};
  std::string out;
  for (const TextToken& t : tokens) {
    if (!out.empty()) out += '_';
    out += t.term;
  }
  return out;
}

}  // namespace papertree
