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
  Records records;
  std::string to = "turtle";
  std::string output = "-";
  std::string base{ns::default_base};
  std::string split;
  std::vector<std::string> inputs;
};

ConvertOptions convert_options(const Options& o, const Progress& progress) {
  ConvertOptions opts = o.records.options();
  opts.progress = std::cref(progress);
  return opts;
}

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
  if (!syntax) throw po::error("unknown output syntax \"" + o.to + "\" (" + syntax_names(false) + ")");
  check_map_options({o.base, o.records.dataset});
  Progress progress(o.records.show_progress());
  const ConvertOptions opts = convert_options(o, progress);
  const std::uint64_t split =
      o.split.empty() ? 0 : whole_number(o.split, "split", 1, std::uint64_t{1} << 40U);
  if (split && o.output == "-")
    throw po::error("--split writes numbered files: give -o FILE (e.g. -o out.nq.gz)");
  const auto r =
      convert_files(o.inputs, opts, {o.base, o.records.dataset}, {o.output, *syntax, split}, report,
                    [&](const std::string& input) { progress.file(std::string(base_name(input))); });
  progress.done();
  if (!r.written) {
    std::cerr << "diplograph: nothing written" << (o.output == "-" ? "" : " to " + o.output)
              << (r.stats.stopped_at_bad_record
                      ? " (--keep-going skips bad records, reports each and converts the rest)"
                      : "")
              << '\n';
    return bad_input;
  }
  summary(r.stats, r.triples);
  if (split) std::fprintf(stderr, "diplograph convert: %zu files\n", r.files);
  return r.stats.skipped ? skipped : ok;
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("convert options");
    o.records.add(opts, "convert");
    // clang-format off
    opts.add_options()
      ("to,t", po::value(&o.to)->default_value(o.to),
       "output syntax: turtle, ntriples, nquads, trig, jsonld (JSON-LD, compacted, written as it goes)")
      ("output,o", po::value(&o.output),
       "output file (written atomically; gzip-compressed when it ends in .gz); standard output if absent")
      ("split", po::value(&o.split), "numbered files of at most N statements each (out.0001.nq.gz, ...)")
      ("base", po::value(&o.base)->default_value(o.base), "base IRI for minted instance IRIs");
    // clang-format on
    opts.add_options()("input", po::value(&o.inputs), "input files");
    po::variables_map vm;
    if (!parse(args, "diplograph convert [OPTIONS] INPUT...", opts, "input", vm)) return ok;
    if (o.inputs.empty()) throw po::error("no input files");
    return convert(o);
  });
}

}  // namespace diplograph::cli
