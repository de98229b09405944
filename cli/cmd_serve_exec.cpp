// `diplograph serve` handed over to diplograph-serve, installed beside this program: the process
// becomes the server (same process id, so signals and exit codes are the server's own).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"

namespace diplograph::cli {

namespace {

// diplograph-serve in this program's directory (/proc/self/exe: wherever it was started from).
std::string server_program() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "diplograph-serve";
  return (self.parent_path() / "diplograph-serve").string();
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  const std::string program = server_program();
  std::vector<std::string> owned{program};
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(program.c_str(), argv.data());
  std::cerr << "diplograph: cannot start " << program << ", which answers `diplograph serve` ("
            << std::strerror(errno) << "): it is built and installed beside diplograph (cmake --install)\n";
  return 70;
}

}  // namespace diplograph::cli
