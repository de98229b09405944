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
            "cannot tell the input format from the name or content (use {{from}} with one of " +
                input_format_names() + ")"});
  }
  return f;
}

// Whether the record is one of an event already written: the same record again is dropped (and
// counted); another record under the same IRI is merged into the event (reported, the first few
// by line, and counted). Counts the events written.
bool written_before(const EventRecord& rec, const std::string& iri, const Diagnostic& at,
                    const ReaderContext& ctx, const ConvertOptions& opts, const ErrorSink& errors,
                    ConvertStats& stats) {
  constexpr std::uint64_t kReported = 5;
  const auto seen = opts.ledger ? opts.ledger->add(iri, fingerprint(rec)) : EventLedger::Seen::first;
  if (seen == EventLedger::Seen::first) return ++(rec.observation ? stats.observations : stats.events), false;
  if (seen == EventLedger::Seen::same)
    return ++(rec.observation ? stats.repeated_observations : stats.repeated), true;
  if (stats.same_id++ < kReported) {
    const Position where = at.where.file == ctx.file ? at.where : Position{ctx.file, 0, 0};
    errors({where, "event <" + iri +
                       "> was already written from another record that says something else: the two are "
                       "merged into one event (its id should be unique)"});
  }
  return false;
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
      const std::string iri = mapper.event_iri(rec, ctx.source_name());
      if (written_before(rec, iri, diag, ctx, opts, errors, stats)) continue;
      mapper.map_event_at(rec, iri, graph.empty() ? TermRef{} : TermRef::iri(graph));
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
