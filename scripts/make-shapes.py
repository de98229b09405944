#!/usr/bin/python3
"""Writes ontology/shapes.ttl, the SHACL shapes of what `diplograph validate` checks, from the
ontology (ontology/diplomacy.ttl): every event has a dg:date and a dg:participant, every actor an
rdfs:label; every dg: property's subjects are of its rdfs:domain, its values of its rdfs:range (a
class, a union of classes, or datatypes, whose lexical forms must be valid). The shapes are
validated over the data and the ontology together, as validate reads them (sh:class follows
rdfs:subClassOf). What SHACL Core cannot say, validate alone checks: dg: terms the ontology does
not declare. A test keeps the file current and runs an npm SHACL engine against validate.
Usage: scripts/make-shapes.py [ontology/diplomacy.ttl] > ontology/shapes.ttl"""
import sys

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

DG = "https://w3id.org/diplograph/ontology#"
DATATYPES = (str(XSD), str(RDF.langString), str(RDFS.Literal))


def name(iri):
    s = str(iri)
    for prefix, ns in (("dg:", DG), ("xsd:", str(XSD)), ("rdf:", str(RDF)), ("rdfs:", str(RDFS))):
        if s.startswith(ns):
            return prefix + s[len(ns):]
    return "<%s>" % s


def members(g, c):
    union = g.value(c, OWL.unionOf)
    return list(Collection(g, union)) if union else [c]


def allowed(g, p, which):
    out = []
    for c in g.objects(p, which):
        out.extend(members(g, c))
    return sorted(out, key=str)


def value_constraint(values):
    """A constraint on one value: its class or datatype, or either of several."""
    def one(v):
        if str(v) == str(RDFS.Literal):
            return "sh:nodeKind sh:Literal"
        if str(v).startswith(DATATYPES):
            return "sh:datatype %s" % name(v)
        return "sh:class %s" % name(v)
    if len(values) == 1:
        return one(values[0])
    return "sh:or ( %s )" % " ".join("[ %s ]" % one(v) for v in values)


def main():
    g = rdflib.Graph()
    g.parse(sys.argv[1] if len(sys.argv) > 1 else "ontology/diplomacy.ttl", format="turtle")
    out = ["# The SHACL shapes of what `diplograph validate` checks, written by scripts/make-shapes.py",
           "# from ontology/diplomacy.ttl (do not edit: run it again). Validate the data and the ontology",
           "# together: sh:class follows the ontology's rdfs:subClassOf.",
           "@prefix sh: <http://www.w3.org/ns/shacl#> .",
           "@prefix dg: <%s> ." % DG,
           "@prefix dgs: <https://w3id.org/diplograph/shapes#> .",
           "@prefix rdf: <%s> ." % RDF, "@prefix rdfs: <%s> ." % RDFS, "@prefix xsd: <%s> ." % XSD, "",
           "dgs:Event a sh:NodeShape ; sh:targetClass dg:Event ;",
           "  rdfs:comment \"An event has a date and a participant.\"@en ;",
           "  sh:property [ sh:path dg:date ; sh:minCount 1 ] , [ sh:path dg:participant ; sh:minCount 1 ] .",
           "",
           "dgs:Actor a sh:NodeShape ; sh:targetClass dg:Actor ;",
           "  rdfs:comment \"An actor has a label.\"@en ;",
           "  sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .", ""]
    properties = sorted({p for p in g.subjects() if str(p).startswith(DG)
                         and (g.value(p, RDFS.domain) is not None or g.value(p, RDFS.range) is not None)}, key=str)
    for p in properties:
        local = str(p)[len(DG):]
        domain, range_ = allowed(g, p, RDFS.domain), allowed(g, p, RDFS.range)
        if domain:
            out += ["dgs:%s-domain a sh:NodeShape ; sh:targetSubjectsOf %s ;" % (local, name(p)),
                    "  rdfs:comment \"The subjects of %s are of its domain.\"@en ;" % name(p),
                    "  %s ." % value_constraint(domain), ""]
        if range_:
            out += ["dgs:%s-range a sh:NodeShape ; sh:targetSubjectsOf %s ;" % (local, name(p)),
                    "  rdfs:comment \"The values of %s are of its range.\"@en ;" % name(p),
                    "  sh:property [ sh:path %s ; %s ] ." % (name(p), value_constraint(range_)), ""]
    sys.stdout.write("\n".join(out))


main()
