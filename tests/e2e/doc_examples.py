#!/usr/bin/env python3
"""Keeps the documentation honest.

  doc_examples.py examples SOURCE_DIR PAPERTREE_BIN
      Runs every ```console block of README.md and docs/*.md: each `$ COMMAND` line is run by
      bash in a pseudo-terminal 100 columns wide (NO_COLOR=1, the embedded corpus, `papertree`
      being the binary under test, the working directory a scratch copy of the source tree's top
      level), and what it prints (stdout and stderr, as a terminal shows them) must equal the lines
      under it, up to the next `$ ` line or the end of the block. A command line ending in `\\`
      continues on the next line. PAPERTREE_UPDATE_DOCS=1 writes the actual outputs into the docs.
  doc_examples.py links SOURCE_DIR
      Every relative link and image of README.md, ARCHITECTURE.md and docs/*.md names a file that
      exists.
"""
import difflib
import fcntl
import os
import pathlib
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

WIDTH = 100
TIMEOUT = 120


def doc_files(source, extra=()):
    names = ["README.md", *extra]
    files = [source / n for n in names if (source / n).exists()]
    return files + sorted((source / "docs").glob("*.md"))


class Example:
    def __init__(self, path, line, command, first, last, expected, indent):
        self.path, self.line, self.command = path, line, command
        self.first, self.last, self.expected = first, last, expected  # 0-based, [first, last)
        self.indent = indent  # of the block (inside a list item), put back when rewriting


def parse_examples(path, lines):
    """The examples of every ```console block; a block indented in a list item is read without
    its indentation."""
    examples, i = [], 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                for line in lines[: end]]
        j = i + 1
        while j < end:
            if not body[j].startswith("$ "):
                raise SystemExit(f"{path}:{j + 1}: a console block line before any '$ ' command: "
                                 f"{lines[j]!r}\n(start each example with '$ COMMAND')")
            start, command = j, body[j][2:]
            while command.endswith("\\") and j + 1 < end:
                j += 1
                command = command[:-1] + "\n" + body[j]
            j += 1
            first = j
            while j < end and not body[j].startswith("$ "):
                j += 1
            examples.append(Example(path, start + 1, command, first, j, body[first:j], indent))
        i = end + 1
    return examples


def run_in_terminal(command, cwd, env):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, WIDTH, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR  # keep "\n" as it is, no "\r\n"
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    proc = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + TIMEOUT
    while True:
        ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            proc.kill()
            chunks.append(b"\n<killed: no end after %d s>" % TIMEOUT)
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait()
    text = b"".join(chunks).decode("utf-8", errors="replace")
    return [line.rstrip() for line in text.split("\n")][:-1] if text.endswith("\n") else \
        [line.rstrip() for line in text.split("\n")] if text else []


def scratch_tree(source):
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="papertree-docs-"))
    work = scratch / "work"
    work.mkdir()
    for entry in source.iterdir():
        if entry.name not in (".git", "build"):
            (work / entry.name).symlink_to(entry)
    return scratch, work


def check_examples(source, binary):
    scratch, work = scratch_tree(source)
    bindir = scratch / "bin"
    bindir.mkdir()
    (bindir / "papertree").symlink_to(binary)
    env = {k: v for k, v in os.environ.items() if k not in ("PAPERTREE_CORPUS", "COLUMNS")}
    env.update(PATH=f"{bindir}:{env.get('PATH', '/usr/bin:/bin')}", NO_COLOR="1",
               LC_ALL="C.UTF-8", TERM="xterm")
    update = os.environ.get("PAPERTREE_UPDATE_DOCS") == "1"
    failures = count = 0
    try:
        for path in doc_files(source):
            lines = path.read_text(encoding="utf-8").split("\n")
            examples = parse_examples(path.relative_to(source), lines)
            # Run in order (an example may use a file an earlier one wrote); rewrite from the
            # last one up, so the line numbers of those before stay right.
            differing = []
            for ex in examples:
                count += 1
                actual = run_in_terminal(ex.command, work, env)
                expected = [line.rstrip() for line in ex.expected]
                if actual == expected:
                    continue
                if update:
                    differing.append((ex, actual))
                    continue
                failures += 1
                report(ex, expected, actual)
            if update:
                for ex, actual in reversed(differing):
                    lines[ex.first:ex.last] = [ex.indent + a if a else a for a in actual]
                path.write_text("\n".join(lines), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if count == 0:
        print("FAIL: no ```console examples found", file=sys.stderr)
        return 1
    print(f"{count} documentation examples run, {failures} differ")
    if failures:
        print("\nTo fix: correct the documented output (or the code, if the documentation is right).\n"
              "To take the actual outputs as they are: PAPERTREE_UPDATE_DOCS=1 ctest --preset debug "
              "-R e2e.test_doc_examples, then review every changed line with `git diff`.",
              file=sys.stderr)
    return 1 if failures else 0


def report(ex, expected, actual):
    where = f"{ex.path}:{ex.first + 1}-{ex.last}" if ex.last > ex.first else f"{ex.path}:{ex.line}"
    print(f"FAIL: {ex.path}:{ex.line}: the output of this example differs from the documentation:\n"
          f"  $ {ex.command}", file=sys.stderr)
    diff = difflib.unified_diff(expected, actual, f"{where} (documented)", "actual output",
                                lineterm="")
    for line in diff:
        print("  " + line, file=sys.stderr)
    print(file=sys.stderr)


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def outside_code(line, in_span):
    """The parts of `line` outside `inline code`, and whether a code span is still open after it
    (a span may continue on the next line of its paragraph)."""
    text, parts = "", line.split("`")
    for k, part in enumerate(parts):
        if not in_span:
            text += part
        if k + 1 < len(parts):
            in_span = not in_span
    return text, in_span


def check_links(source):
    failures = count = 0
    for path in doc_files(source, ["ARCHITECTURE.md"]):
        in_fence = in_span = False
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if FENCE.match(line):
                in_fence, in_span = not in_fence, False
                continue
            if in_fence:
                continue
            if not line.strip():
                in_span = False
            text, in_span = outside_code(line, in_span)
            for target in LINK.findall(text):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                    continue
                count += 1
                file = target.split("#", 1)[0]
                if not (path.parent / file).exists():
                    failures += 1
                    print(f"FAIL: {path.relative_to(source)}:{number}: link to {target}: "
                          f"no such file {(path.parent / file).relative_to(source)}",
                          file=sys.stderr)
    print(f"{count} relative links checked, {failures} broken")
    return 1 if failures or count == 0 else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "examples":
        return check_examples(pathlib.Path(argv[2]).resolve(), pathlib.Path(argv[3]).resolve())
    if len(argv) == 3 and argv[1] == "links":
        return check_links(pathlib.Path(argv[2]).resolve())
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
