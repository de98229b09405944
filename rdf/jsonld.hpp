// Private to rdf/: JSON-LD 1.1 written as a stream, compacted by the writer's prefixes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/rdf.hpp"

namespace diplograph::detail {

/// A JSON-LD document: `{"@context": {PREFIX: IRI, ...}, "@graph": [NODE, ...]}`, one node object
/// per run of statements with one subject (a subject met again later is another node object with
/// the same @id, which JSON-LD merges), written as it goes: nothing is held but the current
/// subject's statements. IRIs are compacted by the longest prefix that leaves a suffix (never one
/// starting with "//"), types go in @type, literals keep their datatype (@value and @type, a
/// language in @language; a plain xsd:string a JSON string), so that reading it back to RDF gives
/// exactly the statements written. Graph names are left out (a syntax without graphs).
class JsonLdWriter {
 public:
  JsonLdWriter(const std::vector<Prefix>& prefixes, std::function<void(std::string_view)> write);
  void statement(TermRef s, TermRef p, TermRef o);
  /// Closes the document.
  void finish();

 private:
  void begin();
  void flush_node();
  [[nodiscard]] std::string compact(std::string_view iri) const;
  [[nodiscard]] std::string value(TermRef o) const;
  std::vector<Prefix> prefixes_;  // longest IRI first
  std::function<void(std::string_view)> write_;
  bool begun_ = false;
  bool any_node_ = false;
  Term subject_;
  std::vector<std::string> types_;
  std::vector<std::pair<std::string, std::vector<std::string>>> properties_;  // key, JSON values
};

}  // namespace diplograph::detail
