// HTTP through libcurl: one easy handle per request, owned by a unique_ptr with its free function.
// libcurl is opened when the first request is made, not when diplograph starts: most commands ask
// no store, and libcurl with what it links (TLS, Kerberos, LDAP, SSH, ...) cost every command
// about 12 ms of its start (a question of an index file answers in ~30 ms whole).
#include "sparql/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "diplograph/library.hpp"

namespace diplograph::http {

namespace {

// The libcurl functions used, found in the library when first needed.
struct Curl {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
};

Curl open_curl() try {
  const SharedLibrary lib("libcurl.so.4", "libcurl4");
  Curl c;
  lib.bind(c.global_init, "curl_global_init");
  lib.bind(c.easy_init, "curl_easy_init");
  lib.bind(c.easy_cleanup, "curl_easy_cleanup");
  lib.bind(c.easy_setopt, "curl_easy_setopt");
  lib.bind(c.easy_perform, "curl_easy_perform");
  lib.bind(c.easy_getinfo, "curl_easy_getinfo");
  lib.bind(c.easy_strerror, "curl_easy_strerror");
  lib.bind(c.slist_append, "curl_slist_append");
  lib.bind(c.slist_free_all, "curl_slist_free_all");
  c.global_init(CURL_GLOBAL_DEFAULT);
  return c;
} catch (const std::runtime_error& e) {
  throw StoreError(std::string("to reach a store, ") + e.what());
}

// libcurl, opened and initialised once (thread-safe), or StoreError saying what to install.
const Curl& curl() {
  static const Curl api = open_curl();
  return api;
}

using Easy = std::unique_ptr<CURL, void (*)(CURL*)>;
using Headers = std::unique_ptr<curl_slist, void (*)(curl_slist*)>;

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<Response*>(user)->body.append(data, size * n);
  return size * n;
}

// The value of header `name` (case-insensitive) in one header line, or nothing.
void header_value(std::string_view line, std::string_view name, std::string& out) {
  if (line.size() <= name.size() || line[name.size()] != ':') return;
  if (!std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
      }))
    return;
  line.remove_prefix(name.size() + 1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
    line.remove_suffix(1);
  out = line;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto& r = *static_cast<Response*>(user);
  const std::string_view line(data, size * n);
  header_value(line, "X-SPARQL-MaxRows", r.max_rows);
  header_value(line, "X-SQL-State", r.sql_state);
  header_value(line, "Content-Type", r.content_type);
  return size * n;
}

void authenticate(const Curl& api, CURL* c, const Endpoint& e) {
  if (e.user.empty()) return;
  api.easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
  api.easy_setopt(c, CURLOPT_USERNAME, e.user.c_str());
  api.easy_setopt(c, CURLOPT_PASSWORD, e.password.c_str());
}

std::string transport_failure(const std::string& url, CURLcode code, const char* detail) {
  std::string msg = url + ": ";
  msg += *detail ? detail : curl().easy_strerror(code);
  if (code == CURLE_COULDNT_CONNECT)
    msg += " (is the store running, and is this its SPARQL URL? e.g. http://localhost:8890/sparql)";
  else if (code == CURLE_OPERATION_TIMEDOUT)
    msg += " (the store took too long: narrow the question, or raise its own time limits)";
  return msg;
}

}  // namespace

Response post(const Endpoint& endpoint, const std::string& url, std::string_view content_type,
              std::string_view body, std::string_view accept) {
  const Curl& api = curl();
  Easy c(api.easy_init(), api.easy_cleanup);
  if (!c) throw StoreError(url + ": cannot start an HTTP request (libcurl)");
  const std::string type = "Content-Type: " + std::string(content_type);
  const std::string acc = "Accept: " + std::string(accept);
  Headers headers(api.slist_append(api.slist_append(nullptr, type.c_str()), acc.c_str()), api.slist_free_all);
  Response r;
  char error[CURL_ERROR_SIZE] = "";
  api.easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  api.easy_setopt(c.get(), CURLOPT_POST, 1L);
  api.easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.data());
  api.easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  api.easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  api.easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, on_body);
  api.easy_setopt(c.get(), CURLOPT_WRITEDATA, &r);
  api.easy_setopt(c.get(), CURLOPT_HEADERFUNCTION, on_header);
  api.easy_setopt(c.get(), CURLOPT_HEADERDATA, &r);
  api.easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  api.easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  api.easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, endpoint.connect_seconds);
  api.easy_setopt(c.get(), CURLOPT_TIMEOUT, endpoint.timeout_seconds);
  api.easy_setopt(c.get(), CURLOPT_ACCEPT_ENCODING, "");  // whatever compression the store offers
  authenticate(api, c.get(), endpoint);
  if (const CURLcode code = api.easy_perform(c.get()); code != CURLE_OK)
    throw StoreError(transport_failure(url, code, error));
  api.easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

std::string form_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4U];
      out += kHex[c & 15U];
    }
  }
  return out;
}

std::string failure(const std::string& url, const Response& r) {
  std::string text;
  bool markup = false;
  for (const char c : r.body) {  // the store's message, without HTML tags, on one line
    if (c == '<') markup = true;
    if (!markup) text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (c == '>') markup = false;
  }
  std::string squeezed;
  for (const char c : text) {
    if (c != ' ' || (!squeezed.empty() && squeezed.back() != ' ')) squeezed += c;
  }
  if (squeezed.size() > 600) squeezed = squeezed.substr(0, 600) + "...";
  std::string msg = url + ": the store answered HTTP " + std::to_string(r.status);
  if (!squeezed.empty()) msg += ": " + squeezed;
  if (r.status == 401) msg += " (give {{user=NAME}} and the password in DIPLOGRAPH_PASSWORD)";
  if (r.status == 403) msg += " (this user may not do this: Virtuoso needs SPARQL_UPDATE granted to write)";
  return msg;
}

}  // namespace diplograph::http
