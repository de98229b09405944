// diplograph/serve.hpp: the questions over HTTP. A JSON API with one route per question, taking
// the command line's options as parameters and answering its rows, and the explorer page (its
// HTML, script and Debian's d3, compiled in), served by worker threads sharing one read-only
// answerer: the in-memory graphs, an index file or a SPARQL store.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- the API, without HTTP

/// A request's query parameters in order; a parameter may repeat (type=Meeting&type=Visit).
using Params = std::vector<std::pair<std::string, std::string>>;

/// An HTTP answer: status, media type and body (and a file name for a download).
struct Reply {
  int status = 200;
  std::string media_type;
  std::string body;
  std::string filename;
  std::vector<std::pair<std::string, std::string>> headers{};  ///< besides the server's own
};

/// Answers `GET /api/ROUTE?PARAMS` from `questions`: route "" lists the routes; "met",
/// "relation", "path", "timeline", "actors", "events", "dyads" take the options of the command
/// (`--since` is `since=`, a switch such as `--count` is `count=1`) plus `format=json|csv` and
/// `columns=`. JSON: {"question", "rows": [...as `--format json`], "notes": [...]} (relation adds
/// "pending", "interactions", "topics"). Never throws: a bad parameter or an ambiguous name is
/// 400, an unknown route or actor 404 (with "candidates"), a store that fails 502, each as
/// {"error", "status"}.
[[nodiscard]] Reply api_reply(const Questions& questions, std::string_view route, const Params& params);

/// The explorer's files by path ("/", "/explorer.js", "/explorer.css", "/d3.min.js"), or 404.
[[nodiscard]] Reply asset_reply(std::string_view path);

// ------------------------------------------------------------------------- the server

struct ServeOptions {
  std::string host = "127.0.0.1";                       ///< loopback unless told otherwise
  unsigned port = 8080;                                 ///< 0: any free port (Server::port() tells which)
  unsigned threads = 8;                                 ///< workers answering at once
  std::size_t max_body_bytes = std::size_t{64} * 1024;  ///< a request's body (the API reads none)
  unsigned timeout_seconds = 30;                        ///< to write an answer
  unsigned head_timeout_ms = 5000;  ///< from a request's first byte to its whole head (else 408)
  std::size_t max_queued = 256;     ///< whole requests waiting for a worker (more: 503)
  /// The namespace root the server stands for: the minted IRI ROOT/id/person/... answers at
  /// /id/person/..., the ontology at /ontology (docs/publishing.md).
  std::string root = "https://w3id.org/diplograph/";
  /// The name of the dataset served: its VoID and DCAT description answers at
  /// /id/dataset/NAME (as `diplograph describe` names it: the first graph's stem).
  std::string dataset = "data";
};

/// An HTTP server of the API and the explorer over `questions`, which must outlive it and whose
/// const functions are called from several threads at once.
class Server {
 public:
  /// Binds the port (UsageError naming host and port when it cannot); serves nothing yet.
  static std::unique_ptr<Server> create(const Questions& questions, const ServeOptions& opts);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] unsigned port() const;
  /// Answers requests until stop(); false when the server failed.
  bool run();
  /// Ends run() (from any thread), after the requests being answered.
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diplograph
