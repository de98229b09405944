// The HTTP server (serve/http.hpp): the only code of diplograph that touches sockets.
#include "serve/http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace diplograph::httpd {

namespace {

using Clock = std::chrono::steady_clock;

// ------------------------------------------------------------------------- reading a request head

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded (a malformed escape kept as written); '+' a space in a query.
std::string decoded(std::string_view s, bool query) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+' && query) {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> query_params(std::string_view q) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!q.empty()) {
    const std::size_t amp = std::min(q.find('&'), q.size());
    const std::string_view part = q.substr(0, amp);
    const std::size_t eq = std::min(part.find('='), part.size());
    if (!part.empty())
      out.emplace_back(decoded(part.substr(0, eq), true),
                       decoded(part.substr(std::min(eq + 1, part.size())), true));
    q.remove_prefix(std::min(amp + 1, q.size()));
  }
  return out;
}

bool token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "GET /api/met?actor=X HTTP/1.1": method, target (origin form, or absolute form cut to its
// path), version.
int request_line(std::string_view line, const Limits& limits, Head& h, bool& http10) {
  const std::size_t a = line.find(' '), b = line.rfind(' ');
  if (a == std::string_view::npos || a == b) return 400;
  const std::string_view method = line.substr(0, a), version = line.substr(b + 1);
  std::string_view target = line.substr(a + 1, b - a - 1);
  if (!token(method) || (version != "HTTP/1.1" && version != "HTTP/1.0")) return 400;
  if (target.size() > limits.max_url) return 414;
  if (const std::size_t scheme = target.find("://");
      scheme != std::string_view::npos && !target.starts_with('/')) {
    const std::size_t path = target.find('/', scheme + 3);
    target = path == std::string_view::npos ? std::string_view("/") : target.substr(path);
  }
  if (!target.starts_with('/') || target.find_first_of(" \t\r\n") != std::string_view::npos) return 400;
  target = target.substr(0, std::min(target.find('#'), target.size()));
  const std::size_t q = std::min(target.find('?'), target.size());
  h.request.method = std::string(method);
  h.request.path = decoded(target.substr(0, q), false);
  h.request.raw_path = std::string(target.substr(0, q));
  h.request.params = query_params(target.substr(std::min(q + 1, target.size())));
  http10 = version == "HTTP/1.0";
  h.keep_alive = !http10;
  return 0;
}

// One header line; only the ones that frame the request or the connection matter here.
int header(std::string_view line, Head& h, bool http10, std::optional<std::uint64_t>& length) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || !token(line.substr(0, colon))) return 400;
  const std::string name = lower(line.substr(0, colon));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (name == "content-length") {
    if (value.empty() || value.size() > 15 || value.find_first_not_of("0123456789") != std::string_view::npos)
      return 400;
    const std::uint64_t n = std::stoull(std::string(value));
    if (length && *length != n) return 400;
    length = n;
  } else if (name == "accept") {
    auto& a = h.request.accept;
    a += (a.empty() ? "" : ", ") + std::string(value);
  } else if (name == "if-none-match") {
    h.request.if_none_match = std::string(value);
  } else if (name == "transfer-encoding") {
    h.chunked = true;
  } else if (name == "connection") {
    const std::string v = lower(value);
    if (v.find("close") != std::string::npos) h.keep_alive = false;
    if (http10 && v.find("keep-alive") != std::string::npos) h.keep_alive = true;
  }
  return 0;
}

}  // namespace

Head parse_head(std::string_view text, const Limits& limits) {
  Head h;
  bool http10 = false;
  std::optional<std::uint64_t> length;
  std::size_t lines = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find("\r\n", at), text.size());
    std::string_view line = text.substr(at, end - at);
    at = end + 2;
    if (lines == 0 && line.empty()) continue;  // RFC 9112: an empty line before the request line
    if (lines++ == 0) {
      h.status = request_line(line, limits, h, http10);
    } else if (lines > limits.max_headers + 1) {
      h.status = 431;
    } else if (line.front() == ' ' || line.front() == '\t') {
      h.status = 400;  // obsolete line folding
    } else {
      h.status = header(line, h, http10, length);
    }
    if (h.status) return h;
  }
  if (lines == 0) h.status = 400;
  if (h.chunked && length) h.status = 400;  // both framings: refused, never guessed
  h.body = length.value_or(0);
  return h;
}

namespace {

// ------------------------------------------------------------------------- writing an answer

const char* reason(int status) {
  switch (status) {
  case 200:
    return "OK";
  case 400:
    return "Bad Request";
  case 404:
    return "Not Found";
  case 405:
    return "Method Not Allowed";
  case 408:
    return "Request Timeout";
  case 413:
    return "Content Too Large";
  case 414:
    return "URI Too Long";
  case 431:
    return "Request Header Fields Too Large";
  case 500:
    return "Internal Server Error";
  case 502:
    return "Bad Gateway";
  case 503:
    return "Service Unavailable";
  default:
    return "Status";
  }
}

std::string wire(const Response& r, bool head_only, bool keep_alive) {
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
  if (!r.media_type.empty()) out += "Content-Type: " + r.media_type + "\r\n";
  out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
  out += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  if (!head_only) out += r.body;
  return out;
}

// Everything, or false (the client gone, or not reading within the socket's send timeout).
bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void set_blocking(int fd, bool blocking) {
  const int flags = ::fcntl(fd, F_GETFL);
  ::fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK);
}

// ------------------------------------------------------------------------- connections and jobs

struct Conn {
  std::string buf;  ///< what has come and is not yet a request
  Clock::time_point deadline;
  bool draining = false;  ///< answered and closing: what still comes is read and dropped
  unsigned served = 0;
};

struct Job {
  int fd = -1;
  Conn conn;  ///< with what came after the request (a pipelined next one)
  Request request;
  bool keep_alive = true;
};

}  // namespace

struct Server::Impl {
  Limits limits;
  Handler handler;
  ErrorPage error_page;
  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  unsigned port = 0;
  std::atomic<bool> stopping{false};
  std::unordered_map<int, Conn> conns;  // the gate's own: touched by the gate thread only
  std::mutex mutex;                     // guards jobs and returned
  std::condition_variable work;
  std::deque<Job> jobs;
  std::vector<Job> returned;  // kept-alive connections handed back by workers
  std::vector<std::thread> workers;

  ~Impl() {
    for (const auto& [fd, c] : conns) ::close(fd);
    for (int fd : {listen_fd, epoll_fd, wake_fd})
      if (fd >= 0) ::close(fd);
  }

  void wake() const {
    const std::uint64_t one = 1;
    (void)!::write(wake_fd, &one, sizeof one);
  }

  // ----------------------------------------------------------------------- the gate

  void watch(int fd, Conn conn) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    conns[fd] = std::move(conn);
  }

  void close_conn(int fd) {
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    conns.erase(fd);
    ::close(fd);
  }

  // An answer of the server's own, then the connection closed: what the client still sends is
  // read and dropped for a moment first, so that closing does not reset the answer away.
  void refuse(int fd, int status) {
    Response r = error_page(status);
    if (status == 405) r.headers.emplace_back("Allow", "GET, HEAD");
    if (status == 503) r.headers.emplace_back("Retry-After", "1");
    const std::string bytes = wire(r, false, false);
    (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    auto it = conns.find(fd);
    if (it == conns.end()) return (void)::close(fd);
    it->second.draining = true;
    it->second.buf.clear();
    it->second.deadline = Clock::now() + std::chrono::seconds(2);
  }

  void accept_all() {
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      const int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      watch(fd, Conn{{}, Clock::now() + limits.head_time, false, 0});
      if (conns.size() > limits.max_connections) refuse(fd, 503);
    }
  }

  // Reads what the connection has; false when it closed.
  bool read_some(int fd, Conn& c) {
    char chunk[16384];
    for (;;) {
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        if (!c.draining) c.buf.append(chunk, static_cast<std::size_t>(n));
        if (c.buf.size() > limits.max_head + limits.max_body) return true;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }

  void readable(int fd) {
    auto it = conns.find(fd);
    if (it == conns.end()) return;
    Conn& c = it->second;
    const bool had_nothing = c.buf.empty();
    if (!read_some(fd, c)) return close_conn(fd);
    if (c.draining) return;
    if (had_nothing && !c.buf.empty()) c.deadline = Clock::now() + limits.head_time;
    take_request(fd, c);
  }

  // A whole request in the connection's buffer: refused, or queued for a worker.
  void take_request(int fd, Conn& c) {
    const std::size_t end = c.buf.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (c.buf.find("\r\n") == std::string::npos && c.buf.size() > limits.max_url + 32)
        return refuse(fd, 414);
      if (c.buf.size() > limits.max_head) return refuse(fd, 431);
      return;
    }
    if (end > limits.max_head) return refuse(fd, 431);
    Head h = parse_head(std::string_view(c.buf).substr(0, end), limits);
    if (h.status) return refuse(fd, h.status);
    if (h.body > limits.max_body) return refuse(fd, 413);
    const bool other = h.request.method != "GET" && h.request.method != "HEAD";
    if (h.chunked) return refuse(fd, other ? 405 : 400);
    if (c.buf.size() < end + 4 + h.body) return;  // the body is still coming
    c.buf.erase(0, end + 4 + h.body);
    if (other) return answer_here(fd, c, 405, h.keep_alive);
    queue(fd, std::move(h));
  }

  // 405 on a connection that may go on (its body, if any, has been read).
  void answer_here(int fd, Conn& c, int status, bool keep_alive) {
    Response r = error_page(status);
    r.headers.emplace_back("Allow", "GET, HEAD");
    if (!keep_alive) return refuse(fd, status);
    const std::string bytes = wire(r, false, true);
    if (::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(bytes.size()))
      return close_conn(fd);  // a client not reading even this much: let go (never a second answer)
    c.deadline = Clock::now() + limits.idle_time;
    if (!c.buf.empty()) take_request(fd, c);
  }

  void queue(int fd, Head h) {
    std::unique_lock<std::mutex> lock(mutex);
    if (jobs.size() >= limits.max_queued) {
      lock.unlock();
      return refuse(fd, 503);
    }
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    auto it = conns.find(fd);
    jobs.push_back(Job{fd, std::move(it->second), std::move(h.request), h.keep_alive});
    conns.erase(it);
    lock.unlock();
    work.notify_one();
  }

  void take_back() {
    std::vector<Job> back;
    {
      std::lock_guard<std::mutex> lock(mutex);
      back.swap(returned);
    }
    for (auto& j : back) {
      j.conn.deadline = Clock::now() + (j.conn.buf.empty() ? limits.idle_time : limits.head_time);
      const int fd = j.fd;
      watch(fd, std::move(j.conn));
      if (!conns[fd].buf.empty()) take_request(fd, conns[fd]);
    }
  }

  // Connections past their deadline: a request begun and not finished is answered 408.
  void expire() {
    const auto now = Clock::now();
    std::vector<std::pair<int, bool>> late;
    for (const auto& [fd, c] : conns) {
      if (c.deadline <= now) late.emplace_back(fd, !c.draining && !c.buf.empty());
    }
    for (const auto& [fd, begun] : late) {
      if (begun)
        refuse(fd, 408);
      else
        close_conn(fd);
    }
  }

  void gate() {
    epoll_event events[64];
    while (!stopping) {
      const int n = ::epoll_wait(epoll_fd, events, 64, 100);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd) {
          accept_all();
        } else if (fd == wake_fd) {
          std::uint64_t v = 0;
          (void)!::read(wake_fd, &v, sizeof v);
          take_back();
        } else {
          readable(fd);
        }
      }
      expire();
    }
  }

  // ----------------------------------------------------------------------- the workers

  Response answer(const Request& r) const {
    try {
      return handler(r);
    } catch (...) {
      return error_page(500);
    }
  }

  void serve(Job& j) {
    const Response r = answer(j.request);
    const bool again = j.keep_alive && !stopping && ++j.conn.served < limits.max_requests;
    set_blocking(j.fd, true);
    timeval tv{static_cast<time_t>(limits.write_time.count() / 1000),
               static_cast<suseconds_t>(limits.write_time.count() % 1000 * 1000)};
    ::setsockopt(j.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    const bool sent = send_all(j.fd, wire(r, j.request.method == "HEAD", again));
    if (!sent || !again) {
      ::close(j.fd);
      return;
    }
    set_blocking(j.fd, false);
    {
      std::lock_guard<std::mutex> lock(mutex);
      returned.push_back(std::move(j));
    }
    wake();
  }

  void worker() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex);
      work.wait(lock, [&] { return !jobs.empty() || stopping; });
      if (jobs.empty()) return;
      Job j = std::move(jobs.front());
      jobs.pop_front();
      lock.unlock();
      serve(j);
    }
  }
};

namespace {

// The listening socket on host:port; -1 with `why` set when it cannot be had.
int listen_on(const std::string& host, unsigned port, std::string& why) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int e = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); e != 0) {
    why = gai_strerror(e);
    return -1;
  }
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    const int yes = 1;
    // SO_REUSEADDR alone: a restart binds at once, yet a port another server holds is refused.
    if (fd >= 0 && (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) != 0 ||
                    ::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1024) != 0)) {
      why = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

unsigned bound_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

}  // namespace

std::unique_ptr<Server> Server::listen(const std::string& host, unsigned port, const Limits& limits,
                                       Handler handler, ErrorPage error_page, std::string& why) {
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->handler = std::move(handler);
  impl->error_page = std::move(error_page);
  impl->listen_fd = listen_on(host, port, why);
  if (impl->listen_fd < 0) return nullptr;
  impl->port = bound_port(impl->listen_fd);
  impl->epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  impl->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl->epoll_fd < 0 || impl->wake_fd < 0) {
    why = std::strerror(errno);
    return nullptr;
  }
  for (int fd : {impl->listen_fd, impl->wake_fd}) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    ::epoll_ctl(impl->epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
}

unsigned Server::port() const {
  return impl_->port;
}

void Server::run() {
  Impl& x = *impl_;
  for (unsigned i = 0; i < std::max(1U, x.limits.threads); ++i) x.workers.emplace_back([&x] { x.worker(); });
  x.gate();
  x.work.notify_all();
  for (auto& w : x.workers) w.join();
  x.workers.clear();
  for (const auto& j : x.returned) ::close(j.fd);
  x.returned.clear();
}

void Server::stop() {
  impl_->stopping = true;
  impl_->wake();
  impl_->work.notify_all();
}

}  // namespace diplograph::httpd
