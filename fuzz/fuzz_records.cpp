// libFuzzer target for one record reader (chosen at build time by DIPLOGRAPH_FUZZ_FORMAT) and
// the mapping of what it reads to triples. Any input must end in records or diagnostics:
// never a crash, a hang, or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "diplograph/convert.hpp"

namespace {

struct NullSink : diplograph::QuadSink {
  std::size_t n = 0;
  void quad(diplograph::TermRef, diplograph::TermRef, diplograph::TermRef, diplograph::TermRef) override {
    ++n;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ReaderContext ctx;
  ctx.file = "fuzz";
  ctx.limits.max_line = 1U << 16U;
  auto reader = input_format(DIPLOGRAPH_FUZZ_FORMAT)->open(in, ctx);
  NullSink sink;
  Mapper mapper(sink, {});
  EventRecord rec;
  Diagnostic d;
  for (int i = 0; i < 100000; ++i) {
    const ReadStatus s = reader->next(rec, d);
    if (s == ReadStatus::end || s == ReadStatus::fatal) break;
    if (s == ReadStatus::ok) mapper.map(rec, "fuzz");
  }
  return 0;
}
