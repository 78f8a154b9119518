#include <nlohmann/json.hpp>

#include "../json/number_literal.hpp"
#include "../json/syntax.hpp"
#include "detail.hpp"

#include "papertree/enrich/records.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

using Json = nlohmann::json;

using detail::line_column;

// The line on which each item of the top-level array starts (one entry for a single object).
std::vector<std::size_t> item_lines(std::string_view text) {
  std::vector<std::size_t> lines;
  std::size_t line = 1;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (depth == 1 || (depth == 0 && c == '{')) lines.push_back(line);
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (depth == 1 && c != ',' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      lines.push_back(line);  // a scalar item: reported as not an object
      while (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != ']') ++i;
    }
  }
  return lines;
}

// CSL's rich-text markup in titles (<i>, <b>, <sup>, <sub>, <span class="nocase">) removed.
std::string strip_markup(std::string_view s) {
  static constexpr std::string_view k_tags[] = {"<i>",    "</i>",   "<b>",
                                                "</b>",   "<sup>",  "</sup>",
                                                "<sub>",  "</sub>", "<span class=\"nocase\">",
                                                "</span>"};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool tag = false;
    for (std::string_view t : k_tags) {
      if (s.substr(i, t.size()) == t) {
        i += t.size();
        tag = true;
        break;
      }
    }
    if (!tag) out += s[i++];
  }
  return out;
}

// What a value is, for "found …" messages: a floating-point number is held as a number literal.
std::string kind_of(const Json& v) {
  return detail::is_number_literal(v) ? "number" : v.type_name();
}

// A field's text; a number (an id, a DOI, an arXiv id given as "number": 2306.00970) as written,
// not as a double would print it ("2306.0097", "1e+20").
std::string string_field(const Json& item, const char* name, const Location& at) {
  auto it = item.find(name);
  if (it == item.end() || it->is_null()) return {};
  if (detail::is_number_literal(*it)) return std::string(detail::number_literal_text(*it));
  if (it->is_number()) return it->dump();
  if (!it->is_string()) {
    Location where = at;
    where.json_path += std::string(".") + name;
    throw DataError(where, std::string("expected a string, found ") + kind_of(*it));
  }
  return it->get<std::string>();
}

Author name_of(const Json& name, const Location& at) {
  if (!name.is_object())
    throw DataError(at, std::string("expected a name object, found ") + kind_of(name));
  Author author;
  std::string particle = string_field(name, "non-dropping-particle", at);
  std::string dropping = string_field(name, "dropping-particle", at);
  std::string suffix = string_field(name, "suffix", at);
  author.family = detail::collapse_spaces(string_field(name, "family", at));
  author.given = detail::collapse_spaces(string_field(name, "given", at));
  author.literal = detail::collapse_spaces(string_field(name, "literal", at));
  if (!particle.empty()) author.family = particle + " " + author.family;
  if (!dropping.empty()) author.given += (author.given.empty() ? "" : " ") + dropping;
  if (!suffix.empty() && !author.family.empty()) author.family += " " + suffix;
  if (!author.literal.empty()) {
    author.family.clear();
    author.given.clear();
  } else if (author.family.empty()) {
    std::swap(author.literal, author.given);
  }
  return author;
}

SourceRecord record_of(const Json& item, Location at) {
  if (!item.is_object())
    throw DataError(at, std::string("expected a CSL item (an object), found ") + kind_of(item));
  SourceRecord record;
  record.origin = at.file;
  record.line = at.line;
  record.key = string_field(item, "id", at);
  record.title = detail::collapse_spaces(strip_markup(string_field(item, "title", at)));
  if (auto it = item.find("author"); it != item.end() && !it->is_null()) {
    if (!it->is_array()) {
      at.json_path += ".author";
      throw DataError(at, std::string("expected an array of names, found ") + kind_of(*it));
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      Location where = at;
      where.json_path += ".author[" + std::to_string(i) + "]";
      Author author = name_of((*it)[i], where);
      if (author.literal == "others") {
        record.authors_truncated = true;
      } else if (!author.literal.empty() || !author.family.empty()) {
        record.authors.push_back(std::move(author));
      }
    }
  }
  record.doi = normalize_doi(string_field(item, "DOI", at));
  for (const char* name : {"DOI", "URL", "number", "arxiv", "eprint"}) {
    if (!record.arxiv.empty()) break;
    record.arxiv = arxiv_id_in(string_field(item, name, at));
  }
  return record;
}

}  // namespace

namespace {

// Where `number` first stands in `text` as a whole JSON number, outside string literals; npos
// when nowhere (or when `number` is empty).
std::size_t number_outside_strings(std::string_view text, std::string_view number) {
  if (number.empty()) return std::string_view::npos;
  auto numeric = [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  };
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (text.compare(i, number.size(), number) == 0 && (i == 0 || !numeric(text[i - 1])) &&
               (i + number.size() == text.size() || !numeric(text[i + number.size()]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<SourceRecord> read_csljson(std::string_view text, const std::string& origin) {
  Json doc;
  try {
    detail::LiteralDomBuilder<Json> builder(doc);
    Json::sax_parse(text, &builder);
  } catch (const Json::parse_error& e) {
    std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    auto [line, column] = line_column(text, offset);
    std::string what = e.what();
    std::size_t colon = what.rfind(": ");
    throw DataError(
        Location{origin, line, column, {}},
        "not valid CSL-JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  } catch (const Json::out_of_range& e) {
    // A number past a double's range ("5e3333"): nlohmann names the number but not where it is;
    // it is the first such run of the text.
    std::string what = e.what();
    std::size_t open = what.find('\'');
    std::size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
    std::string number =
        close == std::string::npos ? std::string() : what.substr(open + 1, close - open - 1);
    std::size_t at = number_outside_strings(text, number);
    auto [line, column] = line_column(text, at == std::string_view::npos ? 0 : at);
    throw DataError(Location{origin, line, column, {}},
                    "not valid CSL-JSON: the number " + quote_for_message(number) +
                        " is too large");
  }
  std::vector<std::size_t> lines = item_lines(text);
  std::vector<SourceRecord> records;
  if (doc.is_object()) {
    records.push_back(record_of(doc, Location{origin, lines.empty() ? 1 : lines[0], 0, "$"}));
    return records;
  }
  if (!doc.is_array())
    throw DataError(Location{origin, 1, 1, {}},
                    std::string("expected a CSL-JSON array of items, found ") + kind_of(doc));
  for (std::size_t i = 0; i < doc.size(); ++i) {
    std::size_t line = i < lines.size() ? lines[i] : 0;
    records.push_back(record_of(doc[i], Location{origin, line, 0, "[" + std::to_string(i) + "]"}));
  }
  return records;
}

}  // namespace papertree
