#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "papertree/corpus/corpus.hpp"
#include "papertree/corpus/date.hpp"
#include "papertree/text/text.hpp"

namespace papertree::detail {

/// A SAX handler for the fast load path: it turns each element of the top-level "papers" array
/// straight into a Paper, with no DOM in between, and forwards every other event to `Inner` (the
/// loader's DOM builder, which then sees an empty papers array). It accepts only papers of the
/// documented shape with no unknown keys; on anything else (a missing or repeated key, a wrong
/// type, a year out of range, an unknown key that belongs in Paper::extra) it stops (returns
/// false) and the loader parses again on its precise path, which reports the error or keeps the
/// unknown keys.
template <class Inner>
class DirectPaperBuilder {
 public:
  using Json = nlohmann::ordered_json;

  explicit DirectPaperBuilder(Inner& inner) : m_inner(inner) {}

  std::vector<Paper>& papers() { return m_papers; }

  /// For a builder that reads a later part of the papers array: it starts inside the array,
  /// before an element, and refuses anything but papers.
  void start_inside_papers() {
    m_depth = 2;
    m_top_key = "papers";
    m_papers_open = m_papers_seen = true;
  }
  /// Stops reading (the next paper's end refuses) once `stop` is set.
  void stop_when(const std::atomic<bool>* stop) { m_stop = stop; }
  /// Who reads the rest of the papers array from where the parser offers it (see
  /// FastSaxParser::offer_rest_at): given this builder's papers, it appends the rest and sets
  /// the array's end, or returns false to leave the rest to this builder.
  void adopt_with(std::function<bool(std::vector<Paper>&, std::size_t&)> adopt) {
    m_adopt = std::move(adopt);
  }
  bool adopt_rest_of_array(std::size_t& end) {
    if (!in_papers() || !m_adopt) return false;
    auto adopt = std::move(m_adopt);
    m_adopt = nullptr;
    return adopt(m_papers, end);
  }

  bool null() { return !m_in_paper && !in_papers() && m_inner.null(); }
  bool boolean(bool b) {
    if (m_in_paper) {
      if (m_level != 0 || m_field != Field::authors_truncated) return false;
      m_paper.authors_truncated = b;
      return true;
    }
    return !in_papers() && m_inner.boolean(b);
  }
  bool number_float(Json::number_float_t f, const std::string& s) {
    return !m_in_paper && !in_papers() && m_inner.number_float(f, s);
  }
  bool binary(Json::binary_t& b) { return !m_in_paper && !in_papers() && m_inner.binary(b); }
  bool number_integer(Json::number_integer_t n) {
    if (m_in_paper) return year(n);
    return !in_papers() && m_inner.number_integer(n);
  }
  bool number_unsigned(Json::number_unsigned_t n) {
    if (m_in_paper) return n <= 9999 && year(static_cast<Json::number_integer_t>(n));
    return !in_papers() && m_inner.number_unsigned(n);
  }
  bool string(std::string& s) {
    if (m_in_paper) return paper_string(s);
    return !in_papers() && m_inner.string(s);
  }

  bool key(std::string& k) {
    if (!m_in_paper) {
      if (m_depth == 1) m_top_key = k;
      return m_inner.key(k);
    }
    return m_level == 0 ? paper_key(k) : member_key(k);
  }

  bool start_object(std::size_t n) {
    if (m_in_paper) {
      if (m_level != 1) return false;
      if (m_field == Field::links) {
        m_paper.links.emplace_back();
      } else if (m_field == Field::authors) {
        m_paper.authors.emplace_back();
      } else {
        return false;
      }
      m_member_seen = 0;
      m_level = 2;
      return true;
    }
    if (m_papers_open && m_depth == 2) {
      m_in_paper = true;
      m_level = 0;
      m_seen = 0;
      m_paper = Paper{};
      return true;
    }
    ++m_depth;
    return m_inner.start_object(n);
  }

  bool end_object() {
    if (!m_in_paper) {
      --m_depth;
      return m_inner.end_object();
    }
    if (m_level == 2) {
      m_level = 1;
      return m_field == Field::links ? m_member_seen == 3 : author_complete(m_paper.authors.back());
    }
    return finish_paper();
  }

  bool start_array(std::size_t n) {
    if (m_in_paper) {
      bool list = m_field == Field::authors || m_field == Field::categories ||
                  m_field == Field::links || m_field == Field::ignore;
      if (m_level != 0 || !list) return false;
      m_level = 1;
      return true;
    }
    if (in_papers()) return false;
    if (m_depth == 1 && m_top_key == "papers") {
      // A second "papers" replaces the first in the DOM; leave that to the precise path.
      if (m_papers_seen) return false;
      m_papers_open = m_papers_seen = true;
    }
    ++m_depth;
    return m_inner.start_array(n);
  }

  bool end_array() {
    if (m_in_paper) {
      m_level = 0;
      return true;
    }
    --m_depth;
    if (m_depth == 1) m_papers_open = false;
    return m_inner.end_array();
  }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) {
    return m_inner.parse_error(position, token, e);
  }

 private:
  // True for a value that is an element of the papers array but not a paper object: the precise
  // path reports it with its index.
  bool in_papers() const { return m_papers_open && m_depth == 2 && !m_in_paper; }

  enum class Field : std::uint8_t {
    id,
    title,
    authors,
    authors_truncated,
    venue,
    year,
    kind,
    links,
    arxiv,
    doi,
    categories,
    added,
    ignore,
    count
  };

  bool paper_key(const std::string& k) {
    static const char* const names[] = {
        "id",    "title", "authors", "authors_truncated", "venue", "year",  "kind",
        "links", "arxiv", "doi",     "categories",        "added", "ignore"};
    for (int i = 0; i < static_cast<int>(Field::count); ++i) {
      if (k == names[i]) {
        unsigned bit = 1u << i;
        if (m_seen & bit) return false;
        m_seen |= bit;
        m_field = static_cast<Field>(i);
        return true;
      }
    }
    return false;
  }

  // A key of a link ({"label", "url"}) or an author ({"family", "given", "literal"}) object.
  bool member_key(const std::string& k) {
    if (m_level != 2) return false;
    std::string* slot = nullptr;
    unsigned bit = 0;
    if (m_field == Field::links) {
      Link& l = m_paper.links.back();
      if (k == "label") slot = &l.label, bit = 1u;
      if (k == "url") slot = &l.url, bit = 2u;
    } else {
      Author& a = m_paper.authors.back();
      if (k == "family") slot = &a.family, bit = 1u;
      if (k == "given") slot = &a.given, bit = 2u;
      if (k == "literal") slot = &a.literal, bit = 4u;
    }
    if (bit == 0 || (m_member_seen & bit)) return false;
    m_member_seen |= bit;
    m_member = slot;
    return true;
  }

  // The loader's rules for an author object (see Reader::author in load.cpp).
  static bool author_complete(const Author& a) {
    if (!a.literal.empty()) return a.family.empty() && a.given.empty() && !trim(a.literal).empty();
    return !trim(a.family).empty();
  }

  bool paper_string(std::string& s) {
    if (m_level == 2) {
      *m_member = std::move(s);
      return true;
    }
    if (m_level == 1) {
      // A plain-string author (version 1's form) is split by the precise path.
      if (m_field == Field::categories)
        m_paper.categories.push_back(std::move(s));
      else if (m_field == Field::ignore)
        m_paper.ignore.push_back(std::move(s));
      else
        return false;
      return true;
    }
    switch (m_field) {
      case Field::id:
        m_paper.id = std::move(s);
        return true;
      case Field::title:
        m_paper.title = std::move(s);
        return true;
      case Field::venue:
        m_paper.venue = std::move(s);
        return true;
      case Field::kind:
        m_paper.kind = std::move(s);
        return !m_paper.kind.empty();
      case Field::arxiv:
        m_paper.arxiv = std::move(s);
        return true;
      case Field::doi:
        m_paper.doi = std::move(s);
        return true;
      case Field::added:
        m_paper.added = std::move(s);
        return m_paper.added.empty() || is_iso_date(m_paper.added);
      default:
        return false;
    }
  }

  bool year(Json::number_integer_t n) {
    if (m_level != 0 || m_field != Field::year || n < 0 || n > 9999) return false;
    m_paper.year = static_cast<int>(n);
    return true;
  }

  bool finish_paper() {
    constexpr unsigned required = (1u << static_cast<int>(Field::id)) |
                                  (1u << static_cast<int>(Field::title)) |
                                  (1u << static_cast<int>(Field::categories));
    if ((m_seen & required) != required) return false;
    if (m_stop != nullptr && m_stop->load(std::memory_order_relaxed)) return false;
    m_papers.push_back(std::move(m_paper));
    m_in_paper = false;
    return true;
  }

  Inner& m_inner;
  int m_depth = 0;  // containers open outside papers
  std::string m_top_key;
  bool m_papers_open = false;
  bool m_papers_seen = false;
  bool m_in_paper = false;
  int m_level = 0;  // 0: the paper object, 1: one of its arrays, 2: a link object
  Field m_field = Field::id;
  unsigned m_seen = 0;
  unsigned m_member_seen = 0;
  std::string* m_member = nullptr;  // the string of the link or author member being read
  Paper m_paper;
  std::vector<Paper> m_papers;
  const std::atomic<bool>* m_stop = nullptr;
  std::function<bool(std::vector<Paper>&, std::size_t&)> m_adopt;
};

/// The inner handler of a builder that reads papers only (start_inside_papers): any other value
/// is refused.
struct RefuseAll {
  using Json = nlohmann::ordered_json;
  bool null() { return false; }
  bool boolean(bool) { return false; }
  bool number_integer(Json::number_integer_t) { return false; }
  bool number_unsigned(Json::number_unsigned_t) { return false; }
  bool number_float(Json::number_float_t, const std::string&) { return false; }
  bool string(std::string&) { return false; }
  bool binary(Json::binary_t&) { return false; }
  bool start_object(std::size_t) { return false; }
  bool end_object() { return false; }
  bool start_array(std::size_t) { return false; }
  bool end_array() { return false; }
  bool key(std::string&) { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
};

}  // namespace papertree::detail
