// diplograph load: graphs and the ontology sent to a SPARQL 1.1 store in bounded chunks.
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph::cli {

namespace {

struct LoadArgs {
  std::string store, endpoint, graph, user, syntax, base, chunk;
  std::vector<std::string> files;
};

LoadOptions load_options(const LoadArgs& a) {
  if (a.store.empty() == a.endpoint.empty())
    throw po::error(
        "give --store URL (Graph Store Protocol, fast) or --endpoint URL (SPARQL Update), one of them");
  if (a.files.empty()) throw po::error("no GRAPH files");
  Remote r;
  r.endpoint = a.store.empty() ? a.endpoint : a.store;
  r.graph = a.graph;
  r.user = a.user;
  LoadOptions o;
  o.target = r.target();
  o.protocol = a.store.empty() ? LoadProtocol::update : LoadProtocol::graph_store;
  if (!a.chunk.empty()) o.chunk = whole_number(a.chunk, "chunk", 1, 10000000);
  return o;
}

// Every file parsed into the loader, each document's blank nodes apart; false on bad input.
bool send_files(const LoadArgs& a, StoreLoader& loader) {
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  onto.blank_prefix = "d0_";
  if (!read_rdf_string(ontology_turtle(), "diplomacy.ttl", onto, loader, report)) return false;
  const auto forced = forced_syntax(a.syntax);
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    const auto& f = a.files[i];
    ReadOptions opts;
    if (!graph_file(f, forced, a.base, "load sends RDF graphs; give it the graphs the index was built from",
                    opts, report))
      return false;
    opts.blank_prefix = "d" + std::to_string(i + 1) + "_";
    if (!read_rdf_file(f, opts, loader, report)) return false;
  }
  return true;
}

int load(const LoadArgs& a) {
  StoreLoader loader(load_options(a));
  const auto start = std::chrono::steady_clock::now();
  try {
    if (!send_files(a, loader)) {
      std::cerr << "diplograph load: stopped; " << loader.stats().statements << " statements in "
                << loader.stats().chunks << " requests had landed\n";
      return bad_input;
    }
    loader.finish();
  } catch (const StoreError& e) {
    std::cerr << "diplograph: " << said(e.what()) << "\ndiplograph load: stopped; "
              << loader.stats().statements << " statements in " << loader.stats().chunks
              << " requests had landed before it\n";
    return bad_input;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "diplograph load: " << loader.stats().statements << " statements in " << loader.stats().chunks
            << " requests, "
            << static_cast<std::uint64_t>(static_cast<double>(loader.stats().statements) / std::max(s, 1e-3))
            << " statements/s\n";
  return ok;
}

}  // namespace

int run_load(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    LoadArgs a;
    po::options_description opts("load options");
    // clang-format off
    opts.add_options()
      ("store", po::value(&a.store), "SPARQL 1.1 Graph Store endpoint: Virtuoso's /sparql-graph-crud-auth, "
                                     "Fuseki's /DATASET/data, Oxigraph's /store")
      ("endpoint", po::value(&a.endpoint), "SPARQL 1.1 Update endpoint (INSERT DATA, in chunks of 1,000: small graphs)")
      ("graph", po::value(&a.graph), "the named graph to load into (default: the store's default graph)")
      ("user", po::value(&a.user), "user name, HTTP basic or digest (password in DIPLOGRAPH_PASSWORD)")
      ("chunk", po::value(&a.chunk), "statements per request (default 100000 with --store, 1000 with --endpoint)")
      ("syntax", po::value(&a.syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&a.base), "base IRI for relative IRIs (default: each file's own URI)")
      ("input", po::value(&a.files), "GRAPH...: RDF files (gzipped too)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph load (--store URL | --endpoint URL) [--graph IRI] [--user NAME] GRAPH...",
               opts, "input", vm))
      return ok;
    return load(a);
  });
}

}  // namespace diplograph::cli
