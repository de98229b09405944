// diplograph serve: the questions over HTTP, and the explorer page, until Ctrl-C.
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "diplograph/serve.hpp"
#include "diplograph/text.hpp"

namespace diplograph::cli {

namespace {

struct ServeArgs {
  std::string host = "127.0.0.1", port = "8080", threads = "8", syntax, base;
  std::string root = ServeOptions{}.root;
  std::vector<std::string> graphs;
  Remote remote;

  void add(po::options_description& opts) {
    // clang-format off
    opts.add_options()
      ("host", po::value(&host)->default_value(host), "the address to listen on (loopback: only this machine)")
      ("port", po::value(&port)->default_value(port), "the port, or 0 for any free one (printed)")
      ("threads", po::value(&threads)->default_value(threads), "requests answered at once, 1 to 256")
      ("namespace", po::value(&root)->default_value(root),
       "the IRI root this server stands for: ROOT/id/... answers at /id/..., by content negotiation (docs/publishing.md)")
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs (default: each file's own URI)")
      ("input", po::value(&graphs), "GRAPH...: RDF files (gzipped too), or one index file written by `diplograph index`");
    // clang-format on
    remote.add(opts, false);  // no --print-sparql: a server asks many questions
  }
};

// SIGINT and SIGTERM, blocked in every thread (the server's workers inherit the mask) and waited
// for here, so that Ctrl-C ends the server between requests rather than inside one.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

bool serve_until_stopped(Server& server) {
  const sigset_t signals = stop_signals();
  std::atomic<bool> ended{false};
  bool served = true;
  std::thread worker([&] {
    served = server.run();
    ended = true;
  });
  const timespec tick{0, 200'000'000};
  while (!ended && sigtimedwait(&signals, nullptr, &tick) < 0) {
  }
  server.stop();
  worker.join();
  return served;
}

std::string what_is_served(const ServeArgs& a) {
  if (!a.remote.endpoint.empty()) return "the SPARQL store at " + a.remote.endpoint;
  if (a.graphs.size() == 1) return a.graphs.front();
  return std::to_string(a.graphs.size()) + " graphs";
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    ServeArgs a;
    po::options_description opts("serve options");
    a.add(opts);
    po::variables_map vm;
    if (!parse(
            args,
            "diplograph serve [--host ADDRESS] [--port N] [--threads N] (GRAPH... | INDEX | --endpoint URL)",
            opts, "input", vm))
      return ok;
    ServeOptions o;
    o.host = a.host;
    o.port = static_cast<unsigned>(whole_number(a.port, "port", 0, 65535));
    o.threads = static_cast<unsigned>(whole_number(a.threads, "threads", 1, 256));
    if (!a.root.ends_with('/') || !absolute_iri_problem(a.root).empty())
      throw po::error("--namespace \"" + a.root + "\" must be an absolute IRI ending in '/'");
    o.root = a.root;
    if (!a.graphs.empty())  // as describe names it: the first graph's stem
      o.dataset = text::iri_segment(std::filesystem::path(a.graphs.front()).stem().string(), "-_.~");
    const auto loaded = open_named(a.graphs, a.syntax, a.base, Question::everything, a.remote);
    if (!loaded) return bad_input;
    const auto server = Server::create(loaded->questions(), o);
    const std::string at = (o.host.find(':') == std::string::npos ? o.host : "[" + o.host + "]") + ":" +
                           std::to_string(server->port());
    std::cout << "diplograph: serving " << what_is_served(a) << " at http://" << at << "/ (the API at /api/, "
              << o.root << "id/... at /id/...; Ctrl-C stops)" << std::endl;
    if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
      std::cerr << "diplograph: note: listening on " << o.host
                << ", not loopback: anyone who reaches this machine can ask\n";
    if (serve_until_stopped(*server)) return ok;
    std::cerr << "diplograph: the server at " << at << " stopped accepting connections\n";
    return bad_input;
  });
}

}  // namespace diplograph::cli
