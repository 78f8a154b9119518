#pragma once

#include <string>
#include <string_view>

#include "papertree/corpus/corpus.hpp"

namespace papertree {

/// Splits a name as people write it into CSL parts. "Family, Given" splits at the comma;
/// "Given Family" takes the last word as the family name, with the lower-case particles before it
/// ("van", "de", "von der"…) and a trailing "Jr."/"II"-style suffix kept with it
/// ("Ludwig van Beethoven" -> family "van Beethoven"). A single word, or a name in braces
/// ("{OpenAI Team}"), becomes `literal`. Whitespace is collapsed. An empty or blank text gives an
/// empty Author.
Author parse_person_name(std::string_view text);

/// The name for people: "Given Family", or the literal.
std::string display_name(const Author& author);

/// The name to sort and cite by: the family name, or the literal.
const std::string& sort_name(const Author& author);

/// Every author for people, "A, B and C", ending with " et al." when the list is truncated;
/// empty when there are none.
std::string author_list(const Paper& paper);

/// The short form of a byline, as on Google Scholar: "Frantar", "Frantar and Alistarh",
/// "Frantar et al." (three or more, or a truncated list); empty when there are no authors.
std::string short_author_list(const Paper& paper);

}  // namespace papertree
