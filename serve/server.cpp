// The HTTP server: cpp-httplib's workers answering the API and the explorer's files.
#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "diplograph/serve.hpp"
#include "serve/errors.hpp"

namespace diplograph {

namespace serve_assets {
std::string_view file(std::string_view name);  // compiled in (cmake/Embed.cmake)
}

using serve::json_error;

namespace {

struct Asset {
  const char* path;
  const char* file;
  const char* media_type;
};

constexpr Asset assets[] = {
    {"/", "explorer.html", "text/html; charset=utf-8"},
    {"/explorer.js", "explorer.js", "text/javascript; charset=utf-8"},
    {"/explorer.css", "explorer.css", "text/css; charset=utf-8"},
    {"/d3.min.js", "d3.min.js", "text/javascript; charset=utf-8"},
};

Params params_of(const httplib::Request& req) {
  Params out;
  for (const auto& [k, v] : req.params) out.emplace_back(k, v);
  return out;
}

void send(const Reply& r, httplib::Response& res) {
  res.status = r.status;
  res.set_content(r.body, r.media_type.c_str());
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (!r.filename.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
}

std::string status_message(int status) {
  switch (status) {
  case 400:
    return "a malformed request";
  case 405:
    return "only GET (and HEAD) are answered";
  case 413:
    return "the request body is too large (the API reads none: its parameters go in the URL)";
  case 414:
    return "the URL is too long (at most 8192 bytes)";
  default:
    return "HTTP status " + std::to_string(status);
  }
}

}  // namespace

Reply asset_reply(std::string_view path) {
  for (const auto& a : assets) {
    if (path == a.path) return {200, a.media_type, std::string(serve_assets::file(a.file)), ""};
  }
  return {404, "application/json; charset=utf-8",
          json_error(404, "nothing at " + std::string(path) + " (the explorer is at /, the API at /api/)"),
          ""};
}

struct Server::Impl {
  const Questions& questions;
  ServeOptions opts;
  httplib::Server http;
  int port = 0;
  // stop() may come before run() has started listening (a signal at once): it then waits for
  // run() to listen or to see it was asked to stop, since httplib's stop() ends only a listener.
  std::atomic<bool> started{false}, returned{false}, stopping{false};

  Impl(const Questions& q, ServeOptions o) : questions(q), opts(std::move(o)) {}

  void routes() {
    http.Get("/api/?([a-z-]*)", [this](const httplib::Request& req, httplib::Response& res) {
      send(api_reply(questions, req.matches[1].str(), params_of(req)), res);
    });
    http.Get("/[a-z0-9.]*",
             [](const httplib::Request& req, httplib::Response& res) { send(asset_reply(req.path), res); });
    const auto only_get = [](const httplib::Request&, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content(json_error(405, status_message(405)), "application/json; charset=utf-8");
    };
    http.Post(".*", only_get).Put(".*", only_get).Patch(".*", only_get).Delete(".*", only_get);
    // Anything else (a path of other characters, a request httplib refused): JSON saying what
    // went wrong, never httplib's empty body; an answer of ours keeps its own.
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          const std::string message =
              res.status == 404 ? "nothing at " + req.path + " (the explorer is at /, the API at /api/)"
                                : status_message(res.status);
          res.set_content(json_error(res.status, message), "application/json; charset=utf-8");
          return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      res.status = 500;
      res.set_content(json_error(500, "internal error (a bug in diplograph: please report it with the URL)"),
                      "application/json; charset=utf-8");
    });
  }

  void limits() {
    http.set_payload_max_length(opts.max_body_bytes);
    const auto t = static_cast<time_t>(opts.timeout_seconds);
    http.set_read_timeout(t);
    http.set_write_timeout(t);
    http.set_keep_alive_timeout(5);
    const unsigned threads = std::max(1U, opts.threads);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // httplib's default is SO_REUSEPORT, under which a second server binds the same port and
    // takes half the requests; SO_REUSEADDR alone restarts at once yet refuses a busy port.
    http.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

std::unique_ptr<Server> Server::create(const Questions& questions, const ServeOptions& opts) {
  auto impl = std::make_unique<Impl>(questions, opts);
  impl->routes();
  impl->limits();
  if (opts.port > 65535) throw UsageError("--port takes 0 to 65535, not " + std::to_string(opts.port));
  const int port = opts.port == 0 ? impl->http.bind_to_any_port(opts.host)
                                  : (impl->http.bind_to_port(opts.host, static_cast<int>(opts.port))
                                         ? static_cast<int>(opts.port)
                                         : -1);
  if (port <= 0)
    throw UsageError(
        "cannot listen on " + opts.host + ":" + std::to_string(opts.port) +
        " (is another server on that port? --port 0 picks a free one; --host takes an address of "
        "this machine)");
  impl->port = port;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned Server::port() const {
  return static_cast<unsigned>(impl_->port);
}

bool Server::run() {
  impl_->started = true;
  const bool ok = impl_->stopping || impl_->http.listen_after_bind();
  impl_->returned = true;
  return ok;
}

void Server::stop() {
  Impl& x = *impl_;
  x.stopping = true;
  while (x.started && !x.returned && !x.http.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  x.http.stop();
}

}  // namespace diplograph
