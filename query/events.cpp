// Every event, of any class, with its coded values: the researchers' event table.
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

// Each event class's CAMEO root from the ontology (dg:cameoRoot, its first two digits), a
// class without one taking the root of the nearest annotated class above it.
std::unordered_map<NodeId, std::string> class_roots(const Schema& s) {
  std::unordered_map<NodeId, std::string> own, out;
  for (NodeId c : s.events) {
    const std::string_view root = s.src.value(c, s.cameo_root);
    if (root.size() >= 2) own.emplace(c, std::string(root.substr(0, 2)));
  }
  for (NodeId c : s.events) {  // schema.events lists a class after every class above it
    if (auto it = own.find(c); it != own.end()) {
      for (NodeId sub : s.subclasses(c)) {
        if (!own.count(sub) || sub == c) out[sub] = it->second;
      }
    }
  }
  return out;
}

// Who an option names, as asked: its state at state level.
Id named(const EventIndex& index, const std::string& name, bool state_level) {
  const auto& x = index.impl();
  NodeId n = resolve_actor(index, name);
  if (state_level) n = x.state_of(n);
  if (!n)
    throw UsageError(
        "with --level state, --actor and --with must name a state or an actor that represents one");
  return x.actor(n);
}

bool took_part(const EventIndex::Impl& x, Id e, Id who, bool state_level) {
  const auto parts = x.participants[e];
  return std::any_of(parts.begin(), parts.end(),
                     [&](Id p) { return p == who || (state_level && x.actor_state[p] == who); });
}

struct Events {
  Events(const EventIndex& index, const EventsOptions& o)
      : x(index.impl()), opts(o), roots(class_roots(x.schema)) {
    if (!o.actor.empty()) actor = named(index, o.actor, o.state_level);
    if (!o.with.empty()) with = named(index, o.with, o.state_level);
    if (!o.types.empty()) classes = type_filter(x.schema, o.types);
  }

  [[nodiscard]] std::string quad(const EventIndex::Impl::Event& ev) const {
    if (!ev.quad.empty()) return std::string(ev.quad);
    int q = quad_class_of_root(ev.cameo);
    if (q == 0 && ev.type != no_id) {
      const auto it = roots.find(x.schema.events[ev.type]);
      if (it != roots.end()) q = quad_class_of_root(it->second);
    }
    return q ? std::to_string(q) : std::string();
  }

  [[nodiscard]] bool wanted(Id e, const std::string& q) const {
    const auto& ev = x.events[e];
    if (!date_in_range(ev.date, ev.end_date, opts.since, opts.until)) return false;
    if (actor != no_id && !took_part(x, e, actor, opts.state_level)) return false;
    if (with != no_id && !took_part(x, e, with, opts.state_level)) return false;
    return of_class(e) && coded(ev, q);
  }

  [[nodiscard]] bool of_class(Id e) const {
    if (opts.types.empty()) return true;
    const auto mine = x.event_classes[e];
    return std::any_of(mine.begin(), mine.end(), [&](Id c) {
      return std::find(classes.begin(), classes.end(), x.schema.events[c]) != classes.end();
    });
  }

  [[nodiscard]] bool coded(const EventIndex::Impl::Event& ev, const std::string& q) const {
    if (!opts.cameo.empty() && std::none_of(opts.cameo.begin(), opts.cameo.end(),
                                            [&](const std::string& p) { return ev.cameo.starts_with(p); }))
      return false;
    if (!opts.quad_classes.empty() && std::find(opts.quad_classes.begin(), opts.quad_classes.end(),
                                                q.empty() ? 0 : std::stoi(q)) == opts.quad_classes.end())
      return false;
    if (!opts.goldstein_min && !opts.goldstein_max) return true;
    if (ev.goldstein.empty()) return false;
    const double g = std::strtod(std::string(ev.goldstein).c_str(), nullptr);
    return (!opts.goldstein_min || g >= *opts.goldstein_min) &&
           (!opts.goldstein_max || g <= *opts.goldstein_max);
  }

  [[nodiscard]] EventRow row(Id e, std::string q) const {
    const auto& ev = x.events[e];
    std::vector<std::string_view> names;
    for (Id p : x.participants[e])
      names.push_back(x.actor_label[p].empty() ? x.actor_iri[p] : x.actor_label[p]);
    std::sort(names.begin(), names.end());
    std::string participants;
    for (auto n : names) (participants += participants.empty() ? "" : "; ") += n;
    std::vector<std::string> records;
    for (NodeId r : x.schema.src.objects(ev.node, x.schema.source_record))
      records.emplace_back(x.schema.src.text(r));
    std::sort(records.begin(), records.end());
    std::string joined;
    for (const auto& r : records) (joined += joined.empty() ? "" : " ") += r;
    return {std::string(ev.date),
            std::string(x.schema.src.text(ev.node)),
            std::string(x.type_name(ev.type)),
            std::string(ev.cameo),
            std::move(q),
            std::string(ev.goldstein),
            std::string(ev.label),
            participants,
            std::string(ev.source),
            joined};
  }

  const EventIndex::Impl& x;
  const EventsOptions& opts;
  const std::unordered_map<NodeId, std::string> roots;
  Id actor = no_id, with = no_id;
  std::vector<NodeId> classes;
};

}  // namespace

int quad_class_of_root(std::string_view cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '2' || cameo[1] < '0' || cameo[1] > '9') return 0;
  const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}

Answer<EventRow> query_events(const EventIndex& index, const EventsOptions& opts) {
  const Events q(index, opts);
  const auto& x = index.impl();
  std::vector<Id> order;
  std::vector<std::string> quads(x.events.size());
  for (Id e = 0; e < x.events.size(); ++e) {
    quads[e] = q.quad(x.events[e]);
    if (q.wanted(e, quads[e])) order.push_back(e);
  }
  std::sort(order.begin(), order.end(), [&](Id a, Id b) {
    const auto &ea = x.events[a], &eb = x.events[b];
    return ea.date != eb.date ? ea.date < eb.date : x.schema.src.text(ea.node) < x.schema.src.text(eb.node);
  });
  Answer<EventRow> out;
  out.rows.reserve(order.size());
  for (Id e : order) out.rows.push_back(q.row(e, quads[e]));
  return out;
}

}  // namespace diplograph
