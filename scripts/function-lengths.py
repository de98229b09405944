#!/usr/bin/env python3
"""Function lengths per layer folder: count, median, longest, and every function over a limit.

A function is a definition whose header line ends in '{' after a closing parenthesis (with
`const`, `override`, `noexcept` or an initializer list allowed) and is not a control statement
or a lambda; its length is the lines from the header to the matching '}', both included.
A heuristic for this code base's formatting (clang-format), not a C++ parser.
    python3 scripts/function-lengths.py [--limit 40] [FOLDER...]
"""
import re, statistics, sys
from pathlib import Path

limit = 40
args = sys.argv[1:]
if args[:1] == ["--limit"]:
    limit, args = int(args[1]), args[2:]
folders = args or ["util", "model", "rdf", "converters", "query", "present", "indexfile", "sparql", "backends", "serve", "cli"]
root = Path(__file__).resolve().parent.parent
control = re.compile(r"^\s*(if|for|while|switch|catch|else|do|try|namespace|class|struct|enum|union)\b")
header = re.compile(r"\)\s*(const)?\s*(override)?\s*(noexcept)?\s*(->\s*[\w:<>,\s]+)?\s*\{\s*$")
init_list = re.compile(r"^\s*:\s*\w+\(|^\s*,\s*\w+\(|^\s*\w+\(.*\)\s*\{\s*$")

literal = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])+\'')


def code_of(line):
    """The line without string and character literals and without its comment ("http://" in a
    string is not a comment, nor is a '{' in one a brace)."""
    return literal.sub('""', line).split("//")[0]


def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        code = code_of(line)
        if header.search(code) and not control.match(code) and "[" not in code.split("(")[0] \
                and "=" not in code.split("(")[0] and not code.strip().startswith(("return", ":", ",")):
            start = i
            # the header may have started on earlier lines (parameters wrapped)
            while start > 0 and lines[start - 1].strip() and not lines[start - 1].rstrip().endswith((";", "{", "}")) \
                    and not lines[start - 1].lstrip().startswith(("//", "#")):
                start -= 1
            depth, j = 0, i
            while j < len(lines):
                c = code_of(lines[j])
                depth += c.count("{") - c.count("}")
                if depth <= 0:
                    break
                j += 1
            name = re.sub(r"\s+", " ", " ".join(l.strip() for l in lines[start:i + 1]))[:90]
            out.append((j - start + 1, f"{path.relative_to(root)}:{start + 1}", name))
            i = j + 1
            continue
        i += 1
    return out

over = []
for folder in folders:
    found = []
    for path in sorted((root / folder).rglob("*.[ch]pp")):
        found += functions(path)
    if not found:
        continue
    lengths = [n for n, _, _ in found]
    longest = max(found)
    print(f"{folder:11s} {len(found):4d} functions, median {statistics.median(lengths):4.1f} lines, "
          f"longest {longest[0]} ({longest[1]})")
    over += [f for f in found if f[0] > limit]
for n, where, name in sorted(over, reverse=True):
    print(f"  over {limit}: {n:3d} lines  {where}  {name}")
sys.exit(1 if over else 0)
