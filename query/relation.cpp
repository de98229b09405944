// The diplomatic relation between two states: changes of representation per direction, the
// level in force at a date, pending proposals, and what the two states' officials took up.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "diplograph/query.hpp"

namespace diplograph {

namespace {

struct Change {
  std::string date, sending, receiving, level, previous, status, event, source;
};

std::string notation(const Schema& s, NodeId n) {
  if (!n) return {};
  std::string_view v = s.src.value(n, s.notation);
  if (!v.empty()) return std::string(v);
  std::string_view iri = s.src.term(n).value;
  return std::string(iri.substr(iri.find_last_of("#/") + 1));
}

// The alpha-3 code of a state: its three-letter upper-case notation.
std::string code(const Schema& s, NodeId state) {
  for (NodeId n : s.src.objects(state, s.notation)) {
    std::string_view v = s.src.term(n).value;
    if (v.size() == 3) return std::string(v);
  }
  return std::string(s.src.term(state).value);
}

std::vector<Change> changes(const Schema& s, NodeId from, NodeId to) {
  std::vector<Change> out;
  // The changes and missions from `from` to `to`: the two index ranges, intersected.
  auto sent = s.src.subjects(s.sending, from);
  auto received = s.src.subjects(s.receiving, to);
  std::sort(sent.begin(), sent.end());
  std::sort(received.begin(), received.end());
  std::vector<NodeId> both;
  std::set_intersection(sent.begin(), sent.end(), received.begin(), received.end(), std::back_inserter(both));
  const std::string sending = code(s, from), receiving = code(s, to);
  std::map<NodeId, std::string> notations;  // the few levels and statuses, looked up once each
  auto named = [&](NodeId n) -> std::string {
    if (!n) return {};
    auto it = notations.find(n);
    return it != notations.end() ? it->second : notations.emplace(n, notation(s, n)).first->second;
  };
  for (NodeId c : both) {
    NodeId status = 0, level = 0, previous = 0;
    Change ch;
    s.src.match(c, 0, 0, [&](NodeId, NodeId p, NodeId o) {  // one pass over the change
      if (p == s.status)
        status = o;
      else if (p == s.level)
        level = o;
      else if (p == s.previous_level)
        previous = o;
      else if (p == s.date)
        ch.date = s.src.text(o);
      else if (p == s.source)
        ch.source = s.src.text(o);
      return true;
    });
    if (!status) continue;  // a mission, not a change
    ch.sending = sending;
    ch.receiving = receiving;
    ch.level = named(level);
    ch.previous = named(previous);
    ch.status = named(status);
    const auto parents = s.src.subjects(s.relation_change, c);
    const NodeId event = parents.empty() ? c : parents.front();
    ch.event = s.src.text(event);
    if (ch.source.empty()) ch.source = s.src.value(event, s.source);
    out.push_back(std::move(ch));
  }
  return out;
}

std::vector<std::string> row(const Change& c) {
  return {c.date, c.sending, c.receiving, c.level, c.previous, c.status, c.event, c.source};
}

}  // namespace

RelationReport query_relation(const QuadSource& src, const RelationOptions& opts) {
  const Schema s(src);
  const NodeId a = resolve_state(s, opts.a);
  const NodeId b = resolve_state(s, opts.b);
  if (a == b) throw UsageError("--between and --and name the same state");
  auto all = changes(s, a, b);
  auto back = changes(s, b, a);
  all.insert(all.end(), back.begin(), back.end());
  std::sort(all.begin(), all.end(), [](const Change& x, const Change& y) {
    return std::tie(x.date, x.sending, x.receiving, x.event) <
           std::tie(y.date, y.sending, y.receiving, y.event);
  });

  const std::vector<std::string> columns{"date",           "sending", "receiving", "level",
                                         "previous_level", "status",  "event",     "source"};
  RelationReport r{
      {columns, {}}, {columns, {}}, {{"type", "events", "first", "last"}, {}}, {{"topic", "events"}, {}}};
  if (opts.at.empty()) {
    for (const auto& c : all) r.history.rows.push_back(row(c));
  } else {
    const std::string code_a = code(s, a), code_b = code(s, b);
    const auto at = date_bound(opts.at, false);
    for (const auto& [from, to] : {std::pair{code_a, code_b}, std::pair{code_b, code_a}}) {
      const Change* in_force = nullptr;  // the latest effective change on or before the date
      for (const auto& c : all) {
        if (c.sending == from && c.receiving == to && c.status == "effective" &&
            date_bound(c.date, false) <= at) {
          in_force = &c;
        }
      }
      if (in_force) {
        r.history.rows.push_back(row(*in_force));
      } else {
        r.history.rows.push_back({"", from, to, "unknown", "", "", "", ""});
      }
    }
  }
  for (const auto& c : all) {
    if (c.status != "effective") r.pending.rows.push_back(row(c));
  }

  if (!opts.summary) return r;
  // Interactions between the two states' actors, and the topics they took up.
  const auto ea = s.events_of(a, true);
  const auto eb = s.events_of(b, true);
  std::map<std::string, std::tuple<std::uint64_t, std::string, std::string>> by_type;
  std::map<std::string, std::uint64_t> topics;
  for (NodeId e : ea) {
    if (!std::binary_search(eb.begin(), eb.end(), e) || !s.is_a(e, s.interactions)) continue;
    const std::string date(src.value(e, s.date));
    auto& [n, first, last] = by_type[std::string(s.type_name(e, s.events))];
    first = n == 0 ? date : std::min(first, date);
    last = std::max(last, date);
    ++n;
    std::set<std::string> seen;
    for (NodeId t : src.objects(e, s.topic)) {
      if (seen.insert(std::string(src.term(t).value)).second) ++topics[std::string(src.term(t).value)];
    }
  }
  for (const auto& [type, v] : by_type) {
    r.interactions.rows.push_back({type, std::to_string(std::get<0>(v)), std::get<1>(v), std::get<2>(v)});
  }
  for (const auto& [topic, n] : topics) r.topics.rows.push_back({topic, std::to_string(n)});
  return r;
}

}  // namespace diplograph
