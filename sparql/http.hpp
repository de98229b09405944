// One HTTP request to a store, through libcurl (kept out of every header).
#pragma once

#include <string>
#include <string_view>

#include "diplograph/sparql.hpp"

namespace diplograph::http {

struct Response {
  long status = 0;
  std::string body;
  std::string content_type;
  std::string max_rows;   ///< Virtuoso's X-SPARQL-MaxRows: the result was cut at this many rows
  std::string sql_state;  ///< Virtuoso's X-SQL-State: S1TAT is a partial (anytime) result
};

/// POSTs `body` as `content_type` to `url` (authenticating as the endpoint says) and returns the
/// store's response, whatever its status. Throws StoreError naming the URL when no response came:
/// connection refused, name not resolved, time-out.
[[nodiscard]] Response post(const Endpoint& endpoint, const std::string& url, std::string_view content_type,
                            std::string_view body, std::string_view accept);

/// `text` percent-encoded for a form body or a query string (RFC 3986 unreserved kept).
[[nodiscard]] std::string form_encode(std::string_view text);

/// What a failed response says, for a person: the status and the store's own message (its first
/// lines, markup removed).
[[nodiscard]] std::string failure(const std::string& url, const Response& r);

}  // namespace diplograph::http
