// libFuzzer target for the questions: a Turtle document is loaded beside the ontology, indexed,
// and asked every question, so that no graph (cycles of represents, events typed strangely,
// relation changes without states) makes the EventIndex or a query crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "diplograph/convert.hpp"
#include "diplograph/present.hpp"
#include "diplograph/query.hpp"

namespace {

using namespace diplograph;

// A question whose names match nothing is a usage error: that is an answer too.
template <class Fn>
void ask(Fn fn) {
  try {
    fn();
  } catch (const UsageError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ReadOptions opts;
  opts.syntax = Syntax::turtle;
  opts.base = std::string(ns::dg);
  Store store(index_spo);
  auto ignore = [](const Diagnostic&) {};
  if (!store.load_string(ontology_turtle(), "diplomacy.ttl", opts, ignore)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!store.load_string(text, "fuzz", opts, ignore)) return 0;
  const EventIndex index(store);
  ask([&] { (void)query_met(index, {}); });
  MetOptions counts;
  counts.state_level = true;
  ask([&] { (void)query_met_counts(index, counts); });
  MetOptions one;
  one.actor = "a";  // any actor whose label holds an "a", if it is the only one
  one.since = "2000";
  ask([&] { (void)query_met(index, one); });
  ask([&] { (void)query_relation(index, {"AFG", "PAK", "2025-06"}); });
  ask([&] { (void)query_timeline(index, "a", "", ""); });
  ask([&] { (void)query_path(index, "a", "e", 4); });
  ask([&] { (void)query_events(index, {}); });
  DyadsOptions dyads;  // the panel, directed, by month, with COW codes of the year
  dyads.by = Period::month;
  dyads.directed = true;
  dyads.codes = CodeScheme::cow;
  dyads.events.state_level = true;
  ask([&] { (void)query_dyads(index, dyads); });
  std::ostringstream network, page;
  ask([&] {
    write_network(network, network_of(query_met(index, {}).rows, query_actors(index, "").rows),
                  NetworkFormat::gexf);
  });
  (void)validate(store);
  struct Null : QuadSink {
    void quad(TermRef, TermRef, TermRef, TermRef) override {}
  } null;
  describe(store, {}, null);
  return 0;
}
