// diplograph-serve: `diplograph serve`, in a program of its own. `diplograph` hands the command
// over (exec), so that what only the server needs is loaded by the server alone (it once linked
// cpp-httplib, with OpenSSL and Brotli: ~8 ms of every other command's start).
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return diplograph::cli::run_serve(std::vector<std::string>(argv + 1, argv + argc));
}
