#!/usr/bin/python3
"""Checks a `diplograph describe` output against the data it describes, with rdflib.

    check_describe.py DATA.ttl DESCRIPTION.ttl

Every count the description states is recounted from DATA.ttl; every VoID and DCAT term it uses
must be one the VoID vocabulary (http://rdfs.org/ns/void#, 2011) or DCAT 2 (W3C Recommendation,
2020) defines. Prints what differs and exits 1, or prints "ok" and the triples counted.
"""
import sys
from rdflib import Graph, Namespace, URIRef, Literal, BNode
from rdflib.namespace import RDF, OWL, DCTERMS

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DG = Namespace("https://w3id.org/diplograph/ontology#")
VOID_TERMS = {"Dataset", "Linkset", "TechnicalFeature", "DatasetDescription", "feature", "subset", "target",
              "sparqlEndpoint", "linkPredicate", "exampleResource", "vocabulary", "subjectsTarget",
              "objectsTarget", "dataDump", "uriLookupEndpoint", "uriRegexPattern", "class", "classes", "entities",
              "distinctObjects", "distinctSubjects", "documents", "properties", "property", "propertyPartition",
              "classPartition", "rootResource", "triples", "uriSpace", "openSearchDescription", "inDataset"}
DCAT_TERMS = {"Catalog", "CatalogRecord", "Dataset", "Distribution", "DataService", "Relationship", "Role",
              "Resource", "accessURL", "downloadURL", "mediaType", "byteSize", "distribution", "keyword",
              "theme", "landingPage", "contactPoint", "compressFormat", "packageFormat", "spatialResolutionInMeters",
              "temporalResolution", "accessService", "endpointURL", "endpointDescription", "servesDataset",
              "catalog", "dataset", "record", "service", "themeTaxonomy", "qualifiedRelation", "hadRole",
              "startDate", "endDate", "bbox", "centroid"}

data, desc = Graph(), Graph()
data.parse(sys.argv[1], format="turtle")
desc.parse(sys.argv[2], format="turtle")
problems = []

def said(s, p):
    v = desc.value(s, p)
    return None if v is None else v.toPython()

for term in set(desc.predicates()) | set(desc.objects(None, RDF.type)):
    for ns, known in ((VOID, VOID_TERMS), (DCAT, DCAT_TERMS)):
        if str(term).startswith(str(ns)) and str(term)[len(str(ns)):] not in known:
            problems.append(f"{term} is not a term of {ns}")

dataset = desc.value(None, RDF.type, VOID.Dataset)
for ds in desc.subjects(RDF.type, DCAT.Dataset):
    dataset = ds
want = {
    VOID.triples: len(data),
    VOID.distinctSubjects: len(set(data.subjects())),
    VOID.distinctObjects: len(set(data.objects())),
    VOID.entities: len({s for s in data.subjects() if isinstance(s, URIRef)}),
    VOID.classes: len(set(data.objects(None, RDF.type))),
    VOID.properties: len(set(data.predicates())),
}
for p, n in want.items():
    if said(dataset, p) != n:
        problems.append(f"{p}: description says {said(dataset, p)}, rdflib counts {n}")
for part in desc.objects(dataset, VOID.classPartition):
    cls = desc.value(part, VOID["class"])
    n = len(set(data.subjects(RDF.type, cls)))
    if said(part, VOID.entities) != n:
        problems.append(f"class {cls}: description says {said(part, VOID.entities)}, rdflib counts {n}")
for part in desc.objects(dataset, VOID.propertyPartition):
    prop = desc.value(part, VOID.property)
    n = len(list(data.triples((None, prop, None))))
    if said(part, VOID.triples) != n:
        problems.append(f"property {prop}: description says {said(part, VOID.triples)}, rdflib counts {n}")
links = len([o for o in data.objects(None, OWL.sameAs) if str(o).startswith("http://www.wikidata.org/entity/")])
linkset = desc.value(None, RDF.type, VOID.Linkset)
if links and (linkset is None or said(linkset, VOID.triples) != links):
    problems.append(f"Wikidata linkset: {None if linkset is None else said(linkset, VOID.triples)} vs {links}")
if desc.value(dataset, DCAT.distribution) is None or desc.value(dataset, DCTERMS.license) is None:
    problems.append("no distribution or no licence")
for p in problems:
    print(p)
print("ok", len(data)) if not problems else sys.exit(1)
