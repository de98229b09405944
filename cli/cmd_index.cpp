// diplograph index: the persistent index of graphs, which every query and `actors` open in
// place of the graphs without parsing RDF again.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/index_file.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::vector<std::string> graphs;
  std::string output, syntax, base;
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

int build(const Options& o) {
  if (o.output.empty()) throw po::error("-o FILE is required: where to write the index");
  if (o.graphs.empty() && !o.append) throw po::error("no GRAPH files");
  IndexOptions opts;
  if (!o.syntax.empty()) {
    opts.syntax = syntax_from_name(o.syntax);
    if (!opts.syntax || !syntax_info(*opts.syntax).readable)
      throw po::error("unknown syntax \"" + o.syntax + "\" (" + syntax_names(true) + ")");
  }
  opts.base = o.base;
  opts.append = o.append;
  for (const auto& g : o.graphs) {
    if (is_index_file(g))
      throw UsageError(
          g + " is an index, not a graph: to add graphs to an index, `diplograph index --append -o " + g +
          " GRAPH...`");
  }
  const auto start = std::chrono::steady_clock::now();
  const IndexStats s = build_index(o.output, o.graphs, opts);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (!o.quiet)
    std::cerr << "diplograph: indexed " << s.statements << " statements (" << s.events << " events, "
              << s.terms << " terms) into " << o.output << ", " << s.bytes << " bytes, in " << took.count()
              << " s\n";
  return ok;
}

}  // namespace

int run_index(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("index options");
    // clang-format off
    opts.add_options()
      ("output,o", po::value(&o.output), "the index file to write (atomically: a failed build leaves it as it was)")
      ("append", po::bool_switch(&o.append), "add the GRAPHs to the index already in -o FILE, without re-reading what it holds")
      ("verify", po::bool_switch(&o.verify), "check every checksum of the index file given, and say what it holds")
      ("quiet,q", po::bool_switch(&o.quiet), "no summary on stderr")
      ("syntax", po::value(&o.syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&o.base), "base IRI for relative IRIs (default: each file's own URI)")
      ("graph", po::value(&o.graphs), "RDF files to index");
    // clang-format on
    po::variables_map vm;
    if (!parse(args,
               "diplograph index -o FILE [--append] GRAPH...\n"
               "       diplograph index --verify FILE\n\n"
               "Every query and `actors` take the FILE in place of GRAPH (recognised by its content)",
               opts, "graph", vm))
      return ok;
    return o.verify ? verify_index(o) : build(o);
  });
}

}  // namespace diplograph::cli
