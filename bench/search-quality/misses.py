#!/usr/bin/env python3
"""Per-query misses of papertree search on queries.tsv, to study failure classes.

Usage: misses.py PAPERTREE [--corpus FILE] [--queries FILE] [--split dev|heldout|fresh|unseen|later|all]
                 [--below P]

For every query whose precision@10 is below P (default 1.0), prints the query, its category and
precision, then its first ten results marked '+' (relevant) or '-' (not) with each paper's
categories, then the relevant papers that did not make the first ten.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from precision import HERE, load_queries, precision, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("papertree")
    ap.add_argument("--corpus")
    ap.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    ap.add_argument("--split", default="heldout", choices=["dev", "heldout", "fresh", "unseen", "later", "all"])
    ap.add_argument("--below", type=float, default=1.0)
    a = ap.parse_args()
    listed = json.loads("\n".join(run(a.papertree, a.corpus,
                                        ["list", "--format", "json", "--limit", "0"])))
    papers = {p["id"]: f"{p['title'][:70]}  ({', '.join(p['categories'])})" for p in listed}
    for query, category in load_queries(a.queries, a.split):
        relevant = set(run(a.papertree, a.corpus,
                           ["list", category, "--format", "ids", "--limit", "0"]))
        hits = run(a.papertree, a.corpus, ["search", "--format", "ids", "--limit", "10", "--",
                                           query])
        p = precision(hits, relevant)
        if p >= a.below:
            continue
        print(f"{p:4.2f}  {query}  [{category}, {len(relevant)} relevant, "
              f"{len(hits)} shown]")
        for h in hits:
            print(f"   {'+' if h in relevant else '-'} {papers.get(h, h)}")
        missed = sorted(relevant - set(hits))
        for m in missed[:8]:
            print(f"     missed: {papers.get(m, m)}")
        if len(missed) > 8:
            print(f"     … {len(missed) - 8} more missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
