// libFuzzer target for the index file's opener: any bytes, opened without the checksums (as a
// file over 64 MiB is), then asked every question. A file that is not a good index must be
// refused (InputError) or answer; it must never be read out of bounds, crash or hang.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "diplograph/index_file.hpp"

namespace {

using namespace diplograph;

template <class Fn>
void ask(Fn fn) {
  try {
    fn();
  } catch (const UsageError&) {
  } catch (const InputError&) {
  }
}

// The questions an opened index answers.
void ask_all(const Questions& q) {
  ask([&] { (void)q.met_counts({}); });
  MetOptions one;
  one.actor = "a";
  one.state_level = true;
  ask([&] { (void)q.met(one); });
  ask([&] { (void)q.actors("Muttaqi"); });
  ask([&] { (void)q.relation({"AFG", "PAK", "2025-06"}); });
  ask([&] { (void)q.timeline({"a", "", "", "", false}); });
  ask([&] { (void)q.path({"a", "e", 4, false}); });
  ask([&] { (void)q.events({}); });
  DyadsOptions dyads;
  dyads.by = Period::month;
  dyads.directed = true;
  dyads.codes = CodeScheme::cow;
  dyads.events.state_level = true;
  ask([&] { (void)q.dyads(dyads); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/diplograph-fuzz-index-" + std::to_string(::getpid()) + ".idx";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    const auto file = IndexFile::open(path, IndexCheck::structure);
    ask_all(*file->questions());
    std::size_t n = 0;  // the whole graph, term by term
    file->source().match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
      (void)file->source().term(s);
      (void)file->source().term(p);
      (void)file->source().term(o);
      return ++n < 100000;
    });
  } catch (const InputError&) {
  } catch (const CorruptIndex&) {
  }
  return 0;
}
