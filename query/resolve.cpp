// Naming actors: by IRI, a state's alpha-3 code, exact label, or a unique part of a label,
// looked up in the EventIndex (the store need not index statements by object).
#include <algorithm>

#include "diplograph/query.hpp"
#include "query/index.hpp"
#include "rdf/text.hpp"

namespace diplograph {

namespace {

using Impl = EventIndex::Impl;

bool is_state(const Impl& x, Id a) {
  return x.actor_state[a] == a;
}

// Every candidate once, in the order first found.
void add_once(std::vector<Id>& pool, Id a) {
  if (std::find(pool.begin(), pool.end(), a) == pool.end()) pool.push_back(a);
}

std::vector<Id> by_label(const Impl& x, std::string_view name, bool states) {
  std::vector<Id> exact;
  const auto [first, last] = x.by_label.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (states ? is_state(x, it->second) : x.actor_typed[it->second]) add_once(exact, it->second);
  }
  if (!exact.empty()) return exact;
  std::vector<Id> partial;  // a part of a label: the one pass, only when nothing matched exactly
  const std::string needle = detail::ascii_lower(name);
  for (const auto& [a, label] : x.labels) {
    if ((states ? is_state(x, a) : x.actor_typed[a]) &&
        detail::ascii_lower(label).find(needle) != std::string::npos)
      add_once(partial, a);
  }
  return partial;
}

NodeId resolve(const Impl& x, std::string_view name, bool states) {
  const std::string_view what = states ? "state" : "actor";
  if (name.find("://") != std::string_view::npos || name.starts_with("urn:")) {
    const Id a = x.actor(x.schema.src.iri(name));
    if (a != no_id && (states ? is_state(x, a) : x.actor_typed[a])) return x.actor_node[a];
    throw UsageError("no " + std::string(what) + " with IRI <" + std::string(name) + ">");
  }
  const bool code = name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) {
                      return std::isupper(static_cast<unsigned char>(c));
                    });
  if (code) {
    for (const auto& [c, a] : x.codes) {
      if (c == name) return x.actor_node[a];
    }
  }
  std::vector<Id> pool = by_label(x, name, states);
  std::sort(pool.begin(), pool.end(), [&](Id a, Id b) { return x.actor_iri[a] < x.actor_iri[b]; });
  if (pool.size() == 1) return x.actor_node[pool.front()];
  if (pool.empty()) throw UsageError("no " + std::string(what) + " matches \"" + std::string(name) + "\"");
  std::string msg = "\"" + std::string(name) + "\" is ambiguous; candidates:";
  for (Id a : pool) msg += "\n  " + std::string(x.actor_iri[a]) + "  " + std::string(x.actor_label[a]);
  throw UsageError(msg);
}

}  // namespace

NodeId resolve_actor(const EventIndex& index, std::string_view name) {
  return resolve(index.impl(), name, false);
}

NodeId resolve_state(const EventIndex& index, std::string_view name) {
  return resolve(index.impl(), name, true);
}

}  // namespace diplograph
