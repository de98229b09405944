// The subcommands, one table.
#pragma once

#include <span>

#include "cli/common.hpp"

namespace diplograph::cli {

int run_convert(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_ontology(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_actors(const std::vector<std::string>& args);
int run_describe(const std::vector<std::string>& args);
int run_index(const std::vector<std::string>& args);
int run_load(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);

inline std::span<const Command> commands() {
  static const Command table[] = {
      {"convert", "event records (JSON Lines, CSV, GDELT, ICEWS) to RDF", run_convert},
      {"query", "who met whom, relations, paths, timelines", run_query},
      {"actors", "the actors of a graph, best match for a name first", run_actors},
      {"index", "a persistent index of graphs: every query opens it in milliseconds", run_index},
      {"load", "send graphs to a SPARQL 1.1 store (Virtuoso, Fuseki, ...), which every query can then ask",
       run_load},
      {"serve", "answer the questions over HTTP: a JSON API and an explorer page for a browser", run_serve},
      {"merge", "the union of RDF files, blank nodes apart, optionally smushed", run_merge},
      {"validate", "check data against the ontology", run_validate},
      {"stats", "what a graph holds", run_stats},
      {"describe", "a VoID and DCAT description of a dataset, for publishing it", run_describe},
      {"ontology", "write the diplomacy ontology", run_ontology},
  };
  return table;
}

}  // namespace diplograph::cli
