// The category edits: add-category, rename-category, move-category (docs/curate.md).
#include <memory>

#include "commands.hpp"
#include "edit_session.hpp"
#include "help.hpp"
#include "papertree/curate/edit.hpp"
#include "papertree/error.hpp"

namespace papertree::cli {

namespace {

struct AddCategoryCommand {
  std::string name, parent, id;
  EditArgs edit;
};

struct RenameCategoryCommand {
  std::string category, name, id;
  EditArgs edit;
};

struct MoveCategoryCommand {
  std::string category, to;
  bool top = false;
  EditArgs edit;
};

std::string category_id(const Corpus& corpus, const std::string& text) {
  return corpus.category(resolve_category(corpus, text)).id;
}

}  // namespace

void setup_category(CLI::App& app, Context& ctx) {
  auto add = std::make_shared<AddCategoryCommand>();
  CLI::App* sub =
      app.add_subcommand("add-category", "Add a category to the corpus file's taxonomy");
  sub->add_option("name", add->name, "Display name")->required()->type_name("NAME");
  sub->add_option("--parent", add->parent, "Parent category (default: a new top-level branch)")
      ->type_name("CATEGORY");
  sub->add_option("--id", add->id, "The id (default: the slug of the name)")->type_name("ID");
  add_edit_options(*sub, add->edit);
  set_examples(*sub, {{"papertree --corpus c.json add-category 'Serving Systems' --parent "
                       "efficient-inference --id serving",
                       "a child of Efficient Inference, id serving"},
                      {"papertree --corpus c.json add-category 'Green AI'",
                       "a new top-level branch, id green-ai"}});
  sub->callback([add, &ctx] {
    run_edit(ctx, add->edit, [add](CorpusData& data, const Corpus& corpus) {
      std::string parent = add->parent.empty() ? "" : category_id(corpus, add->parent);
      return "added category " + add_category(data, add->name, parent, add->id);
    });
  });

  auto rename = std::make_shared<RenameCategoryCommand>();
  sub = app.add_subcommand("rename-category", "Rename a category (its id stays unless --id)");
  sub->add_option("category", rename->category, "Category (id, path, name or prefix)")
      ->required()
      ->type_name("CATEGORY");
  sub->add_option("name", rename->name, "New display name")->required()->type_name("NAME");
  sub->add_option("--id", rename->id, "Also change its id (the papers placed in it follow)")
      ->type_name("ID");
  add_edit_options(*sub, rename->edit);
  set_examples(*sub,
               {{"papertree --corpus c.json rename-category kv-cache 'KV-Cache Compression'",
                 "the id stays"},
                {"papertree --corpus c.json rename-category kv-cache 'KV Cache' --id kv-cache",
                 "a new id too; its papers follow"}});
  sub->callback([rename, &ctx] {
    run_edit(ctx, rename->edit, [rename](CorpusData& data, const Corpus& corpus) {
      std::string id = category_id(corpus, rename->category);
      rename_category(data, id, rename->name, rename->id);
      return "renamed category " + id + (rename->id.empty() ? "" : " to " + rename->id);
    });
  });

  auto move = std::make_shared<MoveCategoryCommand>();
  sub = app.add_subcommand("move-category", "Move a category (and its subtree) under another");
  sub->add_option("category", move->category, "Category (id, path, name or prefix)")
      ->required()
      ->type_name("CATEGORY");
  auto* to = sub->add_option("--to", move->to, "New parent category")->type_name("CATEGORY");
  auto* top = sub->add_flag("--top", move->top, "Make it a top-level branch");
  to->excludes(top);
  add_edit_options(*sub, move->edit);
  set_examples(*sub, {{"papertree --corpus c.json move-category prompt-compression --to "
                       "efficient-inference",
                       "under another category, with its subtree and papers"},
                      {"papertree --corpus c.json move-category prompt-compression --top",
                       "a top-level branch"}});
  sub->callback([move, &ctx] {
    if (move->to.empty() && !move->top)
      throw UsageError("move-category needs --to CATEGORY or --top");
    run_edit(ctx, move->edit, [move](CorpusData& data, const Corpus& corpus) {
      std::string id = category_id(corpus, move->category);
      std::string parent = move->top ? "" : category_id(corpus, move->to);
      move_category(data, id, parent);
      return "moved category " + id + (parent.empty() ? " to the top level" : " under " + parent);
    });
  });
}

}  // namespace papertree::cli
