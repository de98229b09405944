// libFuzzer target for the HTTP API's reader of requests: "ROUTE?a=1&b=2" answered by api_reply
// over the samples (loaded once). It must never throw, and always answer a status it documents.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "diplograph/serve.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"

namespace {

const diplograph::Questions& samples() {
  using namespace diplograph;
  static Store store(index_spo);
  static std::unique_ptr<Questions> q = [] {
    ReadOptions onto;
    onto.syntax = Syntax::turtle;
    onto.base = std::string(ns::dg);
    const auto ignore = [](const Diagnostic&) {};
    if (!store.load_string(ontology_turtle(), "diplomacy.ttl", onto, ignore) ||
        !store.load_file(DIPLOGRAPH_SAMPLES_NT, {}, ignore))
      std::abort();
    return questions_in_memory(store);
  }();
  return *q;
}

diplograph::Params params_of(std::string_view query) {
  diplograph::Params out;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    out.emplace_back(std::string(pair.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto mark = text.find('?');
  const auto reply =
      diplograph::api_reply(samples(), text.substr(0, mark),
                            params_of(mark == std::string_view::npos ? "" : text.substr(mark + 1)));
  const int s = reply.status;
  if (s != 200 && s != 400 && s != 404) std::abort();  // no store here: nothing else is due
  return 0;
}
