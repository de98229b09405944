// Private to rdf/: text quoted as an N-Triples string, escapes JSON reads alike (\" \\ \n \r \t,
// \uXXXX for the other control characters), for the N-Triples and JSON-LD writers.
#pragma once

#include <string>
#include <string_view>

namespace diplograph::detail {

[[nodiscard]] std::string quoted(std::string_view s);

}  // namespace diplograph::detail
