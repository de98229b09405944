// The HTTP server: the routes (the API, the explorer's files) and the answers the server gives
// itself, over the HTTP layer of serve/http.cpp.
#include <algorithm>

#include "diplograph/serve.hpp"
#include "serve/errors.hpp"
#include "serve/http.hpp"
#include "serve/linked.hpp"

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

constexpr std::string_view kJson = "application/json; charset=utf-8";

httpd::Response response(Reply r) {
  httpd::Response out{r.status, std::move(r.media_type), std::move(r.body), {}};
  out.headers = {{"X-Content-Type-Options", "nosniff"}};
  const bool caching = std::any_of(r.headers.begin(), r.headers.end(),
                                   [](const auto& h) { return h.first == "Cache-Control"; });
  if (!caching) out.headers.emplace_back("Cache-Control", "no-store");
  for (auto& h : r.headers) out.headers.push_back(std::move(h));
  if (!r.filename.empty())
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
  return out;
}

std::string status_message(int status) {
  switch (status) {
  case 400:
    return "a malformed request";
  case 405:
    return "only GET (and HEAD) are answered";
  case 408:
    return "the request was not sent in time (its head within 5 s of its first byte)";
  case 413:
    return "the request body is too large (the API reads none: its parameters go in the URL)";
  case 414:
    return "the URL is too long (at most 8192 bytes)";
  case 431:
    return "the request's headers are too large (at most 100 lines, 16 KiB)";
  case 500:
    return "internal error (a bug in diplograph: please report it with the URL)";
  case 503:
    return "busy: every worker is answering and the queue is full; try again in a moment";
  default:
    return "HTTP status " + std::to_string(status);
  }
}

httpd::Response error_page(int status) {
  return response({status, std::string(kJson), json_error(status, status_message(status)), ""});
}

bool all_of(std::string_view s, std::string_view allowed) {
  return s.find_first_not_of(allowed) == std::string_view::npos;
}

// /api and /api/ROUTE to the API, minted IRIs' paths to their descriptions, /NAME to the
// explorer's files, anything else 404.
httpd::Response route(const Questions& questions, const httpd::Request& r, LinkedSite& site) {
  const std::string_view path = r.path;
  if (linked_path(path)) return response(linked_reply(questions, r, site));
  if (path == "/api" || path.starts_with("/api/")) {
    const std::string_view name = path.substr(std::min<std::size_t>(5, path.size()));
    if (all_of(name, "abcdefghijklmnopqrstuvwxyz-"))
      return response(api_reply(questions, name, Params(r.params.begin(), r.params.end())));
  } else if (path.starts_with('/') && all_of(path.substr(1), "abcdefghijklmnopqrstuvwxyz0123456789.")) {
    return response(asset_reply(path));
  }
  return response(
      {404, std::string(kJson),
       json_error(404, "nothing at " + std::string(path) + " (the explorer is at /, the API at /api/)"), ""});
}

}  // namespace

Reply asset_reply(std::string_view path) {
  for (const auto& a : assets) {
    if (path == a.path) return {200, a.media_type, std::string(serve_assets::file(a.file)), ""};
  }
  return {404, std::string(kJson),
          json_error(404, "nothing at " + std::string(path) + " (the explorer is at /, the API at /api/)"),
          ""};
}

struct Server::Impl {
  std::unique_ptr<LinkedSite> site;  // before the server, which uses it: destroyed after it
  std::unique_ptr<httpd::Server> http;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

namespace {

httpd::Limits limits_of(const ServeOptions& opts) {
  httpd::Limits l;
  l.threads = std::max(1U, opts.threads);
  l.max_queued = opts.max_queued;
  l.max_body = opts.max_body_bytes;
  l.head_time = std::chrono::milliseconds(opts.head_timeout_ms);
  l.write_time = std::chrono::seconds(opts.timeout_seconds);
  return l;
}

}  // namespace

std::unique_ptr<Server> Server::create(const Questions& questions, const ServeOptions& opts) {
  if (opts.port > 65535) throw UsageError("--port takes 0 to 65535, not " + std::to_string(opts.port));
  std::string why;
  auto site = std::make_unique<LinkedSite>();
  site->root = opts.root;
  site->dataset = opts.dataset;
  auto http = httpd::Server::listen(
      opts.host, opts.port, limits_of(opts),
      [&questions, s = site.get()](const httpd::Request& r) { return route(questions, r, *s); }, error_page,
      why);
  if (!http)
    throw UsageError(
        "cannot listen on " + opts.host + ":" + std::to_string(opts.port) +
        " (is another server on that port? --port 0 picks a free one; --host takes an address of "
        "this machine): " +
        why);
  auto impl = std::make_unique<Impl>();
  impl->site = std::move(site);
  impl->http = std::move(http);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned Server::port() const {
  return impl_->http->port();
}

bool Server::run() {
  impl_->http->run();
  return true;
}

void Server::stop() {
  impl_->http->stop();
}

}  // namespace diplograph
