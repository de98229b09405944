// diplograph ontology, validate and stats.
#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/present.hpp"
#include "diplograph/query.hpp"

namespace diplograph::cli {

int run_validate(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    std::vector<std::string> graphs;
    std::string syntax, base;
    po::options_description opts("validate options");
    // clang-format off
    opts.add_options()
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs")
      ("graph", po::value(&graphs), "RDF files to check (gzipped too)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph validate GRAPH...", opts, "graph", vm)) return ok;
    if (graphs.empty()) throw po::error("no GRAPH files");
    Store store(index_spo | index_ops | index_pos);
    if (!load_graphs(store, graphs, syntax, base)) return bad_input;
    const auto problems = validate(store);
    for (const auto& p : problems) std::cout << p << '\n';
    std::cerr << "diplograph validate: " << problems.size()
              << (problems.size() == 1 ? " problem\n" : " problems\n");
    return problems.empty() ? ok : bad_input;
  });
}

int run_stats(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    std::vector<std::string> graphs;
    std::string syntax, base, format = "table";
    po::options_description opts("stats options");
    // clang-format off
    opts.add_options()
      ("format", po::value(&format)->default_value(format), "table, csv, json")
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs")
      ("graph", po::value(&graphs), "RDF files (gzipped too)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph stats GRAPH...", opts, "graph", vm)) return ok;
    const auto f = table_format(format);
    if (!f) throw po::error("--format takes table, csv or json");
    if (graphs.empty()) throw po::error("no GRAPH files");
    Store store(index_spo | index_ops);
    std::size_t ontology = 0;
    if (!load_graphs(store, graphs, syntax, base, Question::everything, &ontology)) return bad_input;
    // The ontology is loaded alongside; the count is of the data's own statements.
    write_table(std::cout, to_table(query_stats(store, store.size() - ontology)), *f);
    return ok;
  });
}

// The ontology's documentation page (-t html).
int write_ontology_page(const std::string& output) {
  MemorySource onto;
  ReadOptions ro;
  ro.syntax = Syntax::turtle;
  ro.base = std::string(ns::dg);
  if (!read_rdf_string(ontology_turtle(), "diplomacy.ttl", ro, onto, report)) return bad_input;
  std::ostringstream page;
  write_ontology_html(page, onto);
  AtomicOutput out(output);
  const std::string text = page.str();
  if (std::fwrite(text.data(), 1, text.size(), out.file()) != text.size())
    throw InputError({{output, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  out.commit();
  return ok;
}

int run_ontology(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    std::string to = "turtle";
    std::string output = "-";
    po::options_description opts("ontology options");
    opts.add_options()("to,t", po::value(&to)->default_value(to),
                       "turtle, ntriples, nquads, trig, jsonld, or html (a page documenting every term)")(
        "output,o", po::value(&output), "output file (written atomically)");
    po::variables_map vm;
    if (!parse(args, "diplograph ontology [-t FORMAT] [-o FILE]", opts, nullptr, vm))
      return static_cast<int>(ok);
    if (to == "html") return write_ontology_page(output);
    const auto syntax = syntax_from_name(to);
    if (!syntax) throw po::error("unknown syntax \"" + to + "\" (" + syntax_names(false) + ", html)");
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
      if (!writer->finish()) throw InputError({{output, 0, 0}, writer->failure()});
    }
    out.commit();
    return static_cast<int>(ok);
  });
}

}  // namespace diplograph::cli
