#include "papertree/render/bibtex.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

#include "export_common.hpp"
#include "latex_text.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/text/text.hpp"
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

// The telling words of the title, in order: "I-LLM" gives "illm", "LLM.int8()" gives "llmint8";
// a word must start with a letter and not be a function word.
std::vector<std::string> key_words(const Paper& paper) {
  std::string folded = fold_case_accents(paper.title);
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    char c = i < folded.size() ? folded[i] : ' ';
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      word += c;
    } else if ((c == '-' || c == '.') && !word.empty()) {
      continue;  // hyphens and dots join the parts of one word
    } else if (!word.empty()) {
      if (word[0] >= 'a' && word[0] <= 'z' && !k_function_words.contains(word))
        words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// The first author's family name (or the literal) as lower-case ASCII letters: "Müller" gives
// "muller", "van der Berg" gives "vanderberg"; empty when unknown or not in Latin letters.
std::string key_author(const Paper& paper) {
  if (paper.authors.empty()) return {};
  std::string out;
  for (char c : fold_case_accents(sort_name(paper.authors.front())))
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

// Six base-36 characters from a hash (FNV-1a) of the paper id: the last resort of a collision.
std::string id_tag(const std::string& id) {
  std::uint32_t h = 2166136261u;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 36) tag += "0123456789abcdefghijklmnopqrstuvwxyz"[h % 36];
  return tag;
}

struct KeyParts {
  std::string base;                // author + year + first word, or first word + year
  std::vector<std::string> extra;  // the title words after the first
};

KeyParts key_parts(const Paper& paper) {
  std::vector<std::string> words = key_words(paper);
  std::string year = paper.year > 0 ? std::to_string(paper.year) : "";
  std::string author = key_author(paper);
  KeyParts parts;
  std::string first = words.empty() ? std::string() : words.front();
  if (first.empty() && author.empty()) first = paper.id.substr(0, paper.id.find('-'));
  parts.base = author.empty() ? first + year : author + year + first;
  if (!words.empty()) parts.extra.assign(words.begin() + 1, words.end());
  return parts;
}

std::string extended(const KeyParts& parts, std::size_t n) {
  std::string key = parts.base;
  for (std::size_t i = 0; i < n && i < parts.extra.size(); ++i) key += parts.extra[i];
  return key;
}

// Keys for papers sharing a base key: each takes as many further title words as it needs to
// differ from every other member at the same length.
void resolve_group(const std::vector<KeyParts>& parts, const std::vector<PaperIndex>& group,
                   std::vector<std::string>& keys) {
  std::size_t longest = 0;
  for (PaperIndex p : group) longest = std::max(longest, parts[p].extra.size());
  for (PaperIndex p : group) {
    std::size_t n = 1;
    for (; n <= longest; ++n) {
      std::string mine = extended(parts[p], n);
      bool clash = false;
      for (PaperIndex q : group) clash = clash || (q != p && extended(parts[q], n) == mine);
      if (!clash) break;
    }
    keys[p] = extended(parts[p], n);
  }
}

// A URL made safe inside a BibTeX field and LaTeX's \url: braces, backslashes, quotes, spaces,
// control and bidi characters percent-encoded; empty for a javascript:, vbscript: or data: URL.
std::string bibtex_url(std::string_view url) {
  if (detail::is_script_url(url)) return {};  // \url would make it a live link in the PDF
  return detail::percent_encode_url(url, "{}\\ \"");
}

// The URL as typeset text for howpublished. `\url` reads its argument verbatim, which it cannot
// do inside another command's argument, where biblatex keeps every field: there a `#` is a macro
// parameter ("Illegal parameter number") and a `%` starts a comment. A URL with either is
// therefore spelled out in \texttt with LaTeX's escapes; any other stays a breakable \url.
std::string howpublished_url(const std::string& url) {
  if (url.find_first_of("#%") == std::string::npos) return "\\url{" + url + "}";
  std::string text = "\\texttt{";
  for (char c : url) {
    std::string_view special = detail::latex_ascii_special(c, detail::LatexTarget::bibtex);
    if (special.empty())
      text += c;
    else
      text += special;
  }
  return text + "}";
}

void field(std::ostream& out, std::string_view name, const std::string& value) {
  out << ",\n  " << name << " = {" << value << "}";
}

}  // namespace

std::vector<std::string> citation_keys(const Corpus& corpus) {
  const std::size_t n = corpus.paper_count();
  std::vector<KeyParts> parts(n);
  std::map<std::string, std::vector<PaperIndex>> groups;
  Paper scratch;  // each paper of a snapshot is decoded for its key and let go
  for (PaperIndex p = 0; p < n; ++p) {
    parts[p] = key_parts(corpus.paper_passing(p, scratch));
    groups[parts[p].base].push_back(p);
  }
  std::vector<std::string> keys(n);
  for (const auto& [base, group] : groups) {
    if (group.size() == 1) {
      keys[group.front()] = base;
    } else {
      resolve_group(parts, group, keys);
    }
  }
  // Whatever still clashes (the same title, or words that join up alike) takes the id's tag.
  std::map<std::string, std::vector<PaperIndex>> seen;
  for (PaperIndex p = 0; p < n; ++p) seen[keys[p]].push_back(p);
  for (const auto& [key, same] : seen) {
    if (same.size() < 2) continue;
    for (PaperIndex p : same) keys[p] = key + id_tag(corpus.paper(p).id);
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

// A part of a name as BibTeX text, braced when BibTeX would otherwise split it: at a comma, or at
// the word "and" in any case ("Smith and Wesson" is one family name, not two people).
std::string name_part(const std::string& part) {
  std::string text = bibtex_text(part, false);
  std::string padded = " " + ascii_lower(part) + " ";
  for (char& c : padded) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '~') c = ' ';
  }
  bool splits = part.find(',') != std::string::npos || padded.find(" and ") != std::string::npos;
  return splits ? "{" + text + "}" : text;
}

std::string bibtex_names(const Paper& paper) {
  std::string authors;
  for (const Author& author : paper.authors) {
    std::string name =
        author.literal.empty()
            ? name_part(author.family) + (author.given.empty() ? "" : ", " + name_part(author.given))
            : "{" + bibtex_text(author.literal, false) + "}";
    authors += (authors.empty() ? "" : " and ") + name;
  }
  if (paper.authors_truncated && !authors.empty()) authors += " and others";
  return authors;
}

// What natbib and alpha label an entry with no author by: the title's first word that starts
// with a letter, as written, without trailing punctuation ("GPTQ" for "GPTQ: Accurate…"); the
// paper id when there is none.
std::string label_key(const Paper& paper) {
  std::string_view title = paper.title;
  std::size_t pos = 0;
  while (pos < title.size()) {
    std::size_t end = title.find(' ', pos);
    if (end == std::string_view::npos) end = title.size();
    std::string_view raw = title.substr(pos, end - pos);
    pos = end + 1;
    if (raw.empty() || !std::isalpha(static_cast<unsigned char>(raw[0]))) continue;
    // Letters, digits, '-', inner '.' and non-ASCII letters only: natbib puts the key into
    // \bibitem[Key(Year)], where a ']' or '(' ends a part early and a LaTeX special breaks its
    // \csname.
    std::string word;
    for (char c : raw) {
      auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || c == '-' || c == '.' || u >= 0x80) word += c;
    }
    while (!word.empty() && word.back() == '.') word.pop_back();
    return bibtex_text(word, false);
  }
  return bibtex_text(paper.id, false);
}

void write_entry(const Paper& paper, const std::string& key, std::ostream& out) {
  EntryKind kind = entry_kind(paper);
  std::string venue = bibtex_text(normalize_venue(paper.venue), true);
  bool dated = paper.year > 0 && !venue.empty();
  if ((kind == EntryKind::conference || kind == EntryKind::journal) && !dated)
    kind = EntryKind::online;
  std::string url = bibtex_url(detail::paper_url(paper));
  std::string authors = bibtex_names(paper);
  // The bst styles require an author of @inproceedings and @article: a paper with none is a @misc
  // that names its venue in howpublished, with a `key` to sort and label it by.
  bool venue_in_misc =
      authors.empty() && (kind == EntryKind::conference || kind == EntryKind::journal);
  static constexpr std::array<std::string_view, 4> k_types = {"inproceedings", "article", "misc",
                                                              "misc"};
  out << '@' << (venue_in_misc ? "misc" : k_types[static_cast<int>(kind)]) << '{' << key;
  if (!authors.empty()) field(out, "author", authors);
  field(out, "title", bibtex_text(paper.title, true));
  if (venue_in_misc) field(out, "howpublished", venue);
  if (kind == EntryKind::conference && !venue_in_misc) field(out, "booktitle", venue);
  if (kind == EntryKind::journal && !venue_in_misc) field(out, "journal", venue);
  if (kind == EntryKind::preprint) {
    std::string arxiv = bibtex_text(paper.arxiv, false);
    field(out, "howpublished", arxiv.empty() ? "arXiv preprint" : "arXiv preprint arXiv:" + arxiv);
  }
  if (kind == EntryKind::online && !url.empty()) field(out, "howpublished", howpublished_url(url));
  if (kind == EntryKind::online && !venue.empty()) field(out, "note", venue);
  if (paper.year > 0) field(out, "year", std::to_string(paper.year));
  if (kind == EntryKind::preprint && !paper.arxiv.empty()) {
    field(out, "eprint", bibtex_text(paper.arxiv, false));
    field(out, "archivePrefix", "arXiv");
  }
  if (!paper.doi.empty()) field(out, "doi", bibtex_url(paper.doi));
  if (!url.empty()) field(out, "url", url);
  if (authors.empty()) field(out, "key", label_key(paper));
  out << "\n}\n\n";
}

}  // namespace

void render_bibtex(const Corpus& corpus, const ExportSelection& selection,
                   const ExportOptions& /*options*/, std::ostream& out) {
  std::vector<std::string> keys = citation_keys(corpus);
  for (PaperIndex p : selection.papers) write_entry(corpus.paper(p), keys[p], out);
}

}  // namespace papertree
