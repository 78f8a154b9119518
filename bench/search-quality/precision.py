#!/usr/bin/env python3
"""Mean precision@10 of papertree search, and of grep over titles, on queries.tsv.

Usage: precision.py PAPERTREE [--corpus FILE] [--queries FILE]
                    [--split dev|heldout|fresh|unseen|later|blind|probe|all|names]
                    [--engine papertree|grep|both] [--min P] [--verbose]

Relevance of a paper for a query: it lies in the subtree of the query's category (the
`papertree list CATEGORY` set). precision@10 = relevant papers among the first 10 results
divided by min(10, number of relevant papers), so a category with fewer than ten papers can still
score 1. The "names" split is made from the corpus itself, not from queries.tsv: each category
below a top-level branch that holds papers, searched by its name as typed in lower case
("weight-only quantization"), the way people type what the taxonomy calls a topic. Prints one line per engine: "ENGINE SPLIT mean-precision@10 (N queries)"; with --min,
exits 1 when papertree's mean is below P.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(papertree, corpus, args):
    cmd = [papertree] + (["--corpus", corpus] if corpus else []) + args
    out = subprocess.run(cmd, check=True, capture_output=True, text=True,
                         env=dict(os.environ, NO_COLOR="1"))
    return [line for line in out.stdout.splitlines() if line]


def load_queries(path, split):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            s, query, category = line.split("\t")
            if split in ("all", s):
                queries.append((query, category))
    return queries


def name_queries(papertree, corpus):
    tree = json.loads("\n".join(run(papertree, corpus, ["tree", "--format", "json"])))
    queries = []

    def walk(nodes):
        for node in nodes:
            if node["depth"] > 0 and node["total"] > 0:
                queries.append((node["name"].lower(), node["id"]))
            walk(node.get("children", []))

    walk(tree["categories"])
    return queries


def grep_hits(rows, query):
    # What `grep -i -F` of every query word, one after another, keeps: titles holding each word
    # as a substring, in corpus list order.
    words = query.lower().split()
    return [pid for pid, title in rows if all(w in title.lower() for w in words)][:10]


def precision(hits, relevant):
    if not relevant:
        return 0.0
    return sum(1 for h in hits[:10] if h in relevant) / min(10, len(relevant))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("papertree")
    ap.add_argument("--corpus")
    ap.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    ap.add_argument("--split", default="heldout", choices=["dev", "heldout", "fresh", "unseen", "later", "blind", "all", "names", "probe"])
    ap.add_argument("--engine", default="both", choices=["papertree", "grep", "both"])
    ap.add_argument("--min", type=float)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()

    if a.split == "names":
        queries = name_queries(a.papertree, a.corpus)
    else:
        queries = load_queries(a.queries, a.split)
    rows = []
    for line in run(a.papertree, a.corpus, ["list", "--format", "plain", "--limit", "0"]):
        fields = line.split("\t")
        rows.append((fields[0], fields[3]))
    means = {}
    for engine in (["papertree", "grep"] if a.engine == "both" else [a.engine]):
        total = 0.0
        for query, category in queries:
            relevant = set(run(a.papertree, a.corpus,
                               ["list", category, "--format", "ids", "--limit", "0"]))
            if engine == "papertree":
                hits = run(a.papertree, a.corpus,
                           ["search", "--format", "ids", "--limit", "10", "--", query])
            else:
                hits = grep_hits(rows, query)
            p = precision(hits, relevant)
            total += p
            if a.verbose:
                print(f"  {engine:9} {p:4.2f}  {query}  [{category}]", file=sys.stderr)
        means[engine] = total / len(queries)
        print(f"{engine} {a.split} mean-precision@10 {means[engine]:.3f} ({len(queries)} queries)")
    if a.min is not None and means.get("papertree", 1.0) < a.min:
        print(f"papertree's mean precision@10 {means['papertree']:.3f} is below {a.min}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
