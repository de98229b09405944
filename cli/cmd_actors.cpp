// diplograph actors: the names there are, best match first, so a user can find what to ask for.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/declared.hpp"
#include "diplograph/catalogue.hpp"
#include "diplograph/present.hpp"
#include "diplograph/query.hpp"
#include "diplograph/text.hpp"

namespace diplograph::cli {

namespace {

// SEARCH is the first word when it names no RDF file or index (with a store, any first word); a
// name ending in .idx is taken for an index, to be told it is none if it is not.
std::string take_search(std::vector<std::string>& words, bool store) {
  const auto file = [](const std::string& w) {
    return syntax_of_input(w) || is_index_file(w) || text::ascii_lower(w).ends_with(".idx");
  };
  if (words.empty() || (!store && file(words.front()))) return {};
  std::string search = words.front();
  words.erase(words.begin());
  return search;
}

}  // namespace

int run_actors(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    const QuestionSpec& spec = *question_named("actors");
    Declared declared(spec, "q");  // SEARCH is the first word
    std::vector<std::string> words;
    std::string format = "table", syntax, base;
    Remote remote;
    po::options_description opts("actors options");
    declared.add(opts);
    // clang-format off
    opts.add_options()
      ("format", po::value(&format)->default_value(format), "table, csv, json")
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs (default: each file's own URI)")
      ("args", po::value(&words), "[SEARCH] GRAPH... (RDF files, gzipped too, or one index file written by `diplograph index`)");
    // clang-format on
    remote.add(opts);
    po::variables_map vm;
    if (!parse(args, "diplograph actors [SEARCH] (GRAPH... | --endpoint URL)", opts, "args", vm)) return ok;
    const auto table_format = diplograph::table_format(format);
    if (!table_format) throw po::error("--format takes table, csv or json");
    Given given = declared.given();
    const std::string search = take_search(words, !remote.endpoint.empty() || remote.print);
    given.add("q", search);
    const Asked asked = spec.read(given);
    const auto loaded = open_named(words, syntax, base, loads(asked), remote);
    if (!loaded) return bad_input;
    Answered answer = ask(loaded->questions(), asked);
    if (remote.print) {
      print_recorded(*loaded);
      return ok;
    }
    const Table t = to_table(std::get<Answer<ActorRow>>(std::move(answer)));
    if (t.rows.empty()) std::cerr << "diplograph: no actor matches \"" << search << "\"\n";
    write_table(std::cout, t, *table_format);
    return ok;
  });
}

}  // namespace diplograph::cli
