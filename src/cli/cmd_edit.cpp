// The paper edits: add, edit, move, remove (docs/curate.md).
#include <memory>
#include <optional>

#include "commands.hpp"
#include "edit_session.hpp"
#include "option_values.hpp"
#include "papertree/corpus/date.hpp"
#include "papertree/corpus/select.hpp"
#include "papertree/curate/edit.hpp"
#include "papertree/error.hpp"
#include "papertree/text/text.hpp"

namespace papertree::cli {

namespace {

// The field options `add` and `edit` share; CLI11 fills the optionals only when given.
struct FieldArgs {
  std::optional<std::string> title, venue, kind, arxiv, doi, added;
  std::optional<int> year;
  std::vector<std::string> links;  // LABEL=URL
};

void add_field_options(CLI::App& sub, FieldArgs& f, bool ids) {
  sub.add_option("--title", f.title, "Title");
  sub.add_option("--venue", f.venue, "Venue (normalised through the alias table)");
  sub.add_option("--year", f.year, "Year (0 for unknown)")->check(CLI::Range(0, 9999));
  sub.add_option("--kind", f.kind, "paper, blog or website")
      ->transform(one_of({"paper", "blog", "website"}));
  if (ids) {
    sub.add_option("--arxiv", f.arxiv, "The arXiv id (\"\" to clear it)");
    sub.add_option("--doi", f.doi, "The DOI (\"\" to clear it)");
  }
  sub.add_option("--added", f.added, "First-seen date, YYYY-MM-DD");
  sub.add_option("--link", f.links, "Add a link, LABEL=URL (repeatable)");
}

PaperFields to_fields(const FieldArgs& f) {
  PaperFields fields;
  fields.title = f.title;
  fields.venue = f.venue;
  fields.year = f.year;
  fields.kind = f.kind;
  fields.arxiv = f.arxiv;
  fields.doi = f.doi;
  if (f.added && !f.added->empty() && !is_iso_date(*f.added)) {
    throw UsageError("--added " + quote_for_message(*f.added) + " is not a date YYYY-MM-DD");
  }
  fields.added = f.added;
  for (const std::string& spec : f.links) {
    std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      throw UsageError("--link " + quote_for_message(spec) + " is not LABEL=URL");
    }
    fields.add_links.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
  }
  return fields;
}

struct AddCommand {
  FieldArgs fields;
  std::string from_arxiv, from_doi, id;
  std::vector<std::string> to;
  EditArgs edit;
};

void run_add(const AddCommand& cmd, Context& ctx) {
  run_edit(ctx, cmd.edit, [&cmd](CorpusData& data, const Corpus& corpus) {
    Paper paper;
    if (!cmd.from_arxiv.empty()) paper = paper_from_arxiv(cmd.from_arxiv);
    if (!cmd.from_doi.empty()) {
      Paper by_doi = paper_from_doi(cmd.from_doi);
      if (cmd.from_arxiv.empty()) {
        paper = by_doi;
      } else {
        paper.doi = by_doi.doi;
      }
    }
    apply_fields(paper, to_fields(cmd.fields));
    if (paper.title.empty())
      throw UsageError("a new paper needs --title (an id alone gives none offline)");
    paper.id = cmd.id;
    for (const std::string& c : cmd.to) {
      paper.categories.push_back(corpus.category(resolve_category(corpus, c)).id);
    }
    std::string id = add_paper(data, std::move(paper));
    return "added " + id;
  });
}

struct EditCommand {
  std::string paper;
  FieldArgs fields;
  EditArgs edit;
};

void run_edit_paper(const EditCommand& cmd, Context& ctx) {
  run_edit(ctx, cmd.edit, [&cmd](CorpusData& data, const Corpus& corpus) {
    std::string id = corpus.paper(resolve_paper(corpus, cmd.paper)).id;
    edit_paper(data, id, to_fields(cmd.fields));
    return "edited " + id;
  });
}

struct MoveCommand {
  std::string paper, to, from;
  bool also = false;
  EditArgs edit;
};

void run_move(const MoveCommand& cmd, Context& ctx) {
  run_edit(ctx, cmd.edit, [&cmd](CorpusData& data, const Corpus& corpus) {
    std::string id = corpus.paper(resolve_paper(corpus, cmd.paper)).id;
    std::string to = corpus.category(resolve_category(corpus, cmd.to)).id;
    std::string from;
    if (!cmd.from.empty()) from = corpus.category(resolve_category(corpus, cmd.from)).id;
    move_paper(data, id, to, cmd.also, from);
    return (cmd.also ? "placed " : "moved ") + id + " in " + to;
  });
}

struct RemoveCommand {
  std::string paper;
  EditArgs edit;
};

void run_remove(const RemoveCommand& cmd, Context& ctx) {
  run_edit(ctx, cmd.edit, [&cmd](CorpusData& data, const Corpus& corpus) {
    // Only an exact id or arXiv id: a title fragment is too loose for a removal.
    std::optional<PaperIndex> p = corpus.find_paper(cmd.paper);
    if (!p) {
      PaperIndex found = resolve_paper(corpus, cmd.paper);
      if (corpus.paper(found).arxiv.empty() ||
          cmd.paper.find(corpus.paper(found).arxiv) == std::string::npos) {
        throw UsageError(
            "remove takes a paper id or arXiv id; " + quote_for_message(cmd.paper) + " is neither",
            "did you mean " + corpus.paper(found).id + "?");
      }
      p = found;
    }
    std::string id = corpus.paper(*p).id;
    remove_paper(data, id);
    return "removed " + id;
  });
}

}  // namespace

void setup_edit(CLI::App& app, Context& ctx) {
  auto add = std::make_shared<AddCommand>();
  CLI::App* sub = app.add_subcommand("add", "Add a paper to the corpus file");
  add_field_options(*sub, add->fields, false);
  sub->add_option("--arxiv", add->from_arxiv,
                  "Fill the arXiv id, Paper link, year, DOI and venue from an arXiv id");
  sub->add_option("--doi", add->from_doi, "Fill the DOI and a Paper link from a DOI");
  sub->add_option("--id", add->id, "The paper id (default: derived from the title)");
  sub->add_option("--to", add->to, "Category to place it in (repeatable)")->required();
  add_edit_options(*sub, add->edit);
  sub->callback([add, &ctx] { run_add(*add, ctx); });

  auto edit = std::make_shared<EditCommand>();
  sub = app.add_subcommand("edit", "Change a paper's fields in the corpus file");
  sub->add_option("paper", edit->paper, "Paper (id, arXiv id or title fragment)")->required();
  add_field_options(*sub, edit->fields, true);
  add_edit_options(*sub, edit->edit);
  sub->callback([edit, &ctx] { run_edit_paper(*edit, ctx); });

  auto move = std::make_shared<MoveCommand>();
  sub = app.add_subcommand("move", "Move a paper to another category in the corpus file");
  sub->add_option("paper", move->paper, "Paper (id, arXiv id or title fragment)")->required();
  sub->add_option("--to", move->to, "Category to move it to")->required();
  sub->add_flag("--also", move->also, "Keep its other categories (place it in one more)");
  sub->add_option("--from", move->from, "Move it out of this category only");
  add_edit_options(*sub, move->edit);
  sub->callback([move, &ctx] { run_move(*move, ctx); });

  auto remove = std::make_shared<RemoveCommand>();
  sub = app.add_subcommand("remove", "Remove a paper from the corpus file");
  sub->add_option("paper", remove->paper, "Paper id or arXiv id")->required();
  add_edit_options(*sub, remove->edit);
  sub->callback([remove, &ctx] { run_remove(*remove, ctx); });
}

}  // namespace papertree::cli
