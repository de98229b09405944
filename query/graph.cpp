// Walking the who-met-whom graph: shortest chains of meetings, and one actor's timeline.
#include <algorithm>
#include <deque>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

struct Edge {
  Id other = no_id;
  Id event = no_id;
};

// The actors `actor` met, each once, with the earliest meeting (by date, then event IRI), in IRI
// order so that the chain found is the same on every run.
std::vector<Edge> neighbours(const EventIndex::Impl& x, Id actor, bool people_only, Id end) {
  auto key = [&](Id e) { return std::pair(x.date_of(e), x.schema.src.text(x.stored(e).node)); };
  std::unordered_map<Id, Id> best;  // other -> event
  for (Id e : x.actor_events[actor]) {
    if (!x.stored(e).interaction) continue;
    for (Id other : x.participants[e]) {
      if (other == actor || (people_only && other != end && x.actor_kind[other] != ActorKind::person))
        continue;
      auto [it, added] = best.try_emplace(other, e);
      if (!added && key(e) < key(it->second)) it->second = e;
    }
  }
  std::vector<Edge> out;
  out.reserve(best.size());
  for (const auto& [other, e] : best) out.push_back({other, e});
  std::sort(out.begin(), out.end(),
            [&](const Edge& a, const Edge& b) { return x.actor_iri[a.other] < x.actor_iri[b.other]; });
  return out;
}

}  // namespace

Answer<PathHop> query_path(const EventIndex& index, std::string_view from, std::string_view to,
                           unsigned max_hops, bool people_only) {
  const auto& x = index.impl();
  const NodeId a_node = resolve_actor(index, from);
  const NodeId b_node = resolve_actor(index, to);
  Answer<PathHop> t;
  const Id a = x.actor(a_node), b = x.actor(b_node);
  if (a_node == b_node) {
    t.notes.push_back(option_ref("from") + " and " + option_ref("to") +
                      " name the same actor: a chain of zero hops");
    return t;
  }
  if (a == no_id || b == no_id) return t;
  std::unordered_map<Id, Edge> came_from;  // actor -> (previous actor, event)
  std::unordered_map<Id, unsigned> depth{{a, 0}};
  std::deque<Id> todo{a};
  while (!todo.empty() && !depth.count(b)) {
    const Id n = todo.front();
    todo.pop_front();
    if (depth[n] >= max_hops) continue;
    for (const Edge& e : neighbours(x, n, people_only, b)) {
      if (depth.count(e.other)) continue;
      depth[e.other] = depth[n] + 1;
      came_from[e.other] = {n, e.event};
      todo.push_back(e.other);
    }
  }
  if (!depth.count(b)) return t;
  std::vector<std::pair<Id, Edge>> hops;
  for (Id n = b; n != a; n = came_from[n].other) hops.emplace_back(n, came_from[n]);
  std::reverse(hops.begin(), hops.end());
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const auto& [to_actor, edge] = hops[i];
    const auto& ev = x.events[edge.event];
    t.rows.push_back({static_cast<unsigned>(i + 1), std::string(x.actor_iri[edge.other]),
                      std::string(x.actor_label[edge.other]), std::string(x.actor_iri[to_actor]),
                      std::string(x.actor_label[to_actor]), std::string(x.schema.src.text(ev.node)),
                      Date(ev.date)});
  }
  return t;
}

Answer<PathHop> query_path(const QuadSource& src, std::string_view from, std::string_view to,
                           unsigned max_hops, bool people_only) {
  return query_path(EventIndex(src), from, to, max_hops, people_only);
}

namespace {

// The actor an option names, as asked: its state at state level.
Id timeline_actor(const EventIndex& index, const std::string& name, bool state_level, const char* option,
                  Answer<TimelineRow>& t) {
  const NodeId n = resolve_at_level(index, name, state_level, option);
  if (!state_level) {
    if (auto note = state_at_person_level(index, n, option); !note.empty())
      t.notes.push_back(std::move(note));
  }
  return index.impl().actor(n);
}

}  // namespace

Answer<TimelineRow> query_timeline(const EventIndex& index, const TimelineOptions& o) {
  const auto& x = index.impl();
  Answer<TimelineRow> t;
  const Id a = timeline_actor(index, o.actor, o.state_level, "actor", t);
  const Id b = o.with.empty() ? no_id : timeline_actor(index, o.with, o.state_level, "with", t);
  if (a == no_id || (!o.with.empty() && b == no_id)) return t;
  for (Id e : x.events_of(x.actor_node[a], o.state_level)) {
    if (!date_in_range(x.date_of(e), x.str(x.stored(e).end_date), o.since, o.until)) continue;
    if (b != no_id && !x.took_part(e, b, o.state_level)) continue;
    const auto ev = x.events[e];  // a row's: its label read
    t.rows.push_back({Date(ev.date), std::string(x.schema.src.text(ev.node)),
                      std::string(x.type_name(ev.type)), std::string(ev.label), x.participant_names(e)});
  }
  std::sort(t.rows.begin(), t.rows.end(), [](const TimelineRow& l, const TimelineRow& r) {
    return std::tie(l.date, l.event, l.type, l.label, l.participants) <
           std::tie(r.date, r.event, r.type, r.label, r.participants);
  });
  return t;
}

Answer<TimelineRow> query_timeline(const EventIndex& index, std::string_view actor, std::string_view since,
                                   std::string_view until) {
  return query_timeline(
      index, TimelineOptions{std::string(actor), {}, std::string(since), std::string(until), false});
}

Answer<TimelineRow> query_timeline(const QuadSource& src, const TimelineOptions& opts) {
  return query_timeline(EventIndex(src), opts);
}

Answer<TimelineRow> query_timeline(const QuadSource& src, std::string_view actor, std::string_view since,
                                   std::string_view until) {
  return query_timeline(EventIndex(src), actor, since, until);
}

}  // namespace diplograph
