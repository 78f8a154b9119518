// Fuzz target: the bibliography readers and enrich. The first byte picks the reader (BibTeX or
// CSL-JSON, by the file name, as `papertree enrich` does) and the side that wins conflicts; the
// rest is the file. Any text either reads or is refused with a DataError; what reads is matched
// against a sample of the embedded corpus (every eighth paper, the whole taxonomy: the survey's
// 432 papers made each input cost ~13 ms under the sanitizers, a few hundred runs in 30 s), and
// the enriched corpus must still load, and its report render.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "papertree/enrich/enrich.hpp"
#include "papertree/enrich/records.hpp"
#include "papertree/enrich/report.hpp"
#include "papertree/error.hpp"
#include "papertree/json/load.hpp"

using namespace papertree;

namespace {

const CorpusData& sample_corpus() {
  static const CorpusData sample = [] {
    CorpusData data = fuzz::embedded_corpus().data();
    std::vector<Paper> kept;
    for (std::size_t i = 0; i < data.papers.size(); i += 8) kept.push_back(data.papers[i]);
    data.papers = std::move(kept);
    return data;
  }();
  return sample;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = bytes[0];
  std::string_view text(reinterpret_cast<const char*>(bytes + 1), size - 1);
  const std::string origin = (pick & 1) ? "f.json" : "f.bib";
  std::vector<SourceRecord> records;
  try {
    records = read_records(text, origin);
  } catch (const DataError& e) {
    fuzz::check(e.where().file == origin, "a reader error that does not name the file", e.what());
    return 0;
  }
  for (const SourceRecord& r : records)
    fuzz::check(r.line >= 1 && r.origin == origin, "a record without its file and line", r.key);
  CorpusData data = sample_corpus();
  EnrichOptions options;
  options.prefer = (pick & 2) ? Prefer::source : Prefer::corpus;
  EnrichReport report = enrich(data, records, options);
  fuzz::check(report.matched() + report.unmatched.size() <= records.size(),
              "the report counts more records than were read");
  std::string json = to_canonical_json(data);
  try {
    load_corpus_text(json, "enriched.json");
  } catch (const DataError& e) {
    fuzz::fail("enrich wrote a corpus the loader refuses", e.what());
  }
  std::ostringstream out;
  render_enrich_report(report, true, out);
  out << enrich_report_to_json(report).dump();
  return 0;
}
