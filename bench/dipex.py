#!/usr/bin/env python3
"""A Diplomatic Exchange file of the real one's shape and size (issue 28's benchmark).

    bench/dipex.py OUT.csv [ROWS]       (default 330000 rows)

Every pair of states that were both members of the COW system in an observation year of the
real file (ontology/cow-states.csv), in both orders as the real file lists them, with levels
drawn as the real file has them (9 for nearly every non-zero value of 1950-1965), until ROWS
rows; the same seed gives the same file.
"""
import csv
import random
import sys

YEARS = [1817, 1824, 1827, 1832, 1836, 1840] + list(range(1844, 1915, 5)) + list(range(1920, 1941, 5)) \
    + list(range(1950, 2006, 5))


def members(path):
    spans = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            spans.setdefault(int(row["code"]), []).append((int(row["from_year"]), int(row["to_year"])))
    return lambda year: sorted(c for c, s in spans.items() if any(a <= year <= b for a, b in s))


def level(rng, year):
    if rng.random() < 0.45:
        return 0
    if 1950 <= year <= 1965:
        return 9 if rng.random() < 0.95 else rng.choice([1, 2, 3])
    return rng.choices([1, 2, 3, 9], [15, 10, 70, 5])[0]


def main():
    out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 330000
    member_in = members(__file__.rsplit("/", 2)[0] + "/ontology/cow-states.csv")
    pairs = [(y, a, b) for y in YEARS for i, a in enumerate(member_in(y)) for b in member_in(y)[i + 1:]]
    rng = random.Random(28)
    rng.shuffle(pairs)
    pairs = sorted(pairs[: rows // 2])
    with open(out, "w", newline="") as f:
        f.write('"ccode1","ccode2","year","DR_at_1","DR_at_2","DE","version"\n')
        lines = []
        for y, a, b in pairs:
            l1, l2 = level(rng, y), level(rng, y)
            de = int(l1 in (1, 2, 3) or l2 in (1, 2, 3))
            lines.append((a, b, y, l1, l2, de))
            lines.append((b, a, y, l2, l1, de))
        lines.sort()
        for a, b, y, l1, l2, de in lines:
            f.write(f"{a},{b},{y},{l1},{l2},{de},2006.0999755859375\n")


if __name__ == "__main__":
    main()
