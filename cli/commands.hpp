// The subcommands, one table.
#pragma once

#include <span>

#include "cli/common.hpp"

namespace diplograph::cli {

int run_convert(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_ontology(const std::vector<std::string>& args);

inline std::span<const Command> commands() {
  static const Command table[] = {
      {"convert", "event records (JSON Lines, CSV) to RDF", run_convert},
      {"query", "who met whom; relations between states", run_query},
      {"ontology", "write the diplomacy ontology", run_ontology},
  };
  return table;
}

}  // namespace diplograph::cli
