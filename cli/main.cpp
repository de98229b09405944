// diplograph: a thin dispatcher to the subcommands in cli/cmd_*.cpp.
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // std::cout with its own buffer: a command writes either through iostreams (tables) or through
  // FILE* (RDF), never both, and a table of 374k rows took five seconds to write synchronised.
  std::ios::sync_with_stdio(false);
  using diplograph::cli::commands;
  const std::string name = argc > 1 ? argv[1] : "";
  for (const auto& c : commands()) {
    if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  const bool help = name == "--help" || name == "-h" || name == "help";
  if (name == "--version") {
    std::cout << "diplograph " << DIPLOGRAPH_VERSION << '\n';
    return 0;
  }
  auto& out = help ? std::cout : std::cerr;
  if (!help)
    out << (name.empty() ? "diplograph: a command is required\n"
                         : "diplograph: unknown command \"" + name + "\"\n");
  out << "usage: diplograph COMMAND [OPTIONS] ...\n\ncommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << '\n';
  out << "\n`diplograph COMMAND --help` describes each command's options.\n";
  return help ? 0 : 1;
}
