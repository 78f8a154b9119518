#pragma once

#include <ostream>

#include "papertree/render/export.hpp"

namespace papertree {

/// CSL-JSON (the format of pandoc --citeproc, Zotero and Mendeley): an array with one item per
/// selected paper, its "id" the BibTeX citation key (citation_keys), "type" paper-conference,
/// article-journal, article (arXiv preprints, with "number" arXiv:ID) or post-weblog/webpage.
void render_csljson(const Corpus& corpus, const ExportSelection& selection,
                    const ExportOptions& options, std::ostream& out);

}  // namespace papertree
