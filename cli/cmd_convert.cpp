// diplograph convert: event records to RDF, streaming, written atomically.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/files.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::string from = "auto";
  std::string to = "turtle";
  std::string output = "-";
  std::string base{ns::default_base};
  std::string dataset;
  bool keep_going = false;
  bool progress = false;
  bool no_progress = false;
  std::string max_line = std::to_string(Limits{}.max_line);
  std::string max_depth = std::to_string(Limits{}.max_depth);
  std::string delimiter = ",";
  std::string split;
  std::vector<std::string> inputs;
};

const InputFormat* format_named(const std::string& from) {
  if (from == "auto") return nullptr;
  const InputFormat* f = input_format(from);
  if (!f) throw po::error("unknown input format \"" + from + "\" (" + input_format_names() + " or auto)");
  return f;
}

char delimiter_named(const std::string& d) {
  if (d == "tab" || d == "\\t" || d == "\t") return '\t';
  if (d.size() == 1 && std::string_view(",;|:").find(d[0]) != std::string_view::npos) return d[0];
  throw po::error("--delimiter takes ',', ';', '|', ':' or tab, not \"" + d + "\"");
}

// A dataset name stands in IRIs as one path segment: letters, digits, '-', '_', '.'.
void check_dataset(const std::string& name) {
  const bool ok = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  if (!ok || name == "." || name == ".." || name.starts_with('.'))
    throw po::error("--dataset \"" + name +
                    "\": use letters, digits, '-', '_' and '.' (e.g. \"summits-2019\")");
}

// Minted IRIs are the base followed by a path: without a final '/' or '#' they run together.
void check_base(const std::string& base) {
  if (const std::string why = absolute_iri_problem(base); !why.empty())
    throw po::error("--base \"" + base + "\": " + why);
  if (!base.ends_with('/') && !base.ends_with('#'))
    throw po::error("--base \"" + base + "\" must end in '/' or '#' (try \"" + base + "/\")");
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

ConvertOptions convert_options(const Options& o, const Syntax syntax, const Progress& progress) {
  ConvertOptions opts;
  opts.format = format_named(o.from);
  opts.keep_going = o.keep_going;
  opts.named_graphs = syntax_info(syntax).has_graphs;
  opts.limits.max_line = whole_number(o.max_line, "max-line", 1, std::uint64_t{1} << 32U);
  opts.limits.max_depth = static_cast<unsigned>(whole_number(o.max_depth, "max-depth", 1, 100000));
  opts.delimiter = delimiter_named(o.delimiter);
  opts.progress = std::cref(progress);
  return opts;
}

// The output: one file, or with --split numbered files of at most N statements each
// (out.nq -> out.0001.nq, out.0002.nq, ...); gzip-compressed when the name ends in .gz. Every
// file stays a temporary one until commit(), so a failed conversion leaves none behind.
class Outputs : public QuadSink {
 public:
  Outputs(std::string path, Syntax syntax, std::vector<Prefix> prefixes, std::uint64_t split)
      : path_(std::move(path)), syntax_(syntax), prefixes_(std::move(prefixes)), split_(split) {
    open();
  }
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override {
    if (split_ && in_part_ == split_) {
      finish();
      open();
    }
    writer_->quad(s, p, o, g);
    ++in_part_;
  }
  void commit() {
    finish();
    for (auto& f : files_) f->commit();
  }
  [[nodiscard]] std::uint64_t count() const { return count_ + (writer_ ? writer_->count() : 0); }
  [[nodiscard]] std::size_t files() const { return files_.size(); }

 private:
  [[nodiscard]] std::string part_name(std::size_t k) const {
    if (!split_) return path_;
    std::string stem = path_, gz;
    if (stem.ends_with(".gz")) stem.resize(stem.size() - 3), gz = ".gz";
    const auto dot = stem.find_last_of("./");
    std::string ext = dot != std::string::npos && stem[dot] == '.' ? stem.substr(dot) : "";
    stem.resize(stem.size() - ext.size());
    std::string n = std::to_string(k);
    if (n.size() < 4) n.insert(0, 4 - n.size(), '0');
    return stem + "." + n + ext + gz;
  }
  void open() {
    const std::string name = part_name(files_.size() + 1);
    files_.push_back(std::make_unique<AtomicOutput>(name, name.ends_with(".gz")));
    writer_ = Writer::create(syntax_, files_.back()->file(), prefixes_);
    in_part_ = 0;
  }
  void finish() {
    if (!writer_->finish()) throw InputError({{part_name(files_.size()), 0, 0}, writer_->failure()});
    count_ += writer_->count();
    writer_.reset();
  }
  std::string path_;
  Syntax syntax_;
  std::vector<Prefix> prefixes_;
  std::uint64_t split_;
  std::vector<std::unique_ptr<AtomicOutput>> files_;
  std::unique_ptr<Writer> writer_;
  std::uint64_t in_part_ = 0, count_ = 0;
};

void summary(const ConvertStats& stats, std::uint64_t triples) {
  const auto u = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
  const std::string observations =
      stats.observations ? ", " + std::to_string(stats.observations) + " observations written" : "";
  std::fprintf(
      stderr, "diplograph convert: %llu records read, %llu events written%s, %llu skipped, %llu triples",
      u(stats.records + stats.merged), u(stats.events), observations.c_str(), u(stats.skipped), u(triples));
  std::vector<std::string> also;
  if (stats.merged)
    also.push_back(std::to_string(stats.merged) + " mirrored rows merged into their twin's event");
  if (stats.repeated)
    also.push_back(std::to_string(stats.repeated) + " repeated records of an event already written dropped");
  if (stats.repeated_observations)
    also.push_back(std::to_string(stats.repeated_observations) +
                   " records repeating an observation already written (a dyad-year in both orders) dropped");
  if (stats.same_id)
    also.push_back(std::to_string(stats.same_id) +
                   " records merged into an event of the same id already written from another record");
  for (std::size_t i = 0; i < also.size(); ++i)
    std::fprintf(stderr, "%s%s", i ? "; " : " (", also[i].c_str());
  std::fputs(also.empty() ? "\n" : ")\n", stderr);
}

int convert(const Options& o) {
  const auto syntax = syntax_from_name(o.to);
  if (!syntax) throw po::error("unknown output syntax \"" + o.to + "\" (turtle, ntriples, nquads, trig)");
  check_base(o.base);
  check_dataset(o.dataset);
  Progress progress(o.progress || (!o.no_progress && ::isatty(STDERR_FILENO)));
  ConvertOptions opts = convert_options(o, *syntax, progress);
  const std::uint64_t split =
      o.split.empty() ? 0 : whole_number(o.split, "split", 1, std::uint64_t{1} << 40U);
  if (split && o.output == "-")
    throw po::error("--split writes numbered files: give -o FILE (e.g. -o out.nq.gz)");
  const MapOptions map_opts{o.base, o.dataset};
  Outputs out(o.output, *syntax, Mapper::prefixes(map_opts), split);
  auto mapper = std::make_unique<Mapper>(out, map_opts);
  ConvertStats stats;
  EventLedger ledger;
  opts.ledger = std::getenv("DG_NO_LEDGER") ? nullptr : &ledger;
  for (const auto& input : o.inputs) {
    progress.file(std::string(base_name(input)));
    if (convert_file(input, opts, *mapper, report, stats)) continue;
    progress.done();
    std::cerr << "diplograph: nothing written" << (o.output == "-" ? "" : " to " + o.output)
              << (stats.stopped_at_bad_record
                      ? " (--keep-going skips bad records, reports each and converts the rest)"
                      : "")
              << '\n';
    return bad_input;
  }
  progress.done();
  out.commit();
  summary(stats, out.count());
  if (split) std::fprintf(stderr, "diplograph convert: %zu files\n", out.files());
  return stats.skipped ? skipped : ok;
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("convert options");
    opts.add_options()("from,f", po::value(&o.from)->default_value(o.from),
                       ("input format: " + input_format_names() + ", auto").c_str())(
        "to,t", po::value(&o.to)->default_value(o.to), "output syntax: turtle, ntriples, nquads, trig")(
        "output,o", po::value(&o.output),
        "output file (written atomically; gzip-compressed when it ends in .gz); standard output if absent")(
        "split", po::value(&o.split), "numbered files of at most N statements each (out.0001.nq.gz, ...)")(
        "base", po::value(&o.base)->default_value(o.base), "base IRI for minted instance IRIs")(
        "dataset", po::value(&o.dataset),
        "name to mint event and graph IRIs under (default: each file's stem), so renaming a file keeps them")(
        "keep-going", po::bool_switch(&o.keep_going), "report bad records, convert the rest, exit 3")(
        "progress", po::bool_switch(&o.progress), "show progress on stderr (default when it is a terminal)")(
        "no-progress", po::bool_switch(&o.no_progress), "never show progress")(
        "max-line", po::value(&o.max_line)->default_value(o.max_line),
        "longest input line or record, in bytes")(
        "max-depth", po::value(&o.max_depth)->default_value(o.max_depth), "deepest JSON nesting")(
        "delimiter", po::value(&o.delimiter)->default_value(o.delimiter),
        "between CSV record fields: ',', ';', '|', ':' or tab")("input", po::value(&o.inputs), "input files");
    po::variables_map vm;
    if (!parse(args, "diplograph convert [OPTIONS] INPUT...", opts, "input", vm)) return ok;
    if (o.inputs.empty()) throw po::error("no input files");
    return convert(o);
  });
}

}  // namespace diplograph::cli
