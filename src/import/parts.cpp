#include "parts.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "papertree/corpus/authors.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

constexpr std::string_view k_separators = " \t,.;:-|";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string_view trim_chars(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// U+00A0 and the en/em dashes as ASCII, so that slots and separators are found.
std::string plain_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "\xC2\xA0") {
      out.push_back(' ');
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") {
      out.push_back('-');
      i += 2;
    } else if (s.substr(i, 2) == "\xC2\xB7") {  // a middle dot between parts
      out.push_back('|');
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\xA2") {  // a bullet between parts
      out.push_back('|');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// "2023", "2023.10", "2023-10", "2023/10": the year, else 0.
int year_of(std::string_view s) {
  if (s.size() < 4 || !is_year(s.substr(0, 4))) return 0;
  if (s.size() > 4) {
    std::string_view month = s.substr(5);
    if ((s[4] != '.' && s[4] != '-' && s[4] != '/') || !all_digits(month) || month.size() > 2)
      return 0;
  }
  return std::stoi(std::string(s.substr(0, 4)));
}

bool short_venue(std::string_view v) {
  return !v.empty() && v.size() <= 40 && std::count(v.begin(), v.end(), ' ') <= 4;
}

}  // namespace

bool read_venue_year(std::string_view slot_text, std::string& venue, int& year) {
  std::string spaced = plain_spaces(slot_text);
  std::string_view s = trim_chars(trim(spaced), " \t,.;:*_-|");
  if (s.empty()) return false;
  if (int y = year_of(s); y != 0) {
    venue.clear();
    year = y;
    return true;
  }
  std::size_t cut = s.find_last_of(" ,'");
  if (cut != std::string_view::npos) {
    std::string_view right = s.substr(cut + 1);
    std::string_view left = trim_chars(s.substr(0, cut), " \t,'");
    // "Authors, Venue 2023", "Authors. Venue 2023": the venue is the last part.
    if (std::size_t comma = left.rfind(','); comma != std::string_view::npos)
      left = trim(left.substr(comma + 1));
    if (std::size_t stop = left.rfind(". "); stop != std::string_view::npos)
      left = trim(left.substr(stop + 2));
    int y = 0;
    if (s[cut] == '\'' && right.size() == 2 && all_digits(right)) {
      int yy = std::stoi(std::string(right));
      y = yy >= 70 ? 1900 + yy : 2000 + yy;
    } else {
      y = year_of(right);
    }
    if (y != 0 && (left.empty() || short_venue(left))) {
      venue = std::string(left);
      year = y;
      return true;
    }
  }
  if (s.size() > 4 && year_of(s.substr(s.size() - 4)) != 0 &&
      is_known_venue(s.substr(0, s.size() - 4))) {
    venue = std::string(s.substr(0, s.size() - 4));
    year = year_of(s.substr(s.size() - 4));
    return true;
  }
  if (is_known_venue(s)) {
    venue = std::string(s);
    year = 0;
    return true;
  }
  return false;
}

std::string label_for_url(std::string_view url) {
  std::string_view u = trim(url);
  if (auto scheme = u.find("://"); scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  std::size_t slash = u.find('/');
  std::string host = ascii_lower(u.substr(0, slash));
  std::string path = slash == std::string_view::npos ? std::string() : ascii_lower(u.substr(slash));
  if (host.starts_with("www.")) host.erase(0, 4);
  auto is_host = [&](std::string_view h) {
    return host == h || host.ends_with("." + std::string(h));
  };
  if (is_host("github.com") || is_host("gitlab.com") || is_host("bitbucket.org")) return "Code";
  if (is_host("youtube.com") || host == "youtu.be" || is_host("vimeo.com") ||
      is_host("bilibili.com"))
    return "Video";
  if (is_host("medium.com") || is_host("substack.com") || host.starts_with("blog.") ||
      path.starts_with("/blog"))
    return "Blog";
  if (is_host("arxiv.org") || is_host("openreview.net") || is_host("aclanthology.org") ||
      is_host("doi.org") || is_host("acm.org") || is_host("ieee.org") || is_host("neurips.cc") ||
      is_host("nips.cc") || is_host("mlr.press") || is_host("semanticscholar.org") ||
      path.ends_with(".pdf"))
    return "Paper";
  if (is_host("github.io") || is_host("huggingface.co")) return "Project";
  return "Link";
}

namespace {}  // namespace

std::string_view label_kind(std::string_view label) {
  std::string l = ascii_lower(trim_chars(trim(label), " []()"));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 27> k_kinds = {{
      {"paper", "paper"},      {"pdf", "paper"},        {"arxiv", "paper"},
      {"openreview", "paper"}, {"link", "paper"},       {"url", "paper"},
      {"html", "paper"},       {"abs", "paper"},        {"doi", "paper"},
      {"code", "code"},        {"github", "code"},      {"gitlab", "code"},
      {"official", "code"},    {"repo", "code"},        {"implementation", "code"},
      {"project", "project"},  {"page", "project"},     {"website", "project"},
      {"demo", "project"},     {"homepage", "project"}, {"project page", "project"},
      {"blog", "blog"},        {"post", "blog"},        {"video", "video"},
      {"talk", "video"},       {"slides", "video"},     {"youtube", "video"},
  }};
  if (l.starts_with("code") || l.starts_with("github")) return "code";
  for (const auto& [word, kind] : k_kinds) {
    if (l == word) return kind;
  }
  return {};
}

namespace {

// The venue and year in a shields.io badge URL: ".../badge/ICML-2023-blue", ".../ICML2023-…".
bool badge_venue_year(std::string_view url, std::string& venue, int& year) {
  std::size_t at = url.find("img.shields.io/badge/");
  if (at == std::string_view::npos) return false;
  std::string_view rest = url.substr(at + 21);
  rest = rest.substr(0, rest.find_first_of("?#"));
  // Parts are separated by one '-'; "--" is a dash and '_' or %20 a space inside a part.
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '-' && i + 1 < rest.size() && rest[i + 1] == '-') {
      parts.back() += '-';
      ++i;
    } else if (rest[i] == '-') {
      parts.emplace_back();
    } else if (rest[i] == '_') {
      parts.back() += ' ';
    } else if (rest.substr(i, 3) == "%20") {
      parts.back() += ' ';
      i += 2;
    } else {
      parts.back() += rest[i];
    }
  }
  if (parts.size() > 1) parts.pop_back();  // the colour
  for (std::size_t n = std::min<std::size_t>(parts.size(), 2); n >= 1; --n) {
    std::string slot = parts[0];
    for (std::size_t k = 1; k < n; ++k) slot += " " + parts[k];
    if (read_venue_year(slot, venue, year) && !iequals(venue, "arxiv") && year != 0) return true;
    if (n == 1) break;
  }
  return false;
}

// The first "(…)" or "[…]" group in `text` whose inside is a venue slot; the group is cut out.
bool group_slot(std::string& text, std::string& venue, int& year) {
  for (std::size_t open = text.find_first_of("(["); open != std::string::npos;
       open = text.find_first_of("([", open + 1)) {
    char close_char = text[open] == '(' ? ')' : ']';
    std::size_t close = text.find(close_char, open + 1);
    if (close == std::string::npos) return false;
    if (read_venue_year(text.substr(open + 1, close - open - 1), venue, year)) {
      text.erase(open, close - open + 1);
      return true;
    }
  }
  return false;
}

// A trailing slot at the end of `text`: ", Venue, Year" (known venue), ", Year", " Venue Year" or
// " Venue'23" (known venue), " YYYY.MM". Cut from the text when found.
bool trailing_slot(std::string& text, std::string& venue, int& year) {
  std::string_view t = trim_chars(text, " \t,.;:-|[");
  std::size_t cut = t.find_last_of(" ,");
  if (cut == std::string_view::npos) return false;
  std::string_view last = t.substr(cut + 1);
  int y = year_of(last);
  std::string_view before = trim_chars(t.substr(0, cut), " \t,");
  std::size_t venue_cut = before.find_last_of(" ,");
  if (y == 0) {
    std::size_t apos = last.find('\'');
    if (apos == std::string_view::npos || !read_venue_year(last, venue, year) || year == 0 ||
        !is_known_venue(venue))
      return false;
    text = std::string(trim_chars(t.substr(0, cut), " \t,.;:-|"));
    return true;
  }
  std::string_view candidate =
      venue_cut == std::string_view::npos ? before : before.substr(venue_cut + 1);
  year = y;
  venue.clear();
  std::size_t end = cut;
  if (!candidate.empty() && is_known_venue(candidate)) {
    venue = std::string(candidate);
    end = venue_cut == std::string_view::npos ? 0 : venue_cut;
  } else if (std::string_view head = trim(t.substr(0, cut)); head.empty() || head.back() != ',') {
    return false;  // "Attention Is All You Need 2017": a bare year ends a title only after a comma
  }
  text = std::string(trim_chars(t.substr(0, end), " \t,.;:-|"));
  return true;
}

// True when every word of `name` starts with a capital (or is not ASCII), or is a particle.
bool name_words(std::string_view name) {
  static constexpr std::array<std::string_view, 12> k_particles = {
      "van", "von", "de", "der", "den", "di", "da", "del", "la", "le", "bin", "du"};
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ') continue;
    std::string_view word = name.substr(start, i - start);
    start = i + 1;
    if (word.empty()) continue;
    unsigned char c = static_cast<unsigned char>(word[0]);
    bool capital = (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!capital && std::find(k_particles.begin(), k_particles.end(), word) == k_particles.end())
      return false;
  }
  return true;
}

// A name that breaks the capital-letter rule but is still shaped like one: two to four words of
// letters (and - ' .), one of which may be a nickname in quotes or a capitalised word in
// parentheses: "tao li", `Zhangyang "Atlas" Wang`, "Shaochen (Henry) Zhong".
bool name_like(std::string_view name) {
  std::size_t words = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ') continue;
    std::string_view word = name.substr(start, i - start);
    start = i + 1;
    if (word.empty()) continue;
    ++words;
    bool parenthesised = word.size() > 2 && word.front() == '(' && word.back() == ')';
    bool quoted = word.size() > 2 && word.front() == '"' && word.back() == '"';
    if (parenthesised || quoted) {
      word = word.substr(1, word.size() - 2);
      unsigned char c = static_cast<unsigned char>(word[0]);
      if (parenthesised && !((c >= 'A' && c <= 'Z') || c >= 0x80)) return false;
    }
    for (char ch : word) {
      unsigned char c = static_cast<unsigned char>(ch);
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
      if (!letter && ch != '-' && ch != '\'' && ch != '.') return false;
    }
  }
  return words >= 2 && words <= 4;
}

// "A. Author, B. Author and C. Author et al.": the names, or empty when the text is no byline.
// A line wholly in emphasis under an entry (how `export --authors` writes authors) is surely a
// byline when it reads as names, so there a few names may break the capital-letter rule, as
// names written by their authors do ("tao li", `Zhangyang "Atlas" Wang`, "Shaochen (Henry)
// Zhong"): up to a third of them, each shaped like a name (name_like), in a list holding at
// least three names of two words or more that keep the rule.
std::vector<Author> byline(std::string_view text, bool& truncated, bool emphasised_line = false) {
  std::string s = plain_spaces(text);
  truncated = false;
  for (std::string_view marker : {"et al.", "et al", "etc."}) {
    if (std::size_t at = s.find(marker); at != std::string::npos) {
      truncated = true;
      s.erase(at);
    }
  }
  for (std::string_view joiner : {" and ", " & ", ";"}) {
    for (std::size_t at = s.find(joiner); at != std::string::npos; at = s.find(joiner))
      s.replace(at, joiner.size(), ",");
  }
  std::vector<Author> out;
  std::size_t unusual = 0;     // names breaking the capital-letter rule (emphasised lines only)
  std::size_t full_names = 0;  // names of two words or more that keep the rule
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ',') continue;
    std::string_view name = trim_chars(trim(std::string_view(s).substr(start, i - start)), " .*");
    start = i + 1;
    if (name.empty()) continue;
    std::size_t words = static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    bool letters = std::none_of(name.begin(), name.end(), [&](char c) {
      return is_digit(c) || c == ':' || c == '[' || c == '/' || c == '?' ||
             (c == '(' && !emphasised_line);
    });
    if (words > 5 || !letters || is_known_venue(name)) return {};
    bool usual = name_words(name) && name.find('(') == std::string_view::npos;
    if (!usual && (!emphasised_line || !name_like(name))) return {};
    unusual += usual ? 0 : 1;
    full_names += usual && words >= 2 ? 1 : 0;
    out.push_back(parse_person_name(name));
  }
  if (out.size() == 1 && out[0].family.empty() && !truncated) return {};
  // Leniency only inside a list of real names: a few labels ("Oral, Spotlight, code soon") are
  // no byline.
  if (unusual > 0 && (unusual * 3 > out.size() || full_names < 3)) return {};
  return out;
}

std::string clean_title(std::string_view t) {
  std::string s = collapse_spaces(trim_chars(trim(t), " \t,.;:-|["));
  for (auto [open, close] : std::array<std::pair<std::string_view, std::string_view>, 2>{
           {{"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}}}) {
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close))
      s = s.substr(open.size(), s.size() - open.size() - close.size());
  }
  return std::string(trim(s));
}

using Line = std::vector<const Piece*>;

std::vector<Line> split_lines(const std::vector<Piece>& pieces) {
  std::vector<Line> lines(1);
  for (const Piece& p : pieces) {
    if (p.kind == Piece::Kind::line_break) {
      if (!lines.back().empty()) lines.emplace_back();
      continue;
    }
    lines.back().push_back(&p);
  }
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  return lines;
}

// The parts of the first line as read: the title, and where it came from.
struct Head {
  std::string title;
  const Piece* title_link = nullptr;
  std::string rest;     // the first line's text after the title, for a slot
  std::string authors;  // an emphasised byline right after a strong title
};

// The text before the first link, with a mark per byte: 1 strong, 2 emphasis.
struct Marked {
  std::string text;
  std::vector<unsigned char> marks;
  std::size_t next = 0;  // the index of the first piece after the text
};

Marked leading_text(const Line& line, std::size_t from = 0) {
  Marked m;
  for (m.next = from; m.next < line.size(); ++m.next) {
    const Piece& p = *line[m.next];
    if (p.kind != Piece::Kind::text) break;
    m.text += p.text;
    unsigned char mark = static_cast<unsigned char>((p.strong ? 1 : 0) | (p.emph ? 2 : 0));
    m.marks.insert(m.marks.end(), p.text.size(), mark);
  }
  return m;
}

// The text of the pieces from `from` on, links left out.
std::string text_after(const Line& line, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < line.size(); ++i) {
    if (line[i]->kind == Piece::Kind::text) out += line[i]->text;
    out += ' ';
  }
  return out;
}

Head read_head(const Line& line, std::string& venue, int& year, bool& slot) {
  Head h;
  Marked m = leading_text(line);
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < m.text.size() && (m.text[i] == ' ' || m.text[i] == '\t')) ++i;
  };
  skip_space();
  // A "[Venue Year]" or "(Venue'23)" prefix.
  if (i < m.text.size() && (m.text[i] == '[' || m.text[i] == '(')) {
    char close_char = m.text[i] == '[' ? ']' : ')';
    std::size_t close = m.text.find(close_char, i + 1);
    if (close != std::string::npos &&
        read_venue_year(m.text.substr(i + 1, close - i - 1), venue, year)) {
      slot = true;
      i = close + 1;
    }
  }
  while (i < m.text.size() && k_separators.find(m.text[i]) != std::string_view::npos &&
         m.text[i] != '[')
    ++i;
  std::string_view head = std::string_view(m.text).substr(i);
  if (trim_chars(head, " \t[*_").empty()) {
    // The title is the first link's label, unless that names a kind of link.
    if (m.next < line.size() && line[m.next]->kind == Piece::Kind::link &&
        line[m.next]->image.empty() && label_kind(line[m.next]->text).empty()) {
      h.title = clean_title(line[m.next]->text);
      h.title_link = line[m.next];
      h.rest = text_after(line, m.next + 1);
    } else {
      h.rest = text_after(line, m.next);
    }
    return h;
  }
  if (unsigned char mark = m.marks[i]; mark != 0) {
    std::size_t end = i;
    while (end < m.text.size() && (m.marks[end] & mark) != 0) ++end;
    std::size_t next = end;
    while (next < m.text.size() && (m.text[next] == ' ' || m.text[next] == '\t')) ++next;
    std::string_view after = std::string_view(m.text).substr(next);
    bool dash = after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94");
    bool alone = after.empty() || dash || !is_alnum(after[0]) || m.marks[next] == 2;
    if (alone && m.text[next < m.text.size() ? next : 0] != ':') {
      h.title = clean_title(std::string_view(m.text).substr(i, end - i));
      std::size_t a = next;
      while (a < m.text.size() && m.marks[a] == 2 && mark == 1) ++a;
      if (a > next) h.authors = m.text.substr(next, a - next);
      h.rest = m.text.substr(a) + " " + text_after(line, m.next);
      return h;
    }
  }
  std::string plain(head);
  if (plain.starts_with("\"") || plain.starts_with("\xE2\x80\x9C")) {
    std::size_t open = plain.starts_with("\"") ? 1 : 3;
    std::size_t close = plain.find(open == 1 ? "\"" : "\xE2\x80\x9D", open);
    if (close != std::string::npos) {
      h.title = clean_title(plain.substr(open, close - open));
      h.rest = plain.substr(close) + " " + text_after(line, m.next);
      return h;
    }
  }
  std::string spaced = plain_spaces(plain);
  // "Title - Venue Year" / "Title - Authors": the part after a spaced dash is no title.
  if (std::size_t dash = spaced.find(" - "); dash != std::string::npos) {
    h.rest = spaced.substr(dash + 3);
    spaced.erase(dash);
  }
  if (!slot) {
    slot = group_slot(spaced, venue, year);
    if (!slot) slot = trailing_slot(spaced, venue, year);
  }
  // "Title. A. Author, B. Author.": the first sentence is the title when a byline follows.
  for (std::size_t stop = spaced.find(". "); stop != std::string::npos;
       stop = spaced.find(". ", stop + 2)) {
    bool truncated = false;
    if (!byline(spaced.substr(stop + 2), truncated).empty()) {
      h.authors = spaced.substr(stop + 2);
      spaced.erase(stop);
      break;
    }
  }
  h.title = clean_title(spaced);
  h.rest += " " + text_after(line, m.next);
  return h;
}

// Venue and year from the text left after the title: groups first, then the whole text.
bool rest_slot(std::string_view raw, std::string& venue, int& year) {
  std::string rest = plain_spaces(raw);
  if (group_slot(rest, venue, year)) return true;
  std::string t(trim_chars(rest, " \t,.;:-|[]()"));
  if (t.empty()) return false;
  std::string v;
  int y = 0;
  if (read_venue_year(t, v, y)) {
    venue = v;
    year = y;
    return true;
  }
  return trailing_slot(t, venue, year);
}

// The authors in the first line's text after the title: ". A. Author, B. Author. Venue 2023" (a
// byline form). The byline is the longest run of the text, cut at a sentence end or a comma, that
// reads as one; the part after the cut is the venue slot. Empty when no part reads as a byline.
std::string first_line_byline(std::string_view raw) {
  std::string s = plain_spaces(raw);
  std::string_view t = trim(s);
  for (std::string_view quote : {"\"", "\xE2\x80\x9D"}) {
    if (t.starts_with(quote)) t.remove_prefix(quote.size());
  }
  t = trim_chars(t, " \t,.;:-|");
  if (t.empty()) return {};
  std::vector<std::size_t> cuts;
  for (std::size_t at = t.find_first_of(".,"); at != std::string_view::npos;
       at = t.find_first_of(".,", at + 1)) {
    if (at + 1 < t.size() && t[at + 1] == ' ') cuts.push_back(at);
  }
  cuts.push_back(t.size());
  for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
    std::string_view names = t.substr(0, *it);
    // A sentence end inside ("Bo Chen. ICML"): the names and what follows them; initials
    // ("A. Lee") are no sentence end.
    bool sentence = false;
    for (std::size_t at = names.find(". "); at != std::string_view::npos && !sentence;
         at = names.find(". ", at + 1))
      sentence = at >= 2 && is_alnum(names[at - 1]) && is_alnum(names[at - 2]);
    if (sentence) continue;
    bool truncated = false;
    if (!byline(names, truncated).empty()) return std::string(names);
  }
  return {};
}

}  // namespace

void read_later_byline(const std::vector<Piece>& pieces, ParsedEntry& e) {
  if (!e.authors.empty()) return;
  std::vector<Line> lines = split_lines(pieces);
  for (std::size_t l = 1; l < lines.size(); ++l) {
    std::string text;
    bool has_link = false;
    bool emphasised = true;
    for (const Piece* p : lines[l]) {
      has_link = has_link || p->kind != Piece::Kind::text;
      text += p->text;
      if (!p->emph && !trim(p->text).empty()) emphasised = false;
    }
    bool truncated = false;
    if (has_link) continue;
    if (std::vector<Author> authors = byline(text, truncated, emphasised); !authors.empty()) {
      e.authors = std::move(authors);
      e.authors_truncated = truncated;
      return;
    }
  }
}

ParsedEntry read_by_parts(const std::vector<Piece>& pieces, std::size_t line,
                          std::vector<ImportWarning>& w) {
  ParsedEntry e;
  std::vector<Line> lines = split_lines(pieces);
  std::string venue;
  int year = 0;
  bool slot = false;
  Head head = read_head(lines.front(), venue, year, slot);
  e.title = head.title;
  if (!slot) slot = rest_slot(head.rest, venue, year);
  if (head.title_link != nullptr)
    e.links.push_back(Link{"Paper", std::string(trim(head.title_link->url))});
  bool truncated = false;
  std::vector<Author> authors = byline(head.authors, truncated);
  if (authors.empty() && !e.title.empty()) authors = byline(first_line_byline(head.rest), truncated);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    bool has_link = false;
    std::string text;
    for (const Piece* p : lines[l]) {
      if (p->kind == Piece::Kind::link && p != head.title_link) {
        has_link = true;
        std::string label(trim_chars(trim(p->text), " []"));
        // A bare URL, or a badge (an image's alt text is decoration): named by where it leads.
        if (label.empty() || label.find("://") != std::string::npos || !p->image.empty())
          label = label_for_url(p->url);
        e.links.push_back(Link{label, std::string(trim(p->url))});
      }
      if (!p->image.empty() || p->kind == Piece::Kind::image) {
        std::string v;
        int y = 0;
        if (!slot && badge_venue_year(p->kind == Piece::Kind::image ? p->url : p->image, v, y)) {
          venue = v;
          year = y;
          slot = true;
        }
      }
      if (p->kind == Piece::Kind::text) text += p->text;
    }
    if (l == 0) continue;
    std::string rest = text;
    if (!slot) slot = rest_slot(rest, venue, year);
    if (authors.empty() && !has_link) {
      std::string names = rest;
      std::string v;
      int y = 0;
      group_slot(names, v, y);
      authors = byline(names, truncated);
    }
  }
  e.authors = std::move(authors);
  e.authors_truncated = !e.authors.empty() && truncated;
  for (const Link& l : e.links) {
    e.arxiv = arxiv_id_from_url(l.url);
    if (!e.arxiv.empty()) break;
  }
  e.year = year;
  std::string canonical = normalize_venue(venue);
  if (canonical != trim(venue))
    w.push_back({line, fmt::format("venue \"{}\" read as \"{}\"", trim(venue), canonical)});
  if (iequals(canonical, "blog") || iequals(canonical, "website")) {
    e.kind = ascii_lower(canonical);
    canonical.clear();
  }
  e.venue = canonical;
  return e;
}

}  // namespace papertree::import_detail
