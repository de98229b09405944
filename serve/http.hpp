// Private to serve/: a small HTTP/1.1 server. One gate thread owns every connection that has not
// sent a whole request head (epoll, non-blocking, each with a deadline), so a client that sends
// slowly or not at all holds no worker; whole requests go to a bounded queue that workers take
// from, and a full queue is answered 503 at once. Only GET and HEAD reach the handler.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph::httpd {

struct Request {
  std::string method;    ///< GET or HEAD (the others are answered by the server itself)
  std::string path;      ///< percent-decoded, without the query
  std::string raw_path;  ///< as sent (percent-encoding kept), without the query
  std::vector<std::pair<std::string, std::string>> params;  ///< the query's, decoded, in order
  std::string accept;                                       ///< the Accept header ("" when none)
  std::string if_none_match;                                ///< the If-None-Match header
};

struct Response {
  int status = 200;
  std::string media_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< besides type, length, connection
};

struct Limits {
  unsigned threads = 8;                           ///< workers answering at once
  std::size_t max_queued = 256;                   ///< whole requests waiting for a worker; more: 503
  std::size_t max_connections = 1024;             ///< open at once; more: 503
  std::size_t max_url = 8192;                     ///< the request target; longer: 414
  std::size_t max_head = 16384;                   ///< request line and headers; larger: 431
  std::size_t max_headers = 100;                  ///< header lines; more: 431
  std::size_t max_body = std::size_t{64} * 1024;  ///< a body (read and dropped); larger: 413
  std::chrono::milliseconds head_time{5000};      ///< from a request's first byte to its whole head: 408
  std::chrono::milliseconds idle_time{5000};      ///< a kept-alive connection waiting for its next request
  std::chrono::milliseconds write_time{30000};    ///< to write one answer
  unsigned max_requests = 100;                    ///< on one kept-alive connection
};

/// A request head as read: the request, or the status to refuse it with.
struct Head {
  int status = 0;  ///< 0: a request to answer; else 400, 414 or 431
  Request request;
  bool keep_alive = true;
  bool chunked = false;
  std::uint64_t body = 0;  ///< Content-Length
};

/// Reads a request head: its request line and header lines, each ended by CRLF, without the
/// empty line that ends the head. Never throws.
[[nodiscard]] Head parse_head(std::string_view text, const Limits& limits);

using Handler = std::function<Response(const Request&)>;
/// The body of an answer the server gives itself (400, 405, 408, 413, 414, 431, 500, 503).
using ErrorPage = std::function<Response(int status)>;

class Server {
 public:
  /// Listens on host:port (0: any free port); nullptr when it cannot (`why` says so).
  static std::unique_ptr<Server> listen(const std::string& host, unsigned port, const Limits& limits,
                                        Handler handler, ErrorPage error_page, std::string& why);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] unsigned port() const;
  /// Serves until stop(): the gate on this thread, the workers on their own. The requests taken
  /// before stop() are answered first.
  void run();
  /// From any thread, also before run().
  void stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diplograph::httpd
