// Who met whom: events typed below dg:Interaction with two or more dg:participant.
//
// Two ways to gather the events, both through QuadSource: for one actor, its events through
// (?, dg:participant, A) and each event's own statements in one pass; for every pair, one scan
// of the whole source, whose statements come grouped by subject.
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <unordered_map>

#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

// One event's facts, as read from its statements.
struct Event {
  NodeId node = 0;
  std::string_view date, end_date, source;
  NodeId type = 0;  // the most specific event class
  bool interaction = false;
  bool wanted = false;
  std::uint32_t count = 0;
};

// Reads events' statements and hands each event that counts (an interaction of a wanted class,
// in the date range, with two or more participants) to `sink`, as soon as it is complete.
class Gather {
 public:
  using Sink = std::function<void(const Event&, const NodeId* parts)>;

  Gather(const Schema& s, const std::vector<NodeId>& types, Sink sink)
      : s_(s), types_(types), sink_(std::move(sink)) {
    for (std::size_t i = 0; i < s.events.size(); ++i) rank_.emplace(s.events[i], static_cast<int>(i));
  }

  // Statements of one subject arrive together: begin(), add()..., end().
  void begin(NodeId subject) {
    cur_ = Event{};
    cur_.node = subject;
    rank_of_type_ = -1;
  }

  void add(NodeId p, NodeId o) {
    if (p == s_.participant) {
      parts_.push_back(o);
    } else if (p == s_.type) {
      type(o);
    } else if (p == s_.date) {
      cur_.date = s_.src.text(o);
    } else if (p == s_.end_date) {
      cur_.end_date = s_.src.text(o);
    } else if (p == s_.source) {
      cur_.source = s_.src.text(o);
    }
  }

  void end(const std::string& since, const std::string& until) {
    cur_.count = static_cast<std::uint32_t>(parts_.size());
    if (cur_.interaction && cur_.wanted && cur_.count >= 2 &&
        date_in_range(cur_.date, cur_.end_date, since, until)) {
      sink_(cur_, parts_.data());
    }
    parts_.clear();
  }

 private:
  void type(NodeId t) {
    auto r = rank_.find(t);
    if (r == rank_.end()) return;
    if (r->second > rank_of_type_) {
      rank_of_type_ = r->second;
      cur_.type = t;
    }
    cur_.interaction |= std::find(s_.interactions.begin(), s_.interactions.end(), t) != s_.interactions.end();
    cur_.wanted |= std::find(types_.begin(), types_.end(), t) != types_.end();
  }

  const Schema& s_;
  const std::vector<NodeId>& types_;
  std::unordered_map<NodeId, int> rank_;
  Sink sink_;
  std::vector<NodeId> parts_;
  Event cur_;
  int rank_of_type_ = -1;
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

// Every event, in one scan of the statements it needs, grouped by subject.
void gather_all(const Schema& s, Gather& g, const MetOptions& o) {
  std::vector<NodeId> predicates{s.participant, s.type, s.date};
  if (!o.since.empty() || !o.until.empty()) predicates.push_back(s.end_date);
  if (!o.count) predicates.push_back(s.source);
  NodeId current = 0;
  s.src.scan(predicates, [&](NodeId subj, NodeId p, NodeId obj) {
    if (subj != current) {
      if (current) g.end(o.since, o.until);
      g.begin(subj);
      current = subj;
    }
    g.add(p, obj);
  });
  if (current) g.end(o.since, o.until);
}

// The events of one actor (or, at state level, of a state and everyone representing it).
void gather_of(const Schema& s, Gather& g, const MetOptions& o, NodeId who) {
  for (NodeId e : s.events_of(who, o.state_level)) {
    g.begin(e);
    s.src.match(e, 0, 0, [&](NodeId, NodeId p, NodeId obj) {
      g.add(p, obj);
      return true;
    });
    g.end(o.since, o.until);
  }
}

struct Output {
  const Schema& s;
  std::unordered_map<NodeId, std::string> labels;

  std::string_view iri(NodeId n) const { return s.src.text(n); }
  const std::string& label(NodeId n) {
    auto it = labels.find(n);
    if (it == labels.end()) it = labels.emplace(n, std::string(s.src.value(n, s.label))).first;
    return it->second;
  }
};

// The state an actor stands for: itself, or what it represents (0 when none).
NodeId state_of(const Schema& s, std::unordered_map<NodeId, NodeId>& known, NodeId actor) {
  auto it = known.find(actor);
  if (it != known.end()) return it->second;
  const NodeId st = s.is_a(actor, {s.state_class}) ? actor : s.src.object(actor, s.represents);
  known.emplace(actor, st);
  return st;
}

// How often each pair met, first and last: keyed by node ids, ordered by IRI only for output.
struct PairCount {
  std::uint64_t events = 0;
  std::string_view first, last;
};

struct PairHash {
  std::size_t operator()(const std::pair<NodeId, NodeId>& p) const noexcept {
    return std::hash<NodeId>()(p.first) * 0x9E3779B97F4A7C15ULL ^ std::hash<NodeId>()(p.second);
  }
};

using PairCounts = std::unordered_map<std::pair<NodeId, NodeId>, PairCount, PairHash>;

Table counted(Output& out, const PairCounts& pairs) {
  Table c{{"actor", "actor_label", "other", "other_label", "events", "first", "last"}, {}};
  for (const auto& [k, v] : pairs) {
    auto [a, b] = k;
    if (out.iri(b) < out.iri(a)) std::swap(a, b);  // the smaller IRI in `actor`
    c.rows.push_back({std::string(out.iri(a)), out.label(a), std::string(out.iri(b)), out.label(b),
                      std::to_string(v.events), std::string(v.first), std::string(v.last)});
  }
  std::sort(c.rows.begin(), c.rows.end(), [](const auto& x, const auto& y) {
    const auto nx = std::stoull(x[4]), ny = std::stoull(y[4]);
    return nx != ny ? nx > ny : std::tie(x[0], x[2]) < std::tie(y[0], y[2]);
  });
  return c;
}

}  // namespace

std::array<char, 10> date_bound(std::string_view d, bool last) {
  std::array<char, 10> out{};
  const std::string_view pad = last ? std::string_view("0000-12-31") : std::string_view("0000-01-01");
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = i < d.size() ? d[i] : pad[i];
  return out;
}

bool date_in_range(std::string_view date, std::string_view end_date, std::string_view since,
                   std::string_view until) {
  if (!since.empty() && date_bound(end_date.empty() ? date : end_date, true) < date_bound(since, false))
    return false;
  if (!until.empty() && date_bound(date, false) > date_bound(until, true)) return false;
  return true;
}

Table query_met(const QuadSource& src, const MetOptions& opts) {
  const Schema schema(src);
  std::unordered_map<NodeId, NodeId> states;  // actor -> the state it stands for, as asked
  NodeId actor = opts.actor.empty() ? 0 : resolve_actor(schema, opts.actor);
  NodeId with = opts.with.empty() ? 0 : resolve_actor(schema, opts.with);
  if (opts.state_level) {
    if (actor) actor = state_of(schema, states, actor);
    if (with) with = state_of(schema, states, with);
    if ((!opts.actor.empty() && !actor) || (!opts.with.empty() && !with)) {
      throw UsageError(
          "with --level state, --actor and --with must name a state or an actor that represents one");
    }
  }
  const auto types = opts.types.empty() ? schema.interactions : type_filter(schema, opts.types);

  Output out{schema, {}};
  Table t{{"date", "event", "type", "actor", "actor_label", "other", "other_label", "source"}, {}};
  PairCounts pairs;
  std::vector<NodeId> parts;
  auto process = [&](const Event& e, const NodeId* first) {
    parts.assign(first, first + e.count);
    if (opts.state_level) {
      for (auto& p : parts) p = state_of(schema, states, p);
    }
    parts.erase(std::remove(parts.begin(), parts.end(), NodeId{0}), parts.end());
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    if (!opts.count) {
      std::sort(parts.begin(), parts.end(), [&](NodeId a, NodeId b) { return out.iri(a) < out.iri(b); });
    }
    auto emit = [&](NodeId a, NodeId b) {
      if (opts.count) {
        PairCount& c = pairs[{std::min(a, b), std::max(a, b)}];
        if (c.events++ == 0 || e.date < c.first) c.first = e.date;
        if (e.date > c.last) c.last = e.date;
        return;
      }
      const std::string_view type = out.iri(e.type).substr(out.iri(e.type).find_last_of("#/") + 1);
      t.rows.push_back({std::string(e.date), std::string(out.iri(e.node)), std::string(type),
                        std::string(out.iri(a)), out.label(a), std::string(out.iri(b)), out.label(b),
                        std::string(e.source)});
    };
    for (std::size_t i = 0; i < parts.size(); ++i) {
      for (std::size_t j = 0; j < parts.size(); ++j) {
        if (actor) {  // A in `actor`, each other participant once
          if (i != j && parts[i] == actor && (!with || parts[j] == with)) emit(parts[i], parts[j]);
        } else if (i < j && (!with || parts[i] == with || parts[j] == with)) {
          emit(parts[i], parts[j]);  // each unordered pair once (the smaller IRI first in rows)
        }
      }
    }
  };
  Gather g(schema, types, process);
  if (actor)
    gather_of(schema, g, opts, actor);
  else
    gather_all(schema, g, opts);

  if (opts.count) return counted(out, pairs);
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[0], a[1], a[3], a[5]) < std::tie(b[0], b[1], b[3], b[5]);
  });
  return t;
}

}  // namespace diplograph
