// dg_query_bench: loads a graph as `diplograph query` does, then times the questions on it.
//   dg_query_bench FILE ACTOR STATE_A STATE_B [REPEAT [dyads]]   (dyads: that question only)
// Prints each load's time, then the mean time of one actor's who-met-whom, one relation's
// history, the state-pair counts over all events, and the dyad-month table at state level.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace diplograph;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

template <class Fn>
double mean_ms(int repeat, Fn fn) {
  const auto t = Clock::now();
  for (int i = 0; i < repeat; ++i) fn();
  return ms_since(t) / repeat;
}

// Loads the ontology and FILE keeping what question `q` reads, as the CLI does.
std::unique_ptr<Store> load(const char* file, Question q, double& ms) {
  const auto t = Clock::now();
  auto store = std::make_unique<Store>(index_spo);
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  auto report = [](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.str().c_str()); };
  if (!store->load_string(ontology_turtle(), "diplomacy.ttl", onto, report)) std::exit(2);
  ReadOptions opts;
  keep_only_what(q, opts);
  if (!store->load_file(file, opts, report)) std::exit(2);
  ms = ms_since(t);
  return store;
}

// The store and the index built on it: what `diplograph query` holds once a graph is loaded.
struct Loaded {
  std::unique_ptr<Store> store;
  std::unique_ptr<EventIndex> index;
};

Loaded load_and_index(const char* file, Question q, const char* what) {
  double ms = 0;
  Loaded l;
  l.store = load(file, q, ms);
  const auto t = Clock::now();
  l.index = std::make_unique<EventIndex>(*l.store);
  const double index_ms = ms_since(t);
  std::printf("load for %-10s %10.1f ms  (%zu statements kept; of which indexing %.1f ms, %zu events)\n",
              what, ms + index_ms, l.store->size(), index_ms, l.index->events());
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: dg_query_bench FILE ACTOR STATE_A STATE_B [REPEAT [dyads]]\n");
    return 1;
  }
  const int repeat = argc > 5 ? std::atoi(argv[5]) : 20;
  const bool only_dyads = argc > 6 && std::string(argv[6]) == "dyads";
  std::size_t rows = 0;
  if (!only_dyads) {
    const auto l = load_and_index(argv[1], Question::met, "met");
    MetOptions one;
    one.actor = argv[2];
    const double met = mean_ms(repeat, [&] { rows = query_met(*l.index, one).rows.size(); });
    std::printf("met --actor         %10.3f ms  (%zu rows)\n", met, rows);
  }
  if (!only_dyads) {
    const auto l = load_and_index(argv[1], Question::relation, "relation");
    RelationOptions r{argv[3], argv[4], ""};
    r.summary = false;
    const double rel = mean_ms(repeat, [&] { rows = query_relation(*l.index, r).history.rows.size(); });
    std::printf("relation history    %10.3f ms  (%zu rows)\n", rel, rows);
  }
  if (!only_dyads) {
    const auto l = load_and_index(argv[1], Question::met_count, "counts");
    MetOptions counts;
    counts.state_level = true;
    const double pairs = mean_ms(repeat, [&] { rows = query_met_counts(*l.index, counts).rows.size(); });
    std::printf("state-pair counts   %10.3f ms  (%zu pairs)\n", pairs, rows);
  }
  {
    const auto l = load_and_index(argv[1], Question::dyads, "dyads");
    DyadsOptions d;
    d.by = Period::month;
    d.events.state_level = true;
    const double dyads =
        mean_ms(std::max(1, repeat / 4), [&] { rows = query_dyads(*l.index, d).rows.size(); });
    std::printf("dyads month state   %10.3f ms  (%zu rows)\n", dyads, rows);
  }
  return 0;
}
