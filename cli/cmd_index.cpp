// diplograph index: the persistent index of graphs, which every query and `actors` open in
// place of the graphs without parsing RDF again.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/index_file.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::vector<std::string> graphs;  // and record files
  std::string output, syntax, base;
  Records records;
  bool append = false, verify = false, quiet = false;
};

int verify_index(const Options& o) {
  if (o.graphs.size() != 1) throw po::error("--verify takes one index file (and no -o)");
  const auto file = IndexFile::open(o.graphs.front(), IndexCheck::whole);
  const IndexStats s = file->stats();
  std::cout << o.graphs.front() << ": a good index: " << s.statements << " statements, " << s.terms
            << " terms, " << s.events << " events, " << s.bytes << " bytes\n";
  for (const auto& stale : stale_temporaries(o.graphs.front()))
    std::cerr << "diplograph: note: " << stale
              << ": a temporary file a killed build of this index left (the next build of it removes it)\n";
  return ok;
}

// What the build read and wrote, on stderr.
void summary(const Options& o, const IndexResult& r, double seconds) {
  const IndexStats& s = r.index;
  std::cerr << "diplograph: indexed " << s.statements << " statements (" << s.events << " events, " << s.terms
            << " terms) into " << o.output << ", " << s.bytes << " bytes, in " << seconds << " s";
  if (r.records.records) {
    std::cerr << "; " << r.records.records + r.records.merged << " records read";
    if (r.records.skipped) std::cerr << ", " << r.records.skipped << " skipped";
  }
  std::cerr << '\n';
}

int build(const Options& o) {
  if (o.output.empty()) throw po::error("-o FILE is required: where to write the index");
  if (o.graphs.empty() && !o.append) throw po::error("no INPUT files (RDF graphs or event records)");
  IndexJob job;
  job.index.syntax = forced_syntax(o.syntax);
  job.index.base = o.base;
  job.index.append = o.append;
  job.convert = o.records.options();
  job.map = {o.base, o.records.dataset};
  Progress progress(o.records.show_progress());
  job.convert.progress = std::cref(progress);
  job.starting = [&](const std::string& input) { progress.file(std::string(base_name(input))); };
  const auto start = std::chrono::steady_clock::now();
  const IndexResult r = index_inputs(o.output, o.graphs, job, report);
  progress.done();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (!r.written) {
    std::cerr << "diplograph: no index written to " << o.output
              << (r.records.stopped_at_bad_record
                      ? " (--keep-going skips bad records, reports each and indexes the rest)"
                      : "")
              << '\n';
    return bad_input;
  }
  if (!o.quiet) summary(o, r, took.count());
  return r.records.skipped ? skipped : ok;
}

}  // namespace

int run_index(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("index options");
    const std::string base_help =
        "base IRI: of relative IRIs in graphs (default: each file's own URI) and of "
        "the IRIs minted from records (default: " +
        std::string(ns::default_base) + ")";
    // clang-format off
    opts.add_options()
      ("output,o", po::value(&o.output), "the index file to write (atomically: a failed build leaves it as it was)")
      ("append", po::bool_switch(&o.append), "add the INPUTs to the index already in -o FILE, without re-reading what it holds")
      ("verify", po::bool_switch(&o.verify), "check every checksum of the index file given, and say what it holds")
      ("quiet,q", po::bool_switch(&o.quiet), "no summary on stderr")
      ("syntax", po::value(&o.syntax), "RDF syntax of every INPUT, all read as graphs (default: a graph by its extension, "
                                      ".ttl, .nt, .nq or .trig; any other file is event records)")
      ("base", po::value(&o.base), base_help.c_str());
    // clang-format on
    o.records.add(opts, "index");
    opts.add_options()("graph", po::value(&o.graphs),
                       "INPUT files: RDF graphs (gzipped too), or event records as convert reads them");
    po::variables_map vm;
    if (!parse(
            args,
            "diplograph index -o FILE [--append] INPUT...\n"
            "       diplograph index --verify FILE\n\n"
            "INPUTs are RDF graphs or event records (GDELT, ICEWS, POLECAT, JSON Lines, CSV, ...; zipped or\n"
            "gzipped), the records mapped as convert maps them, in the same stream: no RDF written first.\n"
            "Every query and `actors` take the FILE in place of GRAPH (recognised by its content)",
            opts, "graph", vm))
      return ok;
    return o.verify ? verify_index(o) : build(o);
  });
}

}  // namespace diplograph::cli
