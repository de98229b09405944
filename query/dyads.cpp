// Dyad-period counts: events per pair of actors (or states) and period, with the four quad
// classes and the mean Goldstein score, the panel researchers join to other data by state code.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "query/event_filter.hpp"

namespace diplograph {

namespace {

struct Key {
  std::string_view period;
  Id a = no_id, b = no_id;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept {
    return std::hash<std::string_view>()(k.period) ^ (std::size_t{k.a} * 0x9E3779B97F4A7C15ULL) ^
           (std::size_t{k.b} * 0xC2B2AE3D27D4EB4FULL);
  }
};

struct Tally {
  std::uint64_t events = 0;
  std::array<std::uint64_t, 4> quad{};
  double goldstein = 0;
  std::uint64_t scored = 0;
};

std::size_t period_length(Period by) {
  switch (by) {
  case Period::year:
    return 4;
  case Period::month:
    return 7;
  case Period::day:
    return 10;
  case Period::all:
    break;
  }
  return 0;
}

// "2.35" from the mean, rounded to 4 decimals, without trailing zeros.
std::string mean_text(double sum, std::uint64_t n) {
  if (n == 0) return {};
  const double mean = std::round(sum / static_cast<double>(n) * 10000.0) / 10000.0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", mean == 0 ? 0.0 : mean);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

class Dyads {
 public:
  Dyads(const EventIndex& index, const DyadsOptions& opts)
      : x_(index.impl()), opts_(opts), filter_(index, opts.events), length_(period_length(opts.by)) {}

  void count() {
    for (Id e = 0; e < x_.events.size(); ++e) {
      const int quad = filter_.quad(e);
      if (filter_.wanted(e, quad)) add(e, quad);
    }
  }

  [[nodiscard]] Answer<DyadRow> rows() const {
    std::vector<std::pair<Key, const Tally*>> order;
    order.reserve(tallies_.size());
    for (const auto& [k, t] : tallies_) order.emplace_back(k, &t);
    std::sort(order.begin(), order.end(), [&](const auto& l, const auto& r) {
      if (l.first.period != r.first.period) return l.first.period < r.first.period;
      if (l.second->events != r.second->events) return l.second->events > r.second->events;
      const auto rank = [&](const Key& k) { return std::make_pair(x_.actor_rank[k.a], x_.actor_rank[k.b]); };
      return rank(l.first) < rank(r.first);
    });
    Answer<DyadRow> out;
    out.rows.reserve(order.size());
    for (const auto& [k, t] : order) out.rows.push_back(row(k, *t));
    return out;
  }

 private:
  // The event's sides: every participant (its state at state level), and those in a source role.
  void add(Id e, int quad) {
    nodes_.clear();
    sources_.clear();
    for (Id p : x_.participants[e]) push(nodes_, p);
    if (opts_.directed && e < x_.sources.keys()) {
      for (Id p : x_.sources[e]) push(sources_, p);
    }
    const std::string_view date = x_.events[e].date;
    const std::string_view period = date.substr(0, std::min(date.size(), length_));
    if (!opts_.directed) return pairs(period, e, quad, false);
    if (sources_.empty()) return pairs(period, e, quad, true);
    for (Id s : sources_) {
      for (Id o : nodes_) {
        if (std::find(sources_.begin(), sources_.end(), o) == sources_.end()) tally({period, s, o}, e, quad);
      }
    }
  }

  void push(std::vector<Id>& into, Id p) const {
    const Id who = opts_.events.state_level ? x_.actor_state[p] : p;
    if (who != no_id && std::find(into.begin(), into.end(), who) == into.end()) into.push_back(who);
  }

  void pairs(std::string_view period, Id e, int quad, bool both_ways) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      for (std::size_t j = i + 1; j < nodes_.size(); ++j) {
        Id a = nodes_[i], b = nodes_[j];
        if (x_.actor_rank[b] < x_.actor_rank[a]) std::swap(a, b);
        tally({period, a, b}, e, quad);
        if (both_ways) tally({period, b, a}, e, quad);
      }
    }
  }

  // Counts the event for one pair, if --actor and --with allow the pair.
  void tally(const Key& k, Id e, int quad) {
    const Id actor = filter_.actor(), with = filter_.with();
    if (actor != no_id && k.a != actor && k.b != actor) return;
    if (with != no_id && k.a != with && k.b != with) return;
    Tally& t = tallies_[k];
    ++t.events;
    if (quad >= 1 && quad <= 4) ++t.quad[static_cast<std::size_t>(quad - 1)];
    const std::string_view g = x_.events[e].goldstein;
    if (!g.empty()) {
      t.goldstein += std::strtod(std::string(g).c_str(), nullptr);
      ++t.scored;
    }
  }

  [[nodiscard]] DyadRow row(const Key& k, const Tally& t) const {
    return {std::string(k.period),
            std::string(x_.actor_iri[k.a]),
            std::string(x_.actor_label[k.a]),
            std::string(code(k.a, k.period)),
            std::string(x_.actor_iri[k.b]),
            std::string(x_.actor_label[k.b]),
            std::string(code(k.b, k.period)),
            t.events,
            t.quad,
            mean_text(t.goldstein, t.scored)};
  }

  // A state's code in the scheme asked for, the one of the period's year for COW and G-W.
  [[nodiscard]] std::string_view code(Id a, std::string_view period) const {
    if (x_.actor_state[a] != a) return {};
    if (opts_.codes == CodeScheme::iso3) return x_.state_code(a);
    const int year = period.size() >= 4 ? std::atoi(std::string(period.substr(0, 4)).c_str()) : 0;
    return x_.system_code(a, opts_.codes == CodeScheme::cow ? EventIndex::Impl::cow : EventIndex::Impl::gw,
                          year);
  }

  const EventIndex::Impl& x_;
  const DyadsOptions& opts_;
  const EventFilter filter_;
  const std::size_t length_;
  std::vector<Id> nodes_, sources_;
  std::unordered_map<Key, Tally, KeyHash> tallies_;
};

}  // namespace

std::optional<Period> period_named(std::string_view name) {
  if (name == "all") return Period::all;
  if (name == "year") return Period::year;
  if (name == "month") return Period::month;
  if (name == "day") return Period::day;
  return std::nullopt;
}

std::optional<CodeScheme> code_scheme_named(std::string_view name) {
  if (name == "iso3") return CodeScheme::iso3;
  if (name == "cow") return CodeScheme::cow;
  if (name == "gw") return CodeScheme::gw;
  return std::nullopt;
}

Answer<DyadRow> query_dyads(const EventIndex& index, const DyadsOptions& opts) {
  Dyads d(index, opts);
  d.count();
  return d.rows();
}

}  // namespace diplograph
