#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <unordered_set>

#include <btparse.h>
#include <fmt/format.h>

#include "bibtex_syntax.hpp"
#include "detail.hpp"
#include "papertree/corpus/authors.hpp"
#include "papertree/enrich/records.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

// What btparse reported during the read_bibtex call under way (made under its lock), or null.
// btparse 0.89 offers no call to install a handler: its table of handlers is constant and points
// at its exported print_error, which writes to stderr; papertree defines print_error (below),
// which the dynamic linker binds that table to, so that btparse's messages land here instead.
struct BtMessages {
  std::vector<ReadWarning> warnings;
  std::string first_error;  // of the first lexical or syntax error
  std::size_t first_error_line = 0;
  std::uint16_t months_defined = 0;  // bit m: the file has defined month m once (jan = bit 0)
};
BtMessages* g_bt_messages = nullptr;

}  // namespace

}  // namespace papertree

namespace papertree {
namespace {

// The month (0 for jan) whose macro btparse's notice says is being redefined, or -1.
int redefined_month(std::string_view message) {
  static constexpr std::string_view k_prefix = "overriding existing definition of macro \"";
  if (!message.starts_with(k_prefix)) return -1;
  std::string_view name = message.substr(k_prefix.size());
  static constexpr std::string_view k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view month = k_months[m];
    if (name.starts_with(month) && name.substr(month.size()).starts_with('"')) return m;
  }
  return -1;
}

// A file's first definition of a month macro overrides the one papertree predefined
// (add_month_macros), as BibTeX's own styles predefine them: no warning. A second definition
// of the same month in the file is one, as for any other macro.
bool first_month_definition(BtMessages& out, std::string_view message) {
  const int month = redefined_month(message);
  if (month < 0) return false;
  const auto bit = static_cast<std::uint16_t>(1u << month);
  if ((out.months_defined & bit) != 0) return false;
  out.months_defined |= bit;
  return true;
}

}  // namespace
}  // namespace papertree

extern "C" void print_error(bt_error* err) noexcept {
  if (err == nullptr) return;
  // A usage or internal error makes btparse end the process next: say why, on stderr.
  if (err->errclass >= BTERR_USAGEERR) {
    std::fprintf(stderr, "papertree: internal error in btparse: %s:%d: %s\n",
                 err->filename != nullptr ? err->filename : "(input)", err->line,
                 err->message != nullptr ? err->message : "(no message)");
    return;
  }
  papertree::BtMessages* out = papertree::g_bt_messages;
  if (out == nullptr) return;  // outside read_bibtex: nothing to say it to
  try {
    std::string message = err->message != nullptr ? err->message : "";
    if (err->item_desc != nullptr && err->item > 0)
      message += fmt::format(" ({} {})", err->item_desc, err->item);
    std::size_t line = err->line > 0 ? static_cast<std::size_t>(err->line) : 0;
    if (err->errclass >= BTERR_LEXERR) {
      if (out->first_error.empty()) {
        out->first_error = message;
        out->first_error_line = line;
      }
      return;
    }
    if (err->errclass != BTERR_NOTIFY && !papertree::first_month_definition(*out, message))
      out->warnings.push_back({line, std::move(message)});
  } catch (...) {
    // Out of memory while keeping a warning: the warning is lost, the read goes on.
  }
}

namespace papertree {

namespace {

struct AstFree {
  void operator()(AST* ast) const { bt_free_ast(ast); }
};
struct ListFree {
  void operator()(bt_stringlist* list) const { bt_free_list(list); }
};
struct NameFree {
  void operator()(bt_name* name) const { bt_free_name(name); }
};
struct TextFree {  // bt_get_text's result is the caller's to free
  void operator()(char* text) const { std::free(text); }
};
struct FileClose {
  void operator()(FILE* f) const { std::fclose(f); }
};

std::string part_text(const bt_name& name, bt_namepart part) {
  std::string out;
  for (int i = 0; i < name.part_len[part]; ++i) {
    if (!out.empty()) out += ' ';
    out += name.parts[part][i];
  }
  return out;
}

// One BibTeX name ("von Last, Jr, First", "First von Last", "{OpenAI}") as a CSL name.
// True for a name btparse splits safely: at most two commas outside braces ("von Last, Jr,
// First") and no empty part between them ("Galstyan,, Aram").
bool well_formed_commas(std::string_view text) {
  int depth = 0;
  int commas = 0;
  bool part_empty = true;
  for (char c : text) {
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      if (part_empty) return false;
      ++commas;
      part_empty = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      part_empty = false;
    }
  }
  return commas <= 2 && !(commas > 0 && part_empty);
}

Author author_of(char* text, char* file, int line, int index) {
  // btparse's repair of a name with extra or empty comma parts leaves dangling part pointers (a
  // fuzz finding): such a name is split by papertree's own rules instead.
  if (!well_formed_commas(text)) return parse_person_name(latex_to_unicode(text));
  std::unique_ptr<bt_name, NameFree> name(bt_split_name(text, file, line, index));
  Author author;
  if (!name) return author;
  std::string first = part_text(*name, BTN_FIRST);
  std::string von = part_text(*name, BTN_VON);
  std::string last = part_text(*name, BTN_LAST);
  std::string jr = part_text(*name, BTN_JR);
  // btparse leaves the last name empty for an all-lower-case "von Last, First" ("li, tao"):
  // BibTeX's own rule (the last word before the comma is the last name) is what papertree's
  // name splitter does.
  if (last.empty()) return parse_person_name(latex_to_unicode(text));
  std::string family = von.empty() ? last : von + " " + last;
  if (!jr.empty()) family += " " + jr;
  if (first.empty() && von.empty()) {
    author.literal = latex_to_unicode(family);
  } else {
    author.family = latex_to_unicode(family);
    author.given = latex_to_unicode(first);
  }
  return author;
}

void read_names(SourceRecord& record, char* value, char* file, int line) {
  std::unique_ptr<bt_stringlist, ListFree> list(
      bt_split_list(value, const_cast<char*>("and"), file, line, const_cast<char*>("name")));
  if (!list) return;
  for (int i = 0; i < list->num_items; ++i) {
    char* item = list->items[i];
    if (item == nullptr) continue;
    if (std::string_view(item) == "others") {
      record.authors_truncated = true;
      continue;
    }
    Author author = author_of(item, file, line, i);
    if (!author.family.empty() || !author.literal.empty()) record.authors.push_back(author);
  }
}

SourceRecord record_of(AST* entry, const std::string& origin, std::vector<ReadWarning>& warnings) {
  SourceRecord record;
  record.origin = origin;
  record.line = static_cast<std::size_t>(entry->line);
  if (const char* key = bt_entry_key(entry)) record.key = key;
  std::string archive, eprint;
  std::vector<std::string> id_fields;
  std::unordered_set<std::string> seen;  // an entry of many fields costs one lookup each
  char* name = nullptr;
  for (AST* field = bt_next_field(entry, nullptr, &name); field != nullptr;
       field = bt_next_field(entry, field, &name)) {
    if (name == nullptr) continue;
    std::string field_name = ascii_lower(name);
    if (!seen.insert(field_name).second) {
      warnings.push_back(
          {static_cast<std::size_t>(field->line),
           fmt::format("entry {} gives the field \"{}\" again; the first one is read, as BibTeX "
                       "does",
                       quote_for_message(record.key), field_name)});
      continue;
    }
    std::unique_ptr<char, TextFree> owned(bt_get_text(field));
    char* value = owned.get();
    if (value == nullptr) continue;
    if (field_name == "title") {
      record.title = latex_to_unicode(value);
    } else if (field_name == "author") {
      read_names(record, value, entry->filename, entry->line);
    } else if (field_name == "doi") {
      record.doi = normalize_doi(value);
      id_fields.emplace_back(value);
    } else if (field_name == "eprint") {
      eprint = value;
    } else if (field_name == "archiveprefix" || field_name == "eprinttype") {
      archive = ascii_lower(value);
    } else if (field_name == "url" || field_name == "journal" || field_name == "journaltitle" ||
               field_name == "note" || field_name == "howpublished" || field_name == "arxivid") {
      id_fields.emplace_back(value);
    }
  }
  if (!eprint.empty() && (archive.empty() || archive == "arxiv"))
    record.arxiv = arxiv_id_in(eprint);
  for (const std::string& text : id_fields) {
    if (!record.arxiv.empty()) break;
    record.arxiv = arxiv_id_in(text);
  }
  return record;
}

// A .bib file must be UTF-8 (what pandoc, Zotero and bibtool write): the first byte that is not
// is refused with its line and column, as a corpus file's would be.
void check_utf8(std::string_view text, const std::string& origin) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t at = pos;
    char32_t cp = next_code_point(text, pos);
    if (cp == U'\n') {
      ++line;
      line_start = pos;
    } else if (cp == 0) {  // btparse's lexer works on C strings and asserts on one
      throw DataError(Location{origin, line, at - line_start + 1, {}},
                      "a NUL byte, which a BibTeX text file cannot hold");
    } else if (cp == 0xFFFD && text.substr(at, pos - at) != "\xEF\xBF\xBD") {
      throw DataError(Location{origin, line, at - line_start + 1, {}},
                      "invalid UTF-8 (convert the file with iconv -t UTF-8)");
    }
  }
}

// Ends a read_bibtex call: frees btparse's tables, macro names and all.
struct BtCleanup {
  BtCleanup() = default;
  BtCleanup(const BtCleanup&) = delete;
  BtCleanup& operator=(const BtCleanup&) = delete;
  ~BtCleanup() { bt_cleanup(); }
};

void add_month_macros() {
  static constexpr const char* k_months[][2] = {
      {"jan", "January"},   {"feb", "February"}, {"mar", "March"},    {"apr", "April"},
      {"may", "May"},       {"jun", "June"},     {"jul", "July"},     {"aug", "August"},
      {"sep", "September"}, {"oct", "October"},  {"nov", "November"}, {"dec", "December"}};
  for (const auto& month : k_months)
    bt_add_macro_text(const_cast<char*>(month[0]), const_cast<char*>(month[1]), nullptr, 0);
}

// What btparse reads: the entries where the syntax check found them, and every other byte (BibTeX's
// comments between entries, @comment) a space or the newline it was, so that lines keep their
// numbers and btparse has no "junk" to warn about on stderr.
std::string entries_only(std::string_view text, const std::vector<detail::EntrySpan>& spans) {
  std::string buffer(text.size(), ' ');
  std::size_t from = 0;
  auto blank = [&](std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      if (text[i] == '\n') buffer[i] = '\n';
  };
  for (const detail::EntrySpan& span : spans) {
    blank(span.begin);
    text.substr(span.begin, span.end - span.begin)
        .copy(buffer.data() + span.begin, span.end - span.begin);
    from = span.end;
  }
  blank(text.size());
  return buffer;
}

}  // namespace

std::vector<SourceRecord> read_bibtex(std::string_view text, const std::string& origin,
                                      std::vector<ReadWarning>* warnings) {
  check_utf8(text, origin);
  std::vector<detail::EntrySpan> spans = detail::check_bibtex_syntax(text, origin);
  if (spans.empty()) return {};
  static std::mutex global_state;  // btparse's lexer and macro table are global
  std::lock_guard lock(global_state);
  // btparse never gives back the room of a deleted macro's name, and exits the process when its
  // table is full: each file gets a fresh table (the syntax check bounds what one file defines).
  BtMessages messages;
  g_bt_messages = &messages;
  struct Detach {
    ~Detach() { g_bt_messages = nullptr; }
  } detach;
  bt_initialize();
  BtCleanup cleanup;
  add_month_macros();
  std::string buffer = entries_only(text, spans);
  std::string file_name = origin;
  std::unique_ptr<FILE, FileClose> file(fmemopen(buffer.data(), buffer.size(), "r"));
  if (!file) throw IoError(origin + ": cannot read the BibTeX text");
  std::vector<SourceRecord> records;
  std::size_t bad_line = 0;
  bool skipped_to_end = false;
  // btparse remembers the file it reads (a static) until a call finds that file at its end, and
  // exits the process when a call names another file first. Very bad input makes it return no
  // entry before the end (status false): the rest of the file is then skipped, so that the call
  // after it finds the end and forgets the file. The loop ends only on that end-of-file call.
  while (true) {
    boolean ok = 0;
    AST* raw = bt_parse_entry(file.get(), file_name.data(), 0, &ok);
    if (raw == nullptr) {
      if (ok) break;              // the end: btparse has let go of the file
      if (skipped_to_end) break;  // never loop, whatever btparse does at the end
      skipped_to_end = true;
      if (bad_line == 0) bad_line = 1;
      std::fseek(file.get(), 0, SEEK_END);
      std::fgetc(file.get());  // sets the end-of-file flag the next call looks at
      continue;
    }
    std::unique_ptr<AST, AstFree> entry(raw);
    if (!ok && bad_line == 0)
      bad_line = std::max<std::size_t>(1, static_cast<std::size_t>(raw->line));
    if (ok && bad_line == 0 && bt_entry_metatype(raw) == BTE_REGULAR)
      records.push_back(record_of(raw, origin, messages.warnings));
  }
  if (bad_line != 0) {
    std::string message = "malformed BibTeX entry";
    if (!messages.first_error.empty()) message += " (btparse: " + messages.first_error + ")";
    throw DataError(Location{origin, bad_line, 0, {}}, message);
  }
  if (warnings != nullptr) {
    std::stable_sort(messages.warnings.begin(), messages.warnings.end(),
                     [](const ReadWarning& a, const ReadWarning& b) { return a.line < b.line; });
    warnings->insert(warnings->end(), messages.warnings.begin(), messages.warnings.end());
  }
  return records;
}

}  // namespace papertree
