// The API's error document, shared by the routes (api.cpp) and the server (server.cpp).
#pragma once

#include <string>
#include <string_view>

namespace diplograph::serve {

/// `{"error": MESSAGE, "status": STATUS}` and a newline.
[[nodiscard]] std::string json_error(int status, std::string_view message);

}  // namespace diplograph::serve
