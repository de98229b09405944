// The events a conversion has written, so that a record of an event already written is told
// apart: the same record again (a file given twice, overlapping exports) adds nothing, and a
// different record under the same event IRI is merged into it and reported.
#include <bit>
#include <cstring>

#include "diplograph/convert.hpp"

namespace diplograph {

namespace {

// FNV-1a over each field, with the field's length so that "ab","c" and "a","bc" differ.
class Hasher {
 public:
  void add(std::string_view s) {
    add_bytes(s.data(), s.size());
    const std::uint64_t n = s.size();
    add_bytes(&n, sizeof n);
  }
  void add(const std::vector<std::string>& list) {
    add(std::to_string(list.size()));
    for (const auto& s : list) add(s);
  }
  void add(const std::optional<double>& v) { add(v ? std::to_string(*v) : std::string("-")); }
  [[nodiscard]] std::uint64_t value() const { return h_; }

 private:
  void add_bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h_ = (h_ ^ p[i]) * 0x100000001B3ULL;
  }
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
};

void add_participant(Hasher& h, const Participant& p) {
  for (const auto* s : {&p.name, &p.kind, &p.state, &p.title, &p.role, &p.side, &p.lang, &p.actor_code, &p.id,
                        &p.source_name})
    h.add(*s);
  h.add(p.sectors);
  h.add(p.same_as);
}

void add_place_and_relation(Hasher& h, const EventRecord& r) {
  h.add(r.location ? std::string_view("place") : std::string_view("-"));
  if (r.location) {
    for (const auto* s : {&r.location->name, &r.location->country, &r.location->lang}) h.add(*s);
    h.add(r.location->lat);
    h.add(r.location->lon);
  }
  h.add(r.relation ? std::string_view("relation") : std::string_view("-"));
  if (r.relation) {
    for (const auto* s : {&r.relation->sending, &r.relation->receiving, &r.relation->level,
                          &r.relation->previous_level, &r.relation->status})
      h.add(*s);
    h.add(r.relation->both_directions ? "both" : "one");
  }
}

}  // namespace

std::uint64_t fingerprint(const EventRecord& r) {
  Hasher h;
  for (const auto* s : {&r.id,         &r.id_space,     &r.event_class, &r.date,         &r.end_date,
                        &r.label,      &r.summary,      &r.source_url,  &r.source_title, &r.publisher,
                        &r.published,  &r.note,         &r.cameo_code,  &r.goldstein,    &r.intensity,
                        &r.quad_class, &r.num_mentions, &r.avg_tone,    &r.story_id,     &r.lang})
    h.add(*s);
  h.add(r.topics);
  h.add(r.source_records);
  h.add(std::to_string(r.participants.size()));
  for (const auto& p : r.participants) add_participant(h, p);
  add_place_and_relation(h, r);
  return h.value();
}

EventLedger::Seen EventLedger::add(std::string_view event_iri, std::uint64_t print) {
  Hasher h;
  h.add(event_iri);
  const auto [at, inserted] = seen_.try_emplace(h.value(), print);
  if (inserted) return Seen::first;
  return at->second == print ? Seen::same : Seen::other;
}

}  // namespace diplograph
