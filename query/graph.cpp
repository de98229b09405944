// Walking the who-met-whom graph: shortest chains of meetings, and one actor's timeline.
#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

#include "diplograph/query.hpp"

namespace diplograph {

namespace {

struct Edge {
  NodeId other;
  NodeId event;
  std::string date;
};

// The actors `actor` met, each once, with the earliest meeting (by date, then event IRI).
std::vector<Edge> neighbours(const Schema& s, NodeId actor) {
  std::map<NodeId, Edge> best;
  for (NodeId e : s.src.subjects(s.participant, actor)) {
    if (!s.is_a(e, s.interactions)) continue;
    const std::string date(s.src.value(e, s.date));
    for (NodeId other : s.src.objects(e, s.participant)) {
      if (other == actor) continue;
      auto it = best.find(other);
      const auto key = [&](const Edge& x) {
        return std::pair(x.date, std::string(s.src.term(x.event).value));
      };
      Edge cand{other, e, date};
      if (it == best.end())
        best.emplace(other, cand);
      else if (key(cand) < key(it->second))
        it->second = cand;
    }
  }
  std::vector<Edge> out;
  for (auto& [n, e] : best) out.push_back(std::move(e));
  // Visit neighbours in IRI order so that the chain found is the same on every run.
  std::sort(out.begin(), out.end(), [&](const Edge& a, const Edge& b) {
    return s.src.term(a.other).value < s.src.term(b.other).value;
  });
  return out;
}

}  // namespace

Table query_path(const QuadSource& src, std::string_view from, std::string_view to, unsigned max_hops) {
  const Schema s(src);
  const NodeId a = resolve_actor(s, from);
  const NodeId b = resolve_actor(s, to);
  Table t{{"hop", "actor", "actor_label", "other", "other_label", "event", "date"}, {}};
  if (a == b) return t;
  std::unordered_map<NodeId, Edge> came_from;  // node -> (previous node, event)
  std::unordered_map<NodeId, unsigned> depth{{a, 0}};
  std::deque<NodeId> todo{a};
  while (!todo.empty() && !depth.count(b)) {
    const NodeId n = todo.front();
    todo.pop_front();
    if (depth[n] >= max_hops) continue;
    for (const Edge& e : neighbours(s, n)) {
      if (depth.count(e.other)) continue;
      depth[e.other] = depth[n] + 1;
      came_from[e.other] = {n, e.event, e.date};
      todo.push_back(e.other);
    }
  }
  if (!depth.count(b)) return t;
  std::vector<std::pair<NodeId, Edge>> hops;
  for (NodeId n = b; n != a; n = came_from[n].other) hops.emplace_back(n, came_from[n]);
  std::reverse(hops.begin(), hops.end());
  auto iri = [&](NodeId n) { return std::string(src.term(n).value); };
  auto label = [&](NodeId n) { return std::string(src.value(n, s.label)); };
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const auto& [to_node, edge] = hops[i];
    t.rows.push_back({std::to_string(i + 1), iri(edge.other), label(edge.other), iri(to_node), label(to_node),
                      iri(edge.event), edge.date});
  }
  return t;
}

Table query_timeline(const QuadSource& src, std::string_view actor, std::string_view since,
                     std::string_view until) {
  const Schema s(src);
  const NodeId a = resolve_actor(s, actor);
  Table t{{"date", "event", "type", "label", "participants"}, {}};
  for (NodeId e : src.subjects(s.participant, a)) {
    const std::string_view date = src.value(e, s.date);
    if (!date_in_range(date, src.value(e, s.end_date), since, until)) continue;
    std::vector<std::string> names;
    for (NodeId p : src.objects(e, s.participant)) {
      const std::string_view l = src.value(p, s.label);
      names.emplace_back(l.empty() ? src.term(p).value : l);
    }
    std::sort(names.begin(), names.end());
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : "; ") + n;
    t.rows.push_back({std::string(date), std::string(src.term(e).value),
                      std::string(s.type_name(e, s.events)), std::string(src.value(e, s.label)), joined});
  }
  std::sort(t.rows.begin(), t.rows.end());
  return t;
}

}  // namespace diplograph
