#!/usr/bin/env python3
"""Regenerates ontology/countries.csv, the one country table every converter resolves through.

Sources: Debian's iso-codes (ISO 3166-1 names and codes, the maintained source), the OWID
code table in ../shared/data/countries (Wikidata items), the CAMEO country lookup and the ICEWS
country names seen in the real data. Run from the repository root:
    python3 scripts/make-countries.py ../shared/data > ontology/countries.csv
Columns: iso3,iso2,name,wikidata,cameo,aliases  (cameo and aliases are '|'-separated).
"""
import csv, json, sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
owid = {r["iso_alpha3"]: r["wikidata_code"] for r in csv.DictReader(open(f"{data}/countries/owid_regions.codes.csv")) if r["iso_alpha3"]}

# CAMEO codes that are not the ISO alpha-3 of the same state (see shared/data/README.md).
cameo_extra = {"ROU": ["ROM"], "TLS": ["TMP"], "IMN": ["IMY"], "MNE": ["MTN"], "PSE": ["WSB", "GZS"]}
# Names ICEWS writes that iso-codes does not carry.
icews_names = {
    "CIV": ["Cote d'Ivoire"], "COD": ["Democratic Republic of Congo"], "VAT": ["Holy See"],
    "PSE": ["Occupied Palestinian Territory", "Palestine"], "SWZ": ["Swaziland"],
    "TUR": ["Turkey"], "MKD": ["the former Yugoslav Republic of Macedonia", "Macedonia"],
    "RUS": ["Russia"], "USA": ["United States of America"], "GBR": ["UK"],
}

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["iso3", "iso2", "name", "wikidata", "cameo", "aliases"])
for c in sorted(iso, key=lambda c: c["alpha_3"]):
    a3 = c["alpha_3"]
    name = c.get("common_name", c["name"])
    aliases = [n for n in (c["name"], c.get("official_name")) if n and n != name]
    aliases += [n for n in icews_names.get(a3, []) if n not in aliases]
    cameo = [a3] + cameo_extra.get(a3, [])
    w.writerow([a3, c["alpha_2"], name, owid.get(a3, ""), "|".join(cameo), "|".join(aliases)])
