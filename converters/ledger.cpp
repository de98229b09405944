// The events a conversion has written, so that a record of an event already written is told
// apart: the same record again (a file given twice, overlapping exports) adds nothing, and a
// different record under the same event IRI is merged into it and reported.
#include <bit>
#include <cstring>
#include <functional>
#include <type_traits>

#include "diplograph/convert.hpp"

namespace diplograph {

namespace {

// Each field hashed whole (std::hash) and folded in, with its length, so that "ab","c" and
// "a","bc" differ.
class Hasher {
 public:
  void add(std::string_view s) {
    fold(std::hash<std::string_view>{}(s));
    fold(s.size());
  }
  void add(const std::vector<std::string>& list) {
    fold(list.size());
    for (const auto& s : list) add(s);
  }
  void add(const std::optional<double>& v) { fold(v ? std::bit_cast<std::uint64_t>(*v) : 0x5bd1e995U); }
  void add(const Date& d) { add(d.text()); }
  void add(const std::optional<Decimal>& d) { add(d ? std::string_view(d->text()) : std::string_view("-")); }
  template <class E>
  requires std::is_enum_v<E>
  void add(E e) { fold(static_cast<std::uint64_t>(e)); }
  template <class E>
  void add(const std::optional<E>& e) {
    fold(e ? static_cast<std::uint64_t>(*e) + 1 : 0);
  }
  void count(std::size_t n) { fold(n); }
  [[nodiscard]] std::uint64_t value() const { return h_; }

 private:
  void fold(std::uint64_t v) {  // splitmix64's finalizer over the running value and the next
    std::uint64_t h = h_ ^ (v + 0x9E3779B97F4A7C15ULL + (h_ << 6U) + (h_ >> 2U));
    h = (h ^ (h >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27U)) * 0x94D049BB133111EBULL;
    h_ = h ^ (h >> 31U);
  }
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
};

void add_participant(Hasher& h, const Participant& p) {
  for (const auto* s : {&p.name, &p.state, &p.title, &p.role, &p.lang, &p.actor_code, &p.id, &p.source_name})
    h.add(*s);
  h.add(p.kind);
  h.add(p.side);
  h.add(p.sectors);
  h.add(p.same_as);
}

void add_place_and_relation(Hasher& h, const EventRecord& r) {
  h.add(r.location ? std::string_view("place") : std::string_view("-"));
  if (r.location) {
    for (const auto* s : {&r.location->name, &r.location->country, &r.location->lang, &r.location->geonames})
      h.add(*s);
    h.add(r.location->lat);
    h.add(r.location->lon);
  }
  h.add(r.relation ? std::string_view("relation") : std::string_view("-"));
  if (r.relation) {
    h.add(r.relation->sending);
    h.add(r.relation->receiving);
    h.add(r.relation->level);
    h.add(r.relation->previous_level);
    h.add(r.relation->status);
    h.add(r.relation->both_directions ? "both" : "one");
  }
  h.add(r.observation ? std::string_view("observation") : std::string_view("-"));
  if (r.observation) {
    for (const auto* s : {&r.observation->sending, &r.observation->receiving, &r.observation->dataset})
      h.add(*s);
    h.add(r.observation->level);
    h.count(r.observation->year);
  }
}

}  // namespace

std::uint64_t fingerprint(const EventRecord& r) {
  Hasher h;
  for (const auto* s : {&r.id, &r.id_space, &r.event_class, &r.label, &r.summary, &r.source_url,
                        &r.source_title, &r.publisher, &r.note, &r.cameo_code, &r.story_id, &r.lang})
    h.add(*s);
  h.add(r.goldstein);
  h.add(r.intensity);
  h.count(r.quad_class);
  h.add(r.num_mentions);
  h.add(r.avg_tone);
  h.add(r.date);
  h.add(r.end_date);
  h.add(r.published);
  h.add(r.topics);
  h.add(r.plover_type);
  h.add(r.plover_mode);
  h.add(r.contexts);
  // An observation is what it says, whichever row said it: the same one on two lines is one.
  if (!r.observation) h.add(r.source_records);
  h.count(r.participants.size());
  for (const auto& p : r.participants) add_participant(h, p);
  add_place_and_relation(h, r);
  return h.value();
}

EventLedger::Seen EventLedger::add(std::string_view event_iri, std::uint64_t print) {
  if ((used_ + 1) * 4 > slots_.size() * 3) grow();
  Hasher h;
  h.add(event_iri);
  const std::uint64_t key = h.value() ? h.value() : 1;  // 0 marks an empty slot
  for (std::size_t i = key & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
    auto& [k, p] = slots_[i];
    if (k == 0) {
      k = key;
      p = print;
      ++used_;
      return Seen::first;
    }
    if (k == key) return p == print ? Seen::same : Seen::other;
  }
}

void EventLedger::grow() {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> old(std::max<std::size_t>(4096, slots_.size() * 2));
  old.swap(slots_);
  for (const auto& [k, p] : old) {
    if (k == 0) continue;
    std::size_t i = k & (slots_.size() - 1);
    while (slots_[i].first != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {k, p};
  }
}

}  // namespace diplograph
