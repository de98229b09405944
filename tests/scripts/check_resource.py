"""A resource served in three RDF syntaxes: rdflib reads each (JSON-LD too), they hold the same
statements, and among them the resource's own type and label (or, for a document such as the
ontology or a dataset's description, its type).
Usage: check_resource.py IRI FILE.ttl FILE.nt FILE.jsonld"""
import sys

import rdflib
from rdflib.compare import isomorphic

iri, ttl, nt, jsonld = sys.argv[1:5]
graphs = []
for path, fmt in ((ttl, "turtle"), (nt, "nt"), (jsonld, "json-ld")):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    graphs.append(g)
failed = [f for f, g in zip(("nt", "jsonld"), graphs[1:]) if not isomorphic(g, graphs[0])]
if failed:
    print("not the Turtle's statements:", failed)
subject = rdflib.URIRef(iri)
document = iri.endswith("/ontology") or "/id/dataset/" in iri
if (subject, rdflib.RDF.type, None) not in graphs[0] or (
        not document and (subject, rdflib.RDFS.label, None) not in graphs[0]):
    print("no type or label of", iri)
    failed.append("label")
print("%d statements about and around %s" % (len(graphs[0]), iri))
sys.exit(1 if failed else 0)
