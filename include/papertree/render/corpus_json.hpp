#pragma once

#include <ostream>

#include "papertree/render/export.hpp"

namespace papertree {

/// The selection as a corpus of its own: the taxonomy pruned to the exported subtree, the selected
/// papers with their categories limited to that subtree, the frameworks only when the whole
/// taxonomy is exported. Loading it with Corpus::build succeeds.
CorpusData select_corpus_data(const Corpus& corpus, const ExportSelection& selection);

/// select_corpus_data written as canonical corpus JSON (to_canonical_json): a file that
/// `papertree --corpus` loads.
void render_corpus_json(const Corpus& corpus, const ExportSelection& selection,
                        const ExportOptions& options, std::ostream& out);

}  // namespace papertree
