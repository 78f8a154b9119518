#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "papertree/corpus/corpus.hpp"
#include "papertree/render/export.hpp"

namespace papertree {

/// One node of a taxonomy figure: the root (the survey, or the exported category), a category,
/// or (with ExportOptions::with_papers) a paper leaf. Labels are raw corpus text; each renderer
/// escapes them for its own language.
struct FigureNode {
  enum class Kind { root, category, paper };
  Kind kind = Kind::category;
  std::string label;      ///< survey title, category name, or paper short name
  std::size_t count = 0;  ///< distinct selected papers in the subtree; 0 for a paper
  int branch = -1;        ///< which child of the root this node descends from; -1 for the root
  int level = 0;          ///< 0 for the root, 1 for its children…
  std::vector<FigureNode> children;  ///< paper leaves first, then subcategories, in corpus order
};

/// The tree every figure format draws. The root is the exported category, or the survey's title
/// when the whole corpus is exported. Counts are of the selected papers only; categories with no
/// selected paper are kept (with 0), since the figure shows the taxonomy. `max_depth` limits the
/// category levels below the top-level ones (as `tree --depth` does); with `with_papers`, a
/// category at the depth limit gets every selected paper of its subtree as leaves.
FigureNode build_figure(const Corpus& corpus, const ExportSelection& selection,
                        const ExportOptions& options);

/// A paper's name in a figure: the part of the title before ':' when it is at most 24 columns
/// wide ("GPTQ"), else the title itself, cut at a word boundary to at most 40 columns with "…".
std::string paper_short_name(std::string_view title);

/// `s` as a double-quoted Graphviz string: control characters made visible, `\` and `"` escaped.
std::string dot_quote(std::string_view s);

/// `s` as a double-quoted Mermaid label: control characters made visible, and `"`, `#`, `&`,
/// `<`, `>`, backtick, `\` and `%` (no `%%{init}%%` directive or `%%` comment survives) written
/// as Mermaid entity codes (`#quot;`, `#35;`, `#37;`…).
std::string mermaid_quote(std::string_view s);

/// `s` as LaTeX text for pdflatex with T1 fonts: the ten special characters and `<>|"` as
/// commands, control characters made visible, Latin-1 and Latin Extended-A letters, common
/// punctuation and Greek kept; any other character becomes a visible `[U+XXXX]` placeholder,
/// since pdflatex cannot typeset it without extra fonts.
std::string latex_escape(std::string_view s);

/// Graphviz DOT: a left-to-right tree of rounded boxes coloured by top-level branch, ready for
/// `dot -Tsvg`.
void export_dot(const Corpus& corpus, const ExportSelection& selection,
                const ExportOptions& options, std::ostream& out);

/// Mermaid `flowchart LR` with one class per top-level branch.
void export_mermaid(const Corpus& corpus, const ExportSelection& selection,
                    const ExportOptions& options, std::ostream& out);

/// A complete LaTeX document drawing the tree with the `forest` package (forked edges, the
/// style of survey taxonomy figures); a category's papers share one leaf box. Compiles with
/// `pdflatex` as it is.
void export_latex(const Corpus& corpus, const ExportSelection& selection,
                  const ExportOptions& options, std::ostream& out);

/// The colours of the top-level branches (border colour as "RRGGBB", cycled by branch index).
std::string_view branch_colour(int branch);
/// The light fill matching branch_colour.
std::string_view branch_fill(int branch);

}  // namespace papertree
