// diplograph actors: the names there are, best match first, so a user can find what to ask for.
#include <iostream>

#include "cli/commands.hpp"
#include "diplograph/query.hpp"

namespace diplograph::cli {

int run_actors(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    std::vector<std::string> words;
    std::string format = "table", syntax, base;
    std::string limit;
    po::options_description opts("actors options");
    // clang-format off
    opts.add_options()
      ("format", po::value(&format)->default_value(format), "table, csv, json")
      ("limit", po::value(&limit), "at most this many rows (default: all)")
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs (default: each file's own URI)")
      ("args", po::value(&words), "[SEARCH] GRAPH... (RDF files, or one index file written by `diplograph index`)");
    // clang-format on
    po::variables_map vm;
    if (!parse(args, "diplograph actors [SEARCH] GRAPH...", opts, "args", vm)) return ok;
    const auto table_format = diplograph::table_format(format);
    if (!table_format) throw po::error("--format takes table, csv or json");
    // SEARCH is the first word when it names no RDF file or index.
    std::string search;
    if (!words.empty() && !syntax_from_path(words.front()) && !is_index_file(words.front())) {
      search = words.front();
      words.erase(words.begin());
    }
    if (words.empty()) throw po::error("no GRAPH files");
    const auto loaded = load_questions(words, syntax, base, Question::met);
    if (!loaded) return bad_input;
    Table t = to_table(loaded->questions->actors(search));
    if (!limit.empty()) {
      const auto most = whole_number(limit, "limit", 1, 1000000000);
      if (t.rows.size() > most) t.rows.resize(most);
    }
    if (t.rows.empty()) std::cerr << "diplograph: no actor matches \"" << search << "\"\n";
    write_table(std::cout, t, *table_format);
    return ok;
  });
}

}  // namespace diplograph::cli
