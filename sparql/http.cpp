// HTTP through libcurl: one easy handle per request, owned by a unique_ptr with its free function.
#include "sparql/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace diplograph::http {

namespace {

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

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

void authenticate(CURL* c, const Endpoint& e) {
  if (e.user.empty()) return;
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
  curl_easy_setopt(c, CURLOPT_USERNAME, e.user.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, e.password.c_str());
}

std::string transport_failure(const std::string& url, CURLcode code, const char* detail) {
  std::string msg = url + ": ";
  msg += *detail ? detail : curl_easy_strerror(code);
  if (code == CURLE_COULDNT_CONNECT)
    msg += " (is the store running, and is this its SPARQL URL? e.g. http://localhost:8890/sparql)";
  else if (code == CURLE_OPERATION_TIMEDOUT)
    msg += " (the store took too long: narrow the question, or raise its own time limits)";
  return msg;
}

}  // namespace

Response post(const Endpoint& endpoint, const std::string& url, std::string_view content_type,
              std::string_view body, std::string_view accept) {
  global_init();
  Easy c(curl_easy_init(), &curl_easy_cleanup);
  if (!c) throw StoreError(url + ": cannot start an HTTP request (libcurl)");
  const std::string type = "Content-Type: " + std::string(content_type);
  const std::string acc = "Accept: " + std::string(accept);
  Headers headers(curl_slist_append(curl_slist_append(nullptr, type.c_str()), acc.c_str()),
                  &curl_slist_free_all);
  Response r;
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &r);
  curl_easy_setopt(c.get(), CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c.get(), CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, endpoint.connect_seconds);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, endpoint.timeout_seconds);
  curl_easy_setopt(c.get(), CURLOPT_ACCEPT_ENCODING, "");  // whatever compression the store offers
  authenticate(c.get(), endpoint);
  if (const CURLcode code = curl_easy_perform(c.get()); code != CURLE_OK)
    throw StoreError(transport_failure(url, code, error));
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.status);
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
  if (r.status == 401) msg += " (give --user NAME and the password in DIPLOGRAPH_PASSWORD)";
  if (r.status == 403) msg += " (this user may not do this: Virtuoso needs SPARQL_UPDATE granted to write)";
  return msg;
}

}  // namespace diplograph::http
