// Who met whom: events typed below dg:Interaction with two or more dg:participant, read from
// the EventIndex: one actor's events through its row of events, every pair through all events.
#include <algorithm>
#include <array>
#include <functional>
#include <numeric>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

using Event = EventIndex::Impl::Event;

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// An event class named by IRI, dg:Local or a local name in any case ("visit", "phone_call").
NodeId event_class(const Schema& schema, const std::string& t) {
  std::string wanted = t.starts_with("dg:") ? t.substr(3) : t;
  std::erase(wanted, '_');
  for (NodeId c : schema.events) {
    const std::string_view iri = schema.src.text(c);
    if (iri == t || same_letters(local_name(iri), wanted)) return c;
  }
  std::vector<std::string_view> names;
  for (NodeId c : schema.events) names.push_back(local_name(schema.src.text(c)));
  std::sort(names.begin(), names.end());
  std::string list;
  for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  throw UsageError("unknown event class \"" + t + "\" (" + option_ref("type") + " takes one of: " + list +
                   ")");
}

}  // namespace

std::vector<NodeId> type_filter(const Schema& schema, const std::vector<std::string>& types) {
  std::vector<NodeId> out;
  for (const auto& t : types) {
    // A PLOVER type in its own upper case (ACCUSE, CONSULT): the classes it becomes.
    const bool upper = std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const auto plover = upper ? Plover::builtin().classes_of(t) : std::vector<std::string>();
    for (const auto& name : plover.empty() ? std::vector<std::string>{t} : plover) {
      auto sub = schema.subclasses(event_class(schema, name));
      out.insert(out.end(), sub.begin(), sub.end());
    }
  }
  return out;
}

namespace {

// How often each pair met, first and last.
struct PairCount {
  std::uint64_t events = 0;
  std::string_view first, last;
};

using PairCounts = std::unordered_map<std::uint64_t, PairCount>;

std::uint64_t pair_key(Id a, Id b) {
  return static_cast<std::uint64_t>(std::min(a, b)) << 32 | std::max(a, b);
}

// Each pair once: the actor asked about (`asked`, no_id when none) in `actor`, as the rows of
// `query met` have it; else the smaller IRI.
std::vector<MetCount> counted(const EventIndex::Impl& x, const PairCounts& pairs, Id asked) {
  struct Row {
    Id a, b;
    const PairCount* count;
  };
  std::vector<Row> sorted;
  sorted.reserve(pairs.size());
  for (const auto& [k, v] : pairs) {
    auto a = static_cast<Id>(k >> 32), b = static_cast<Id>(k & 0xFFFFFFFFU);
    if (b == asked || (a != asked && x.actor_iri[b] < x.actor_iri[a])) std::swap(a, b);
    sorted.push_back({a, b, &v});
  }
  std::sort(sorted.begin(), sorted.end(), [&](const Row& r, const Row& q) {  // most events first
    if (r.count->events != q.count->events) return r.count->events > q.count->events;
    return std::tuple(x.actor_iri[r.a], x.actor_iri[r.b]) < std::tuple(x.actor_iri[q.a], x.actor_iri[q.b]);
  });
  std::vector<MetCount> c;
  c.reserve(sorted.size());
  for (const auto& [a, b, n] : sorted) {
    c.push_back({std::string(x.actor_iri[a]), std::string(x.actor_label[a]), std::string(x.actor_iri[b]),
                 std::string(x.actor_label[b]), n->events, Date(n->first), Date(n->last)});
  }
  return c;
}

// The actor the option `actor` or `with` names, as asked (its state at state level); no_id when
// it took part in nothing, 0 when none was asked for.
struct Named {
  NodeId node = 0;
  Id id = no_id;
};

Named named(const EventIndex& index, const std::string& name, bool state_level, std::string_view option) {
  if (name.empty()) return {};
  const NodeId n = resolve_at_level(index, name, state_level, option);
  return {n, index.impl().actor(n)};
}

// Which of schema.events an event must have (one of) to be asked about.
std::vector<bool> wanted_classes(const Schema& schema, const std::vector<std::string>& types) {
  const auto nodes = types.empty() ? schema.interactions : type_filter(schema, types);
  std::vector<bool> wanted(schema.events.size(), false);
  for (std::size_t i = 0; i < schema.events.size(); ++i) {
    wanted[i] = std::find(nodes.begin(), nodes.end(), schema.events[i]) != nodes.end();
  }
  return wanted;
}

// Which of the data's sectors --sector names (any case); a name none matches is a usage error
// listing the sectors there are.
std::vector<bool> wanted_sectors(const EventIndex::Impl& x, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::vector<bool> wanted(x.sector_names.size(), false);
  for (const auto& n : names) {
    bool found = false;
    for (std::size_t i = 0; i < x.sector_names.size(); ++i) {
      if (same_letters(x.sector_names[i], n)) wanted[i] = found = true;
    }
    if (found) continue;
    std::vector<std::string_view> all(x.sector_names.begin(), x.sector_names.end());
    std::sort(all.begin(), all.end());
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(all.size(), 40); ++i)
      list += (i ? ", " : "") + std::string(all[i]);
    if (all.size() > 40) list += ", ...";
    throw UsageError("unknown sector \"" + n + "\"" +
                     (all.empty() ? std::string(" (the data has no dg:sector: ICEWS records carry them)")
                                  : " (the data's sectors: " + list + ")"));
  }
  return wanted;
}

// One who-met-whom question over the index: which events count, and their rows or pairs.
struct Met {
  Met(const EventIndex& index, const MetOptions& o, bool counting)
      : x(index.impl()),
        opts(o),
        count(counting),
        actor(named(index, o.actor, o.state_level, "actor")),
        with(named(index, o.with, o.state_level, "with")),
        wanted(wanted_classes(x.schema, o.types)),
        sectors(wanted_sectors(x, o.sectors)) {}

  // An interaction of a class asked for, with two participants or more, in the dates asked.
  [[nodiscard]] bool counts(Id e) const {
    const auto& ev = x.stored(e);
    const auto classes = x.event_classes[e];
    return ev.interaction && x.participants[e].size() >= 2 &&
           std::any_of(classes.begin(), classes.end(), [&](Id c) { return wanted[c]; }) &&
           date_in_range(x.str(ev.date), x.str(ev.end_date), opts.since, opts.until) && of_sector(e);
  }

  // With --sector: some participant is placed in one of the sectors asked for.
  [[nodiscard]] bool of_sector(Id e) const {
    if (sectors.empty()) return true;
    const auto who = x.participants[e];
    return std::any_of(who.begin(), who.end(), [&](Id p) {
      const auto own = x.actor_sectors[p];
      return std::any_of(own.begin(), own.end(), [&](Id s) { return sectors[s]; });
    });
  }

  // The events that count, for rows in order: by date and event IRI.
  [[nodiscard]] std::vector<Id> events() const {
    std::vector<Id> todo;
    if (actor.node) {
      todo = x.events_of(actor.node, opts.state_level);
    } else {
      todo.resize(x.events.size());
      std::iota(todo.begin(), todo.end(), Id{0});
    }
    std::erase_if(todo, [&](Id e) { return !counts(e); });
    if (count) return todo;
    std::sort(todo.begin(), todo.end(), [&](Id a, Id b) {
      const auto da = x.date_of(a), db = x.date_of(b);
      return da != db ? da < db : x.schema.src.text(x.stored(a).node) < x.schema.src.text(x.stored(b).node);
    });
    return todo;
  }

  // The event's participants as asked (states at state level), each once, in IRI order for rows.
  void participants(Id e) {
    parts.assign(x.participants[e].begin(), x.participants[e].end());
    if (opts.state_level) {
      for (auto& p : parts) p = x.actor_state[p];
    }
    parts.erase(std::remove(parts.begin(), parts.end(), no_id), parts.end());
    if (count)  // pairs are counted in any order
      std::sort(parts.begin(), parts.end());
    else
      std::sort(parts.begin(), parts.end(), [&](Id a, Id b) { return x.actor_rank[a] < x.actor_rank[b]; });
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  }

  // With an actor: it and each other participant; without: each unordered pair once, the
  // smaller IRI first.
  void process(Id e) {
    participants(e);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      for (std::size_t j = 0; j < parts.size(); ++j) {
        const bool pair = actor.node ? i != j && parts[i] == actor.id && (!with.node || parts[j] == with.id)
                                     : i < j && (!with.node || parts[i] == with.id || parts[j] == with.id);
        if (pair) emit(e, parts[i], parts[j]);
      }
    }
  }

  void emit(Id id, Id a, Id b) {
    if (count) {
      const std::string_view date = x.date_of(id);
      PairCount& c = pairs[pair_key(a, b)];
      if (c.events++ == 0 || date < c.first) c.first = date;
      if (date > c.last) c.last = date;
      return;
    }
    const Event e = x.events[id];
    rows.push_back({Date(e.date), std::string(x.schema.src.text(e.node)), std::string(x.type_name(e.type)),
                    std::string(x.actor_iri[a]), std::string(x.actor_label[a]), std::string(x.actor_iri[b]),
                    std::string(x.actor_label[b]), std::string(e.source)});
  }

  const EventIndex::Impl& x;
  const MetOptions& opts;
  const bool count;  ///< pairs counted (--count), not rows
  const Named actor, with;
  const std::vector<bool> wanted;
  const std::vector<bool> sectors;  ///< per place in sector_names: asked for (empty: no filter)
  std::vector<MetRow> rows;
  PairCounts pairs;
  std::vector<Id> parts;
};

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

namespace {

void run(Met& m) {
  if (m.count && !m.actor.node) {  // every event, in any order
    for (Id e = 0; e < m.x.events.size(); ++e) {
      if (m.counts(e)) m.process(e);
    }
    return;
  }
  for (Id e : m.events()) m.process(e);
}

}  // namespace

std::string state_at_person_level(const EventIndex& index, NodeId named, std::string_view option) {
  const auto& x = index.impl();
  const Id a = x.actor(named);
  if (a == no_id || x.actor_state[a] != a) return {};
  return option_ref(option) + " names the state " + std::string(x.actor_label[a]) +
         " itself: only events the state took part in as such are shown, not those of its officials "
         "(add " +
         option_ref("level", "state") + " for every actor that represents it)";
}

// Why who-met-whom cannot count a class asked for: it is no interaction and has none below it.
void explain_classes(const Schema& schema, const MetOptions& opts, std::vector<std::string>& notes) {
  for (const auto& name : opts.types) {
    const auto below = schema.subclasses(event_class(schema, name));
    const bool any = std::any_of(below.begin(), below.end(), [&](NodeId c) {
      return std::find(schema.interactions.begin(), schema.interactions.end(), c) !=
             schema.interactions.end();
    });
    if (!any) {
      notes.push_back(std::string(local_name(schema.src.text(below.front()))) +
                      " is not an interaction (dg:Interaction): who met whom counts only events in which "
                      "the participants dealt with each other; query timeline lists every event");
    }
  }
}

// Why an answer is empty when the dates asked lie outside the data's.
void explain_dates(const EventIndex::Impl& x, const MetOptions& opts, bool empty,
                   std::vector<std::string>& notes) {
  if (!empty || (opts.since.empty() && opts.until.empty()) || x.events.empty()) return;
  std::string_view first = x.date_of(0), last = first;
  for (Id e = 0; e < x.events.size(); ++e) {
    const std::string_view date = x.date_of(e);
    if (date.empty()) continue;
    first = first.empty() || date < first ? date : first;
    last = date > last ? date : last;
  }
  if (date_in_range(first, last, opts.since, opts.until)) return;
  notes.push_back("no event of the data lies in the dates asked: its events run from " + std::string(first) +
                  " to " + std::string(last));
}

namespace {

// What a person should know about the answer: classes that cannot count, dates outside the
// data, a state named at person level.
std::vector<std::string> notes(const EventIndex& index, const Met& m, const MetOptions& opts, bool empty) {
  std::vector<std::string> out;
  explain_classes(m.x.schema, opts, out);
  explain_dates(m.x, opts, empty, out);
  if (opts.state_level) return out;
  for (const auto& [named, option] : {std::pair{m.actor.node, "actor"}, std::pair{m.with.node, "with"}}) {
    if (auto note = state_at_person_level(index, named, option); named && !note.empty()) out.push_back(note);
  }
  return out;
}

}  // namespace

Answer<MetRow> query_met(const EventIndex& index, const MetOptions& opts) {
  Met m(index, opts, false);
  run(m);
  auto n = notes(index, m, opts, m.rows.empty());
  return {std::move(m.rows), std::move(n)};
}

Answer<MetCount> query_met_counts(const EventIndex& index, const MetOptions& opts) {
  Met m(index, opts, true);
  run(m);
  auto c = counted(m.x, m.pairs, m.actor.id);
  auto n = notes(index, m, opts, c.empty());
  return {std::move(c), std::move(n)};
}

Answer<MetRow> query_met(const QuadSource& src, const MetOptions& opts) {
  return query_met(EventIndex(src), opts);
}

Answer<MetCount> query_met_counts(const QuadSource& src, const MetOptions& opts) {
  return query_met_counts(EventIndex(src), opts);
}

}  // namespace diplograph
