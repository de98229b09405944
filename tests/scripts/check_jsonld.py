"""Reads a JSON-LD file diplograph wrote with two independent processors, rdflib and pyld, and
checks each gives exactly the statements of the Turtle (or N-Triples) written from the same input
(isomorphic graphs: the same triples, blank nodes matched). With --context FILE, also checks the
document's @context is the one that file publishes.
Usage: check_jsonld.py FILE.jsonld FILE.ttl [--context ontology/context.jsonld]"""
import json
import sys

import rdflib
from pyld import jsonld
from rdflib.compare import graph_diff, isomorphic, to_isomorphic


def differences(a, b):
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return sorted(map(str, only_a))[:3], sorted(map(str, only_b))[:3]


def main():
    doc_path, rdf_path = sys.argv[1], sys.argv[2]
    want = rdflib.Graph()
    want.parse(rdf_path, format="nt" if rdf_path.endswith(".nt") else "turtle")
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    by_rdflib = rdflib.Graph()
    by_rdflib.parse(doc_path, format="json-ld")
    by_pyld = rdflib.Graph()
    by_pyld.parse(data=jsonld.to_rdf(doc, {"format": "application/n-quads"}), format="nquads")
    failed = False
    for name, got in (("rdflib", by_rdflib), ("pyld", by_pyld)):
        if not isomorphic(got, want):
            failed = True
            print("%s: %d statements, the Turtle %d; only in JSON-LD %s, only in Turtle %s"
                  % ((name, len(got), len(want)) + differences(got, want)))
    if "--context" in sys.argv:
        with open(sys.argv[sys.argv.index("--context") + 1], encoding="utf-8") as f:
            published = json.load(f)["@context"]
        if doc["@context"] != published:
            failed = True
            print("the document's @context is not the published one")
    print("%d statements, read back alike by rdflib and pyld" % len(want))
    return 1 if failed else 0


sys.exit(main())
