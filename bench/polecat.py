#!/usr/bin/env python3
"""A POLECAT weekly file of the real one's shape at any size (issue 29's benchmark).

    bench/polecat.py SAMPLE OUT.txt [ROWS]      (default 1,000,000 rows)

Rows are the sample's real rows (../shared/data/polecat/ngecEvents.2024-05-26.sample.txt) with
fresh Event IDs, dates over a year, and their actors and recipients drawn from other rows, so
that there are many distinct actors and dyads; the same seed gives the same file.
"""
import random
import sys


def main():
    sample, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
    with open(sample, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header, rows = lines[0], [l.split("\t") for l in lines[1:] if l]
    rng = random.Random(29)
    actor = slice(7, 15)       # Actor Name .. Wikipedia Actor ID
    recipient = slice(15, 23)  # Recipient Name .. Wikipedia Recipient ID
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for i in range(n):
            r = list(rng.choice(rows))
            r[actor] = rng.choice(rows)[actor]
            r[recipient] = rng.choice(rows)[recipient]
            day = rng.randrange(365)
            month, dom = 1 + day // 31 % 12, 1 + day % 28
            r[1] = "2024-%02d-%02d" % (month, dom)
            r[0] = "2024%02d%02d-%d-%08x_%s" % (month, dom, i, rng.getrandbits(32), r[2])
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
