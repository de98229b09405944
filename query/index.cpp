// EventIndex, asked: its columns mapped from an index file, the lookups the questions make
// (an actor's events, a state's codes, labels, changes of representation) and the views of its
// stored records. Built by query/index_build.cpp.
#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

EventIndex::Impl::Impl(const QuadSource& src, const ColumnSource& columns) : schema(src) {
  each_column([&](ColumnId id, auto& column) {
    using T = std::remove_cvref_t<decltype(column[0])>;
    const auto [at, bytes] = columns.column(static_cast<std::uint32_t>(id), sizeof(T));
    column.map(static_cast<const T*>(at), bytes / sizeof(T));
  });
  pool = {{pool_text.data(), pool_text.size()}, &src};
  if (numbers.size() != events.size() || event_classes.keys() != events.size() ||
      participants.keys() != events.size() || actor_events.keys() != actor_node.size() ||
      class_names.size() != schema.events.size())
    throw CorruptIndex("tables of different lengths");
  const auto actors = static_cast<std::uint32_t>(actor_node.size());
  for (Rows* r : {&participants, &sources, &officials}) r->limit = actors;
  actor_events.limit = static_cast<std::uint32_t>(events.size());
  event_classes.limit = static_cast<std::uint32_t>(class_names.size());
  actor_sectors.limit = static_cast<std::uint32_t>(sector_names.size());
}

Id EventIndex::Impl::actor(NodeId node) const {
  const auto it = std::lower_bound(actor_ids.begin(), actor_ids.end(), node,
                                   [](const Placed& p, NodeId n) { return p.node < n; });
  return it == actor_ids.end() || it->node != node ? no_id : it->actor;
}

NodeId EventIndex::Impl::state_of(NodeId node) const {
  const Id a = actor(node);
  if (a != no_id) return actor_state[a] == no_id ? 0 : actor_node[actor_state[a]];
  return schema.is_a(node, {schema.state_class}) ? node : schema.src.object(node, schema.represents);
}

std::vector<Id> EventIndex::Impl::events_of(NodeId who, bool with_officials) const {
  const Id a = actor(who);
  if (a == no_id) return {};
  std::vector<Id> out(actor_events[a].begin(), actor_events[a].end());
  if (!with_officials) return out;
  for (Id official : officials[a])
    out.insert(out.end(), actor_events[official].begin(), actor_events[official].end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool EventIndex::Impl::took_part(Id e, Id who, bool state_level) const {
  const auto parts = participants[e];
  return std::any_of(parts.begin(), parts.end(),
                     [&](Id p) { return p == who || (state_level && actor_state[p] == who); });
}

std::vector<std::string> EventIndex::Impl::participant_names(Id e) const {
  std::vector<std::string> names;
  for (Id p : participants[e]) names.emplace_back(actor_label[p].empty() ? actor_iri[p] : actor_label[p]);
  std::sort(names.begin(), names.end());
  return names;
}

std::string_view EventIndex::Impl::state_code(Id state) const {
  return state < actor_alpha3.size() ? actor_alpha3[state] : std::string_view();
}

std::string_view EventIndex::Impl::system_code(Id state, System system, int year) const {
  const auto from = std::lower_bound(systems.begin(), systems.end(), state,
                                     [](const SystemSpan& s, Id st) { return s.state < st; });
  for (auto it = from; it != systems.end() && it->state == state; ++it) {
    if (it->system != system || (year == 0) != (it->now != 0)) continue;
    if (year == 0 || (it->from <= year && (it->to == 0 || year <= it->to))) return str(it->code);
  }
  return {};
}

std::string_view EventIndex::Impl::type_name(Id type) const {
  return type == no_id ? std::string_view() : class_names[type];
}

std::vector<Id> EventIndex::Impl::with_label(std::string_view label) const {
  const auto [first, last] =
      std::equal_range(by_label.begin(), by_label.end(), label, [&](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a)>, std::string_view>) {
          return a < str(b.label);
        } else {
          return str(a.label) < b;
        }
      });
  std::vector<Id> out;
  for (auto it = first; it != last; ++it) out.push_back(it->actor);
  return out;
}

std::vector<std::uint32_t> EventIndex::Impl::changes_of(NodeId sending, NodeId receiving) const {
  const auto key = [&](std::uint32_t i) {
    const auto& c = changes.raw[i];
    return std::pair(c.sending, c.receiving);
  };
  const std::pair wanted(sending, receiving);
  const auto from = std::partition_point(changes_between.begin(), changes_between.end(),
                                         [&](std::uint32_t i) { return key(i) < wanted; });
  std::vector<std::uint32_t> out;
  for (auto it = from; it != changes_between.end() && key(*it) == wanted; ++it) out.push_back(*it);
  return out;
}

std::string_view text_in(const Pool& pool, Text t) {
  if (t.is_node()) {
    if (!pool.src || t.offset() > UINT32_MAX) throw CorruptIndex("a text naming no node");
    return pool.src->text(static_cast<NodeId>(t.offset()));  // a node past the last: CorruptIndex
  }
  const std::string_view bytes = pool.bytes;
  if (t.offset() > bytes.size() || t.size() > bytes.size() - t.offset())
    throw CorruptIndex("a text offset past the end of the text");
  return bytes.substr(static_cast<std::size_t>(t.offset()), t.size());
}

std::string_view view_of(const Text& t, const Pool& pool) {
  return text_in(pool, t);
}

ActorKind view_of(const ActorKind& k, const Pool&) {
  if (static_cast<std::size_t>(k) > static_cast<std::size_t>(ActorKind::region))
    throw CorruptIndex("an unknown kind of actor");
  return k;
}

EventIndex::Impl::Event view_of(const EventIndex::Impl::StoredEvent& e, const Pool& pool) {
  return {e.node,
          text_in(pool, e.date),
          text_in(pool, e.end_date),
          text_in(pool, e.source),
          text_in(pool, e.label),
          text_in(pool, e.cameo),
          text_in(pool, e.quad),
          text_in(pool, e.goldstein),
          e.type,
          e.interaction != 0};
}

EventIndex::Impl::Change view_of(const EventIndex::Impl::StoredChange& c, const Pool& pool) {
  return {
      c.node,     c.event, text_in(pool, c.date), text_in(pool, c.source), c.sending, c.receiving, c.level,
      c.previous, c.status};
}

std::pair<Id, std::string_view> view_of(const EventIndex::Impl::Labelled& l, const Pool& pool) {
  return {l.actor, text_in(pool, l.label)};
}

std::pair<std::string_view, Id> view_of(const EventIndex::Impl::Coded& c, const Pool& pool) {
  return {text_in(pool, c.code), c.actor};
}

EventIndex::EventIndex(const QuadSource& src) : impl_(std::make_unique<Impl>(src, EventTexts::copied)) {}
EventIndex::EventIndex(const QuadSource& src, EventTexts texts) : impl_(std::make_unique<Impl>(src, texts)) {}
EventIndex::EventIndex(const QuadSource& src, const ColumnSource& columns)
    : impl_(std::make_unique<Impl>(src, columns)) {}
EventIndex::~EventIndex() = default;

const Schema& EventIndex::schema() const {
  return impl_->schema;
}

std::size_t EventIndex::events() const {
  return impl_->events.size();
}

void EventIndex::save(ColumnSink& sink) const {
  impl_->each_column([&](ColumnId id, const auto& column) {
    using T = std::remove_cvref_t<decltype(column[0])>;
    sink.column(static_cast<std::uint32_t>(id), column.data(), column.size() * sizeof(T), sizeof(T));
  });
}

const std::string& Notations::operator()(NodeId n) {
  const auto it = known_.find(n);
  if (it != known_.end()) return it->second;
  std::string v;
  if (n) {
    v = std::string(s_.src.value(n, s_.notation));
    if (v.empty()) v = std::string(local_name(s_.src.term(n).value));
  }
  return known_.emplace(n, std::move(v)).first->second;
}

LevelEvidence evidence_of(const EventIndex::Impl::Change& c, const Schema& s, Notations& names) {
  if (s.observation && c.status == s.observation) return LevelEvidence::observed;
  return names(c.status) == "effective" ? LevelEvidence::effective : LevelEvidence::none;
}

}  // namespace diplograph
