#pragma once

#include <cstddef>
#include <optional>
#include <ostream>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/style.hpp"

namespace papertree {

/// What `render_tree_*` draws.
struct TreeOptions {
  std::optional<CategoryIndex> root;  ///< a subtree, or the whole taxonomy
  int max_depth = -1;                 ///< levels below the start to show; -1 for all
  bool ascii = false;                 ///< plain "|--" lines instead of box drawing
  bool ids = false;                   ///< show each category's id after its name
  std::size_t width = 0;              ///< fit lines to this many columns; 0 for no limit. Names
                                      ///< are cut, never ids: a row whose id cannot fit overflows
  TextStyle style;
};

/// The width of each count column of the text tree: 7 (" direct"), or one more than the digits
/// of `largest_count` when that is wider, so that a count never runs into its neighbour.
std::size_t tree_count_width(std::size_t largest_count);

/// The taxonomy as an indented tree, each category with its direct and total paper counts.
void render_tree_text(const Corpus& corpus, const TreeOptions& options, std::ostream& out);

/// The taxonomy as JSON: {"title", "papers", "categories": [{"id", "name", "path", "depth",
/// "direct", "total", "children": [...]}]} (documented in docs/json-output.md).
void render_tree_json(const Corpus& corpus, const TreeOptions& options, std::ostream& out);

}  // namespace papertree
