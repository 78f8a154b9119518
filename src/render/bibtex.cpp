#include "papertree/render/bibtex.hpp"

#include <array>
#include <map>
#include <set>

#include "export_common.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

constexpr std::array<std::string_view, 16> k_journals = {"TMLR",
                                                         "JMLR",
                                                         "TACL",
                                                         "TPAMI",
                                                         "TNNLS",
                                                         "TKDE",
                                                         "IJCV",
                                                         "CSUR",
                                                         "PNAS",
                                                         "Nature",
                                                         "Science",
                                                         "Neurocomputing",
                                                         "JAIR",
                                                         "Machine Learning",
                                                         "Pattern Recognition",
                                                         "Information Fusion"};

// Words that say nothing about a paper: "On the …", "Towards a …", "No Token Left Behind".
const std::set<std::string, std::less<>> k_function_words = {
    "a",  "an", "and", "are", "at",  "by",      "do", "for",  "from", "in",
    "is", "no", "of",  "on",  "the", "towards", "to", "with", "via"};

// The first telling word of the title: "I-LLM" gives "illm", "LLM.int8()" gives "llmint8".
std::string key_word(const Paper& paper) {
  std::string folded = fold_case_accents(paper.title);
  std::string word;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    char c = i < folded.size() ? folded[i] : ' ';
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      word += c;
    } else if ((c == '-' || c == '.') && !word.empty()) {
      continue;  // hyphens and dots join the parts of one word
    } else if (!word.empty()) {
      if (word[0] >= 'a' && word[0] <= 'z' && !k_function_words.contains(word)) return word;
      word.clear();
    }
  }
  return paper.id.substr(0, paper.id.find('-'));
}

// "a", "b", …, "z", "aa", "ab", … for n = 0, 1, …
std::string suffix(std::size_t n) {
  std::string s;
  for (++n; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (n - 1) % 26));
  return s;
}

// A URL made safe inside a BibTeX field and LaTeX's \url: braces, backslashes, quotes, spaces,
// control and bidi characters percent-encoded; empty for a javascript:, vbscript: or data: URL.
std::string bibtex_url(std::string_view url) {
  if (detail::is_script_url(url)) return {};  // \url would make it a live link in the PDF
  return detail::percent_encode_url(url, "{}\\ \"");
}

void field(std::ostream& out, std::string_view name, const std::string& value) {
  out << ",\n  " << name << " = {" << value << "}";
}

}  // namespace

std::vector<std::string> citation_keys(const Corpus& corpus) {
  std::vector<std::string> base(corpus.papers().size());
  std::map<std::string, std::size_t> count;
  for (PaperIndex p = 0; p < base.size(); ++p) {
    const Paper& paper = corpus.paper(p);
    base[p] = key_word(paper) + (paper.year > 0 ? std::to_string(paper.year) : "");
    ++count[base[p]];
  }
  std::set<std::string> used;
  for (const auto& [key, n] : count) {
    if (n == 1) used.insert(key);
  }
  std::map<std::string, std::size_t> next;
  std::vector<std::string> keys(base.size());
  for (PaperIndex p = 0; p < base.size(); ++p) {
    if (count[base[p]] == 1) {
      keys[p] = base[p];
      continue;
    }
    std::string key;
    do key = base[p] + suffix(next[base[p]]++);
    while (used.count(key) > 0);
    used.insert(key);
    keys[p] = key;
  }
  return keys;
}

EntryKind entry_kind(const Paper& paper) {
  std::string venue = normalize_venue(paper.venue);
  if (paper.kind != "paper" || iequals(venue, "blog") || iequals(venue, "website") ||
      iequals(venue, "github")) {
    return EntryKind::online;
  }
  if (iequals(venue, "arxiv") || (venue.empty() && !paper.arxiv.empty()))
    return EntryKind::preprint;
  for (std::string_view journal : k_journals) {
    if (iequals(venue, journal)) return EntryKind::journal;
  }
  std::string lower = ascii_lower(venue);
  if (lower.find("journal") != std::string::npos ||
      lower.find("transactions") != std::string::npos) {
    return EntryKind::journal;
  }
  return EntryKind::conference;
}

namespace {

void write_entry(const Paper& paper, const std::string& key, std::ostream& out) {
  EntryKind kind = entry_kind(paper);
  std::string venue = bibtex_text(normalize_venue(paper.venue), true);
  bool dated = paper.year > 0 && !venue.empty();
  if ((kind == EntryKind::conference || kind == EntryKind::journal) && !dated)
    kind = EntryKind::online;
  std::string url = bibtex_url(detail::paper_url(paper));
  static constexpr std::array<std::string_view, 4> k_types = {"inproceedings", "article", "misc",
                                                              "misc"};
  out << '@' << k_types[static_cast<int>(kind)] << '{' << key;
  std::string authors;
  for (const Author& author : paper.authors) {
    std::string name =
        author.literal.empty()
            ? bibtex_text(author.family, false) +
                  (author.given.empty() ? "" : ", " + bibtex_text(author.given, false))
            : "{" + bibtex_text(author.literal, false) + "}";
    authors += (authors.empty() ? "" : " and ") + name;
  }
  if (paper.authors_truncated && !authors.empty()) authors += " and others";
  field(out, "author", authors.empty() ? "{Unknown}" : authors);
  field(out, "title", bibtex_text(paper.title, true));
  if (kind == EntryKind::conference) field(out, "booktitle", venue);
  if (kind == EntryKind::journal) field(out, "journal", venue);
  if (kind == EntryKind::preprint) {
    std::string arxiv = bibtex_text(paper.arxiv, false);
    field(out, "howpublished", arxiv.empty() ? "arXiv preprint" : "arXiv preprint arXiv:" + arxiv);
  }
  if (kind == EntryKind::online && !url.empty()) field(out, "howpublished", "\\url{" + url + "}");
  if (kind == EntryKind::online && !venue.empty()) field(out, "note", venue);
  if (paper.year > 0) field(out, "year", std::to_string(paper.year));
  if (kind == EntryKind::preprint && !paper.arxiv.empty()) {
    field(out, "eprint", bibtex_text(paper.arxiv, false));
    field(out, "archivePrefix", "arXiv");
  }
  if (!url.empty()) field(out, "url", url);
  out << "\n}\n\n";
}

}  // namespace

void render_bibtex(const Corpus& corpus, const ExportSelection& selection,
                   const ExportOptions& /*options*/, std::ostream& out) {
  std::vector<std::string> keys = citation_keys(corpus);
  for (PaperIndex p : selection.papers) write_entry(corpus.paper(p), keys[p], out);
}

}  // namespace papertree
