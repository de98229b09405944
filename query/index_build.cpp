// EventIndex, built: the events, actors and changes of representation of a source, read in one
// scan of the statements the questions use (grouped by subject), into dense arrays.
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <numeric>

namespace diplograph {

namespace {

// A membership of a state system while building: its code and years.
struct Span {
  std::string_view code;
  int from = 0, to = 0;
};

// What the scan learns of an actor-like subject (not an event) before knowing it is one.
struct Described {
  std::vector<std::string_view> labels;
  std::vector<std::string_view> sectors;
  ActorKind kind = ActorKind::actor;
  std::vector<std::string_view> codes;  // its three-letter skos:notation (ISO, CAMEO)
  std::string_view cow, gw;             // its notations typed dg:cowCode, dg:gwCode
  std::vector<NodeId> memberships;      // its dg:stateSystemMembership spans
  NodeId represents = 0;
  bool state = false;
  bool actor = false;  // typed with an actor class
};

// The statements of one subject, gathered while its group is read.
struct Subject {
  NodeId node = 0;
  std::vector<NodeId> types, parts, children, memberships;
  std::vector<NodeId> labels, sources;  // their text read only where needed (an event's, later)
  std::vector<std::string_view> notations, sectors;
  std::string_view date, end_date, cameo, quad, goldstein, intensity, cow, gw, first_year, last_year;
  NodeId represents = 0, sending = 0, receiving = 0, level = 0, previous = 0, status = 0, agent = 0;
  bool source_role = false;  // a participation whose role is source or caller

  void clear(NodeId n) {  // keeps the vectors' capacity
    node = n;
    types.clear();
    parts.clear();
    children.clear();
    labels.clear();
    sources.clear();
    notations.clear();
    sectors.clear();
    memberships.clear();
    date = end_date = cameo = quad = goldstein = intensity = cow = gw = first_year = last_year = {};
    represents = sending = receiving = level = previous = status = agent = 0;
    source_role = false;
  }
};

// Each event class's quad class from the ontology (dg:cameoRoot), a class without one taking the
// root of the nearest annotated class above it; per place in schema.events.
std::vector<std::uint8_t> class_quads(const Schema& s) {
  std::unordered_map<NodeId, int> own, found;
  for (NodeId c : s.events) {
    const std::string_view root = s.src.value(c, s.cameo_root);
    if (root.size() >= 2) own.emplace(c, quad_class_of_root(root.substr(0, 2)));
  }
  for (NodeId c : s.events) {  // schema.events lists a class after every class above it
    if (auto it = own.find(c); it != own.end()) {
      for (NodeId sub : s.subclasses(c)) {
        if (!own.count(sub) || sub == c) found[sub] = it->second;
      }
    }
  }
  std::vector<std::uint8_t> out(s.events.size(), 0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto it = found.find(s.events[i]);
    if (it != found.end()) out[i] = static_cast<std::uint8_t>(it->second);
  }
  return out;
}

// The numbers a question compares and sums, read once from the event's text. The score is the
// Goldstein score, else (POLECAT, coded in PLOVER) the event's own intensity on the same
// -10..10 scale, which the graph keeps as dg:intensity.
EventIndex::Impl::Numbers numbers(const EventIndex::Impl::Event& e, std::string_view intensity) {
  EventIndex::Impl::Numbers n;
  n.day = day_number(e.date);
  int q = 0;
  if (!e.quad.empty() && std::from_chars(e.quad.data(), e.quad.data() + e.quad.size(), q).ec == std::errc() &&
      q >= 1 && q <= 4)
    n.quad = static_cast<std::uint8_t>(q);
  else
    n.quad = static_cast<std::uint8_t>(quad_class_of_root(e.cameo));
  const std::string_view score = e.goldstein.empty() ? intensity : e.goldstein;
  n.scored =
      !score.empty() && std::from_chars(score.data(), score.data() + score.size(), n.score).ec == std::errc();
  return n;
}

void first(std::string_view& slot, std::string_view v) {
  if (slot.empty()) slot = v;
}

// Each container swapped with an empty one: its memory back, not only its size.
template <class... Containers>
void drop(Containers&... c) {
  (Containers().swap(c), ...);
}

void first(NodeId& slot, NodeId v) {
  if (!slot) slot = v;
}

// Builds an index from the scan, subject by subject.
class Builder {
 public:
  Builder(EventIndex::Impl& x, EventTexts texts) : x_(x), s_(x.schema), texts_(texts) {
    for (std::size_t i = 0; i < s_.events.size(); ++i) rank_.emplace(s_.events[i], static_cast<Id>(i));
  }

  void read() {
    std::vector<NodeId> predicates;
    for (NodeId p :
         {s_.type,      s_.participant,    s_.date,       s_.end_date,        s_.source,     s_.label,
          s_.notation,  s_.represents,     s_.sector,     s_.relation_change, s_.sending,    s_.receiving,
          s_.level,     s_.previous_level, s_.status,     s_.cameo_code,      s_.quad_class, s_.goldstein,
          s_.intensity, s_.membership,     s_.first_year, s_.last_year,       s_.agent,      s_.role}) {
      if (p) predicates.push_back(p);
    }
    s_.src.scan(predicates, [&](NodeId subj, NodeId p, NodeId o) {
      if (subj != cur_.node) {
        finish();
        cur_.clear(subj);
      }
      add(p, o);
    });
    finish();
    read_later();
    drop(later_);
    describe_actors();
    drop(described_, spans_);
    link();
    drop(parent_, sources_, shared_);
    keys();
  }

 private:
  void add(NodeId p, NodeId o) {
    const auto text = [&] { return s_.src.text(o); };
    if (p == s_.participant) {
      cur_.parts.push_back(o);
    } else if (p == s_.type) {
      cur_.types.push_back(o);
    } else if (p == s_.date) {
      first(cur_.date, text());
    } else if (p == s_.end_date) {
      first(cur_.end_date, text());
    } else if (p == s_.source) {
      cur_.sources.push_back(o);
    } else if (p == s_.label) {
      cur_.labels.push_back(o);
    } else if (p == s_.notation) {
      notation(o);
    } else if (p == s_.sector) {
      cur_.sectors.push_back(text());
    } else if (p == s_.cameo_code || p == s_.quad_class || p == s_.goldstein) {
      first(p == s_.cameo_code ? cur_.cameo : p == s_.quad_class ? cur_.quad : cur_.goldstein, text());
    } else if (p == s_.intensity) {
      first(cur_.intensity, text());
    } else if (p == s_.relation_change) {
      cur_.children.push_back(o);
    } else if (!membership(p, o) && !participation(p, o)) {
      relation(p, o);
    }
  }

  // A plain notation (ISO, CAMEO codes), or a state system's code by its datatype.
  void notation(NodeId o) {
    const TermRef t = s_.src.term(o);
    if (t.datatype.empty()) {
      cur_.notations.push_back(t.value);
    } else if (t.datatype.ends_with("#cowCode") && t.datatype.starts_with(ns::dg)) {
      first(cur_.cow, t.value);
    } else if (t.datatype.ends_with("#gwCode") && t.datatype.starts_with(ns::dg)) {
      first(cur_.gw, t.value);
    }
  }

  bool membership(NodeId p, NodeId o) {
    if (p == s_.membership) {
      cur_.memberships.push_back(o);
    } else if (p == s_.first_year || p == s_.last_year) {
      first(p == s_.first_year ? cur_.first_year : cur_.last_year, s_.src.text(o));
    } else {
      return false;
    }
    return true;
  }

  bool participation(NodeId p, NodeId o) {
    if (p == s_.agent) {
      first(cur_.agent, o);
    } else if (p == s_.role) {
      const auto role = s_.src.text(o);
      cur_.source_role |= role == "source" || role == "caller";
    } else {
      return false;
    }
    return true;
  }

  void relation(NodeId p, NodeId o) {
    if (p == s_.represents) first(cur_.represents, o);
    if (p == s_.sending) first(cur_.sending, o);
    if (p == s_.receiving) first(cur_.receiving, o);
    if (p == s_.level) first(cur_.level, o);
    if (p == s_.previous_level) first(cur_.previous, o);
    if (p == s_.status) first(cur_.status, o);
  }

  void finish() {
    if (!cur_.node) return;
    for (NodeId child : cur_.children) parent_.try_emplace(child, cur_.node, first_text(cur_.sources));
    if (cur_.sending && cur_.receiving && cur_.status) change(cur_.status);
    if (cur_.sending && cur_.receiving && observed()) {
      change(s_.observation);
      return;  // an observation is nothing else: no event, no actor
    }
    if (cur_.agent) {
      if (cur_.source_role) sources_.emplace(cur_.node, cur_.agent);  // only those directions() reads
    } else if (!cur_.first_year.empty()) {
      spans_.emplace(cur_.node, span());
    } else if (!event()) {
      describe();
    }
  }

  // A membership of a state system: its system, code and years.
  std::pair<EventIndex::Impl::System, Span> span() const {
    const auto year = [](std::string_view y) { return y.empty() ? 0 : std::atoi(std::string(y).c_str()); };
    const bool cow = !cur_.cow.empty();
    return {cow ? EventIndex::Impl::cow : EventIndex::Impl::gw,
            {cow ? cur_.cow : cur_.gw, year(cur_.first_year), year(cur_.last_year)}};
  }

  // Records the subject as an event if it is one.
  bool event() {
    const EventIndex::Impl::Event e{cur_.node, cur_.date,  cur_.end_date, {},
                                    {},        cur_.cameo, cur_.quad,     cur_.goldstein};
    EventIndex::Impl::StoredEvent stored{e.node, shared(e.date),  text(e.end_date), {},
                                         {},     shared(e.cameo), shared(e.quad),   shared(e.goldstein)};
    const std::size_t classes = x_.event_classes.values.size();
    for (NodeId t : cur_.types) {
      const auto r = rank_.find(t);
      if (r == rank_.end()) continue;
      x_.event_classes.values.push_back(r->second);
      if (stored.type == no_id || r->second > stored.type) stored.type = r->second;
      if (std::find(s_.interactions.begin(), s_.interactions.end(), t) != s_.interactions.end())
        stored.interaction = 1;
    }
    if (x_.event_classes.values.size() == classes && cur_.parts.empty()) return false;
    x_.event_classes.close_key();
    auto& parts = x_.participants.values.own();  // each once: a statement may be in several graphs
    const auto from = static_cast<std::ptrdiff_t>(parts.size());
    for (NodeId p : cur_.parts) parts.push_back(actor(p));
    std::sort(parts.begin() + from, parts.end());
    parts.erase(std::unique(parts.begin() + from, parts.end()), parts.end());
    x_.participants.close_key();
    x_.numbers.push_back(numbers(e, cur_.intensity));
    const auto id = static_cast<Id>(x_.events.size());
    if (cur_.sources.size() > 1) stored.source = text(first_text(cur_.sources));
    x_.events.raw.push_back(stored);
    if (!cur_.labels.empty()) later_.push_back({cur_.labels.front(), id, 1});  // the first label
    if (cur_.sources.size() == 1) later_.push_back({cur_.sources.front(), id, 0});
    return true;
  }

  // The first non-empty text of the nodes, as the scan met them.
  std::string_view first_text(const std::vector<NodeId>& nodes) const {
    for (NodeId n : nodes) {
      const auto t = s_.src.text(n);
      if (!t.empty()) return t;
    }
    return {};
  }

  // The events' labels and sources, read in the order of their nodes (in an index file, the
  // order of the text): each event's own, they would otherwise be read all over the text, and a
  // big index's text held in memory for it. The pages read are let go as the reading goes.
  // With EventTexts::by_node nothing is read: each is kept as its node.
  void read_later() {
    std::sort(later_.begin(), later_.end(), [](const Later& a, const Later& b) { return a.node < b.node; });
    for (std::size_t i = 0; i < later_.size(); ++i) {
      if (i % 65536 == 65535) s_.src.let_go();
      const Later& l = later_[i];
      auto& stored = x_.events.raw[l.event];
      (l.label ? stored.label : stored.source) = node_text(l.node);
    }
    s_.src.let_go();
  }

  // A change of representation, or (`status` dg:RepresentationObservation) an observation of
  // the level in force in a year: the two kinds of evidence the relation questions weigh.
  void change(NodeId status) {
    x_.changes.raw.push_back({cur_.node, cur_.node, shared(cur_.date), text(first_text(cur_.sources)),
                              cur_.sending, cur_.receiving, cur_.level, cur_.previous, status});
  }

  [[nodiscard]] bool observed() const {
    return s_.observation && !cur_.status &&
           std::find(cur_.types.begin(), cur_.types.end(), s_.observation) != cur_.types.end();
  }

  void describe() {
    const auto typed = [&](const std::vector<NodeId>& classes) {
      return std::any_of(cur_.types.begin(), cur_.types.end(), [&](NodeId t) {
        return std::find(classes.begin(), classes.end(), t) != classes.end();
      });
    };
    std::vector<std::string_view> labels;
    for (NodeId l : cur_.labels) labels.push_back(s_.src.text(l));
    Described d{std::move(labels),
                cur_.sectors,
                kind_of(typed),
                {},
                cur_.cow,
                cur_.gw,
                cur_.memberships,
                cur_.represents,
                typed({s_.state_class}),
                typed(s_.actors)};
    for (auto n : cur_.notations) {
      if (n.size() == 3) d.codes.push_back(n);
    }
    if (d.actor) actor(cur_.node);  // nameable even if it took part in nothing
    if (!d.labels.empty() || d.represents || d.state || d.actor) described_.emplace(cur_.node, std::move(d));
  }

  template <class Typed>
  ActorKind kind_of(const Typed& typed) const {
    if (typed({s_.state_class})) return ActorKind::state;
    if (typed(s_.persons)) return ActorKind::person;
    if (typed(s_.organizations)) return ActorKind::organization;
    if (typed(s_.regions)) return ActorKind::region;
    return ActorKind::actor;
  }

  std::size_t sector_id(std::string_view sector) {
    const auto it = std::find(sectors_.begin(), sectors_.end(), sector);
    if (it != sectors_.end()) return static_cast<std::size_t>(it - sectors_.begin());
    sectors_.push_back(sector);
    x_.sector_names.raw.push_back(text(sector));
    return sectors_.size() - 1;
  }

  Id actor(NodeId node) {
    const auto [it, added] = ids_.try_emplace(node, static_cast<Id>(x_.actor_node.size()));
    if (added) x_.actor_node.push_back(node);
    return it->second;
  }

  Id known(NodeId node) const {
    const auto it = ids_.find(node);
    return it == ids_.end() ? no_id : it->second;
  }

  // Text the index keeps: a copy in its pool.
  Text text(std::string_view v) {
    const auto size = std::min<std::size_t>(v.size(), Text::kLongest);
    if (v.empty()) return {};
    auto& pool = x_.pool_text.own();
    const Text t{static_cast<std::uint64_t>(pool.size()) << 24U | size};
    pool.resize(pool.size() + size);
    std::memcpy(pool.data() + t.offset(), v.data(), size);
    x_.pool.bytes = {pool.data(), pool.size()};  // the pool may have moved
    return t;
  }

  // A node's whole text: with EventTexts::by_node the node itself, read from the source when asked.
  Text node_text(NodeId n) {
    if (texts_ == EventTexts::by_node && n) return Text::of_node(n);
    return text(s_.src.text(n));
  }

  // The same for text many events share (dates, codes): one copy per node text.
  Text shared(std::string_view v) {
    if (v.empty()) return text(v);
    const auto [it, added] = shared_.try_emplace(v.data(), Text{});
    if (added) it->second = text(v);
    return it->second;
  }

  // Labels and states of the actors, known once every subject has been read. A state met only
  // as what an actor represents becomes an actor too (appended, and described in turn).
  void describe_actors() {
    for (std::size_t a = 0; a < x_.actor_node.size(); ++a) {
      const NodeId node = x_.actor_node[a];
      const auto d = described_.find(node);
      const Described info = d == described_.end() ? Described{} : d->second;
      const Id represents = info.represents ? actor(info.represents) : no_id;
      x_.actor_iri.raw.push_back(text(s_.src.text(node)));
      x_.actor_label.raw.push_back(text(info.labels.empty() ? std::string_view() : info.labels.front()));
      x_.actor_alpha3.raw.push_back(
          text(info.state && !info.codes.empty() ? info.codes.front() : std::string_view()));
      x_.actor_represents.push_back(represents);
      x_.actor_state.push_back(info.state ? static_cast<Id>(a) : represents);
      x_.actor_typed.push_back(info.actor ? 1 : 0);
      x_.actor_kind.raw.push_back(info.kind);
      for (auto sector : info.sectors) x_.actor_sectors.values.push_back(static_cast<Id>(sector_id(sector)));
      x_.actor_sectors.close_key();
      for (auto l : info.labels) x_.labels.raw.push_back({static_cast<Id>(a), 0, text(l)});
      if (info.state) {
        for (auto c : info.codes) x_.codes.raw.push_back({text(c), static_cast<Id>(a)});
        systems(static_cast<Id>(a), info);
      }
    }
  }

  // A state's COW and G-W codes, today's and its memberships' (oldest first).
  void systems(Id state, const Described& info) {
    using Impl = EventIndex::Impl;
    if (info.cow.empty() && info.gw.empty()) return;
    auto& out = x_.systems.own();
    for (auto [system, now] : {std::pair{Impl::cow, info.cow}, std::pair{Impl::gw, info.gw}}) {
      if (!now.empty()) out.push_back({state, system, 1, 0, text(now), 0, 0});
      std::vector<Span> spans;
      for (NodeId m : info.memberships) {
        const auto it = spans_.find(m);
        if (it != spans_.end() && it->second.first == system) spans.push_back(it->second.second);
      }
      std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
      spans.erase(std::unique(spans.begin(), spans.end(),
                              [](const auto& a, const auto& b) { return a.from == b.from; }),
                  spans.end());
      for (const Span& s : spans) out.push_back({state, system, 0, 0, text(s.code), s.from, s.to});
    }
  }

  // Per event, its participants in a source role (from the participation records, where loaded).
  // The participations are asked again, event by event, only when some are in a source role:
  // most graphs have none, and a list of every event's would be the builder's biggest.
  void directions() {
    const bool any = !sources_.empty() && s_.participation;
    for (Id e = 0; e < x_.events.size(); ++e) {
      if (any) {
        s_.src.match(x_.events.raw[e].node, s_.participation, 0, [&](NodeId, NodeId, NodeId part) {
          const auto it = sources_.find(part);
          const Id who = it == sources_.end() ? no_id : known(it->second);
          if (who != no_id) x_.sources.values.push_back(who);
          return true;
        });
      }
      x_.sources.close_key();
    }
  }

  // The reverse rows (actor -> events, state -> officials), the changes' parent events, the
  // actors' order by IRI and the classes' names.
  void link() {
    std::vector<Id> by_iri(x_.actor_node.size());
    std::iota(by_iri.begin(), by_iri.end(), Id{0});
    std::sort(by_iri.begin(), by_iri.end(), [&](Id a, Id b) { return x_.actor_iri[a] < x_.actor_iri[b]; });
    x_.actor_rank.own().resize(by_iri.size());
    for (std::uint32_t i = 0; i < by_iri.size(); ++i) x_.actor_rank[by_iri[i]] = i;
    for (NodeId c : s_.events) x_.class_names.raw.push_back(text(local_name(s_.src.text(c))));
    invert(x_.participants, x_.actor_events);
    const auto quads = class_quads(s_);
    for (std::size_t e = 0; e < x_.events.size(); ++e) {
      auto& n = x_.numbers[e];
      const Id type = x_.events.raw[e].type;
      if (n.quad == 0 && type != no_id) n.quad = quads[type];
    }
    directions();
    Rows represents;
    for (Id r : x_.actor_represents) {
      if (r != no_id) represents.values.push_back(r);
      represents.close_key();
    }
    invert(represents, x_.officials);
    for (std::uint32_t i = 0; i < x_.changes.size(); ++i) {
      auto& c = x_.changes.raw[i];
      const auto p = parent_.find(c.node);
      if (p != parent_.end()) {
        c.event = p->second.first;
        if (c.source.size() == 0) c.source = text(p->second.second);
      }
      x_.changes_between.push_back(i);
    }
  }

  // The lookups by key: actors by node, labels by text, changes by pair of states.
  void keys() {
    auto& ids = x_.actor_ids.own();
    for (const auto& [node, a] : ids_) ids.push_back({node, a});
    std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.node < b.node; });
    auto& by = x_.by_label.own();
    by = x_.labels.raw.own();
    std::stable_sort(by.begin(), by.end(),
                     [&](const auto& a, const auto& b) { return x_.str(a.label) < x_.str(b.label); });
    auto& between = x_.changes_between.own();
    std::stable_sort(between.begin(), between.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto &ca = x_.changes.raw[a], &cb = x_.changes.raw[b];
      return std::pair(ca.sending, ca.receiving) < std::pair(cb.sending, cb.receiving);
    });
  }

  // rows: key -> values (each once per key)  ==>  out: value -> keys, ascending.
  void invert(const Rows& rows, Rows& out) const {
    std::vector<std::uint32_t> at(x_.actor_node.size() + 1, 0);
    for (Id v : rows.values) ++at[v + 1];
    for (std::size_t i = 1; i < at.size(); ++i) at[i] += at[i - 1];
    out.begin.own().assign(at.data(), at.data() + at.size());
    out.values.own().assign(rows.values.size(), no_id);
    for (std::size_t k = 0; k < rows.keys(); ++k) {
      for (Id v : rows[k]) out.values[at[v]++] = static_cast<Id>(k);
    }
  }

  EventIndex::Impl& x_;
  const Schema& s_;
  std::unordered_map<NodeId, Id> rank_;
  std::unordered_map<NodeId, Described> described_;
  std::unordered_map<NodeId, std::pair<NodeId, std::string_view>> parent_;  // change -> event, source
  std::unordered_map<NodeId, NodeId> sources_;  // participation -> its agent, in a source role only
  struct Later {
    NodeId node;
    Id event;
    std::uint32_t label;  // 1 the event's label, 0 its source
  };
  PodVector<Later> later_;  // read after the scan, by node
  std::unordered_map<NodeId, std::pair<EventIndex::Impl::System, Span>> spans_;
  std::unordered_map<NodeId, Id> ids_;            // actor by node, while building
  std::vector<std::string_view> sectors_;         // sector_names, while building
  std::unordered_map<const char*, Text> shared_;  // node text -> its one copy in the pool
  EventTexts texts_;
  Subject cur_;
};

}  // namespace

EventIndex::Impl::Impl(const QuadSource& src, EventTexts texts) : schema(src) {
  pool.src = &src;
  Builder(*this, texts).read();
}

}  // namespace diplograph
