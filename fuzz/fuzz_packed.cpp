// libFuzzer target for packed inputs: bytes written to a file named .gz, .zip or plain (the
// first byte chooses), then converted as `convert` would (libarchive, format detection by name
// and content, the reader, the mapping). Any input must end in statements or diagnostics:
// never a crash, a hang, or a sanitizer report.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "diplograph/convert.hpp"

namespace {

struct NullSink : diplograph::QuadSink {
  void quad(diplograph::TermRef, diplograph::TermRef, diplograph::TermRef, diplograph::TermRef) override {}
};

const std::string& scratch_dir() {
  static const std::string dir = [] {
    std::string d = "/tmp/diplograph-fuzz-packed-XXXXXX";
    return ::mkdtemp(d.data()) ? d : std::string("/tmp");
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph;
  if (size == 0) return 0;
  static const char* names[] = {"events.tab.gz", "export.CSV.zip", "records.jsonl", "events.csv.xz"};
  const std::string path = scratch_dir() + "/" + names[data[0] % 4];
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  NullSink sink;
  Mapper mapper(sink, {});
  ConvertOptions opts;
  opts.keep_going = true;
  opts.limits.max_line = 1U << 16U;
  opts.limits.merge_memory = 1U << 16U;
  ConvertStats stats;
  (void)convert_file(
      path, opts, mapper, [](const Diagnostic&) {}, stats);
  ::unlink(path.c_str());
  return 0;
}
