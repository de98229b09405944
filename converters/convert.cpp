// Converting one input: each of its streams through its reader and the mapper, streaming.
#include "diplograph/convert.hpp"
#include "converters/input.hpp"

namespace diplograph {

namespace {

constexpr std::uint64_t kProgressEvery = 8192;

const InputFormat* format_of(const InputStream& in, const ConvertOptions& opts, const ErrorSink& errors) {
  if (opts.format) return opts.format;
  const InputFormat* f = detect_input_format(in.source(), in.head());
  if (!f) {
    errors({{in.name(), 1, 0},
            "cannot tell the input format from the name or content (use --from jsonl, csv, gdelt or icews)"});
  }
  return f;
}

bool convert_stream(InputStream& in, const ConvertOptions& opts, Mapper& mapper, const ErrorSink& errors,
                    ConvertStats& stats) {
  const InputFormat* format = format_of(in, opts, errors);
  if (!format) return false;
  ReaderContext ctx;
  ctx.file = in.name();
  ctx.source = in.source();
  ctx.limits = opts.limits;
  ctx.delimiter = opts.delimiter;
  const std::string graph = opts.named_graphs ? mapper.graph_iri(in.source()) : std::string();
  auto reader = format->open(in.stream(), ctx);
  reader->set_warning_sink(errors);
  EventRecord rec;
  Diagnostic diag;
  for (;;) {
    const ReadStatus s = reader->next(rec, diag);
    if (s == ReadStatus::end) break;
    ++stats.records;
    if (s == ReadStatus::ok) {
      mapper.map(rec, ctx.source, graph.empty() ? TermRef{} : TermRef::iri(graph));
      ++stats.events;
    } else {
      if (s == ReadStatus::fatal && !in.failure().empty()) diag.message = in.failure();
      errors(diag);
      stats.stopped_at_bad_record = s == ReadStatus::bad && !opts.keep_going;
      if (s == ReadStatus::fatal || !opts.keep_going) return false;
      ++stats.skipped;
    }
    if (opts.progress && stats.records % kProgressEvery == 0) opts.progress(stats, in.fraction_read());
  }
  stats.merged += reader->merged();
  if (opts.progress) opts.progress(stats, 1.0);
  return true;
}

}  // namespace

bool convert_file(const std::string& path, const ConvertOptions& opts, Mapper& mapper,
                  const ErrorSink& errors, ConvertStats& stats) {
  return for_each_input(
      path, [&](InputStream& in) { return convert_stream(in, opts, mapper, errors, stats); }, errors);
}

}  // namespace diplograph
