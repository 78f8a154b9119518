"""Writes the hostile inputs that tests/e2e/bad_input.tsv refers to as $IN/<name>.

Usage: bad_input_inputs.py DIR. Each input is made here from a few lines of Python rather than
stored, so the table stays readable and large inputs cost nothing in the repository.
"""
import os
import socket
import sys

out = sys.argv[1]
HEAD = '"format": "papertree-corpus", "version": 2, "title": "T"'
TAX = '[{"id": "a", "name": "A", "children": [{"id": "b", "name": "B"}]}]'
P1 = '{"id": "p1", "title": "A Paper", "venue": "ICLR", "year": 2023, "categories": ["b"]}'
P2 = '{"id": "p2", "title": "Another", "venue": "ICML", "year": 2022, "categories": ["b"]}'


def corpus(papers, taxonomy=TAX, header=HEAD):
    return "{" + header + ', "taxonomy": ' + taxonomy + ', "papers": ' + papers + "}\n"


def paper(extra, pid="p9"):
    return '{"id": "%s", "title": "Z", "categories": ["b"]%s}' % (pid, extra)


def chain(levels):
    text = ""
    for i in range(levels):
        text += '{"id": "c%d", "name": "C%d"' % (i, i) + (', "children": [' if i + 1 < levels else "")
    return "[" + text + "}" + "]}" * (levels - 1) + "]"


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, name), mode) as f:
        f.write(data)


write("ok.json", corpus("[" + P1 + ", " + P2 + "]"))
write("blank.json", "  \n\t\n")
write("random.bin", bytes((i * 7919 + 13) % 256 for i in range(3000)))
write("dup-top.json", '{\n  "format": "papertree-corpus",\n  "version": 2,\n  "title": "T",\n'
      '  "title": "U",\n  "taxonomy": [], "papers": []\n}\n')
write("dup-paper.json", corpus("[" + P1 + ",\n" + paper(', "title": "again"') + "]"))
write("dup-link.json", corpus("[" + paper(', "links": [{"label": "a", "url": "u", "url": "v"}]') + "]"))
write("dup-category.json", corpus("[]", '[{"id": "b", "name": "B", "name": "C"}]'))
write("dup-papers.json", '{' + HEAD + ', "taxonomy": ' + TAX + ', "papers": [], "papers": []}')
write("nul-after.json", (corpus("[" + P1 + "]") + "\0trailing bytes").encode())
write("nul-inside.json", corpus("[" + P1.replace("A Paper", "A\0Paper") + "]").encode())
write("year-2-64.json", corpus("[" + paper(', "year": 18446744073709551615') + "]"))
write("year-2-63.json", corpus("[" + paper(', "year": 9223372036854775808') + "]"))
write("year-1e20.json", corpus("[" + paper(', "year": 100000000000000000000') + "]"))
write("year-20-nines.json", corpus("[" + paper(', "year": 99999999999999999999') + "]"))
write("title-20-nines.json", corpus("[" + paper("").replace('"Z"', "99999999999999999999") + "]"))
write("year-negative.json", corpus("[" + paper(', "year": -1') + "]"))
write("year-float.json", corpus("[" + paper(', "year": 2023.5') + "]"))
write("year-string.json", corpus("[" + paper(', "year": "2023"') + "]"))
write("version-huge.json", corpus("[]", "[]", '"format": "papertree-corpus", "version": 18446744073709551615, "title": "T"'))
write("version-zero.json", corpus("[]", "[]", '"format": "papertree-corpus", "version": 0, "title": "T"'))
write("format-wrong.json", corpus("[]", "[]", '"format": "other", "version": 2, "title": "T"'))
write("taxonomy-33.json", corpus("[]", chain(33)))
write("taxonomy-32.json", corpus("[]", chain(32)))
write("nested-200.json", '{"x": ' + "[" * 200 + "]" * 200 + "}")
write("nested-100000.json", "[" * 100000)
for field in ["venue", "title", "year", "kind", "links", "doi", "added", "ignore",
              "authors_truncated"]:
    second = {"id": '"p2"', "title": '"Y"', "categories": '["b"]'}
    second[field] = "null"
    members = ", ".join('"%s": %s' % item for item in second.items())
    write("null-%s.json" % field, corpus("[" + P1 + ", {" + members + "}]"))
write("null-category.json", corpus("[" + P1 + ', {"id": "p2", "title": "Y", "categories": [null]}]'))
write("null-author.json", corpus("[" + P1 + ', {"id": "p2", "title": "Y", "authors": [null], "categories": ["b"]}]'))
write("null-paper.json", corpus("[" + P1 + ", null]"))
write("papers-object.json", corpus("{}"))
write("top-array.json", "[1, 2]\n")
write("dup-id.json", corpus("[" + P1 + ", " + P1 + "]"))
write("bad-utf8.json", corpus("[" + P1.replace("A Paper", "A \xff Paper") + "]").encode("latin-1"))
write("trailing.json", corpus("[]", "[]") + "x")
write("surrogate.json", corpus("[" + P1.replace("A Paper", "A \\ud800 Paper") + "]"))
write("control.json", corpus("[" + P1.replace("A Paper", "A \x01 Paper") + "]"))
write("unknown-category.json", corpus("[" + paper("").replace('["b"]', '["b", "nope"]') + "]"))
write("many-keys.json", corpus("[" + paper("".join(', "k%d": %d' % (i, i) for i in range(100000))) + "]"))
write("huge-title.json", corpus("[" + paper("").replace('"Z"', '"' + "word " * 400000 + '"') + "]"))

# markdown
entry = "- A Paper, <ins>ICML, 2023</ins> [[Paper](https://arxiv.org/abs/2306.00978)]\n"
write("ok.md", "# List\n\n## Part\n\n" + entry)
write("empty.md", "")
write("long-arxiv.md", "# List\n\n## Part\n\n- A Paper, <ins>ICML, 2023</ins> [[Paper](https://arxiv.org/abs/"
      + "1" * 50000 + ")]\n")
write("no-headings.md", entry * 3)
write("binary.md", bytes(range(256)) * 8)
write("controls.md", "# L\x1b[31m\n\n## P\x07\n\n- T\u202e\u0085 x, <ins>ICML, 2023</ins> [[Paper](https://a.b/c)]\n")

# queries too long or too deep to type
# One command-line argument holds at most 128 KiB (Linux's MAX_ARG_STRLEN).
write("deep-query.txt", "(" * 5000 + "a" + ")" * 5000)  # under the 16 KiB query cap
write("huge-query.txt", "(" * 60000 + "a" + ")" * 60000)
# 1000 words that match nothing (15 000 take minutes: issue #15's query item, the search work).
write("long-query.txt", " ".join("w%d" % i for i in range(1000)))
write("long-arxiv-url.txt", "https://arxiv.org/abs/" + "9" * 50000)

# output targets
os.symlink("/dev/null", os.path.join(out, "link-to-null"))
os.symlink("loop-b", os.path.join(out, "loop-a"))
os.symlink("loop-a", os.path.join(out, "loop-b"))
os.mkfifo(os.path.join(out, "fifo"))
os.mkdir(os.path.join(out, "a-directory"))
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.bind(os.path.join(out, "socket"))
write("huge-id.json", corpus("[" + paper("", pid="Q" * 100000) + "]"))
write("huge-category-ref.json",
      corpus('[{"id": "p9", "title": "Z", "categories": ["%s"]}]' % ("z" * 100000)))
write("latin1.bib", b"@misc{a,\n  title = {Caf\xe9}}\n")
# 30 000 macros of 17-byte names (540 KB with their NULs): more than btparse's name table holds.
write("many-macros.bib", "".join('@string{m_%015d = "v"}\n' % i for i in range(30000)))
