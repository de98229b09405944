#!/usr/bin/env python3
"""Regenerates ontology/countries.csv, the one country table every converter resolves through.

Sources: Debian's iso-codes (ISO 3166-1 names and codes, the maintained source), the OWID
code table in ../shared/data/countries (Wikidata items), the CAMEO country lookup and the ICEWS
country names seen in the real data. Run from the repository root:
    python3 scripts/make-countries.py ../shared/data > ontology/countries.csv
Columns: iso3,iso2,name,wikidata,cameo,aliases,cown,cowc,gwn,gwc,cow_member,gw_member (cameo and
aliases are '|'-separated; cown..gwc are the Correlates of War and Gleditsch-Ward state codes,
number and letters, from ../shared/data/countries/state_system_codes.csv, empty outside those
systems; cow_member and gw_member say when the state was a member of each system under which
code, as '|'-separated CODE:FROM-TO spans from cow_membership.csv and gw_membership.csv, TO
left empty when the span runs to the table's last year: still a member).
"""
import csv, json, sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
system = {r["iso3c"]: r for r in csv.DictReader(open(f"{data}/countries/state_system_codes.csv"))}
owid = {r["iso_alpha3"]: r["wikidata_code"] for r in csv.DictReader(open(f"{data}/countries/owid_regions.codes.csv")) if r["iso_alpha3"]}

# CAMEO codes that are not the ISO alpha-3 of the same state (see shared/data/README.md).
cameo_extra = {"ROU": ["ROM"], "TLS": ["TMP"], "IMN": ["IMY"], "MNE": ["MTN"], "PSE": ["WSB", "GZS"]}
# Names ICEWS (and POLECAT: "Palestinian Territories") write that iso-codes does not carry.
icews_names = {
    "CIV": ["Cote d'Ivoire"], "COD": ["Democratic Republic of Congo"], "VAT": ["Holy See"],
    "PSE": ["Occupied Palestinian Territory", "Palestine", "Palestinian Territories"], "SWZ": ["Swaziland"],
    "TUR": ["Turkey"], "MKD": ["the former Yugoslav Republic of Macedonia", "Macedonia"],
    "RUS": ["Russia"], "USA": ["United States of America"], "GBR": ["UK"],
}
# Common English names people type that neither iso-codes nor ICEWS carry.
common_names = {
    "USA": ["America", "U.S.", "U.S.A."], "GBR": ["Britain", "Great Britain", "U.K."],
    "KOR": ["South Korea"], "PRK": ["North Korea"], "CZE": ["Czech Republic"], "MMR": ["Burma"],
}

# States no ISO 3166-1 row carries: Kosovo under XKX, the user-assigned code the EU and the World
# Bank use (ICEWS writes "Kosovo", GDELT/CAMEO "KSV", COW and G-W 347).
not_in_iso = [{"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo", "official_name": "Republic of Kosovo"}]
cameo_extra["XKX"] = ["KSV"]
owid.setdefault("XKX", "Q1246")

# Codes of a state's predecessors that no ISO row carries, and the state that continues them:
# Germany was 260 (German Federal Republic) in COW 1955-1989 and 255 in G-W until 1945; COW
# continues Yugoslavia (345) as Serbia; G-W continues the Yemen Arab Republic (678) as Yemen.
successions = {"cow": {"260": "DEU", "345": "SRB"}, "gw": {"255": "DEU", "345": "SRB", "678": "YEM"}}


def membership(system_name, number_column):
    """iso3 -> 'CODE:FROM-TO|...' for one state system."""
    rows = list(csv.DictReader(open(f"{data}/countries/{system_name}_membership.csv")))
    last = max(int(r["to_year"]) for r in rows)
    owner = {r[number_column]: iso3 for iso3, r in system.items() if r[number_column]}
    owner.update(successions[system_name])
    spans = {}
    for r in sorted(rows, key=lambda r: int(r["from_year"])):
        iso3 = owner.get(r["code"])
        if iso3:
            to = "" if int(r["to_year"]) == last else r["to_year"]
            spans.setdefault(iso3, []).append(f'{r["code"]}:{r["from_year"]}-{to}')
    return {k: "|".join(v) for k, v in spans.items()}


members = {"cow": membership("cow", "cown"), "gw": membership("gw", "gwn")}

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["iso3", "iso2", "name", "wikidata", "cameo", "aliases", "cown", "cowc", "gwn", "gwc", "cow_member", "gw_member"])
for c in sorted(iso + not_in_iso, key=lambda c: c["alpha_3"]):
    a3 = c["alpha_3"]
    name = c.get("common_name", c["name"])
    aliases = [n for n in (c["name"], c.get("official_name")) if n and n != name]
    aliases += [n for n in icews_names.get(a3, []) + common_names.get(a3, []) if n not in aliases and n != name]
    cameo = [a3] + cameo_extra.get(a3, [])
    s = system.get(a3, {})
    w.writerow([a3, c["alpha_2"], name, owid.get(a3, ""), "|".join(cameo), "|".join(aliases),
                s.get("cown", ""), s.get("cowc", ""), s.get("gwn", ""), s.get("gwc", ""),
                members["cow"].get(a3, ""), members["gw"].get(a3, "")])
