// What the two results readers (JSON, XML) share: how a result's literal becomes a term.
#pragma once

#include <string_view>

#include "diplograph/rdf.hpp"

namespace diplograph::sparql {

/// A result's literal: with a language, a language-tagged literal; typed xsd:string, a simple
/// literal (RDF 1.1: they are one term); else typed by `datatype` (empty: simple).
[[nodiscard]] TermRef result_literal(std::string_view value, std::string_view lang,
                                     std::string_view datatype);

}  // namespace diplograph::sparql
