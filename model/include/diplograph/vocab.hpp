// diplograph/vocab.hpp: the vocabularies diplograph reads and writes, in one place. Every
// layer may use it; nothing else spells a namespace IRI (as Oxigraph keeps `vocab` in its model).
#pragma once

#include <string>
#include <string_view>

namespace diplograph {

namespace ns {
inline constexpr std::string_view dg = "https://w3id.org/diplograph/ontology#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view geo = "http://www.w3.org/2003/01/geo/wgs84_pos#";
inline constexpr std::string_view wd = "http://www.wikidata.org/entity/";
inline constexpr std::string_view void_ = "http://rdfs.org/ns/void#";
inline constexpr std::string_view dcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view foaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view default_base = "https://w3id.org/diplograph/id/";
/// The SHACL shapes of what validate checks (ontology/shapes.ttl).
inline constexpr std::string_view shapes = "https://w3id.org/diplograph/shapes";
}  // namespace ns

/// A term of a vocabulary: `term(ns::rdf, "type")`.
[[nodiscard]] inline std::string term(std::string_view space, std::string_view local) {
  std::string out;
  out.reserve(space.size() + local.size());
  return out.append(space).append(local);
}

/// The local name of an IRI: what follows its last '#' or '/' ("...ontology#PhoneCall" ->
/// "PhoneCall"); the whole IRI when it has neither.
[[nodiscard]] inline std::string_view local_name(std::string_view iri) {
  const auto cut = iri.find_last_of("#/");
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

/// Checks a date of the record format (YYYY-MM-DD, YYYY-MM, YYYY); returns its xsd datatype
/// local name ("date", "gYearMonth", "gYear") or empty when malformed.
[[nodiscard]] std::string_view date_datatype(std::string_view date);
/// Why `date` is no date of the record format, to follow it in a message ("is not a date:
/// 2018-02 has 28 days", "is malformed (YYYY-MM-DD, YYYY-MM or YYYY)"); empty when it is one.
[[nodiscard]] std::string date_problem(std::string_view date);

/// The terms the RDF layer itself needs.
namespace vocab {
inline constexpr std::string_view rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view owl_same_as = "http://www.w3.org/2002/07/owl#sameAs";
inline constexpr std::string_view xsd_string = "http://www.w3.org/2001/XMLSchema#string";
}  // namespace vocab

}  // namespace diplograph
