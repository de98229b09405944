// diplograph merge: the union of RDF files written by anyone, streaming (or smushed).
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/files.hpp"

namespace diplograph::cli {

namespace {

struct Options {
  std::string output = "-";
  std::string to;
  std::string base;
  std::string syntax;
  bool graphs = false;
  bool smush = false;
  std::vector<std::string> inputs;
};

Syntax output_syntax(const Options& o) {
  if (!o.to.empty()) {
    const auto s = syntax_from_name(o.to);
    if (!s) throw po::error("unknown output syntax \"" + o.to + "\" (" + syntax_names(false) + ")");
    return *s;
  }
  if (const auto s = syntax_from_path(o.output); s && o.output != "-") return *s;
  return o.graphs ? Syntax::nquads : Syntax::turtle;
}

// Reading options for input number `i`: its own blank node labels, its graph with --graphs.
ReadOptions input_options(const Options& o, std::size_t i) {
  ReadOptions r;
  if (!o.syntax.empty()) {
    r.syntax = syntax_from_name(o.syntax);
    if (!r.syntax) throw po::error("unknown syntax \"" + o.syntax + "\"");
  } else {
    r.syntax = syntax_of_input(o.inputs[i]);
    if (!r.syntax) throw InputError({{o.inputs[i], 0, 0}, "unknown RDF syntax (use --syntax)"});
  }
  r.base = o.base;
  r.blank_prefix = "f" + std::to_string(i + 1) + "_";
  if (o.graphs)
    r.graph = (o.base.empty() ? std::string(ns::default_base) : o.base) + "graph/" +
              std::string(base_name(o.inputs[i]));
  return r;
}

int merge(const Options& o) {
  const Syntax syntax = output_syntax(o);
  if (o.graphs && !syntax_info(syntax).has_graphs) throw po::error("--graphs needs nquads or trig output");
  AtomicOutput out(o.output);
  auto writer = Writer::create(syntax, out.file(), vocabulary_prefixes());
  std::size_t replaced = 0;
  if (!o.smush) {
    for (std::size_t i = 0; i < o.inputs.size(); ++i) {
      if (!read_rdf_file(o.inputs[i], input_options(o, i), *writer, report)) return bad_input;
    }
  } else {
    Store store(index_spo | index_ops, syntax_info(syntax).has_graphs);
    for (std::size_t i = 0; i < o.inputs.size(); ++i) {
      auto r = input_options(o, i);
      if (!store.load_file(o.inputs[i], r, report)) return bad_input;
    }
    const std::string own = o.base.empty() ? std::string(ns::default_base) : o.base;
    replaced = write_smushed(store, *writer, own);
  }
  if (!writer->finish()) throw InputError({{o.output, 0, 0}, writer->failure()});
  out.commit();
  std::fprintf(stderr, "diplograph merge: %zu files, %llu statements written", o.inputs.size(),
               static_cast<unsigned long long>(writer->count()));
  if (o.smush) std::fprintf(stderr, ", %zu IRIs smushed into their canonical IRI", replaced);
  std::fputc('\n', stderr);
  return ok;
}

}  // namespace

int run_merge(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    Options o;
    po::options_description opts("merge options");
    // clang-format off
    opts.add_options()
      ("output,o", po::value(&o.output), "output file (written atomically); standard output if absent")
      ("to,t", po::value(&o.to), "turtle, ntriples, nquads, trig, jsonld (default: by -o's extension)")
      ("graphs", po::bool_switch(&o.graphs), "each input file's statements in a named graph")
      ("smush", po::bool_switch(&o.smush), "replace owl:sameAs sets by one canonical IRI (loads all)")
      ("base", po::value(&o.base), "base IRI for relative IRIs; its graph/ and own IRIs")
      ("syntax", po::value(&o.syntax), "RDF syntax of every input (default: by extension)")
      ("graph", po::value(&o.inputs), "RDF files to merge (gzipped too)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph merge [-o FILE] [-t FORMAT] [--graphs] [--smush] GRAPH...", opts, "graph",
               vm)) {
      return ok;
    }
    if (o.inputs.empty()) throw po::error("no GRAPH files");
    return merge(o);
  });
}

}  // namespace diplograph::cli
