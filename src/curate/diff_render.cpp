// Output of `papertree diff`: text, JSON and a markdown changelog section.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "papertree/json/dump.hpp"
#include "papertree/curate/corpus_diff.hpp"
#include "papertree/render/markdown.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string summary(const CorpusDiff& d) {
  return fmt::format(
      "{} added, {} removed, {} moved, {} changed; categories: {} added, {} removed, {} renamed",
      d.added.size(), d.removed.size(), d.moved.size(), d.changed.size(), d.categories_added.size(),
      d.categories_removed.size(), d.categories_renamed.size());
}

void text_fields(const PaperChange& c, std::ostream& out) {
  for (const FieldChange& f : c.fields) {
    out << "      " << f.field << ": "
        << sanitize_for_display(f.before.empty() ? "(none)" : f.before) << " -> "
        << sanitize_for_display(f.after.empty() ? "(none)" : f.after) << '\n';
  }
}

std::string change_id(const PaperChange& c) {
  return c.old_id == c.new_id ? c.new_id : c.old_id + " -> " + c.new_id;
}

nlohmann::ordered_json paper_json(const Paper& p) {
  return {{"id", p.id}, {"title", p.title}, {"categories", p.categories}};
}

nlohmann::ordered_json change_json(const PaperChange& c, bool moved) {
  nlohmann::ordered_json j = {{"old_id", c.old_id}, {"new_id", c.new_id}, {"title", c.title}};
  if (moved) {
    j["from"] = c.old_categories;
    j["to"] = c.new_categories;
  }
  j["fields"] = nlohmann::ordered_json::array();
  for (const FieldChange& f : c.fields) {
    j["fields"].push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
  }
  return j;
}

nlohmann::ordered_json category_json(const CategoryRef& c) {
  return {{"id", c.id}, {"name", c.name}, {"path", c.path}};
}

std::string md_fields(const PaperChange& c) {
  std::string out;
  for (const FieldChange& f : c.fields) {
    out += (out.empty() ? "" : "; ") +
           fmt::format("{} {} → {}", f.field, escape_markdown(f.before.empty() ? "none" : f.before),
                       escape_markdown(f.after.empty() ? "none" : f.after));
  }
  return out;
}

}  // namespace

void render_diff_text(const CorpusDiff& d, std::ostream& out) {
  out << summary(d) << '\n';
  auto section = [&](const char* name, std::size_t n) {
    if (n > 0) out << '\n' << name << " (" << n << ")\n";
  };
  section("Added", d.added.size());
  for (const Paper* p : d.added) {
    out << "  + " << p->id << "  " << sanitize_for_display(p->title) << "  ["
        << joined(p->categories) << "]\n";
  }
  section("Removed", d.removed.size());
  for (const Paper* p : d.removed) {
    out << "  - " << p->id << "  " << sanitize_for_display(p->title) << '\n';
  }
  section("Moved", d.moved.size());
  for (const PaperChange& c : d.moved) {
    out << "  > " << change_id(c) << "  " << sanitize_for_display(c.title) << "  ["
        << joined(c.old_categories) << "] -> [" << joined(c.new_categories) << "]\n";
    text_fields(c, out);
  }
  section("Changed", d.changed.size());
  for (const PaperChange& c : d.changed) {
    out << "  * " << change_id(c) << "  " << sanitize_for_display(c.title) << '\n';
    text_fields(c, out);
  }
  std::size_t cats =
      d.categories_added.size() + d.categories_removed.size() + d.categories_renamed.size();
  section("Categories", cats);
  for (const CategoryRef& c : d.categories_added) {
    out << "  + " << c.id << "  " << sanitize_for_display(c.path) << '\n';
  }
  for (const CategoryRef& c : d.categories_removed) {
    out << "  - " << c.id << "  " << sanitize_for_display(c.path) << '\n';
  }
  for (const CategoryRename& r : d.categories_renamed) {
    out << "  ~ " << (r.before.id == r.after.id ? r.after.id : r.before.id + " -> " + r.after.id)
        << "  \"" << sanitize_for_display(r.before.name) << "\" -> \""
        << sanitize_for_display(r.after.name) << "\"\n";
  }
}

void render_diff_json(const CorpusDiff& d, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["counts"] = {{"added", d.added.size()},
                   {"removed", d.removed.size()},
                   {"moved", d.moved.size()},
                   {"changed", d.changed.size()},
                   {"categories_added", d.categories_added.size()},
                   {"categories_removed", d.categories_removed.size()},
                   {"categories_renamed", d.categories_renamed.size()}};
  auto& papers = doc["papers"];
  papers["added"] = nlohmann::ordered_json::array();
  for (const Paper* p : d.added) papers["added"].push_back(paper_json(*p));
  papers["removed"] = nlohmann::ordered_json::array();
  for (const Paper* p : d.removed) papers["removed"].push_back(paper_json(*p));
  papers["moved"] = nlohmann::ordered_json::array();
  for (const PaperChange& c : d.moved) papers["moved"].push_back(change_json(c, true));
  papers["changed"] = nlohmann::ordered_json::array();
  for (const PaperChange& c : d.changed) papers["changed"].push_back(change_json(c, false));
  auto& cats = doc["categories"];
  cats["added"] = nlohmann::ordered_json::array();
  for (const CategoryRef& c : d.categories_added) cats["added"].push_back(category_json(c));
  cats["removed"] = nlohmann::ordered_json::array();
  for (const CategoryRef& c : d.categories_removed) cats["removed"].push_back(category_json(c));
  cats["renamed"] = nlohmann::ordered_json::array();
  for (const CategoryRename& r : d.categories_renamed) {
    cats["renamed"].push_back(
        {{"before", category_json(r.before)}, {"after", category_json(r.after)}});
  }
  out << json_text(doc, 2) << '\n';
}

void render_diff_markdown(const CorpusDiff& d, std::ostream& out) {
  out << "## Changes\n\n" << summary(d) << ".\n";
  if (!d.added.empty()) {
    out << "\n### New papers (" << d.added.size() << ")\n\n";
    for (const Paper* p : d.added) out << markdown_paper_line(*p) << '\n';
  }
  if (!d.removed.empty()) {
    out << "\n### Removed (" << d.removed.size() << ")\n\n";
    for (const Paper* p : d.removed) out << "- " << escape_markdown(p->title) << '\n';
  }
  if (!d.moved.empty()) {
    out << "\n### Moved (" << d.moved.size() << ")\n\n";
    for (const PaperChange& c : d.moved) {
      out << "- **" << escape_markdown(c.title)
          << "**: " << escape_markdown(joined(c.old_categories)) << " → "
          << escape_markdown(joined(c.new_categories)) << '\n';
    }
  }
  if (!d.changed.empty()) {
    out << "\n### Updated (" << d.changed.size() << ")\n\n";
    for (const PaperChange& c : d.changed) {
      out << "- **" << escape_markdown(c.title) << "**: " << md_fields(c) << '\n';
    }
  }
  if (d.categories_added.empty() && d.categories_removed.empty() && d.categories_renamed.empty()) {
    return;
  }
  out << "\n### Categories\n\n";
  for (const CategoryRef& c : d.categories_added)
    out << "- Added " << escape_markdown(c.path) << '\n';
  for (const CategoryRename& r : d.categories_renamed) {
    out << "- Renamed " << escape_markdown(r.before.name) << " → " << escape_markdown(r.after.name)
        << '\n';
  }
  for (const CategoryRef& c : d.categories_removed)
    out << "- Removed " << escape_markdown(c.path) << '\n';
}

}  // namespace papertree
