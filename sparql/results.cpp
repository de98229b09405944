// The SPARQL 1.1 Query Results JSON Format, read with simdjson: head.vars, results.bindings, each
// binding's terms ({"type": "uri" | "literal" | "typed-literal" | "bnode", "value", "xml:lang",
// "datatype"}; "typed-literal" is Virtuoso's older spelling).
#include <simdjson.h>

#include <algorithm>

#include "diplograph/sparql.hpp"
#include "diplograph/vocab.hpp"
#include "sparql/results.hpp"

namespace diplograph {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

[[noreturn]] void malformed(std::string_view where, const std::string& what) {
  throw StoreError(std::string(where) + ": not a SPARQL JSON results document: " + what);
}

std::string_view text_of(object o, std::string_view key, std::string_view where) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return {};
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS)
    malformed(where, "\"" + std::string(key) + "\" is not a string");
  return s;
}

TermRef term_of(element v, std::string_view where) {
  object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) malformed(where, "a binding is not an object");
  const std::string_view type = text_of(o, "type", where);
  const std::string_view value = text_of(o, "value", where);
  if (type == "uri") return TermRef::iri(value);
  if (type == "bnode") return TermRef::blank(value);
  if (type != "literal" && type != "typed-literal")
    malformed(where, "unknown term type \"" + std::string(type) + "\"");
  return sparql::result_literal(value, text_of(o, "xml:lang", where), text_of(o, "datatype", where));
}

simdjson::dom::array bindings_of(const element& doc, std::string_view where) {
  object results;
  simdjson::dom::array bindings;
  if (doc["results"].get_object().get(results) != simdjson::SUCCESS)
    malformed(where, "no \"results\" object");
  if (results["bindings"].get_array().get(bindings) != simdjson::SUCCESS)
    malformed(where, "no \"results.bindings\" array");
  return bindings;
}

}  // namespace

TermRef sparql::result_literal(std::string_view value, std::string_view lang, std::string_view datatype) {
  if (!lang.empty()) return TermRef::lang_literal(value, lang);
  if (datatype == vocab::xsd_string) datatype = {};  // RDF 1.1: a simple literal is an xsd:string
  return TermRef::literal(value, datatype);
}

void read_sparql_json(std::string_view document, const std::vector<std::string>& vars, const BindingFn& row,
                      std::string_view where) {
  simdjson::dom::parser parser;
  element doc;
  if (const auto err = parser.parse(document.data(), document.size()).get(doc); err != simdjson::SUCCESS)
    malformed(where, simdjson::error_message(err));
  std::vector<TermRef> terms(vars.size());
  for (const element b : bindings_of(doc, where)) {
    object o;
    if (b.get_object().get(o) != simdjson::SUCCESS) malformed(where, "a result is not an object");
    std::fill(terms.begin(), terms.end(), TermRef{});
    for (const auto field : o) {
      const auto at = std::find(vars.begin(), vars.end(), field.key);
      if (at != vars.end()) terms[static_cast<std::size_t>(at - vars.begin())] = term_of(field.value, where);
    }
    row(terms);
  }
}

}  // namespace diplograph
