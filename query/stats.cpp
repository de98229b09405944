// What a graph holds: triples, events by class and year, actors by kind, states, relations.
#include <map>
#include <set>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

Answer<StatRow> query_stats(const QuadSource& src, std::size_t triples) {
  const Schema s(src);
  Answer<StatRow> t;
  t.rows.push_back({"triples", "", std::to_string(triples)});
  std::map<std::string, std::size_t> by_class, by_year, by_kind, by_status;
  std::set<NodeId> events, actors;
  for (NodeId c : s.events) {
    for (NodeId e : src.subjects(s.type, c)) events.insert(e);
  }
  for (NodeId e : events) {
    ++by_class[std::string(s.type_name(e, s.events))];
    const std::string_view date = src.value(e, s.date);
    ++by_year[date.empty() ? std::string("(no date)") : std::string(date.substr(0, 4))];
    if (NodeId st = src.object(e, s.status)) ++by_status[std::string(src.value(st, s.notation))];
  }
  for (NodeId c : s.actors) {
    for (NodeId a : src.subjects(s.type, c)) actors.insert(a);
  }
  std::size_t states = 0;
  for (NodeId a : actors) {
    ++by_kind[std::string(s.type_name(a, s.actors))];
    states += s.is_a(a, {s.state_class});
  }
  t.rows.push_back({"events", "", std::to_string(events.size())});
  for (const auto& [k, n] : by_class) t.rows.push_back({"events by class", k, std::to_string(n)});
  for (const auto& [k, n] : by_year) t.rows.push_back({"events by year", k, std::to_string(n)});
  t.rows.push_back({"actors", "", std::to_string(actors.size())});
  for (const auto& [k, n] : by_kind) t.rows.push_back({"actors by kind", k, std::to_string(n)});
  t.rows.push_back({"states", "", std::to_string(states)});
  for (const auto& [k, n] : by_status) t.rows.push_back({"relation changes by status", k, std::to_string(n)});
  const NodeId mission = src.iri(std::string(ns::dg) + "Mission");
  t.rows.push_back({"missions", "", std::to_string(src.subjects(s.type, mission).size())});
  return t;
}

}  // namespace diplograph
