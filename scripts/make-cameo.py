#!/usr/bin/env python3
"""Regenerates ontology/cameo.csv, the one CAMEO event-code table every converter maps through.

Built on the CAMEO 1.1b3 codebook (../shared/data/cameo/cameo-1.1b3-codebook.csv), which is right
where GDELT's own lookup is not (101/105/107/108 mislabelled, 106 and 1213 missing). Each code's
class is the ontology class whose dg:cameoRoot is the code's longest prefix, read from
ontology/diplomacy.ttl, so the class tree stays the single source. Run from the repository root:
    python3 scripts/make-cameo.py ../shared/data > ontology/cameo.csv
Columns: code,label,class,goldstein.
"""
import csv, re, sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
ttl = open("ontology/diplomacy.ttl", encoding="utf-8").read()
roots = {}
for block in re.split(r"\.\s*\n", ttl):
    m = re.match(r"\s*(?:#[^\n]*\n\s*)*dg:(\w+)\s+a\s+owl:Class", block)
    if not m:
        continue
    for codes in re.findall(r'dg:cameoRoot\s+((?:"\d+"\s*,?\s*)+)', block):
        for code in re.findall(r'"(\d+)"', codes):
            roots[code] = m.group(1)

def event_class(code):
    for n in range(len(code), 0, -1):
        if code[:n] in roots:
            return roots[code[:n]]
    sys.exit(f"no class for CAMEO code {code}")

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["code", "label", "class", "goldstein"])
rows = list(csv.DictReader(open(f"{data}/cameo/cameo-1.1b3-codebook.csv", encoding="utf-8")))
for r in sorted(rows, key=lambda r: r["code"]):
    label = r["name"].strip()
    if label.isupper():
        label = label.capitalize()
    w.writerow([r["code"], label, event_class(r["code"]), r["goldstein"]])
