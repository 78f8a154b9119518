#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// One field of a paper that differs between two versions.
struct FieldChange {
  std::string field;  ///< "title", "venue", "year", "links", "authors", "arxiv", "doi", "kind"
  std::string before;
  std::string after;
};

/// A paper present in both versions (matched by arXiv id, then DOI, then title, then id).
struct PaperChange {
  std::string old_id;
  std::string new_id;
  std::string title;                        ///< the new title
  std::vector<std::string> old_categories;  ///< category ids, when the placements changed
  std::vector<std::string> new_categories;
  std::vector<FieldChange> fields;
};

struct CategoryRef {
  std::string id;
  std::string name;
  std::string path;  ///< names from the root, " / "-joined
};

/// A category in both versions whose name or id changed (the id kept, or, for a new id, mostly
/// the same papers: at least half of the old one's and of the new one's, counting the papers
/// placed in it, or for a category with none placed directly, those of its subtree).
struct CategoryRename {
  CategoryRef before;
  CategoryRef after;
};

/// What changed from one corpus to another, each list in the newer corpus's order (removals in
/// the older one's).
struct CorpusDiff {
  std::vector<const Paper*> added;    ///< in the new corpus
  std::vector<const Paper*> removed;  ///< in the old corpus
  std::vector<PaperChange> moved;     ///< placements changed (fields may have changed too)
  std::vector<PaperChange> changed;   ///< fields changed, placements the same
  std::vector<CategoryRef> categories_added;
  std::vector<CategoryRef> categories_removed;
  std::vector<CategoryRename> categories_renamed;

  bool empty() const;
};

/// Compares two corpora. Both must outlive the result (it points into `after` and `before`).
CorpusDiff diff_corpora(const Corpus& before, const Corpus& after);

/// For people: a summary line, then sections (added, removed, moved, changed, categories).
void render_diff_text(const CorpusDiff& diff, std::ostream& out);
/// docs/json-output.md ("diff").
void render_diff_json(const CorpusDiff& diff, std::ostream& out);
/// A changelog section for a release note: "### Added" with one markdown paper line each, etc.
void render_diff_markdown(const CorpusDiff& diff, std::ostream& out);

}  // namespace papertree
