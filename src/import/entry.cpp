#include "entry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "outline.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/text/text.hpp"

namespace papertree::import_detail {

namespace {

constexpr std::string_view k_open = "<ins>";
constexpr std::string_view k_close = "</ins>";
constexpr std::string_view k_broken_close = "/ins>";

void warn(std::vector<ImportWarning>& w, std::size_t line, std::string message) {
  w.push_back(ImportWarning{line, std::move(message)});
}

// U+00A0 (no-break space) as a plain space: it hides in venue slots.
std::string replace_nbsp(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "\xC2\xA0") {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The end of a link target that starts at `open` (a '('): the matching ')', parentheses nested.
std::size_t target_end(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// A link target that is itself a markdown link "[text](url)": its url.
std::string_view nested_target(std::string_view url) {
  std::size_t mid = url.find("](");
  if (!url.starts_with("[") || mid == std::string_view::npos || !url.ends_with(")")) return {};
  return url.substr(mid + 2, url.size() - mid - 3);
}

// The pieces of a bullet around its venue slot.
struct Split {
  std::string_view head;        // the title, perhaps with a trailing comma
  std::string_view slot;        // what stood between <ins> and </ins>
  std::string_view rest;        // the links
  std::string_view title_link;  // "[Title](url)" when the title is the first link's label
  bool has_open = false;
  bool has_slot = false;
  bool spaced_slot = false;  // "Venue Year" is this style's slot, not a missing comma
};

// The index where a link list starts: the first unescaped '[' in `text`, or its end.
std::size_t first_link(std::string_view text) {
  std::size_t pos = find_unescaped(text, "[");
  return pos == std::string_view::npos ? text.size() : pos;
}

// "Title, 2024</ins>": no opening tag. The slot is the last comma-separated part when it is a
// year, together with the part before it when that names a known venue.
Split split_without_open(std::string_view text, std::size_t close, std::size_t close_len) {
  Split s;
  s.has_slot = true;
  std::string_view before = text.substr(0, close);
  s.rest = text.substr(close + close_len);
  std::size_t comma = before.rfind(',');
  if (comma == std::string_view::npos || !is_year(trim(before.substr(comma + 1)))) {
    s.head = before;
    return s;
  }
  std::size_t slot_begin = comma;
  std::size_t prev = before.rfind(',', comma - 1);
  if (prev != std::string_view::npos && comma > 0) {
    if (is_known_venue(before.substr(prev + 1, comma - prev - 1))) slot_begin = prev;
  }
  s.head = before.substr(0, slot_begin + 1);
  s.slot = trim(before.substr(slot_begin + 1));
  return s;
}

// Link labels that name a kind of link, not a paper: "[Paper](url)" is no title.
bool is_generic_label(std::string_view label) {
  static constexpr std::array<std::string_view, 16> k_generic = {
      "paper", "pdf",    "code",  "arxiv",   "link", "project",    "blog", "github",
      "html",  "slides", "video", "website", "page", "openreview", "demo", "url"};
  std::string lower = ascii_lower(trim(label));
  if (lower.starts_with("code")) return true;
  return std::find(k_generic.begin(), k_generic.end(), lower) != k_generic.end();
}

// "Venue Year" or "Venue, Year": true when the text ends with a year.
bool ends_with_year(std::string_view text) {
  text = trim(text);
  return text.size() >= 4 && is_year(text.substr(text.size() - 4)) &&
         (text.size() == 4 || text[text.size() - 5] == ' ' || text[text.size() - 5] == ',');
}

// Venue slots of other list styles, in a bullet with no <ins> tag (docs/import.md):
// "Title (Venue Year)", "Title, Venue, Year", and a leading "[Title](url) - Venue Year".
bool split_plain_slot(Split& s) {
  std::string_view head = trim(s.head);
  if (head.empty() && s.rest.starts_with("[") && !s.rest.starts_with("[[")) {
    std::size_t mid = find_unescaped(s.rest, "](", 1);
    if (mid == std::string_view::npos || is_generic_label(s.rest.substr(1, mid - 1))) return false;
    std::size_t end = target_end(s.rest, mid + 1);
    if (end == std::string_view::npos) return false;
    s.title_link = s.rest.substr(0, end + 1);
    std::string_view after = trim(s.rest.substr(end + 1));
    s.rest = after;
    if (!after.starts_with("- ")) return true;
    after.remove_prefix(2);
    std::size_t links = first_link(after);
    if (!ends_with_year(after.substr(0, links))) return true;
    s.slot = trim(after.substr(0, links));
    s.rest = after.substr(links);
    s.has_slot = s.spaced_slot = true;
    return true;
  }
  if (head.ends_with(")")) {
    std::size_t open = head.rfind('(');
    if (open != std::string_view::npos &&
        ends_with_year(head.substr(open + 1, head.size() - open - 2))) {
      s.slot = trim(head.substr(open + 1, head.size() - open - 2));
      s.head = head.substr(0, open);
      s.has_slot = s.spaced_slot = true;
      return true;
    }
  }
  if (head.ends_with(",")) head.remove_suffix(1);
  std::size_t comma = head.rfind(',');
  if (comma == std::string_view::npos || !is_year(trim(head.substr(comma + 1)))) return false;
  std::size_t slot_begin = comma;
  std::size_t prev = head.rfind(',', comma - 1);
  if (prev != std::string_view::npos) {
    std::string_view venue = trim(head.substr(prev + 1, comma - prev - 1));
    if (is_known_venue(venue)) slot_begin = prev;
  }
  s.slot = trim(head.substr(slot_begin + 1));
  s.head = head.substr(0, slot_begin);
  s.has_slot = true;
  return true;
}

Split split_entry(std::string_view text, std::size_t line, std::vector<ImportWarning>& w) {
  Split s;
  std::size_t open = find_unescaped(text, k_open);
  std::size_t from = open == std::string_view::npos ? 0 : open + k_open.size();
  std::size_t close = find_unescaped(text, k_close, from);
  std::size_t close_len = k_close.size();
  if (close == std::string_view::npos) {
    close = find_unescaped(text, k_broken_close, from);
    close_len = k_broken_close.size();
    if (close != std::string_view::npos) {
      warn(w, line, "broken closing tag \"/ins>\" read as \"</ins>\"");
    }
  }
  if (open == std::string_view::npos) {
    if (close == std::string_view::npos) {
      std::size_t links = first_link(text);
      s.head = text.substr(0, links);
      s.rest = text.substr(links);
      if (!split_plain_slot(s)) {
        warn(w, line, "no <ins>Venue, Year</ins> slot; read without venue and year");
      }
      return s;
    }
    warn(w, line, "missing opening tag <ins> before \"</ins>\"");
    return split_without_open(text, close, close_len);
  }
  s.has_open = s.has_slot = true;
  s.head = text.substr(0, open);
  if (close == std::string_view::npos) {
    std::size_t end = from + first_link(text.substr(from));
    warn(w, line, "missing closing tag </ins>; the venue slot ends at the first link");
    s.slot = text.substr(from, end - from);
    s.rest = text.substr(end);
    return s;
  }
  s.slot = text.substr(from, close - from);
  s.rest = text.substr(close + close_len);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Venue and year from the slot's text. A year with a letter in it ("2O23") is left in
// `bad_year`, and its venue kept: "ICML, 2O23" names ICML, not two venues.
void read_slot(std::string_view raw_slot, bool spaced_ok, ParsedEntry& e, std::string& venue_raw,
               bool& two_venues, std::string& bad_year, std::size_t line,
               std::vector<ImportWarning>& w) {
  std::string spaced = replace_nbsp(unescape_markdown(raw_slot));
  if (!spaced.empty() && (spaced.front() == ' ' || spaced.front() == '\t')) {
    warn(w, line, fmt::format("space after <ins> in \"<ins>{}</ins>\"", spaced));
  }
  std::string_view slot = trim(spaced);
  if (is_year(slot)) {
    e.year = std::stoi(std::string(slot));
    return;
  }
  // "10000" alone: a bad year, not a venue named "10000".
  if (all_digits(slot)) return;
  if (is_mistyped_year(slot)) {
    bad_year = std::string(slot);
    return;
  }
  std::size_t comma = slot.rfind(',');
  if (comma != std::string_view::npos) {
    std::string_view right = trim(slot.substr(comma + 1));
    std::string_view left = trim(slot.substr(0, comma));
    if (is_year(right)) {
      e.year = std::stoi(std::string(right));
      venue_raw = std::string(left);
      return;
    }
    // "ICML, 10000": a number where the year goes is a bad year, not a second venue.
    if (all_digits(right)) {
      venue_raw = std::string(left);
      return;
    }
    if (is_mistyped_year(right)) {
      venue_raw = std::string(left);
      bad_year = std::string(right);
      return;
    }
    // "arXiv, ICML": two venues and no year; the one that is not arXiv is where it appeared.
    two_venues = true;
    venue_raw = iequals(right, "arxiv") ? std::string(left) : std::string(right);
    return;
  }
  std::size_t space = slot.rfind(' ');
  if (space != std::string_view::npos && is_year(slot.substr(space + 1))) {
    if (!spaced_ok) warn(w, line, fmt::format("no comma between venue and year in \"{}\"", slot));
    e.year = std::stoi(std::string(slot.substr(space + 1)));
    venue_raw = std::string(trim(slot.substr(0, space)));
    return;
  }
  // "ICML 10000": as "ICML, 10000", the venue without the bad year.
  if (space != std::string_view::npos && all_digits(slot.substr(space + 1))) {
    venue_raw = std::string(trim(slot.substr(0, space)));
    return;
  }
  if (space != std::string_view::npos && is_mistyped_year(slot.substr(space + 1))) {
    venue_raw = std::string(trim(slot.substr(0, space)));
    bad_year = std::string(slot.substr(space + 1));
    return;
  }
  venue_raw = std::string(slot);
}

// The text without unescaped "**" and "__" (strong emphasis around all or part of a title).
std::string strip_strong(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool marker = i + 1 < text.size() && (text[i] == '*' || text[i] == '_') &&
                  text[i + 1] == text[i] && !is_escaped(text, i);
    if (marker) {
      ++i;
      continue;
    }
    out.push_back(text[i]);
  }
  return std::string(trim(out));
}

void read_title(const Split& s, ParsedEntry& e, std::size_t line, std::vector<ImportWarning>& w) {
  std::string_view head = trim(s.head);
  if (!head.empty() && head.back() == ',') {
    head = trim(head.substr(0, head.size() - 1));
  } else if (s.has_open && !head.empty()) {
    warn(w, line, "missing comma between the title and <ins>");
  }
  std::string title = strip_strong(head);
  e.title = unescape_markdown(trim(title));
}

void read_venue(std::string_view venue_raw, bool two_venues, bool bad_year, std::string_view slot,
                ParsedEntry& e, std::size_t line, std::vector<ImportWarning>& w) {
  std::string venue = normalize_venue(venue_raw);
  if (venue != trim(venue_raw) && !two_venues) {
    warn(w, line, fmt::format("venue \"{}\" read as \"{}\"", trim(venue_raw), venue));
  }
  if (iequals(venue, "blog") || iequals(venue, "website")) {
    e.kind = ascii_lower(venue);
    venue.clear();
  }
  e.venue = venue;
  // A mistyped year has a warning of its own, and no year is made up for it from the arXiv id.
  if (e.year != 0 || !e.kind.starts_with("paper") || bad_year) {
    if (two_venues)
      warn(w, line,
           fmt::format("venue slot \"{}\" names two venues; read as \"{}\"", trim(slot), venue));
    return;
  }
  std::string what =
      two_venues ? fmt::format("venue slot \"{}\" names two venues and no year; read as \"{}\"",
                               trim(slot), venue)
                 : fmt::format("no year in \"{}\"", trim(slot));
  if (e.arxiv.size() >= 4 && std::isdigit(static_cast<unsigned char>(e.arxiv[0])) != 0) {
    e.year = 2000 + std::stoi(e.arxiv.substr(0, 2));
    warn(w, line, fmt::format("{}, year {} taken from arXiv id {}", what, e.year, e.arxiv));
  } else {
    warn(w, line, what);
  }
}

}  // namespace

bool has_slot_tag(std::string_view text) {
  return text.find(k_open) != std::string_view::npos ||
         text.find(k_broken_close) != std::string_view::npos;
}

bool is_year(std::string_view s) {
  if (s.size() != 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return s.starts_with("19") || s.starts_with("20");
}

std::vector<Link> parse_links(std::string_view text, std::size_t line,
                              std::vector<ImportWarning>& w) {
  std::vector<Link> links;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '[' || is_escaped(text, i)) {
      ++i;
      continue;
    }
    std::size_t start = i;
    std::size_t opens = 0;
    while (i < text.size() && text[i] == '[') ++opens, ++i;
    std::size_t label_end = text.find(']', i);
    if (label_end == std::string_view::npos) break;
    std::string_view label = text.substr(i, label_end - i);
    i = label_end;
    std::size_t closes = 0;
    while (i < text.size() && text[i] == ']') ++closes, ++i;
    if (i >= text.size() || text[i] != '(' || label.find('[') != std::string_view::npos) {
      i = start + 1;
      continue;
    }
    std::size_t url_end = target_end(text, i);
    if (url_end == std::string_view::npos) break;
    std::string_view url = text.substr(i + 1, url_end - i - 1);
    i = url_end + 1;
    if (std::string_view inner = nested_target(trim(url)); !inner.empty()) {
      warn(w, line,
           fmt::format("link target \"{}\" is itself a markdown link; read its URL \"{}\"", url,
                       inner));
      url = inner;
    }
    if (opens >= 2 && closes >= 2) {
      warn(
          w, line,
          fmt::format("link \"[[{}]]({})\" closes its label before the URL; read as \"[[{}]({})]\"",
                      label, url, label, url));
    }
    if (opens >= 2 && closes < 2 && i < text.size() && text[i] == ']') ++i;
    if (trim(url) != url)
      warn(w, line, fmt::format("URL \"{}\" has surrounding spaces; trimmed", url));
    links.push_back(Link{unescape_markdown(trim(label)), std::string(trim(url))});
  }
  return links;
}

bool is_mistyped_year(std::string_view s) {
  if (s.size() != 4 || (s[0] != '1' && s[0] != '2')) return false;
  std::string digits(s);
  int letters = 0;
  for (char& c : digits) {
    if (c == 'O' || c == 'o') {
      c = '0';
      ++letters;
    } else if (c == 'l' || c == 'I') {
      c = '1';
      ++letters;
    }
  }
  return letters > 0 && letters <= 2 && is_year(digits);
}

std::string mistyped_year_message(std::string_view year) {
  return fmt::format("\"{}\" is no year (a letter where a digit belongs); read without a year",
                     year);
}

ParsedEntry parse_entry(std::string_view text, const TextPlace& place,
                        std::vector<ImportWarning>& w) {
  ParsedEntry e;
  const std::size_t line = place.line;
  const char* const start = text.data();
  text = trim(text);
  Split s = split_entry(text, line, w);
  read_title(s, e, line, w);
  std::string venue_raw;
  bool two_venues = false;
  std::string bad_year;
  if (s.has_slot) read_slot(s.slot, s.spaced_slot, e, venue_raw, two_venues, bad_year, line, w);
  if (!bad_year.empty()) {
    std::size_t at = s.slot.rfind(bad_year);
    std::size_t offset = at == std::string_view::npos ? 0 : s.slot.data() + at - start;
    w.push_back({line, mistyped_year_message(bad_year), place.column_of(offset)});
  }
  e.links = parse_links(s.rest, line, w);
  if (!s.title_link.empty()) {
    std::vector<Link> first = parse_links(s.title_link, line, w);
    if (!first.empty()) {
      e.title = unescape_markdown(strip_strong(trim(first.front().label)));
      e.links.insert(e.links.begin(), Link{"Paper", first.front().url});
    }
  }
  for (const Link& l : e.links) {
    e.arxiv = arxiv_id_from_url(l.url);
    if (!e.arxiv.empty()) break;
  }
  if (s.has_slot) read_venue(venue_raw, two_venues, !bad_year.empty(), s.slot, e, line, w);
  return e;
}

}  // namespace papertree::import_detail
