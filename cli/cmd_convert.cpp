// diplograph convert: event records to RDF, streaming, written atomically.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::string from = "auto";
  std::string to = "turtle";
  std::string output = "-";
  std::string base{ns::default_base};
  bool keep_going = false;
  bool progress = false;
  bool no_progress = false;
  Limits limits;
  std::vector<std::string> inputs;
};

const InputFormat& format_of(const std::string& path, const std::string& from) {
  if (from != "auto") {
    const InputFormat* f = input_format(from);
    if (!f) throw po::error("unknown input format \"" + from + "\"");
    return *f;
  }
  std::string head(4096, '\0');
  if (path != "-") {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({{path, 0, 0}, "cannot open: " + std::string(std::strerror(errno))});
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    throw po::error("standard input needs --from");
  }
  const InputFormat* f = detect_input_format(path, head);
  if (!f)
    throw InputError({{path, 1, 0}, "cannot tell the input format from the name or content (use --from)"});
  return *f;
}

class Progress {
 public:
  explicit Progress(bool on) : on_(on), start_(std::chrono::steady_clock::now()) {}
  void operator()(const ConvertStats& s, double fraction) const {
    if (!on_) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r%llu records, %.0f/s, %3.0f%% of %s", static_cast<unsigned long long>(s.records),
                 secs > 0 ? static_cast<double>(s.records) / secs : 0.0, fraction * 100, file_.c_str());
  }
  void file(const std::string& f) { file_ = f; }
  void done() const {
    if (on_) std::fputc('\n', stderr);
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_;
  std::string file_;
};

int convert(const Options& o) {
  const auto syntax = syntax_from_name(o.to);
  if (!syntax) throw po::error("unknown output syntax \"" + o.to + "\" (turtle, ntriples, nquads, trig)");
  std::vector<const InputFormat*> formats;
  for (const auto& in : o.inputs) formats.push_back(&format_of(in, o.from));

  AtomicOutput out(o.output);
  const MapOptions map_opts{o.base};
  auto writer = Writer::create(*syntax, out.file(), Mapper::prefixes(map_opts));
  auto mapper = std::make_unique<Mapper>(*writer, map_opts);
  Progress progress(o.progress || (!o.no_progress && ::isatty(STDERR_FILENO)));
  ConvertStats stats;
  for (std::size_t i = 0; i < o.inputs.size(); ++i) {
    ReaderContext ctx;
    ctx.file = o.inputs[i];
    ctx.limits = o.limits;
    const std::string graph =
        syntax_info(*syntax).has_graphs ? o.base + "graph/" + std::string(base_name(o.inputs[i])) : "";
    progress.file(std::string(base_name(o.inputs[i])));
    const bool good =
        convert_file(o.inputs[i], *formats[i], ctx, *mapper, graph.empty() ? TermRef{} : TermRef::iri(graph),
                     o.keep_going, report, stats, std::cref(progress));
    if (!good) {
      progress.done();
      std::cerr << "diplograph: nothing written" << (o.output == "-" ? "" : " to " + o.output) << '\n';
      return bad_input;
    }
  }
  progress.done();
  if (!writer->finish()) throw InputError({{o.output, 0, 0}, "write error"});
  out.commit();
  const auto u = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
  std::fprintf(stderr,
               "diplograph convert: %llu records read, %llu events written, %llu skipped, %llu triples",
               u(stats.records + stats.merged), u(stats.events), u(stats.skipped), u(writer->count()));
  if (stats.merged)
    std::fprintf(stderr, " (%llu mirrored rows merged into their twin's event)", u(stats.merged));
  std::fputc('\n', stderr);
  return stats.skipped ? skipped : ok;
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("convert options");
    opts.add_options()("from,f", po::value(&o.from)->default_value(o.from),
                       "input format: jsonl, csv, gdelt, icews, auto")(
        "to,t", po::value(&o.to)->default_value(o.to), "output syntax: turtle, ntriples, nquads, trig")(
        "output,o", po::value(&o.output), "output file (written atomically); standard output if absent")(
        "base", po::value(&o.base)->default_value(o.base), "base IRI for minted instance IRIs")(
        "keep-going", po::bool_switch(&o.keep_going), "report bad records, convert the rest, exit 3")(
        "progress", po::bool_switch(&o.progress), "show progress on stderr (default when it is a terminal)")(
        "no-progress", po::bool_switch(&o.no_progress), "never show progress")(
        "max-line", po::value(&o.limits.max_line)->default_value(o.limits.max_line),
        "longest input line or record, in bytes")(
        "max-depth", po::value(&o.limits.max_depth)->default_value(o.limits.max_depth),
        "deepest JSON nesting")("input", po::value(&o.inputs), "input files");
    po::variables_map vm;
    if (!parse(args, "diplograph convert [OPTIONS] INPUT...", opts, "input", vm)) return ok;
    if (o.inputs.empty()) throw po::error("no input files");
    if (o.base.empty() || o.base.find(':') == std::string::npos)
      throw po::error("--base must be an absolute IRI");
    return convert(o);
  });
}

}  // namespace diplograph::cli
