// Every event, of any class, with its coded values: the researchers' event table.
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "query/event_filter.hpp"

namespace diplograph {

namespace {

// One row of the event table.
EventRow row_of(const EventIndex::Impl& x, Id e, int quad) {
  const auto& ev = x.events[e];
  std::vector<std::string> records;
  for (NodeId r : x.schema.src.objects(ev.node, x.schema.source_record))
    records.emplace_back(x.schema.src.text(r));
  std::sort(records.begin(), records.end());
  return {Date(ev.date),
          std::string(x.schema.src.text(ev.node)),
          std::string(x.type_name(ev.type)),
          std::string(ev.cameo),
          static_cast<std::uint8_t>(quad),
          Decimal::parse(ev.goldstein),
          std::string(ev.label),
          x.participant_names(e),
          std::string(ev.source),
          std::move(records)};
}

}  // namespace

EventFilter::EventFilter(const EventIndex& index, const EventsOptions& opts) : x_(index.impl()), opts_(opts) {
  if (!opts.actor.empty())
    actor_ = index.impl().actor(resolve_at_level(index, opts.actor, opts.state_level, "actor"));
  if (!opts.with.empty())
    with_ = index.impl().actor(resolve_at_level(index, opts.with, opts.state_level, "with"));
  if (!opts.types.empty()) classes_ = type_filter(x_.schema, opts.types);
}

int EventFilter::quad(Id e) const {
  return x_.numbers[e].quad;
}

bool EventFilter::wanted(Id e, int quad) const {
  if (!opts_.since.empty() || !opts_.until.empty()) {  // touches the event's text only when asked
    if (!date_in_range(x_.date_of(e), x_.str(x_.stored(e).end_date), opts_.since, opts_.until)) return false;
  }
  if (actor_ != no_id && !x_.took_part(e, actor_, opts_.state_level)) return false;
  if (with_ != no_id && !x_.took_part(e, with_, opts_.state_level)) return false;
  return of_class(e) && coded(e, quad);
}

bool EventFilter::of_class(Id e) const {
  if (opts_.types.empty()) return true;
  const auto mine = x_.event_classes[e];
  return std::any_of(mine.begin(), mine.end(), [&](Id c) {
    return std::find(classes_.begin(), classes_.end(), x_.schema.events[c]) != classes_.end();
  });
}

bool EventFilter::coded(Id e, int quad) const {
  const auto& o = opts_;
  if (!o.cameo.empty() && std::none_of(o.cameo.begin(), o.cameo.end(), [&](const std::string& p) {
        return x_.str(x_.stored(e).cameo).starts_with(p);
      }))
    return false;
  if (!o.quad_classes.empty() &&
      std::find(o.quad_classes.begin(), o.quad_classes.end(), quad) == o.quad_classes.end())
    return false;
  if (!o.goldstein_min && !o.goldstein_max) return true;
  const auto& n = x_.numbers[e];
  return n.scored && (!o.goldstein_min || n.score >= *o.goldstein_min) &&
         (!o.goldstein_max || n.score <= *o.goldstein_max);
}

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
  const EventFilter filter(index, opts);
  const auto& x = index.impl();
  std::vector<Id> order;
  std::vector<int> quads(x.events.size());
  for (Id e = 0; e < x.events.size(); ++e) {
    quads[e] = filter.quad(e);
    if (filter.wanted(e, quads[e])) order.push_back(e);
  }
  std::sort(order.begin(), order.end(), [&](Id a, Id b) {
    const auto da = x.date_of(a), db = x.date_of(b);
    return da != db ? da < db : x.schema.src.text(x.stored(a).node) < x.schema.src.text(x.stored(b).node);
  });
  Answer<EventRow> out;
  out.rows.reserve(order.size());
  for (Id e : order) out.rows.push_back(row_of(x, e, quads[e]));
  return out;
}

}  // namespace diplograph
