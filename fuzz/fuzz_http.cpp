// libFuzzer target for the HTTP server's reader of request heads (serve/http.cpp): any bytes are
// read without a crash, into a request to answer or one of the statuses it refuses with.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "serve/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph::httpd;
  const Limits limits;
  const Head h = parse_head(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (h.status != 0 && h.status != 400 && h.status != 414 && h.status != 431) std::abort();
  if (h.status == 0 && (h.request.method.empty() || !h.request.path.starts_with('/'))) std::abort();
  return 0;
}
