// Converting one input file: its reader's records through the mapper, streaming.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "diplograph/convert.hpp"

namespace diplograph {

namespace {
constexpr std::uint64_t kProgressEvery = 8192;
}

bool convert_file(const std::string& path, const InputFormat& format, const ReaderContext& ctx,
                  Mapper& mapper, TermRef graph, bool keep_going, const ErrorSink& errors,
                  ConvertStats& stats, const ProgressFn& progress) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      errors({{path, 0, 0}, "cannot open: " + std::string(std::strerror(errno))});
      return false;
    }
    in = &file;
  }
  std::streamoff size = 0;
  if (path != "-") {
    file.seekg(0, std::ios::end);
    size = file.tellg();
    file.seekg(0, std::ios::beg);
  }
  auto reader = format.open(*in, ctx);
  reader->set_warning_sink(errors);
  EventRecord rec;
  Diagnostic diag;
  for (;;) {
    const ReadStatus s = reader->next(rec, diag);
    if (s == ReadStatus::end) break;
    ++stats.records;
    if (s == ReadStatus::ok) {
      mapper.map(rec, ctx.file, graph);
      ++stats.events;
    } else {
      errors(diag);
      if (s == ReadStatus::fatal || !keep_going) return false;
      ++stats.skipped;
    }
    if (progress && stats.records % kProgressEvery == 0) {
      const auto at = in->tellg();
      progress(stats, size > 0 && at >= 0 ? static_cast<double>(at) / static_cast<double>(size) : 0.0);
    }
  }
  stats.merged += reader->merged();
  if (progress) progress(stats, 1.0);
  return true;
}

}  // namespace diplograph
