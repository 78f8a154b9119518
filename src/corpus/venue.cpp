#include "papertree/corpus/venue.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// Keep docs/venues.md in step with these two tables.

// Canonical names, matched ignoring case and runs of spaces.
constexpr std::array<std::string_view, 59> k_canonical = {
    "AACL",
    "AACL Findings",
    "AAAI",
    "ACL",
    "ACL Demo",
    "ACL Findings",
    "ACL SRW",
    "AI Open",
    "AISTATS",
    "ARITH",
    "arXiv",
    "ASPLOS",
    "AutoML",
    "COLING",
    "COLT",
    "CVPR",
    "DAC",
    "DeeLIO",
    "EACL",
    "ECCV",
    "EMNLP",
    "EMNLP Findings",
    "EuroSys",
    "HPCA",
    "ICASSP",
    "ICCV",
    "ICLR",
    "ICML",
    "ICML Workshop",
    "ICPP",
    "IJCAI",
    "Interspeech",
    "IPDPS",
    "ISCA",
    "JMLR",
    "KDD",
    "MICRO",
    "MLSys",
    "NAACL",
    "NAACL Findings",
    "NeurIPS",
    "NeurIPS Workshop",
    "NeurIPS-ENLSP",
    "NSDI",
    "OSDI",
    "PPoPP",
    "SC",
    "SIGMOD",
    "SOSP",
    "TACL",
    "TMLR",
    "TPAMI",
    "UAI",
    "USENIX ATC",
    "VLDB",
    "WWW",
    "Blog",
    "Website",
    "ICDE",
};

// Other spellings (lower case, single spaces) -> canonical name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_aliases = {{
    {"neurlps", "NeurIPS"},
    {"nips", "NeurIPS"},
    {"neural information processing systems", "NeurIPS"},
    {"neurips-workshop", "NeurIPS Workshop"},
    {"icml-workshop", "ICML Workshop"},
    {"emnlp-findings", "EMNLP Findings"},
    {"findings of emnlp", "EMNLP Findings"},
    {"acl-findings", "ACL Findings"},
    {"findings of acl", "ACL Findings"},
    {"naacl-findings", "NAACL Findings"},
    {"aacl-findings", "AACL Findings"},
    {"naacl-hlt", "NAACL"},
    {"acl-short", "ACL"},
    {"arxiv preprint", "arXiv"},
}};

// Lower case, inner whitespace collapsed, a trailing year (" 2023", ", 2023") removed.
std::string venue_key(std::string_view raw) {
  std::string key;
  for (char c : trim(raw)) {
    bool space = c == ' ' || c == '\t';
    if (space && (key.empty() || key.back() == ' ')) continue;
    key.push_back(space ? ' ' : c);
  }
  key = ascii_lower(key);
  if (key.size() > 5) {
    std::string_view tail = std::string_view(key).substr(key.size() - 4);
    char sep = key[key.size() - 5];
    bool digits =
        std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && (tail.starts_with("19") || tail.starts_with("20")) &&
        (sep == ' ' || sep == ',')) {
      key = std::string(trim(std::string_view(key).substr(0, key.size() - 5)));
      if (!key.empty() && key.back() == ',') key.pop_back();
    }
  }
  return key;
}

}  // namespace

std::string normalize_venue(std::string_view raw) {
  std::string key = venue_key(raw);
  for (std::string_view name : k_canonical) {
    if (ascii_lower(name) == key) return std::string(name);
  }
  for (const auto& [alias, canonical] : k_aliases) {
    if (key == alias) return std::string(canonical);
  }
  return std::string(trim(raw));
}

bool same_venue(std::string_view a, std::string_view b) {
  return iequals(normalize_venue(a), normalize_venue(b));
}

bool is_known_venue(std::string_view raw) {
  std::string venue = normalize_venue(raw);
  return std::find(k_canonical.begin(), k_canonical.end(), venue) != k_canonical.end();
}

std::string nearest_known_venue(std::string_view raw) {
  std::string key = venue_key(raw);
  std::string_view best = k_canonical.front();
  std::size_t best_distance = std::string::npos;
  auto consider = [&](std::string_view spelling, std::string_view canonical) {
    std::size_t d = edit_distance(key, ascii_lower(spelling));
    if (d < best_distance) {
      best_distance = d;
      best = canonical;
    }
  };
  for (std::string_view name : k_canonical) consider(name, name);
  for (const auto& [alias, canonical] : k_aliases) consider(alias, canonical);
  return std::string(best);
}

}  // namespace papertree
