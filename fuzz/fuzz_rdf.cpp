// libFuzzer target for RDF loading: the first byte picks the syntax, the rest is the document,
// read into a Store (so Serd, our checks and Sord all see it) and written back out.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "diplograph/rdf.hpp"

namespace {

struct NullSink : diplograph::QuadSink {
  void quad(diplograph::TermRef, diplograph::TermRef, diplograph::TermRef, diplograph::TermRef) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph;
  if (size == 0) return 0;
  constexpr Syntax kSyntaxes[] = {Syntax::turtle, Syntax::ntriples, Syntax::nquads, Syntax::trig};
  ReadOptions opts;
  opts.syntax = kSyntaxes[data[0] % 4];
  opts.base = "http://example.org/base/doc";
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  Store store(index_spo | index_ops, true);
  if (store.load_string(text, "fuzz", opts, [](const Diagnostic&) {})) {
    std::FILE* null = std::fopen("/dev/null", "wb");
    auto writer = Writer::create(Syntax::trig, null);
    store.write(*writer);
    (void)writer->finish();
    std::fclose(null);
  }
  return 0;
}
