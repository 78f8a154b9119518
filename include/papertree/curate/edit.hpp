#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// The fields `papertree edit` (and `add`) can set; unset ones are left as they are.
struct PaperFields {
  std::optional<std::string> title;
  std::optional<std::string> venue;  ///< normalised through the alias table
  std::optional<int> year;
  std::optional<std::string> kind;
  std::optional<std::string> arxiv;
  std::optional<std::string> doi;
  std::optional<std::string> added;
  std::vector<Link> add_links;  ///< appended to the links
};

/// What an arXiv id alone tells, offline: the id, a Paper link to its abstract page, the year
/// and the DOI arXiv registers (10.48550/arXiv.ID), venue arXiv. Throws UsageError when the id
/// does not parse.
Paper paper_from_arxiv(std::string_view id);
/// What a DOI alone tells, offline: the DOI and a Paper link to https://doi.org/DOI (and, for an
/// arXiv DOI, what the arXiv id tells). Throws UsageError when it is not a DOI ("10.NNNN/…").
Paper paper_from_doi(std::string_view doi);

/// Applies `fields` to `paper`.
void apply_fields(Paper& paper, const PaperFields& fields);

// The edits. Each works on plain data, checks what it needs (throws UsageError naming an unknown
// paper or category, an id taken, a move into the category's own subtree) and leaves the rest of
// the corpus as it was, in order. Whether the result is a valid corpus is checked afterwards
// (commit.hpp).

/// Adds `paper` at the end; an empty id is derived from the title as the importer does, with
/// `-2`, `-3`… on a collision. Returns the id.
std::string add_paper(CorpusData& data, Paper paper);
void edit_paper(CorpusData& data, std::string_view paper_id, const PaperFields& fields);
/// Places the paper in `to`: instead of all its categories, or of only `from` when given, or in
/// addition to them when `also`.
void move_paper(CorpusData& data, std::string_view paper_id, std::string_view to, bool also,
                std::string_view from = {});
void remove_paper(CorpusData& data, std::string_view paper_id);

/// Adds a category named `name` as the last child of `parent` (a top-level branch when empty).
/// An empty `id` is the slug of the name (on a collision, the parent's id + "-" + slug, then
/// -2, -3…). Returns the id.
std::string add_category(CorpusData& data, std::string_view name, std::string_view parent,
                         std::string id = {});
/// Renames a category; its id stays unless `new_id` is given, in which case the papers placed in
/// it follow.
void rename_category(CorpusData& data, std::string_view id, std::string_view new_name,
                     std::string_view new_id = {});
/// Moves a category (with its subtree) to be the last child of `parent` (top level when empty).
void move_category(CorpusData& data, std::string_view id, std::string_view parent);

}  // namespace papertree
