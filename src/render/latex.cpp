#include <fmt/format.h>

#include "latex_text.hpp"
#include "papertree/render/figure.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// Characters the T1 encoding with textcomp covers, passed through as UTF-8.
bool t1_supported(char32_t cp) {
  if (cp >= 0xA1 && cp <= 0x17F) {
    // Latin-1 and Latin Extended-A but the soft hyphen and the letters utf8 inputenc does not
    // map for T1 (Ħ ħ ĸ Ŀ ŀ ŉ Ŧ ŧ ſ); checked by compiling every one.
    constexpr std::u32string_view k_missing =
        U"\u00AD\u0126\u0127\u0138\u013F\u0140\u0149\u0166\u0167\u017F";
    return k_missing.find(cp) == std::u32string_view::npos;
  }
  switch (cp) {
    case 0x2013:
    case 0x2014:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2020:
    case 0x2021:
    case 0x2022:
    case 0x2026:
    case 0x2030:
    case 0x2039:
    case 0x203A:
    case 0x20AC:
    case 0x2122:
      return true;
    default:
      return false;
  }
}

std::string node_label(const FigureNode& node) {
  return latex_escape(fmt::format("{} ({})", node.label, node.count));
}

int colour_index(int branch) {
  return branch < 0 ? 0 : branch % 8;
}

// Paper boxes whose names are wider than this (in columns) wrap at a fixed width.
constexpr std::size_t k_wrap_width = 80;

void write_node(const FigureNode& node, const std::string& indent, std::ostream& out) {
  std::string style = node.kind == FigureNode::Kind::root ? "survey root"
                      : node.level == 1 ? fmt::format("top={}", colour_index(node.branch))
                                        : fmt::format("cat={}", colour_index(node.branch));
  out << indent << "[{" << node_label(node) << "}, " << style;
  std::string papers;
  std::size_t papers_width = 0;  // of the unescaped names, to decide whether the box wraps
  int paper_branch = node.branch;
  bool has_categories = false;
  for (const FigureNode& child : node.children) {
    if (child.kind != FigureNode::Kind::paper) {
      has_categories = true;
      continue;
    }
    if (!papers.empty()) papers += ", ";
    papers += latex_escape(child.label);
    papers_width += display_width(child.label) + 2;
    paper_branch = child.branch;
  }
  if (papers.empty() && !has_categories) {
    out << "]\n";
    return;
  }
  out << '\n';
  std::string inner = indent + "  ";
  if (!papers.empty()) {
    // forest sets `align` content in a tabular, where `text width` does not wrap; a \parbox does.
    if (papers_width > k_wrap_width) papers = "\\parbox{9cm}{\\raggedright " + papers + "}";
    out << inner << "[{" << papers << "}, papers=" << colour_index(paper_branch) << "]\n";
  }
  for (const FigureNode& child : node.children) {
    if (child.kind != FigureNode::Kind::paper) write_node(child, inner, out);
  }
  out << indent << "]\n";
}

constexpr std::string_view k_preamble = R"(\documentclass[border=10pt]{standalone}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{textcomp}
\usepackage[scaled=0.92]{helvet}
\renewcommand{\familydefault}{\sfdefault}
\usepackage{xcolor}
\usepackage[edges]{forest}
)";

constexpr std::string_view k_styles = R"(\forestset{
  taxonomy/.style={
    forked edges,
    for tree={
      grow'=0, anchor=west, child anchor=west, parent anchor=east, align=left,
      draw, rounded corners=2pt, font=\small, inner xsep=4pt, inner ysep=2.5pt,
      s sep=3pt, l sep=10pt, fork sep=5pt, edge={draw=black!40, line width=0.6pt},
    },
  },
  survey root/.style={fill=rootfill, draw=rootfill, text=white, font=\bfseries,
    rotate=90, anchor=center, child anchor=north, parent anchor=south},
  top/.style={fill=fill#1, draw=line#1, line width=0.8pt, font=\small\bfseries},
  cat/.style={fill=white, draw=line#1},
  papers/.style={fill=fill#1!40, draw=line#1, font=\scriptsize},
}
)";

}  // namespace

std::string latex_escape(std::string_view s) {
  std::string clean = sanitize_for_display(s);
  std::string out;
  for (std::size_t pos = 0; pos < clean.size();) {
    std::size_t start = pos;
    char32_t cp = next_code_point(clean, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      // Fullwidth forms of ASCII ("，" in CJK titles) as their ASCII letter, then escaped.
      cp -= 0xFEE0;
    }
    if (cp == '-' && pos < clean.size() && clean[pos] == '-') {
      out += "-{}";  // no "--" en-dash ligature
    } else if (cp < 0x80) {
      std::string_view special =
          detail::latex_ascii_special(static_cast<char>(cp), detail::LatexTarget::document);
      if (special.empty()) {
        out += static_cast<char>(cp);
      } else {
        out += special;
      }
    } else if (t1_supported(cp)) {
      out.append(clean, start, pos - start);
    } else if (std::string_view math = detail::latex_math_symbol(cp); !math.empty()) {
      out += fmt::format("\\ensuremath{{{}}}", math);
    } else {
      out += fmt::format("[U+{:04X}]\\allowbreak{{}}", static_cast<std::uint32_t>(cp));
    }
  }
  return out;
}

void export_latex(const Corpus& corpus, const ExportSelection& selection,
                  const ExportOptions& options, std::ostream& out) {
  FigureNode root = build_figure(corpus, selection, options);
  out << "% Taxonomy figure generated by papertree; compile with: pdflatex FILE\n" << k_preamble;
  out << "\\definecolor{rootfill}{HTML}{33363B}\n";
  for (int b = 0; b < 8; ++b) {
    out << fmt::format("\\definecolor{{line{}}}{{HTML}}{{{}}}\n", b, branch_colour(b))
        << fmt::format("\\definecolor{{fill{}}}{{HTML}}{{{}}}\n", b, branch_fill(b));
  }
  out << k_styles << "\\begin{document}\n\\begin{forest}\n  taxonomy\n";
  write_node(root, "  ", out);
  out << "\\end{forest}\n\\end{document}\n";
}

}  // namespace papertree
