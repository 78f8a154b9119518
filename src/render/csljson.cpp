#include "papertree/render/csljson.hpp"

#include <nlohmann/json.hpp>

#include "export_common.hpp"
#include "papertree/corpus/venue.hpp"
#include "papertree/json/dump.hpp"
#include "papertree/render/bibtex.hpp"
#include "papertree/text/text.hpp"

namespace papertree {

namespace {

using Json = nlohmann::ordered_json;

std::string_view csl_type(const Paper& paper, EntryKind kind) {
  switch (kind) {
    case EntryKind::conference:
      return "paper-conference";
    case EntryKind::journal:
      return "article-journal";
    case EntryKind::preprint:
      return "article";
    case EntryKind::online:
      return paper.kind == "blog" ? "post-weblog" : "webpage";
  }
  return "article";
}

Json csl_name(const Author& a) {
  if (!a.literal.empty()) return Json{{"literal", detail::without_controls(a.literal)}};
  Json name{{"family", detail::without_controls(a.family)}};
  if (!a.given.empty()) name["given"] = detail::without_controls(a.given);
  return name;
}

Json csl_item(const Paper& paper, const std::string& key) {
  EntryKind kind = entry_kind(paper);
  std::string venue = normalize_venue(paper.venue);
  Json item = Json::object();
  item["id"] = key;
  item["type"] = csl_type(paper, kind);
  item["title"] = detail::without_controls(paper.title);
  if (!paper.authors.empty()) {
    Json authors = Json::array();
    for (const auto& a : paper.authors) authors.push_back(csl_name(a));
    item["author"] = authors;
  }
  if (kind == EntryKind::preprint) {
    item["publisher"] = "arXiv";
    if (!paper.arxiv.empty()) item["number"] = "arXiv:" + paper.arxiv;
  } else if (!venue.empty() && kind != EntryKind::online) {
    item["container-title"] = venue;
  }
  if (paper.year > 0)
    item["issued"] = Json{{"date-parts", Json::array({Json::array({paper.year})})}};
  // A javascript:, vbscript: or data: URL is left out, as in bibtex: citeproc makes URL a link.
  if (std::string url = detail::paper_url(paper); !url.empty() && !detail::is_script_url(url))
    item["URL"] = url;
  return item;
}

}  // namespace

void render_csljson(const Corpus& corpus, const ExportSelection& selection,
                    const ExportOptions& /*options*/, std::ostream& out) {
  std::vector<std::string> keys = citation_keys(corpus);
  Json items = Json::array();
  for (PaperIndex p : selection.papers) items.push_back(csl_item(corpus.paper(p), keys[p]));
  out << json_text(items, 2) << '\n';
}

}  // namespace papertree
