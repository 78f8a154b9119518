// Fuzz target: the markdown importer. Any text either imports or is refused with a DataError;
// what imports must pass the loader's rules, as `papertree import` requires of its output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "papertree/error.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/json/load.hpp"

using namespace papertree;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  ImportResult result;
  try {
    result = import_markdown(text, "f.md");
  } catch (const DataError&) {
    return 0;
  }
  for (const ImportWarning& w : result.warnings)
    fuzz::check(w.line >= 1 && !w.message.empty(), "a warning without a line or a message");
  std::string json = to_canonical_json(result.corpus);
  try {
    Corpus corpus = load_corpus_text(json, "imported.json");
    fuzz::check(check_consistency(corpus).empty(), "imported corpus fails check_consistency");
  } catch (const DataError& e) {
    fuzz::fail("the importer wrote a corpus the loader refuses",
               std::string(e.what()) + "\n" + json);
  }
  return 0;
}
