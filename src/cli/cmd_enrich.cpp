#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "help.hpp"
#include "option_values.hpp"
#include "papertree/enrich/enrich.hpp"
#include "papertree/enrich/records.hpp"
#include "papertree/enrich/report.hpp"
#include "papertree/error.hpp"
#include "papertree/io/io.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/json/load.hpp"

namespace papertree::cli {

namespace {

struct EnrichCommand {
  std::vector<std::string> files;
  std::string output;
  bool dry_run = false;
  bool force = false;
  std::string prefer = "corpus";
  std::string format = "text";
};

void run_enrich(const EnrichCommand& cmd, Context& ctx) {
  bool json = cmd.format == "json";
  bool to_stdout = !cmd.dry_run && (cmd.output.empty() || cmd.output == "-");
  if (json && to_stdout)
    throw UsageError("--format json prints the report on stdout: give -o FILE or --dry-run");
  std::vector<SourceRecord> records;
  for (const std::string& file : cmd.files) {
    std::vector<ReadWarning> warnings;
    std::vector<SourceRecord> more = read_records(ctx.read_input(file), file, &warnings);
    if (!ctx.quiet) {
      for (const ReadWarning& w : warnings)
        warn(w.line == 0 ? fmt::format("{}: {}", file, w.message)
                         : fmt::format("{}:{}: {}", file, w.line, w.message));
    }
    records.insert(records.end(), more.begin(), more.end());
  }
  CorpusData data = ctx.corpus().data();
  EnrichOptions options;
  options.prefer = cmd.prefer == "source" ? Prefer::source : Prefer::corpus;
  EnrichReport report = enrich(data, records, options);
  std::string corpus_json = to_canonical_json(data);
  load_corpus_text(corpus_json, to_stdout ? "<stdout>" : cmd.output);  // still a valid corpus
  if (!cmd.dry_run) {
    if (to_stdout) {
      std::cout << corpus_json;
    } else {
      write_file_atomic(cmd.output, corpus_json, cmd.force);
    }
  }
  if (json) {
    auto out = enrich_report_to_json(report);
    out["dry_run"] = cmd.dry_run;
    out["output"] = cmd.dry_run ? nlohmann::ordered_json() : nlohmann::ordered_json(cmd.output);
    std::cout << json_text(out, 2) << '\n';
    return;
  }
  std::ostream& out = to_stdout ? std::cerr : std::cout;
  if (ctx.quiet && to_stdout) return;
  // Fitted only when the report goes to a terminal (stdout; stderr is not asked).
  const Terminal& term = ctx.terminal();
  render_enrich_report(report, cmd.dry_run, out, !to_stdout && term.is_tty ? term.width : 0);
  if (cmd.dry_run) out << "Dry run: nothing written.\n";
}

}  // namespace

void setup_enrich(CLI::App& app, Context& ctx) {
  auto [sub, cmd] =
      add_command<EnrichCommand>(app, ctx, run_enrich, "enrich",
                                 "Fill authors, DOIs and arXiv ids from CSL-JSON or BibTeX files");
  sub->add_option("files", cmd->files, "CSL-JSON (.json) or BibTeX/BibLaTeX (.bib) files")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", cmd->output,
                  "Write the enriched corpus here (atomically) instead of stdout")
      ->type_name("FILE");
  sub->add_flag("--force", cmd->force, "Overwrite an existing output file");
  sub->add_flag("--dry-run", cmd->dry_run, "Show what would change; write nothing");
  sub->add_option("--prefer", cmd->prefer, "Who wins a conflict: the corpus or the source file")
      ->capture_default_str()
      ->transform(one_of({"corpus", "source"}));
  sub->add_option("-f,--format", cmd->format, "The report's format")
      ->capture_default_str()
      ->transform(one_of({"text", "json"}));
  set_examples(
      *sub,
      {{"papertree enrich refs.bib --dry-run", "what a BibTeX file would fill; nothing written"},
       {"papertree --corpus c.json enrich refs.bib refs.json -o enriched.json",
        "from BibTeX and CSL-JSON (Zotero, pandoc), into a new corpus file"},
       {"papertree enrich refs.json --dry-run --format json", "the report, for programs"}});
}

}  // namespace papertree::cli
