#pragma once

#include <optional>
#include <string_view>

namespace papertree {

/// What an arXiv identifier says about when the paper was first posted.
struct ArxivId {
  int year = 0;   ///< four digits
  int month = 0;  ///< 1-12
};

/// Parses an arXiv id without version: "2306.00978" (YYMM.NNNNN from 2015, YYMM.NNNN from
/// 2007-04 to 2014) or the old scheme "cs/0112017", "hep-th/9901001" (archive[.XX]/YYMMNNN, from
/// 1991 to 2007-03). Empty when it does not parse or names an impossible month.
std::optional<ArxivId> parse_arxiv_id(std::string_view id);

}  // namespace papertree
