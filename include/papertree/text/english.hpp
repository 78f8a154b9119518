#pragma once

#include <string>
#include <string_view>

namespace papertree {

/// True when `word` (lower-case ASCII) is a common English word of four letters or more: an entry
/// of Debian's wamerican list that is not a proper name, compiled into the binary. Typo correction
/// leaves such words alone, so a real word is never searched for as another one.
bool is_english_word(std::string_view word);

/// True when `word` (lower-case ASCII) is an English function word that says little on its own
/// ("the", "of", "for", "with"; a fixed list of 36 articles, prepositions, conjunctions and forms
/// of "be"). A query of plain words does not require them (docs/query-language.md).
bool is_stop_word(std::string_view word);

/// `word` (lower-case) without its plural ending, by Harman's S stemmer: "adapters" ->
/// "adapter", "strategies" -> "strategy", "caches" -> "cache"; "bus" and "loss" stay. The form a
/// word was typed in, which a name or title may hold where a stemmer would also take other
/// words ("adapter" and "adaptation" share the stem "adapt").
std::string singular_form(std::string word);

/// The embedded word list: one word per line (generated at build time from wamerican).
std::string_view english_word_list();

}  // namespace papertree
