// libFuzzer target for what a SPARQL store sends back: a results document (JSON or XML, told by
// its first character as when a store names no media type) read as the SPARQL backend reads it (statements ?s
// ?p ?o into a store beside nothing else), then asked questions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "diplograph/query.hpp"
#include "diplograph/sparql.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph;
  const std::string_view doc(reinterpret_cast<const char*>(data), size);
  Store store(index_spo);
  try {
    read_sparql_results(
        doc, "", {"s", "p", "o"},
        [&](const std::vector<TermRef>& t) {
          const bool node = t[0].kind == TermKind::iri || t[0].kind == TermKind::blank;
          if (node && t[1].kind == TermKind::iri && !t[2].empty()) store.add(t[0], t[1], t[2]);
        },
        "fuzz");
  } catch (const StoreError&) {
    return 0;
  }
  const auto questions = questions_in_memory(store);
  try {
    (void)questions->met(MetOptions{});
    (void)questions->actors("");
    DyadsOptions d;
    d.by = Period::month;
    d.events.state_level = true;
    (void)questions->dyads(d);
  } catch (const UsageError&) {
  }
  return 0;
}
