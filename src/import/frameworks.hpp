#pragma once

#include <vector>

#include "outline.hpp"
#include "papertree/corpus/corpus.hpp"

namespace papertree::import_detail {

/// The tables of the outline whose cells hold ✅ or ❌: framework capability tables.
std::vector<const Table*> capability_tables(const Outline& o);

/// Appends one framework per data row of `table`; a column named like "…Training",
/// "…Inference" or "…Fine-Tuning" becomes "training", "inference", "fine-tuning" in `supports`.
void read_frameworks(const Table& table, std::vector<Framework>& out,
                     std::vector<ImportWarning>& warnings);

}  // namespace papertree::import_detail
