// The diplomatic relation between two states: changes of representation per direction, the
// level in force at a date, pending proposals, and what the two states' officials took up.
#include <algorithm>
#include <map>
#include <set>

#include "diplograph/query.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

// The alpha-3 code of a state: its plain three-letter notation (not a COW or G-W number).
std::string code(const Schema& s, NodeId state) {
  for (NodeId n : s.src.objects(state, s.notation)) {
    const TermRef t = s.src.term(n);
    if (t.value.size() == 3 && t.datatype.empty()) return std::string(t.value);
  }
  return std::string(local_name(s.src.term(state).value));  // a state of its time: "cow-260"
}

// Each change of representation from one state to another, and each observation (its status
// `observed`: evidence of the level in force, not a change), as a row shows it.
std::vector<RelationRow> changes(const EventIndex::Impl& x, NodeId from, NodeId to) {
  const Schema& s = x.schema;
  std::vector<RelationRow> out;
  const auto found = x.changes_of(from, to);
  if (found.empty()) return out;
  const std::string sending = code(s, from), receiving = code(s, to);
  Notations named(s);
  for (std::uint32_t i : found) {
    const auto& c = x.changes[i];
    const bool observed = evidence_of(c, s, named) == LevelEvidence::observed;
    out.push_back({Date(c.date), sending, receiving, level_named(named(c.level)).value_or(Level::unknown),
                   level_named(named(c.previous)),
                   observed ? Status::observed : status_named(named(c.status)),
                   std::string(s.src.text(c.event)), std::string(c.source)});
  }
  return out;
}

// Whether a row tells the level in force: an effective change or an observation.
bool in_force_by(const RelationRow& r) {
  return r.status == Status::effective || r.status == Status::observed;
}

// Every change between the two states, both directions, oldest first.
std::vector<RelationRow> changes_between(const EventIndex::Impl& x, NodeId a, NodeId b) {
  auto all = changes(x, a, b);
  auto back = changes(x, b, a);
  all.insert(all.end(), back.begin(), back.end());
  std::sort(all.begin(), all.end(), [](const RelationRow& l, const RelationRow& r) {
    return std::tie(l.date, l.sending, l.receiving, l.event) <
           std::tie(r.date, r.sending, r.receiving, r.event);
  });
  return all;
}

// Per direction, the latest evidence on or before `at`: an effective change, or an observation
// (its year counted from its first day); level "unknown" when there is none. Where an
// observation is the basis, a note says how old it is: it tells the level seen then, not since.
void in_force(const std::vector<RelationRow>& all, const std::string& code_a, const std::string& code_b,
              std::string_view at, Answer<RelationRow>& history) {
  const auto day = date_bound(at, false);
  for (const auto& [from, to] : {std::pair{code_a, code_b}, std::pair{code_b, code_a}}) {
    const RelationRow* last = nullptr;
    for (const auto& c : all) {
      if (c.sending == from && c.receiving == to && in_force_by(c) && date_bound(c.date.text(), false) <= day)
        last = &c;
    }
    history.rows.push_back(last ? *last : RelationRow{{}, from, to, Level::unknown, {}, {}, {}, {}});
    if (last && last->status == Status::observed)
      history.notes.push_back(from + " in " + to + ": the level on " + std::string(at) +
                              " is the one observed in " + last->date.text() + " (" + last->source +
                              "), the latest evidence by then; when it changed after is not known");
  }
}

// The interactions between the two states' actors, by type, and the topics they took up.
void summary(const EventIndex::Impl& x, NodeId a, NodeId b, RelationReport& r) {
  const Schema& s = x.schema;
  const auto ea = x.events_of(a, true);
  const auto eb = x.events_of(b, true);
  std::map<std::string, std::tuple<std::uint64_t, Date, Date>> by_type;
  std::map<std::string, std::uint64_t> topics;
  for (Id e : ea) {
    const auto& ev = x.stored(e);  // not the view: its label and source are not read here
    if (!std::binary_search(eb.begin(), eb.end(), e) || !ev.interaction) continue;
    const Date date(x.date_of(e));
    auto& [n, first, last] = by_type[std::string(x.type_name(ev.type))];
    first = n == 0 ? date : std::min(first, date);
    last = std::max(last, date);
    ++n;
    std::set<std::string> seen;
    for (NodeId t : s.src.objects(ev.node, s.topic)) {
      const std::string topic(s.src.term(t).value);
      if (seen.insert(topic).second) ++topics[topic];
    }
  }
  for (const auto& [type, v] : by_type) {
    r.interactions.rows.push_back({type, std::get<0>(v), std::get<1>(v), std::get<2>(v)});
  }
  for (const auto& [topic, n] : topics) r.topics.rows.push_back({topic, n});
}

}  // namespace

RelationReport query_relation(const EventIndex& index, const RelationOptions& opts) {
  const auto& x = index.impl();
  const NodeId a = resolve_state(index, opts.a);
  const NodeId b = resolve_state(index, opts.b);
  if (a == b) throw UsageError(option_ref("between") + " and " + option_ref("and") + " name the same state");
  const auto all = changes_between(x, a, b);
  RelationReport r;
  if (opts.at.empty()) {
    r.history.rows = all;
  } else {
    in_force(all, code(x.schema, a), code(x.schema, b), opts.at, r.history);
  }
  for (const auto& c : all) {
    if (!in_force_by(c)) r.pending.rows.push_back(c);
  }
  if (all.empty()) {
    r.history.notes.push_back("no change of representation between " + code(x.schema, a) + " and " +
                              code(x.schema, b) +
                              " is recorded or observed: the graph does not say at what level either is "
                              "represented in the other's capital");
  }
  if (opts.summary) summary(x, a, b, r);
  return r;
}

RelationReport query_relation(const QuadSource& src, const RelationOptions& opts) {
  return query_relation(EventIndex(src), opts);
}

}  // namespace diplograph
