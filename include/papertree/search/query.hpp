#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/select.hpp"

namespace papertree {

/// Which indexed text a word or phrase must occur in.
enum class Field { any, title, venue, category, author };

/// One node of a parsed query (docs/query-language.md describes the language).
struct QueryNode {
  enum class Kind {
    word,      ///< `text` as typed; matched through the search tokenizer
    phrase,    ///< `text` between double quotes; its words must be adjacent, in order
    prefix,    ///< `text` before a trailing `*`
    all_of,    ///< children ANDed (juxtaposition or AND)
    any_of,    ///< children ORed
    negation,  ///< one child, NOT / leading `-`
    year,      ///< `year:` with `years`
    in,        ///< `in:` with the category reference in `text`
    has_code,  ///< `has:code`
    kind,      ///< `kind:` with `text` = paper, blog or website
    venue,     ///< `venue:` with `text` (normalised venue match)
  };
  Kind kind = Kind::all_of;
  Field field = Field::any;  ///< for word, phrase and prefix
  std::string text;
  YearRange years;
  std::vector<QueryNode> children;
  std::size_t offset = 0;  ///< byte offset in the query where the node starts
};

/// Limits that bound the time and memory of one query (docs/query-language.md).
inline constexpr std::size_t k_max_query_bytes = 16 * 1024;
inline constexpr std::size_t k_max_query_terms = 256;  ///< words, phrases and prefixes

/// Parses a search query. Throws UsageError on a syntax error: the message says what was
/// expected and what was found, the detail is the query and, below it, a caret under the
/// offending spot. A query longer than k_max_query_bytes or with more than k_max_query_terms
/// terms is a UsageError too.
QueryNode parse_query(std::string_view query);

/// A compact, unambiguous form of a parsed query for tests and `--explain`:
/// `(and gptq (or "kv cache" quant*) (not title:int8) year:2022..2024 in:quantization)`.
std::string to_string(const QueryNode& node);

}  // namespace papertree
