// First-seen dates from a list's past versions (`papertree import --history`).
#include "papertree/curate/history.hpp"

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "papertree/error.hpp"
#include "papertree/import/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::vector<std::string> keys_of(const Paper& paper) {
  std::vector<std::string> keys;
  if (!paper.arxiv.empty()) keys.push_back("arxiv:" + paper.arxiv);
  if (!paper.doi.empty()) keys.push_back("doi:" + ascii_lower(paper.doi));
  std::string title;
  for (char c : fold_case_accents(paper.title)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      title.push_back(c);
    }
  }
  if (!title.empty()) keys.push_back("title:" + title);
  return keys;
}

// The arXiv and DOI keys that `papers` give to papers of different titles: a list that links two
// papers to one id has the id wrong for one of them, so the id says nothing about either there.
std::unordered_set<std::string> shared_ids(std::span<const Paper> papers) {
  std::unordered_map<std::string, std::string> title_of;  // id key -> title key
  std::unordered_set<std::string> shared;
  for (const Paper& paper : papers) {
    std::vector<std::string> keys = keys_of(paper);
    std::string title = keys.empty() || !keys.back().starts_with("title:") ? "" : keys.back();
    for (const std::string& key : keys) {
      if (key.starts_with("title:")) continue;
      auto [it, fresh] = title_of.emplace(key, title);
      if (!fresh && it->second != title) shared.insert(key);
    }
  }
  return shared;
}

// keys_of(paper) without the ids in `shared`.
std::vector<std::string> identity_keys(const Paper& paper,
                                       const std::unordered_set<std::string>& shared) {
  std::vector<std::string> keys = keys_of(paper);
  std::erase_if(keys, [&](const std::string& key) { return shared.contains(key); });
  return keys;
}

// The earliest date any of `keys` is known by; empty when none is.
std::string earliest(const std::unordered_map<std::string, std::string>& seen,
                     const std::vector<std::string>& keys) {
  std::string date;
  for (const std::string& key : keys) {
    auto it = seen.find(key);
    if (it != seen.end() && (date.empty() || it->second < date)) date = it->second;
  }
  return date;
}

}  // namespace

HistoryResult assign_added_dates(CorpusData& corpus, std::span<const ListVersion> versions) {
  HistoryResult result;
  std::unordered_map<std::string, std::string> seen;  // key -> first date
  for (const ListVersion& version : versions) {
    ImportResult imported;
    try {
      imported = import_markdown(version.text, version.commit);
    } catch (const DataError&) {
      ++result.versions_skipped;  // an early version that is not a list yet
      continue;
    }
    ++result.versions_read;
    std::unordered_set<std::string> shared = shared_ids(imported.corpus.papers);
    for (const Paper& paper : imported.corpus.papers) {
      std::vector<std::string> keys = identity_keys(paper, shared);
      std::string date = earliest(seen, keys);
      if (date.empty() || version.date < date) date = version.date;
      for (const std::string& key : keys) {
        auto [it, fresh] = seen.emplace(key, date);
        if (!fresh && date < it->second) it->second = date;
      }
    }
  }
  std::unordered_set<std::string> shared = shared_ids(corpus.papers);
  for (Paper& paper : corpus.papers) {
    std::string date = earliest(seen, identity_keys(paper, shared));
    if (date.empty()) continue;
    paper.added = date;
    ++result.papers_dated;
  }
  return result;
}

}  // namespace papertree
