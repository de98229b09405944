// The SPARQL text of the questions. Every query starts with the same prefixes and, when a graph
// is named, reads only it (FROM). Dates are compared by the rule date_in_range applies: the first
// (or last) day a date of reduced precision covers, as text.
#include "sparql/compile.hpp"

#include "diplograph/vocab.hpp"

namespace diplograph::sparql {

namespace {

std::string prologue(const std::string& select, const std::string& graph) {
  std::string q = "PREFIX dg: <" + std::string(ns::dg) + ">\nPREFIX rdf: <" + std::string(ns::rdf) +
                  ">\nPREFIX rdfs: <" + std::string(ns::rdfs) + ">\nPREFIX skos: <" + std::string(ns::skos) +
                  ">\n" + select + "\n";
  if (!graph.empty()) q += "FROM " + iri(graph) + "\n";
  return q;
}

std::string values(std::string_view var, const std::vector<std::string>& iris) {
  std::string out = "VALUES " + std::string(var) + " {";
  for (const auto& i : iris) out += " " + iri(i);
  return out + " }";
}

std::string one_of(std::string_view var, const std::vector<std::string>& iris) {
  std::string out = "FILTER(" + std::string(var) + " IN (";
  for (std::size_t i = 0; i < iris.size(); ++i) out += (i ? ", " : "") + iri(iris[i]);
  return out + "))";
}

// The first (or last) day the date held in `expr` covers, as date_bound gives it.
std::string day_bound(const std::string& expr, bool last) {
  return "CONCAT(SUBSTR(" + expr + ", 1, 10), SUBSTR(\"" + (last ? "0000-12-31" : "0000-01-01") +
         "\", STRLEN(" + expr + ") + 1))";
}

std::string bound_text(std::string_view date, bool last) {
  const auto b = date_bound(date, last);
  return literal(std::string_view(b.data(), b.size()));
}

std::string dates(const Selection& sel) {
  if (sel.since.empty() && sel.until.empty()) return {};
  std::string out = "  OPTIONAL { ?e dg:date ?date }\n";
  if (!sel.since.empty()) {
    out += "  OPTIONAL { ?e dg:endDate ?end }\n  FILTER(" +
           day_bound("COALESCE(STR(?end), STR(?date), \"\")", true) + " >= " + bound_text(sel.since, false) +
           ")\n";
  }
  if (!sel.until.empty())
    out += "  FILTER(" + day_bound("COALESCE(STR(?date), \"\")", false) +
           " <= " + bound_text(sel.until, true) + ")\n";
  return out;
}

// ?e has `who` among its participants: at state level, the state or one of its officials.
std::string took_part(const std::string& who, bool state_level, const std::string& tag) {
  if (!state_level) return "  ?e dg:participant " + iri(who) + " .\n";
  const std::string x = "?official_" + tag;
  return "  { ?e dg:participant " + iri(who) + " } UNION { ?e dg:participant " + x + " . " + x +
         " dg:represents " + iri(who) + " }\n";
}

// An exact label, in any language, looked up (an index lookup in every store, where comparing
// STR(?label) scans every label): plain, as xsd:string, and in the languages labels come in.
std::string label_forms(const std::vector<std::string>& labels) {
  static constexpr std::string_view kLanguages[] = {"en", "fr", "de", "es", "ru", "zh", "ar",
                                                    "pt", "it", "ja", "ko", "fa", "ps", "ur",
                                                    "tr", "uk", "pl", "nl", "hi"};
  std::string out;
  for (const auto& l : labels) {
    const std::string lit = literal(l);
    out += " " + lit + " " + lit + "^^<" + std::string(ns::xsd) + "string>";
    for (const auto lang : kLanguages) out += " " + lit + "@" + std::string(lang);
  }
  return out;
}

}  // namespace

std::string literal(std::string_view text) {
  return to_ntriples(TermRef::literal(text));  // N-Triples' escapes are SPARQL's
}

std::string iri(std::string_view text) {
  std::string out = "<";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\u00";  // never met in a checked IRI; kept from breaking the query if it is
      out += kHex[u >> 4U];
      out += kHex[u & 15U];
    } else {
      out += c;
    }
  }
  return out + ">";
}

std::string events_pattern(const Selection& sel) {
  std::string out;
  if (!sel.actor.empty()) out += took_part(sel.actor, sel.state_level, "a");
  if (!sel.with.empty()) out += took_part(sel.with, sel.state_level, "b");
  if (!sel.frontier.empty())
    out += "  " + values("?reached", sel.frontier) + "\n  ?e dg:participant ?reached .\n";
  if (!sel.classes.empty()) out += "  ?e a ?class . " + values("?class", sel.classes) + "\n";
  if (out.empty()) out = "  ?e dg:participant ?anyone .\n";
  return out + dates(sel);
}

Query statements(const std::string& graph, const std::string& pattern, const Roles& roles,
                 const std::vector<std::string>& predicates) {
  // The selection repeated in each arm, never a subquery joined to a union: at 1M events
  // Virtuoso then listed every statement before the join (205 s for one actor's meetings).
  const std::string sel = "{\n" + pattern;
  std::string q =
      prologue("SELECT DISTINCT ?s ?p ?o", graph) + "WHERE {\n  " + sel + "  ?e ?p ?o . BIND(?e AS ?s) }\n";
  if (roles.participants) q += "  UNION " + sel + "  ?e dg:participant ?s . ?s ?p ?o }\n";
  if (roles.participants)
    q += "  UNION " + sel + "  ?e dg:participant ?agent . ?agent dg:represents ?s . ?s ?p ?o }\n";
  if (roles.systems) {
    q += "  UNION " + sel + "  ?e dg:participant ?st . ?st dg:stateSystemMembership ?s . ?s ?p ?o }\n";
    q += "  UNION " + sel +
         "  ?e dg:participant ?ag . ?ag dg:represents ?st2 . ?st2 dg:stateSystemMembership ?s . ?s ?p ?o }\n";
  }
  if (roles.participations) q += "  UNION " + sel + "  ?e dg:participation ?s . ?s ?p ?o }\n";
  if (!predicates.empty()) q += "  " + one_of("?p", predicates) + "\n";
  return {q + "}\n", {"s", "p", "o"}};
}

Query joined(const std::string& graph, const std::string& pattern, bool titles, const std::string& known) {
  // Two arms: a row holds the event's values or one participant's, never the product of both
  // (at 1M events half the rows and cells, and the store's writing of rows is most of the time).
  std::string q =
      prologue("SELECT ?e ?type ?when ?until ?source ?title ?who ?name", graph) + "WHERE {\n" + pattern +
      "  { ?e a ?type .\n    OPTIONAL { ?e dg:date ?when }\n    OPTIONAL { ?e dg:endDate ?until }\n" +
      "    OPTIONAL { ?e <" + std::string(ns::dcterms) + "source> ?source }\n";
  if (titles) q += "    OPTIONAL { ?e rdfs:label ?title }\n";
  q += "  }\n  UNION { ?e dg:participant ?who . ";
  if (!known.empty()) q += "FILTER(?who != " + iri(known) + ") ";
  q += "OPTIONAL { ?who rdfs:label ?name } }\n}\n";
  return {q, {"e", "type", "when", "until", "source", "title", "who", "name"}};
}

std::string extremes_pattern(const std::vector<std::string>& event_classes) {
  const std::string dated =
      "?e a ?class . " + values("?class", event_classes) + " ?e dg:date ?date . FILTER(STR(?date) != \"\")";
  return "  { SELECT ?e WHERE { " + dated + " } ORDER BY STR(?date) LIMIT 1 }\n  UNION { SELECT ?e WHERE { " +
         dated + " } ORDER BY DESC(STR(?date)) LIMIT 1 }\n";
}

Query names(const std::string& graph, const std::vector<std::string>& names) {
  std::vector<std::string> iris, codes, labels;
  for (const auto& n : names) {
    if (n.find("://") != std::string::npos || n.starts_with("urn:")) {
      iris.push_back(n);
      continue;
    }
    if (auto code = state_code_named(n); !code.empty()) codes.push_back(literal(code));
    labels.push_back(n);
  }
  // The class tree as its statements (the rest of each class is in the ontology shipped), then
  // every statement of each candidate.
  std::string arms;
  const auto arm = [&](const std::string& a) { arms += (arms.empty() ? "    " : "    UNION ") + a + "\n"; };
  if (!iris.empty()) {
    // ?s described, not bound alone: Virtuoso 7.2 drops a union arm that is only a VALUES block
    arm("{ ?s ?described ?anything . " + values("?s", iris) + " }");
    arm("{ " + values("?named", iris) + " ?named dg:represents ?s }");
  }
  for (const auto& c : codes) arm("{ ?s skos:notation " + c + " }");
  if (!labels.empty()) {
    const std::string forms = "VALUES ?label {" + label_forms(labels) + " }";
    arm("{ ?s rdfs:label ?label . " + forms + " }");
    arm("{ ?named rdfs:label ?label . " + forms + " ?named dg:represents ?s }");
  }
  std::string q = prologue("SELECT DISTINCT ?s ?p ?o", graph) +
                  "WHERE {\n  { ?s rdfs:subClassOf ?o . BIND(rdfs:subClassOf AS ?p) }\n";
  if (!arms.empty()) q += "  UNION {\n  {\n" + arms + "  }\n  ?s ?p ?o }\n";
  return {q + "}\n", {"s", "p", "o"}};
}

Query labels(const std::string& graph, const std::vector<std::string>& iris) {
  return {prologue("SELECT ?s ?p ?o", graph) + "WHERE {\n  " + values("?s", iris) +
              "\n  ?s rdfs:label ?o . BIND(rdfs:label AS ?p)\n}\n",
          {"s", "p", "o"}};
}

Query catalogue(const std::string& graph, const std::vector<std::string>& actor_classes) {
  const std::string described = one_of(
      "?p", {std::string(vocab::rdf_type), term(ns::rdfs, "label"), term(ns::skos, "notation"),
             term(ns::dg, "represents"), term(ns::dg, "sector"), term(ns::dg, "stateSystemMembership")});
  std::string q = prologue("SELECT DISTINCT ?s ?p ?o", graph) + "WHERE {\n" +
                  "  { ?s ?p ?o . VALUES ?p { dg:participant rdfs:subClassOf } }\n" +
                  "  UNION { ?s a ?kind . " + values("?kind", actor_classes) + " ?s ?p ?o . " + described +
                  " }\n" + "  UNION { ?s dg:participant ?someone ; a ?o . BIND(rdf:type AS ?p) }\n" +
                  "  UNION { ?state dg:stateSystemMembership ?s . ?s ?p ?o }\n}\n";
  return {q, {"s", "p", "o"}};
}

Query met_pairs(const std::string& graph, const Selection& sel, const std::vector<std::string>& interactions,
                bool state_level, const std::vector<std::string>& state_classes) {
  std::string q =
      prologue("SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last)", graph) +
      "WHERE {\n  { SELECT DISTINCT ?e ?d WHERE {\n" + events_pattern(sel) + "  ?e a ?interaction . " +
      values("?interaction", interactions) +
      "\n  OPTIONAL { ?e dg:date ?first_date }\n  BIND(COALESCE(STR(?first_date), \"\") AS ?d)\n  } }\n";
  if (state_level) {
    for (const std::string who : {"x", "y"}) {
      const std::string state = who == "x" ? "a" : "b";
      q += "  ?e dg:participant ?" + who + " .\n  { ?" + who + " a ?class_" + who + " . " +
           values("?class_" + who, state_classes) + " BIND(?" + who + " AS ?" + state + ") } UNION { ?" +
           who + " dg:represents ?" + state + " }\n";
    }
  } else {
    q += "  ?e dg:participant ?a , ?b .\n";
  }
  return {q + "  FILTER(STR(?a) < STR(?b))\n}\nGROUP BY ?a ?b\n", {"a", "b", "n", "first", "last"}};
}

std::vector<std::string> representation_patterns(const std::string& a, const std::string& b) {
  std::string evidence =
      "  ?ev dg:sendingState ?sending ; dg:receivingState ?receiving ; dg:level ?level .\n";
  if (!a.empty() && b.empty())
    evidence += "  { ?ev dg:sendingState " + iri(a) + " } UNION { ?ev dg:receivingState " + iri(a) + " }\n";
  if (!a.empty() && !b.empty())
    evidence += "  { ?ev dg:sendingState " + iri(a) + " ; dg:receivingState " + iri(b) +
                " } UNION { ?ev dg:sendingState " + iri(b) + " ; dg:receivingState " + iri(a) + " }\n";
  return {evidence + "  BIND(?ev AS ?e)\n",  // UNION rather than a path: every SPARQL engine reads it
          evidence + "  { ?ev dg:sendingState ?e } UNION { ?ev dg:receivingState ?e }\n",
          evidence +
              "  { ?ev dg:sendingState ?state } UNION { ?ev dg:receivingState ?state }\n"
              "  ?state dg:stateSystemMembership ?e .\n"};
}

std::string relation_pattern(const std::string& a, const std::string& b,
                             const std::vector<std::string>& interactions) {
  const auto change = [&](const std::string& var) {
    return "{ " + var + " dg:sendingState " + iri(a) + " ; dg:receivingState " + iri(b) + " } UNION { " +
           var + " dg:sendingState " + iri(b) + " ; dg:receivingState " + iri(a) + " }";
  };
  std::string between = took_part(a, true, "a") + took_part(b, true, "b");
  return "  { " + change("?e") + " }\n  UNION { ?e dg:relationChange ?change . " + change("?change") +
         " }\n  UNION {\n" + between + "  ?e a ?class . " + values("?class", interactions) + " }\n";
}

}  // namespace diplograph::sparql
