// Fuzz target: the query language. Any text either parses or is a UsageError; a parsed query
// prints (to_string), and searching the embedded corpus with it returns valid, distinct papers
// with one score each, or a UsageError (an unknown in: category).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "papertree/error.hpp"
#include "papertree/search/query.hpp"
#include "papertree/search/search.hpp"

using namespace papertree;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  static const SearchIndex index(fuzz::embedded_corpus());
  const Corpus& corpus = fuzz::embedded_corpus();
  QueryNode query;
  try {
    query = parse_query(text);
  } catch (const UsageError&) {
    return 0;
  }
  fuzz::check(!to_string(query).empty(), "a parsed query prints as nothing");
  SearchResult result;
  try {
    result = index.search(query);
  } catch (const UsageError&) {
    return 0;
  }
  fuzz::check(result.papers.size() == result.scores.size(), "papers and scores differ in length");
  std::set<PaperIndex> seen;
  for (PaperIndex p : result.papers) {
    fuzz::check(p < corpus.papers().size(), "a result outside the corpus");
    fuzz::check(seen.insert(p).second, "a paper found twice");
  }
  std::vector<std::size_t> counts = facet_counts(corpus, result.papers);
  fuzz::check(counts.size() == corpus.categories().size(), "facet counts per category");
  return 0;
}
