"""Who met whom with rdflib (Debian's python3-rdflib): loads the ontology and an N-Triples file,
asks the SPARQL question, prints "event,other" lines sorted.
    python3 rdflib_met.py ONTOLOGY.nt DATA.nt ACTOR_IRI
"""
import sys

import rdflib

ontology, data, actor = sys.argv[1:4]
g = rdflib.Graph()
g.parse(ontology, format="nt")
g.parse(data, format="nt")
query = f"""
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?event ?other WHERE {{
  ?event dg:participant <{actor}> , ?other ; a ?type .
  ?type rdfs:subClassOf* dg:Interaction .
  FILTER(?other != <{actor}>)
}}"""
rows = sorted(f"{r.event},{r.other}" for r in g.query(query))
sys.stdout.write("".join(row + "\n" for row in rows))
