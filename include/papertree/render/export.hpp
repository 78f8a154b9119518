#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// What an export covers: a subtree (or the whole corpus) and the papers selected in it.
struct ExportSelection {
  std::optional<CategoryIndex> root;  ///< the exported subtree; nullopt for the whole corpus
  std::vector<PaperIndex> papers;     ///< selected papers (filters applied), in listing order
};

/// Options shared by the export formats; each format documents which ones it reads.
struct ExportOptions {
  bool flat = false;         ///< markdown: one list, no headings
  bool with_papers = false;  ///< figures: papers as leaves
  int max_depth = -1;        ///< figures: levels below the start; -1 for all
  bool authors = false;      ///< markdown: an author line under each entry that has authors
};

/// Every exporter has this shape: a pure function of the corpus, the selection and the options.
using ExportFunction = void (*)(const Corpus&, const ExportSelection&, const ExportOptions&,
                                std::ostream&);

}  // namespace papertree
