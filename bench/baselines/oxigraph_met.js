// Who met whom with Oxigraph (the npm package, in Node): loads the ontology and an N-Triples
// file in chunks of whole lines, asks the SPARQL question, prints "event,other" lines sorted.
//   node oxigraph_met.js ONTOLOGY.nt DATA.nt ACTOR_IRI
const fs = require("fs");
const oxigraph = require("oxigraph");

const [ontology, data, actor] = process.argv.slice(2);
const store = new oxigraph.Store();
const format = "application/n-triples";
store.load(fs.readFileSync(ontology, "utf8"), { format });

// Strings in V8 are limited to ~512 MB: read and load the file in pieces of whole lines.
const fd = fs.openSync(data, "r");
const buffer = Buffer.alloc(64 << 20);
let rest = "";
for (;;) {
  const n = fs.readSync(fd, buffer, 0, buffer.length, null);
  if (n === 0) break;
  const text = rest + buffer.toString("utf8", 0, n);
  const cut = text.lastIndexOf("\n") + 1;
  store.load(text.slice(0, cut), { format });
  rest = text.slice(cut);
}
if (rest.length > 0) store.load(rest, { format });

const query = `
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?event ?other WHERE {
  ?event dg:participant <${actor}> , ?other ; a ?type .
  ?type rdfs:subClassOf* dg:Interaction .
  FILTER(?other != <${actor}>)
}`;
const rows = [];
for (const b of store.query(query)) rows.push(`${b.get("event").value},${b.get("other").value}`);
rows.sort();
process.stdout.write(rows.join("\n") + (rows.length ? "\n" : ""));
