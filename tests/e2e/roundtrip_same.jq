# What a markdown export and its re-import keep: the comparable projection of a corpus
# (docs/import.md, "Export and import"). Ids, authors and source facts other than the survey's
# arXiv id are not in the markdown; control characters become spaces; emoji leave category names;
# a "Blog"/"Website" venue is the kind; a paper with no link, venue or year cannot be told from a
# note bullet and is left out. Papers are compared as a set (sorted by title): the import lists
# them in order of first listing.
def clean: gsub("[\u0000-\u001f\u007f-\u009f]"; " ") | gsub("^\\s+|\\s+$"; "");
def stripped: gsub("\\p{So}|\\p{Cf}"; "") | gsub("\\s+"; " ") | gsub("^\\s+|\\s+$"; "");
def nodes(prefix): .[] | (prefix + [.name | stripped]) as $path | {id, path: $path},
  (.children // [] | nodes($path));
. as $c
| ([$c.taxonomy | nodes([])] | map({(.id): .path}) | add) as $paths
| {
    title: ($c.title | clean),
    arxiv: $c.source.arxiv,
    taxonomy: [$c.taxonomy | nodes([]) | .path],
    papers: [$c.papers[]
      | select((.links | length) > 0 or (.venue // "") != "" or (.year // 0) != 0)
      | {title: (.title | clean),
         venue: (if .venue == "Blog" or .venue == "Website" then "" else .venue end),
         year, kind: (.kind // "paper"), links, arxiv: (.arxiv // ""),
         categories: [.categories[] | $paths[.]]}] | sort_by(.title, .categories),
    frameworks: [$c.frameworks[]? | {name, url, supports}]
  }
