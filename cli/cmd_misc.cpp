// diplograph ontology: writes the ontology in any syntax.
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"

namespace diplograph::cli {

int run_ontology(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    std::string to = "turtle";
    std::string output = "-";
    po::options_description opts("ontology options");
    opts.add_options()("to,t", po::value(&to)->default_value(to), "turtle, ntriples, nquads, trig")(
        "output,o", po::value(&output), "output file (written atomically)");
    po::variables_map vm;
    if (!parse(args, "diplograph ontology [-t FORMAT] [-o FILE]", opts, nullptr, vm))
      return static_cast<int>(ok);
    const auto syntax = syntax_from_name(to);
    if (!syntax) throw po::error("unknown syntax \"" + to + "\"");
    AtomicOutput out(output);
    if (*syntax == Syntax::turtle) {
      // As written, with its comments.
      const auto text = ontology_turtle();
      std::fwrite(text.data(), 1, text.size(), out.file());
    } else {
      auto writer = Writer::create(*syntax, out.file());
      ReadOptions ro;
      ro.syntax = Syntax::turtle;
      ro.base = std::string(ns::dg);
      if (!read_rdf_string(ontology_turtle(), "diplomacy.ttl", ro, *writer, report))
        return static_cast<int>(bad_input);
      if (!writer->finish()) throw InputError({{output, 0, 0}, "write error"});
    }
    out.commit();
    return static_cast<int>(ok);
  });
}

}  // namespace diplograph::cli
