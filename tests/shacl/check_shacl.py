#!/usr/bin/python3
"""ontology/shapes.ttl run by an npm SHACL engine (rdf-validate-shacl, tests/shacl/validate.mjs)
against `diplograph validate`: on graphs with planted problems both report the same problems
(each as its node and what is wrong: a missing date, participant or label, a subject outside a
property's domain, a value outside its range, a literal of the wrong datatype or lexical form);
on what `convert` writes from every format's real data, neither reports any. The shapes file is
the one scripts/make-shapes.py writes from the ontology. Undeclared dg: terms are validate's
alone (SHACL Core cannot say it) and are left out of the comparison.
Exit 0 when all holds, 1 when not, 77 (skipped) when the engine is not installed
(scripts/setup.sh --test runs npm ci in tests/shacl)."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import rdflib
from rdflib.namespace import RDFS, XSD, RDF

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DG = "https://w3id.org/diplograph/ontology#"
SHAPES = DG.replace("ontology#", "shapes#")


def curie(iri):
    return "dg:" + iri[len(DG):] if iri.startswith(DG) else "rdfs:label" if iri == str(RDFS.label) else iri


def validate_problems(exe, graph):
    """validate's lines as (node, kind); undeclared terms apart."""
    out = subprocess.run([exe, "validate", graph], capture_output=True, text=True).stdout
    problems, undeclared = set(), 0
    for line in out.splitlines():
        node, _, what = line.partition(": ")
        m = re.match(r"(event|actor) without (\S+)$", what)
        if m:
            problems.add((node, "missing " + m.group(2)))
        elif (m := re.match(r"subject of (\S+) is not of its domain$", what)):
            problems.add((node, "domain " + m.group(1)))
        elif re.match(r'(\S+ takes a literal|\S+ value ".*" has datatype \S+, not its range|".*" is not a valid \S+)$', what):
            problems.add((node, "value"))
        elif (m := re.match(r"(?:object of (\S+) \(.*\) is not of its range|(\S+) takes a resource, not a literal)$", what)):
            problems.add((node, "range " + (m.group(1) or m.group(2))))
        elif what == "not declared in the ontology":
            undeclared += 1
        else:
            raise SystemExit("validate said what this check does not know: " + line)
    return problems, undeclared


def shacl_problems(shapes, ontology, graph, datatype_ranges):
    r = subprocess.run(["node", os.path.join(HERE, "validate.mjs"), shapes, ontology, graph],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("the SHACL engine failed: " + r.stderr)
    problems = set()
    for line in r.stdout.splitlines():
        node, path, component, shape = line.split("\t")
        if component.endswith("#MinCountConstraintComponent"):
            problems.add((node, "missing " + curie(path)))
        elif shape.startswith(SHAPES) and shape.endswith("-domain"):
            problems.add((node, "domain dg:" + shape[len(SHAPES):-len("-domain")]))
        elif path in datatype_ranges:
            problems.add((node, "value"))
        else:
            problems.add((node, "range " + curie(path)))
    return problems


def datatype_ranged(ontology_ttl):
    """The properties whose range is a datatype (their values' problems are 'value')."""
    g = rdflib.Graph()
    g.parse(ontology_ttl, format="turtle")
    out = set()
    for p, r in g.subject_objects(RDFS.range):
        union = g.value(r, rdflib.OWL.unionOf)
        members = list(rdflib.collection.Collection(g, union)) if union else [r]
        if all(str(m).startswith((str(XSD), str(RDF.langString), str(RDFS.Literal))) for m in members):
            out.add(str(p))
    return out


PLANTED = """@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix ex: <http://ex.org/> .
ex:undated a dg:Meeting ; dg:participant ex:nameless .
ex:nameless a dg:Person .
ex:alone a dg:PhoneCall ; dg:date "2020-01-02"^^xsd:date .
ex:odd a dg:Visit ; dg:date "2025-02-30"^^xsd:date ; dg:participant ex:wang ; dg:quadClass "one" .
ex:wang a dg:Person ; rdfs:label "Wang" ; dg:represents "CHN" .
ex:lost a dg:Meeting ; dg:date "2021"^^xsd:gYear ; dg:participant ex:wang ; dg:location ex:wang .
ex:stray dg:agent ex:wang ; rdfs:label "a participation that is none" .
ex:late a dg:Meeting ; dg:date "2021-05-01"^^xsd:dateTime ; dg:participant ex:wang ; dg:goldstein ex:wang .
ex:undeclared a dg:Meeting ; dg:date "2021-05-01"^^xsd:date ; dg:participant ex:wang ; dg:frobnicates "x" .
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--data", required=True)
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(HERE, "node_modules", "rdf-validate-shacl")):
        print("skipped: the SHACL engine is not installed (scripts/setup.sh --test runs npm ci in tests/shacl)")
        return 77
    work = tempfile.mkdtemp(prefix="diplograph-shacl-")
    shapes = os.path.join(ROOT, "ontology", "shapes.ttl")
    written = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-shapes.py"),
                              os.path.join(ROOT, "ontology", "diplomacy.ttl")], capture_output=True, text=True).stdout
    failures = []
    if written != open(shapes, encoding="utf-8").read():
        failures.append("ontology/shapes.ttl is not what scripts/make-shapes.py writes: run it again")
    ontology = os.path.join(work, "ontology.nt")
    subprocess.run([a.exe, "ontology", "-t", "ntriples", "-o", ontology], check=True)
    ranged = datatype_ranged(os.path.join(ROOT, "ontology", "diplomacy.ttl"))

    planted = os.path.join(work, "planted.ttl")
    with open(planted, "w", encoding="utf-8") as f:
        f.write(PLANTED)
    want, undeclared = validate_problems(a.exe, planted)
    got = shacl_problems(shapes, ontology, planted, ranged)
    kinds = {k.split(" ")[0] for _, k in want}
    if want != got:
        failures.append("planted: validate alone %s; SHACL alone %s" % (sorted(want - got), sorted(got - want)))
    if kinds != {"missing", "domain", "range", "value"} or undeclared != 1:
        failures.append("planted: the problems planted are not all found: %s, %d undeclared" % (sorted(want), undeclared))

    samples = sorted(os.path.join(a.samples, f) for f in os.listdir(a.samples) if f.endswith((".jsonl", ".csv")))
    inputs = {"samples": samples,
              "icews": [os.path.join(a.data, "icews", "events.2018.sample.tab")],
              "gdelt": [os.path.join(a.data, "gdelt", "20191024143000.export.CSV")],
              "cow": [os.path.join(a.data, "cow", "Diplomatic_Exchange_2006v1.excerpt.csv")],
              "polecat": [os.path.join(a.data, "polecat", "ngecEvents.2024-05-26.sample.txt")]}
    for name, files in inputs.items():
        graph = os.path.join(work, name + ".nt")
        subprocess.run([a.exe, "convert", "--no-progress", "-t", "ntriples", *files, "-o", graph],
                       check=True, capture_output=True)
        found, _ = validate_problems(a.exe, graph)
        shacl = shacl_problems(shapes, ontology, graph, ranged)
        if found or shacl:
            failures.append("%s: validate %s, SHACL %s" % (name, sorted(found)[:3], sorted(shacl)[:3]))
        print("%s: %d statements, no problem found by either" % (name, sum(1 for _ in open(graph))))
    print("planted: %d problems, the same from both (and %d undeclared term, validate's alone)" % (len(want), undeclared))
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


sys.exit(main())
