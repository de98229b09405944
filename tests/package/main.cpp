// A program outside the project, built against an installed diplograph with find_package.
#include <diplograph/convert.hpp>
#include <diplograph/query.hpp>
#include <iostream>

int main() {
  diplograph::MemorySource src;
  diplograph::ReadOptions o;
  o.syntax = diplograph::Syntax::turtle;
  if (!diplograph::read_rdf_string(diplograph::ontology_turtle(), "o", o, src, {})) return 1;
  const auto* romania = diplograph::Countries::builtin().by_code("ROM");
  std::cout << (romania ? romania->iso3 : "?") << '\n';
  return romania && romania->iso3 == "ROU" ? 0 : 1;
}
