// The paper edits: add, edit, move, remove (docs/curate.md).
#include <memory>
#include <optional>

#include "commands.hpp"
#include "edit_session.hpp"
#include "help.hpp"
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
  sub.add_option("--title", f.title, "Title")->type_name("TITLE");
  sub.add_option("--venue", f.venue, "Venue (normalised through the alias table)")
      ->type_name("VENUE");
  sub.add_option("--year", f.year, "Year (0 for unknown)")
      ->check(whole_number(0, 9999))
      ->option_text("YEAR");
  sub.add_option("--kind", f.kind, "paper, blog or website")
      ->transform(one_of({"paper", "blog", "website"}));
  if (ids) {
    sub.add_option("--arxiv", f.arxiv, "The arXiv id (\"\" to clear it)")->type_name("ID");
    sub.add_option("--doi", f.doi, "The DOI (\"\" to clear it)")->type_name("DOI");
  }
  sub.add_option("--added", f.added, "First-seen date, YYYY-MM-DD")->type_name("DATE");
  sub.add_option("--link", f.links, "Add a link, LABEL=URL (repeatable)")->type_name("LABEL=URL");
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
                  "Fill the arXiv id, Paper link, year, DOI and venue from an arXiv id")
      ->type_name("ID");
  sub->add_option("--doi", add->from_doi, "Fill the DOI and a Paper link from a DOI")
      ->type_name("DOI");
  sub->add_option("--id", add->id, "The paper id (default: derived from the title)")
      ->type_name("ID");
  sub->add_option("--to", add->to, "Category to place it in (repeatable)")
      ->required()
      ->type_name("CATEGORY");
  add_edit_options(*sub, add->edit);
  set_examples(
      *sub,
      {{"papertree --corpus c.json add --arxiv 2402.04396 --title 'QuIP#' --to ptq",
        "year, DOI, venue and link from the arXiv id"},
       {"papertree --corpus c.json add --title 'A Post' --kind blog --link Blog=https://a.org "
        "--to kv-cache",
        "any entry, its fields by option"},
       {"papertree --corpus c.json add --title 'A Paper' --year 2024 --to pruning --dry-run",
        "the change as a diff; nothing written"}});
  sub->callback([add, &ctx] { run_add(*add, ctx); });

  auto edit = std::make_shared<EditCommand>();
  sub = app.add_subcommand("edit", "Change a paper's fields in the corpus file");
  sub->add_option("paper", edit->paper, "Paper (id, arXiv id or title fragment)")
      ->required()
      ->type_name("PAPER");
  add_field_options(*sub, edit->fields, true);
  add_edit_options(*sub, edit->edit);
  set_examples(*sub, {{"papertree --corpus c.json edit gptq --venue NeurlPS --year 2023",
                       "the venue is stored as NeurIPS"},
                      {"papertree --corpus c.json edit 2306.00978 --added 2024-01-15 --dry-run",
                       "by arXiv id; the change as a diff, nothing written"}});
  sub->callback([edit, &ctx] { run_edit_paper(*edit, ctx); });

  auto move = std::make_shared<MoveCommand>();
  sub = app.add_subcommand("move", "Move a paper to another category in the corpus file");
  sub->add_option("paper", move->paper, "Paper (id, arXiv id or title fragment)")
      ->required()
      ->type_name("PAPER");
  sub->add_option("--to", move->to, "Category to move it to")->required()->type_name("CATEGORY");
  sub->add_flag("--also", move->also, "Keep its other categories (place it in one more)");
  sub->add_option("--from", move->from, "Move it out of this category only")->type_name("CATEGORY");
  add_edit_options(*sub, move->edit);
  set_examples(
      *sub, {{"papertree --corpus c.json move omniquant --to weight-only-quantization",
              "instead of all its categories (it was in two)"},
             {"papertree --corpus c.json move gptq --to kv-cache --also", "in one more category"},
             {"papertree --corpus c.json move gptq --to pruning --from weight-only",
              "out of one category only"}});
  sub->callback([move, &ctx] { run_move(*move, ctx); });

  auto remove = std::make_shared<RemoveCommand>();
  sub = app.add_subcommand("remove", "Remove a paper from the corpus file");
  sub->add_option("paper", remove->paper, "Paper id or arXiv id")->required()->type_name("PAPER");
  add_edit_options(*sub, remove->edit);
  set_examples(*sub, {{"papertree --corpus c.json remove gptq", "by id"},
                      {"papertree --corpus c.json remove 2306.00978 --dry-run",
                       "by arXiv id; the change as a diff, nothing written"}});
  sub->callback([remove, &ctx] { run_remove(*remove, ctx); });
}

}  // namespace papertree::cli
