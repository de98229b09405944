// Who met whom: events typed below dg:Interaction with two or more dg:participant.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

// The first and last day a (possibly reduced-precision) date covers.
std::string first_day(std::string_view d) {
  std::string s(d);
  if (s.size() == 4) s += "-01";
  if (s.size() == 7) s += "-01";
  return s;
}

std::string last_day(std::string_view d) {
  std::string s(d);
  if (s.size() == 4) s += "-12";
  if (s.size() == 7) s += "-31";  // comparison only: no month has more
  return s;
}

struct Context {
  const Schema& schema;
  std::unordered_map<NodeId, std::string> labels;
  std::unordered_map<NodeId, NodeId> states;

  const std::string& label(NodeId n) {
    auto it = labels.find(n);
    if (it == labels.end()) it = labels.emplace(n, std::string(schema.src.value(n, schema.label))).first;
    return it->second;
  }
  std::string iri(NodeId n) const { return std::string(schema.src.term(n).value); }
  // The state an actor stands for: itself, or what it represents (0 when none).
  NodeId state_of(NodeId actor) {
    auto it = states.find(actor);
    if (it != states.end()) return it->second;
    NodeId s = schema.is_a(actor, {schema.state_class}) ? actor : schema.src.object(actor, schema.represents);
    states.emplace(actor, s);
    return s;
  }
};

std::vector<NodeId> type_filter(const Schema& schema, const std::vector<std::string>& types) {
  std::vector<NodeId> out;
  for (const auto& t : types) {
    std::string iri = t.find("://") != std::string::npos ? t
                      : t.starts_with("dg:")             ? std::string(ns::dg) + t.substr(3)
                                                         : std::string(ns::dg) + t;
    const NodeId cls = schema.src.iri(iri);
    if (!cls || std::find(schema.events.begin(), schema.events.end(), cls) == schema.events.end()) {
      throw UsageError("unknown event class \"" + t + "\"");
    }
    auto sub = schema.subclasses(cls);
    out.insert(out.end(), sub.begin(), sub.end());
  }
  return out;
}

std::vector<NodeId> candidate_events(const Schema& schema, NodeId actor_or_state, bool state_level) {
  std::set<NodeId> events;
  const QuadSource& src = schema.src;
  if (!schema.participant) return {};
  if (!actor_or_state) {
    src.match(0, schema.participant, 0, [&](NodeId e, NodeId, NodeId) {
      events.insert(e);
      return true;
    });
  } else {
    for (NodeId e : src.subjects(schema.participant, actor_or_state)) events.insert(e);
    if (state_level) {
      for (NodeId official : src.subjects(schema.represents, actor_or_state)) {
        for (NodeId e : src.subjects(schema.participant, official)) events.insert(e);
      }
    }
  }
  return {events.begin(), events.end()};
}

}  // namespace

bool date_in_range(std::string_view date, std::string_view end_date, std::string_view since,
                   std::string_view until) {
  const std::string end = last_day(end_date.empty() ? date : end_date);
  if (!since.empty() && end < first_day(since)) return false;
  if (!until.empty() && first_day(date) > last_day(until)) return false;
  return true;
}

Table query_met(const QuadSource& src, const MetOptions& opts) {
  const Schema schema(src);
  Context ctx{schema, {}, {}};
  NodeId actor = opts.actor.empty() ? 0 : resolve_actor(schema, opts.actor);
  NodeId with = opts.with.empty() ? 0 : resolve_actor(schema, opts.with);
  if (opts.state_level) {
    if (actor) actor = ctx.state_of(actor);
    if (with) with = ctx.state_of(with);
    if ((!opts.actor.empty() && !actor) || (!opts.with.empty() && !with)) {
      throw UsageError(
          "with --level state, --actor and --with must name a state or an actor that represents one");
    }
  }
  const auto types = opts.types.empty() ? schema.interactions : type_filter(schema, opts.types);
  Table t{{"date", "event", "type", "actor", "actor_label", "other", "other_label", "source"}, {}};
  for (NodeId e : candidate_events(schema, actor, opts.state_level)) {
    if (!schema.is_a(e, schema.interactions) || !schema.is_a(e, types)) continue;
    const std::string_view date = src.value(e, schema.date);
    if (!date_in_range(date, src.value(e, schema.end_date), opts.since, opts.until)) continue;
    std::vector<NodeId> parts = src.objects(e, schema.participant);
    if (opts.state_level) {
      for (auto& p : parts) p = ctx.state_of(p);
    }
    parts.erase(std::remove(parts.begin(), parts.end(), NodeId{0}), parts.end());
    std::sort(parts.begin(), parts.end(), [&](NodeId a, NodeId b) { return ctx.iri(a) < ctx.iri(b); });
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    const std::string type(schema.type_name(e, schema.events));
    const std::string source(src.value(e, schema.source));
    auto row = [&](NodeId a, NodeId b) {
      t.rows.push_back(
          {std::string(date), ctx.iri(e), type, ctx.iri(a), ctx.label(a), ctx.iri(b), ctx.label(b), source});
    };
    for (std::size_t i = 0; i < parts.size(); ++i) {
      for (std::size_t j = 0; j < parts.size(); ++j) {
        if (actor) {  // A in `actor`, each other participant once
          if (i != j && parts[i] == actor && (!with || parts[j] == with)) row(parts[i], parts[j]);
        } else if (i < j && (!with || parts[i] == with || parts[j] == with)) {
          row(parts[i], parts[j]);  // each unordered pair once, the smaller IRI first
        }
      }
    }
  }
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[0], a[1], a[3], a[5]) < std::tie(b[0], b[1], b[3], b[5]);
  });
  t.rows.erase(std::unique(t.rows.begin(), t.rows.end()), t.rows.end());
  if (!opts.count) return t;

  struct Agg {
    std::string actor_label, other_label, first, last;
    std::uint64_t events = 0;
  };
  std::map<std::pair<std::string, std::string>, Agg> pairs;
  for (const auto& r : t.rows) {
    Agg& a = pairs[{r[3], r[5]}];
    if (a.events++ == 0) {
      a.actor_label = r[4];
      a.other_label = r[6];
      a.first = r[0];
    }
    a.first = std::min(a.first, r[0]);
    a.last = std::max(a.last, r[0]);
  }
  Table c{{"actor", "actor_label", "other", "other_label", "events", "first", "last"}, {}};
  for (const auto& [k, a] : pairs) {
    c.rows.push_back(
        {k.first, a.actor_label, k.second, a.other_label, std::to_string(a.events), a.first, a.last});
  }
  std::stable_sort(c.rows.begin(), c.rows.end(),
                   [](const auto& a, const auto& b) { return std::stoull(a[4]) > std::stoull(b[4]); });
  return c;
}

}  // namespace diplograph
