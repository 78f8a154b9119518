// Fuzz target: the corpus loader. Both load paths (the fast reader with its fallback, and
// nlohmann's SAX path alone) must agree on every input: the same data, or the same error. A
// corpus that loads must survive Corpus::build's checks and a canonical rewrite unchanged.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../src/json/load_paths.hpp"
#include "fuzz_support.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"

using namespace papertree;

namespace {

// The canonical JSON of the parsed text, or the error's full text.
std::string outcome(std::string_view text, bool precise, std::optional<CorpusData>& data) {
  try {
    data = precise ? detail::parse_corpus_precisely(text, "f.json") : parse_corpus(text, "f.json");
    return to_canonical_json(*data);
  } catch (const DataError& e) {
    return std::string("error: ") + e.what() + "\n" + e.detail();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  std::optional<CorpusData> fast;
  std::optional<CorpusData> exact;
  std::string a = outcome(text, false, fast);
  std::string b = outcome(text, true, exact);
  fuzz::check(a == b, "the fast and the precise load paths disagree", a + "\n---\n" + b);
  // A second thread reading the papers array from a point in the text (as parse_corpus does for
  // a large file): the first `{` after the middle, and the point a third of the way in.
  for (std::size_t at : {text.find('{', size / 2), size / 3}) {
    std::string split;
    try {
      split = to_canonical_json(detail::parse_corpus_split(text, "f.json", at));
    } catch (const DataError& e) {
      split = std::string("error: ") + e.what() + "\n" + e.detail();
    }
    fuzz::check(split == a, "reading the papers on two threads changes the outcome",
                a + "\n---\n" + split);
  }
  if (!fast) return 0;
  std::string canonical = a;
  try {
    Corpus corpus = Corpus::build(std::move(*fast), "f.json");
    fuzz::check(check_consistency(corpus).empty(), "check_consistency failed", canonical);
  } catch (const DataError&) {
    return 0;  // a well-formed file whose contents break a rule (unknown category, …)
  }
  std::optional<CorpusData> again;
  fuzz::check(outcome(canonical, false, again) == canonical,
              "the canonical JSON does not load back to itself", canonical);
  return 0;
}
