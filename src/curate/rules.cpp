// The rule table of `papertree validate`: ids, severities and the text `--explain` prints.
// Keep docs/validate.md in step with it.
#include <algorithm>
#include <array>

#include "papertree/curate/validate.hpp"

namespace papertree {

namespace {

constexpr std::array<RuleInfo, 14> k_rules = {{
    {"shared-identifier", Severity::error,
     "the same arXiv id or DOI on papers with different titles",
     "Two papers carry the same arXiv id or DOI but their titles differ once normalised (case,\n"
     "accents and punctuation ignored). One of them links the other's paper: usually a copy-paste\n"
     "slip in the list. Reported on the later paper. Fix the id (and its Paper link) of the wrong\n"
     "one; if both are right, add \"shared-identifier\" to either paper's \"ignore\"."},
    {"duplicate-title", Severity::warning, "the same or a near-identical title on two papers",
     "Two papers whose normalised titles are equal, or differ by at most one edit per 25\n"
     "characters (a typo, a dropped word ending). Usually one paper listed twice; merge them with\n"
     "`papertree move PAPER --to CAT --also` and `papertree remove`. Reported on the later one."},
    {"repeated-prefix", Severity::warning, "a title that repeats its own prefix",
     "The short name before the title's colon comes again right after it (\"OmniQuant: OmniQuant:\n"
     "Omnidirectionally…\"): a paste doubled. Fix the title with `papertree edit PAPER --title`."},
    {"run-together-urls", Severity::error, "two URLs run together in one link",
     "A link's URL holds a second \"http://\" or \"https://\" after its start: two links pasted\n"
     "without a separator. Split or fix the URL."},
    {"paper-link-to-code", Severity::warning, "a \"Paper\" link that points at a code host",
     "A link labelled \"Paper\" goes to github.com, gitlab.com, bitbucket.org, codeberg.org or\n"
     "sourceforge.net: it is a code link. Relabel it \"Code\" and add the real paper link."},
    {"arxiv-format", Severity::error, "an arXiv id that does not parse",
     "The \"arxiv\" field must be an arXiv identifier without version: YYMM.NNNN (2007-2014),\n"
     "YYMM.NNNNN (2015 on), or the old archive/YYMMNNN (cs/0112017), with a month 01-12."},
    {"arxiv-year", Severity::warning, "an arXiv id whose year disagrees with the paper's year",
     "The arXiv id's YYMM says when the paper was first posted. A paper's year should be that "
     "year\n"
     "or one of the two after it (a venue's year can follow the preprint); an earlier year, or a\n"
     "later one, is usually a wrong year or a wrong id."},
    {"unknown-venue", Severity::warning, "a venue that is not in the alias table",
     "The venue is neither a canonical name nor an alias of docs/venues.md. The message names the\n"
     "nearest canonical name. Fix the venue, or add the venue to the table in\n"
     "src/corpus/venue.cpp and docs/venues.md."},
    {"year-range", Severity::error, "a year outside the plausible range",
     "A year (when given; 0 means unknown) must be between 1900 and next year."},
    {"empty-category", Severity::warning, "a category with no papers in its subtree",
     "A category (with all its sub-categories) holds no paper. Move papers into it, or remove it.\n"
     "The category the frameworks table is exported into (\"LLM Frameworks\") is not empty."},
    {"duplicate-category-name", Severity::error, "sibling categories with the same name",
     "Two children of one parent (or two top-level branches) have the same name, ignoring case "
     "and\n"
     "accents: readers cannot tell them apart. Rename one with `papertree rename-category`."},
    {"duplicate-link", Severity::warning, "the same URL twice in one paper's links",
     "A paper lists one URL (ignoring http/https, a \"www.\" and a trailing slash) in two links.\n"
     "Drop the repeat."},
    {"authors-incomplete", Severity::info, "authors missing or truncated",
     "The paper has no authors, or its author list is known to stop short (\"et al.\"). Shown "
     "with\n"
     "`--severity info`; never fails a validation."},
    {"ignore-unknown-rule", Severity::warning, "an \"ignore\" entry that names no rule",
     "A paper's \"ignore\" list names a rule id this papertree does not have (a typo, or a rule "
     "of\n"
     "a newer version). `papertree validate --explain RULE` lists the rules."},
}};

}  // namespace

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::span<const RuleInfo> validation_rules() {
  return k_rules;
}

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(k_rules.begin(), k_rules.end(),
                         [id](const RuleInfo& rule) { return rule.id == id; });
  return it == k_rules.end() ? nullptr : &*it;
}

std::size_t ValidationReport::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [severity](const Finding& f) { return f.severity == severity; }));
}

bool ValidationReport::passed(bool strict) const {
  return count(Severity::error) == 0 && (!strict || count(Severity::warning) == 0);
}

}  // namespace papertree
