// Dyad-period counts: events per pair of actors (or states) and period, with the four quad
// classes and the mean Goldstein score, the panel researchers join to other data by state code.

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "diplograph/slot_table.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"
#include "query/event_filter.hpp"

namespace diplograph {

namespace {

// A pair in a period (YYYYMMDD with the parts the period leaves out as 00; 0 for all).
struct Key {
  std::uint32_t period = 0;
  Id a = no_id, b = no_id;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept {  // splitmix64's finalizer over the three
    std::uint64_t h = (std::uint64_t{k.a} << 32U | k.b) ^ (std::uint64_t{k.period} * 0x9E3779B97F4A7C15ULL);
    h = (h ^ (h >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27U)) * 0x94D049BB133111EBULL;
    return static_cast<std::size_t>(h ^ (h >> 31U));
  }
};

struct Tally {
  double goldstein = 0;
  std::uint32_t events = 0, scored = 0;
  std::array<std::uint32_t, 4> quad{};
  std::uint32_t first = UINT32_MAX, last = 0;  ///< days (YYYYMMDD) of its earliest and latest event
};

// The tallies by key in one flat array, found through an open-addressing table of places:
// no allocation per key (a node-based map allocated a node for each of hundreds of thousands of
// pair-periods, and that allocation was most of the question's time).
class Tallies {
 public:
  /// Room for `n` keys without growing (the memory is only reserved, and touched as used).
  void reserve(std::size_t n) {
    entries_.reserve(n);
    rehash(2 * n);
  }

  Tally& operator[](const Key& k) {
    if (table_.full(entries_.size() + 1)) grow();
    const auto fresh = static_cast<std::uint32_t>(entries_.size());
    const std::uint32_t at = table_.find_or_place(
        KeyHash()(k), [&](std::uint32_t e) { return entries_[e].first == k; }, fresh);
    if (at == fresh) entries_.emplace_back(k, Tally{});
    return entries_[at].second;
  }
  [[nodiscard]] BulkVector<std::pair<Key, Tally>>& entries() { return entries_; }

 private:
  void grow() {
    const std::size_t n = entries_.size();
    if (n == entries_.capacity()) return reserve(2 * n + 1024);  // a new array: entries_ and the table again
    rehash(table_.slots() * 2);
  }
  void rehash(std::size_t slots) {
    table_.rehash(slots, static_cast<std::uint32_t>(entries_.size()),
                  [&](std::uint32_t e) { return KeyHash()(entries_[e].first); });
  }
  SlotTable table_;
  BulkVector<std::pair<Key, Tally>> entries_;
};

// The period of a day number (YYYYMMDD): the parts finer than the period set to 00, so that a
// date less precise than the period keeps its own precision.
std::uint32_t period_of(std::uint32_t day, Period by) {
  switch (by) {
  case Period::year:
    return day / 10000 * 10000;
  case Period::month:
    return day / 100 * 100;
  case Period::day:
    return day;
  case Period::all:
    break;
  }
  return 0;
}

// One piece of evidence of the level in one direction: an observation or an effective change.
struct Evidence {
  std::uint32_t day = 0;  ///< as day_number gives it: an observation's year counts from its start
  bool observed = false;
  Level level = Level::unknown;
  std::string_view date;
};

// The evidence of each direction between states, oldest first, for the levels a state-level
// panel by year carries: by (receiving, sending) state.
class LevelHistory {
 public:
  explicit LevelHistory(const EventIndex::Impl& x) {
    Notations names(x.schema);
    for (const auto c : x.changes) {
      const LevelEvidence evidence = evidence_of(c, x.schema, names);
      if (evidence == LevelEvidence::none) continue;
      const Id r = x.actor(c.receiving), from = x.actor(c.sending);
      if (r == no_id || from == no_id) continue;
      by_pair_[key(r, from)].push_back({day_number(c.date), evidence == LevelEvidence::observed,
                                        level_named(names(c.level)).value_or(Level::unknown), c.date});
    }
    for (auto& [k, v] : by_pair_)
      std::stable_sort(v.begin(), v.end(),
                       [](const Evidence& a, const Evidence& b) { return a.day < b.day; });
  }

  /// The latest evidence of `sending`'s representation in `receiving` by the end of `year`.
  [[nodiscard]] const Evidence* at(Id receiving, Id sending, int year) const {
    const auto it = by_pair_.find(key(receiving, sending));
    if (it == by_pair_.end()) return nullptr;
    const auto end = static_cast<std::uint32_t>(year) * 10000 + 1231;
    const Evidence* last = nullptr;
    for (const auto& e : it->second) {
      if (e.day > end) break;
      last = &e;
    }
    return last;
  }

  /// Calls fn(receiving, sending, year) for each piece of evidence.
  template <class F>
  void each(F fn) const {
    for (const auto& [k, v] : by_pair_) {
      for (const auto& e : v) fn(static_cast<Id>(k >> 32U), static_cast<Id>(k & 0xFFFFFFFFU), e);
    }
  }

 private:
  static std::uint64_t key(Id receiving, Id sending) { return std::uint64_t{receiving} << 32U | sending; }
  std::unordered_map<std::uint64_t, std::vector<Evidence>> by_pair_;
};

class Dyads {
 public:
  Dyads(const EventIndex& index, const DyadsOptions& opts)
      : x_(index.impl()), opts_(opts), filter_(index, opts.events) {
    tallies_.reserve(x_.events.size());  // most events add one pair-period or none
    if (opts.levels()) levels_.emplace(x_);
  }

  void count() {
    for (Id e = 0; e < x_.events.size(); ++e) {
      const int quad = filter_.quad(e);
      if (filter_.wanted(e, quad)) add(e, quad);
    }
    if (opts_.all_known && levels_) add_known();
  }

  // The rows by period, then events descending, then the actors' IRIs: the tallies sorted in
  // place, so that the rows are then written in one sequential pass.
  [[nodiscard]] Answer<DyadRow> rows() {
    const std::size_t n = tallies_.entries().size();
    Answer<DyadRow> out;
    out.rows.reserve(n);
    advise_huge_pages(out.rows.data(), n * sizeof(DyadRow));
    out.notes = each([&](const DyadRow& r) { out.rows.push_back(r); });
    return out;
  }

  // The same rows in the same order through one DyadRow, its strings' room reused; the notes.
  std::vector<std::string> each(const std::function<void(const DyadRow&)>& fn) {
    sort();
    DyadRow r;
    for (const auto& [k, t] : tallies_.entries()) {
      fill(r, k, t);
      fn(r);
    }
    return notes();
  }

  [[nodiscard]] std::vector<std::string> notes() const {
    if (stateless_ == 0) return {};
    return {std::to_string(stateless_) + (stateless_ == 1 ? " event" : " events") +
            " left out at state level: a participant has no state (a region, or an organization or "
            "group of no country), and no two states are left to pair"};
  }

 private:
  void sort() {
    auto& entries = tallies_.entries();
    const auto& rank = x_.actor_rank;
    std::sort(entries.begin(), entries.end(), [&](const auto& l, const auto& r) {
      if (l.first.period != r.first.period) return l.first.period < r.first.period;
      if (l.second.events != r.second.events) return l.second.events > r.second.events;
      return std::make_pair(rank[l.first.a], rank[l.first.b]) <
             std::make_pair(rank[r.first.a], rank[r.first.b]);
    });
  }

  // The event's sides: every participant (its state at state level), and those in a source role.
  void add(Id e, int quad) {
    nodes_.clear();
    sources_.clear();
    for (Id p : x_.participants[e]) push(nodes_, p);
    if (opts_.directed && e < x_.sources.keys()) {
      for (Id p : x_.sources[e]) push(sources_, p);
    }
    if (nodes_.size() < 2) return note_stateless(e);
    const std::uint32_t period = period_of(x_.numbers[e].day, opts_.by);
    if (!opts_.directed) return pairs(period, e, quad, false);
    if (sources_.empty()) return pairs(period, e, quad, true);
    for (Id s : sources_) {
      for (Id o : nodes_) {
        if (std::find(sources_.begin(), sources_.end(), o) == sources_.end()) tally({period, s, o}, e, quad);
      }
    }
  }

  // An event with no pair left at state level because a participant has no state (a region,
  // an organization of no country): counted, so that the answer says what it left out.
  void note_stateless(Id e) {
    if (!opts_.events.state_level || x_.participants[e].size() < 2) return;
    const Id actor = filter_.actor();
    if (actor != no_id && std::find(nodes_.begin(), nodes_.end(), actor) == nodes_.end()) return;
    for (Id p : x_.participants[e]) {
      if (x_.actor_state[p] == no_id) {
        ++stateless_;
        return;
      }
    }
  }

  void push(std::vector<Id>& into, Id p) const {
    const Id who = opts_.events.state_level ? x_.actor_state[p] : p;
    if (who != no_id && std::find(into.begin(), into.end(), who) == into.end()) into.push_back(who);
  }

  void pairs(std::uint32_t period, Id e, int quad, bool both_ways) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      for (std::size_t j = i + 1; j < nodes_.size(); ++j) {
        Id a = nodes_[i], b = nodes_[j];
        if (x_.actor_rank[b] < x_.actor_rank[a]) std::swap(a, b);
        tally({period, a, b}, e, quad);
        if (both_ways) tally({period, b, a}, e, quad);
      }
    }
  }

  // The dyad-years with evidence of a level in them (in the dates asked), with or without events.
  void add_known() {
    levels_->each([&](Id receiving, Id sending, const Evidence& e) {
      if (!date_in_range(e.date, {}, opts_.events.since, opts_.events.until)) return;
      const std::uint32_t period = period_of(e.day, Period::year);
      Id a = receiving, b = sending;
      if (x_.actor_rank[b] < x_.actor_rank[a]) std::swap(a, b);
      if (allowed({period, a, b})) (void)tallies_[{period, a, b}];
      if (opts_.directed && allowed({period, b, a})) (void)tallies_[{period, b, a}];
    });
  }

  // Whether --actor and --with allow the pair.
  [[nodiscard]] bool allowed(const Key& k) const {
    const Id actor = filter_.actor(), with = filter_.with();
    if (actor != no_id && k.a != actor && k.b != actor) return false;
    return with == no_id || k.a == with || k.b == with;
  }

  // Counts the event for one pair, if --actor and --with allow the pair.
  void tally(const Key& k, Id e, int quad) {
    if (!allowed(k)) return;
    Tally& t = tallies_[k];
    ++t.events;
    if (const std::uint32_t day = x_.numbers[e].day; day) {
      t.first = std::min(t.first, day);
      t.last = std::max(t.last, day);
    }
    if (quad >= 1 && quad <= 4) ++t.quad[static_cast<std::size_t>(quad - 1)];
    if (x_.numbers[e].scored) {
      t.goldstein += x_.numbers[e].score;
      ++t.scored;
    }
  }

  void fill(DyadRow& r, const Key& k, const Tally& t) const {
    const auto year = static_cast<int>(k.period / 10000);
    r.period = Date::of_day(k.period);
    r.actor.assign(x_.actor_iri[k.a]);
    r.actor_label.assign(x_.actor_label[k.a]);
    r.actor_code.assign(code(k.a, year));
    r.other.assign(x_.actor_iri[k.b]);
    r.other_label.assign(x_.actor_label[k.b]);
    r.other_code.assign(code(k.b, year));
    r.events = t.events;
    r.quad = {t.quad[0], t.quad[1], t.quad[2], t.quad[3]};
    r.goldstein_mean = t.scored ? std::optional(t.goldstein / static_cast<double>(t.scored)) : std::nullopt;
    r.first_day = t.last ? t.first : 0;
    r.last_day = t.last;
    r.levels = levels_.has_value();
    r.codes = opts_.codes;
    if (!levels_) return;
    level(r.level_at_actor, r.level_at_actor_basis, levels_->at(k.a, k.b, year));
    level(r.level_at_other, r.level_at_other_basis, levels_->at(k.b, k.a, year));
  }

  static void level(std::optional<Level>& level, LevelBasis& basis, const Evidence* e) {
    level = e ? std::optional(e->level) : std::nullopt;
    basis = e ? LevelBasis{e->observed, Date(e->date)} : LevelBasis{};
  }

  // A state's code in the scheme asked for, the one of the period's year for COW and G-W.
  [[nodiscard]] std::string_view code(Id a, int year) const {
    if (x_.actor_state[a] != a) return {};
    if (opts_.codes == CodeScheme::iso3) return x_.state_code(a);
    return x_.system_code(a, opts_.codes == CodeScheme::cow ? EventIndex::Impl::cow : EventIndex::Impl::gw,
                          year);
  }

  const EventIndex::Impl& x_;
  const DyadsOptions& opts_;
  const EventFilter filter_;
  std::vector<Id> nodes_, sources_;
  Tallies tallies_;
  std::optional<LevelHistory> levels_;
  std::uint64_t stateless_ = 0;
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

std::vector<std::string> each_dyad(const EventIndex& index, const DyadsOptions& opts,
                                   const std::function<void(const DyadRow&)>& fn) {
  Dyads d(index, opts);
  d.count();
  return d.each(fn);
}

}  // namespace diplograph
