// diplograph-serve: `diplograph serve`, in a program of its own. `diplograph` hands the command
// over (exec), so that only the server loads the HTTP library (cpp-httplib, with the OpenSSL and
// Brotli libraries it links): every other command starts ~8 ms sooner without them.
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return diplograph::cli::run_serve(std::vector<std::string>(argv + 1, argv + argc));
}
