// Naming actors: by IRI, a state's alpha-3 code, exact label, or a unique part of a label.
#include <algorithm>
#include <set>

#include "diplograph/query.hpp"
#include "rdf/text.hpp"

namespace diplograph {

namespace {

// Every node typed with one of `classes`.
std::vector<NodeId> members(const Schema& schema, const std::vector<NodeId>& classes) {
  std::set<NodeId> out;
  for (NodeId c : classes) {
    for (NodeId n : schema.src.subjects(schema.type, c)) out.insert(n);
  }
  return {out.begin(), out.end()};
}

bool has_type(const Schema& schema, NodeId n, const std::vector<NodeId>& classes) {
  return schema.is_a(n, classes);
}

NodeId resolve(const Schema& schema, std::string_view name, const std::vector<NodeId>& classes,
               std::string_view what) {
  const QuadSource& src = schema.src;
  if (name.find("://") != std::string_view::npos || name.starts_with("urn:")) {
    const NodeId n = src.iri(name);
    if (n && has_type(schema, n, classes)) return n;
    throw UsageError("no " + std::string(what) + " with IRI <" + std::string(name) + ">");
  }
  // A state's alpha-3 code, then an exact label: both looked up through the index.
  const bool code = name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) {
                      return std::isupper(static_cast<unsigned char>(c));
                    });
  if (code) {
    for (NodeId n : src.subjects(schema.notation, src.find(TermRef::literal(name)))) {
      if (schema.is_a(n, {schema.state_class}) && has_type(schema, n, classes)) return n;
    }
  }
  std::vector<NodeId> exact;
  for (TermRef label : {TermRef::literal(name), TermRef::lang_literal(name, "en")}) {
    for (NodeId n : src.subjects(schema.label, src.find(label))) {
      if (has_type(schema, n, classes)) exact.push_back(n);
    }
  }
  std::sort(exact.begin(), exact.end());
  exact.erase(std::unique(exact.begin(), exact.end()), exact.end());
  if (exact.size() == 1) return exact.front();
  // A part of a label: the one scan, only when nothing matched exactly.
  std::vector<NodeId> partial;
  if (exact.empty()) {
    const std::string needle = detail::ascii_lower(name);
    for (NodeId n : members(schema, classes)) {
      for (NodeId l : src.objects(n, schema.label)) {
        if (detail::ascii_lower(src.term(l).value).find(needle) != std::string::npos) {
          partial.push_back(n);
          break;
        }
      }
    }
  }
  const auto& pool = exact.empty() ? partial : exact;
  if (pool.size() == 1) return pool.front();
  if (pool.empty()) throw UsageError("no " + std::string(what) + " matches \"" + std::string(name) + "\"");
  std::string msg = "\"" + std::string(name) + "\" is ambiguous; candidates:";
  for (NodeId n : pool) {
    msg += "\n  " + std::string(src.term(n).value) + "  " + std::string(src.value(n, schema.label));
  }
  throw UsageError(msg);
}

}  // namespace

NodeId resolve_actor(const Schema& schema, std::string_view name) {
  return resolve(schema, name, schema.actors, "actor");
}

NodeId resolve_state(const Schema& schema, std::string_view name) {
  return resolve(schema, name, {schema.state_class}, "state");
}

}  // namespace diplograph
