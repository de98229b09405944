#include "cli/common.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"
#include "diplograph/text.hpp"

namespace diplograph::cli {

bool parse(const std::vector<std::string>& args, const std::string& usage_line, po::options_description& opts,
           const char* rest_name, po::variables_map& vm) {
  opts.add_options()("help,h", "show this help");
  po::positional_options_description pos;
  if (rest_name) pos.add(rest_name, -1);
  po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
  if (vm.count("help")) {
    std::cout << "usage: " << usage_line << "\n\n" << opts;
    return false;
  }
  po::notify(vm);
  return true;
}

namespace {

std::string dashed(std::string_view name, std::string_view value) {
  return "--" + std::string(name) + (value.empty() ? "" : " ") + std::string(value);
}

std::string actors_command(bool search) {
  return search ? "diplograph actors SEARCH GRAPH... lists the names there are"
                : "diplograph actors lists them";
}

}  // namespace

const Spelling& cli_spelling() {
  static const Spelling spelling{dashed, actors_command};
  return spelling;
}

std::string said(std::string_view message) {
  return spelled_out(message, cli_spelling());
}

void report(const Diagnostic& d) {
  std::cerr << said(d.str()) << '\n';
}

bool load_graphs(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                 const std::string& base, Question question, std::size_t* ontology_size) {
  ReadOptions onto;
  onto.syntax = Syntax::turtle;
  onto.base = std::string(ns::dg);
  if (!store.load_string(ontology_turtle(), "diplomacy.ttl", onto, report)) return false;
  if (ontology_size) *ontology_size = store.size();
  return load_files(store, files, syntax, base, question);
}

std::optional<Syntax> forced_syntax(const std::string& syntax) {
  if (syntax.empty()) return std::nullopt;
  const auto forced = syntax_from_name(syntax);
  if (!forced) throw po::error("unknown syntax \"" + syntax + "\" (turtle, ntriples, nquads, trig)");
  return forced;
}

// Why a file named without an RDF extension is not read; a file named .idx is not an index.
std::string unknown_syntax(const std::string& f) {
  std::string rdf = "unknown RDF syntax (extension .ttl, .nt, .nq or .trig, or --syntax)";
  if (!text::ascii_lower(f).ends_with(".idx")) return rdf;
  std::ifstream in(f, std::ios::binary);
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::string build = "`diplograph index -o FILE GRAPH...` builds one";
  if (!in.good() && head.empty()) return "an empty file, not a diplograph index (" + build + ")";
  const auto start = head.find_first_not_of(" \t\r\n");
  const bool rdf_text = start != std::string::npos &&
                        (head.compare(start, 7, "@prefix") == 0 || head.compare(start, 5, "@base") == 0 ||
                         head[start] == '<' || head[start] == '#');
  if (rdf_text) return "not a diplograph index but RDF text: name it .ttl or .nt, or give --syntax";
  return "not a diplograph index (an index file starts with its own signature; " + build + ")";
}

bool graph_file(const std::string& f, const std::optional<Syntax>& forced, const std::string& base,
                std::string_view for_index, ReadOptions& opts) {
  if (is_index_file(f)) {
    report({{f, 0, 0}, "an index file: " + std::string(for_index)});
    return false;
  }
  opts.syntax = forced ? forced : syntax_from_path(f);
  if (!opts.syntax) {
    report({{f, 0, 0}, unknown_syntax(f)});
    return false;
  }
  opts.base = base;
  return true;
}

bool load_files(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                const std::string& base, Question question) {
  const auto forced = forced_syntax(syntax);
  for (const auto& f : files) {
    ReadOptions opts;
    if (!graph_file(f, forced, base,
                    "this command reads RDF graphs (query and actors read indexes); give it the graphs the "
                    "index was built from",
                    opts))
      return false;
    keep_only_what(question, opts);
    if (!store.load_file(f, opts, report)) return false;
  }
  return true;
}

std::unique_ptr<Loaded> load_questions(const std::vector<std::string>& graphs, const std::string& syntax,
                                       const std::string& base, Question q) {
  auto loaded = std::make_unique<Loaded>();
  const auto index =
      std::find_if(graphs.begin(), graphs.end(), [](const auto& g) { return is_index_file(g); });
  if (index != graphs.end()) {
    if (graphs.size() > 1)
      throw UsageError(
          *index +
          " is an index, which is opened alone: to add graphs to it, `diplograph index --append -o " +
          *index + " GRAPH...`");
    loaded->index = IndexFile::open(*index);
    loaded->questions = loaded->index->questions();
    return loaded;
  }
  if (!load_graphs(loaded->store, graphs, syntax, base, q)) return nullptr;
  loaded->questions = questions_in_memory(loaded->store);
  return loaded;
}

std::unique_ptr<Loaded> load_questions(const std::vector<std::string>& graphs, const std::string& syntax,
                                       const std::string& base, Question q, const Remote& remote) {
  if (remote.endpoint.empty() && !remote.print) {
    if (!remote.graph.empty()) throw UsageError("--graph names a graph of the store --endpoint URL asks");
    if (graphs.empty()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
    return load_questions(graphs, syntax, base, q);
  }
  if (!graphs.empty() && remote.endpoint.empty())
    throw UsageError(
        "--print-sparql prints the SPARQL sent to a store: it needs --endpoint URL (GRAPH files "
        "are answered here, with no SPARQL)");
  if (!graphs.empty())
    throw UsageError(
        "give GRAPH files or --endpoint URL, not both (load the files into the store with "
        "`diplograph load --store URL FILE...`)");
  auto loaded = std::make_unique<Loaded>();
  loaded->printing = remote.print;
  loaded->questions = questions_at(remote.target(), remote.print ? &loaded->printed : nullptr);
  return loaded;
}

bool Loaded::print_sparql() const {
  if (!printing) return false;
  for (std::size_t i = 0; i < printed.size(); ++i) {
    std::cout << (i ? "\n" : "") << "# query " << i + 1 << " of " << printed.size()
              << (i + 1 < printed.size() ? " (the engine reads its rows before the next is written)" : "")
              << '\n'
              << printed[i];
  }
  return true;
}

void Remote::add(po::options_description& opts, bool printable) {
  // clang-format off
  opts.add_options()
    ("endpoint", po::value(&endpoint), "ask the SPARQL 1.1 store at this URL in place of GRAPH files")
    ("graph", po::value(&graph), "with --endpoint: only this named graph (default: the store's default graph)")
    ("user", po::value(&user), "with --endpoint: user name (password in DIPLOGRAPH_PASSWORD)");
  // clang-format on
  if (printable)
    opts.add_options()("print-sparql", po::bool_switch(&print),
                       "print the SPARQL sent to an endpoint, and exit");
}

Endpoint Remote::target() const {
  Endpoint e;
  e.url = endpoint;
  e.graph = graph;
  e.user = user;
  if (!user.empty()) {
    const char* password = std::getenv("DIPLOGRAPH_PASSWORD");
    if (!password)
      throw UsageError("--user " + user + " needs the password in the environment: DIPLOGRAPH_PASSWORD");
    e.password = password;
  }
  return e;
}

std::uint64_t whole_number(const std::string& text, const std::string& option, std::uint64_t lo,
                           std::uint64_t hi) {
  return whole_number_option(text, option_ref(option), lo, hi);
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const po::error& e) {
    std::cerr << "diplograph: " << e.what() << " (see --help)\n";
    return usage;
  } catch (const OptionError& e) {
    std::cerr << "diplograph: " << said(e.what()) << " (see --help)\n";
    return usage;
  } catch (const UsageError& e) {
    std::cerr << "diplograph: " << said(e.what()) << '\n';
    return usage;
  } catch (const InputError& e) {
    report(e.diagnostic());
    return bad_input;
  } catch (const BackendError& e) {
    std::cerr << "diplograph: " << said(e.what()) << '\n';
    return bad_input;
  } catch (const std::exception& e) {  // not the input's fault: ours (cli.md, exit 70)
    std::cerr << "diplograph: internal error: " << e.what()
              << " (a bug in diplograph, not in the input: please report it with the command that gave it)\n";
    return internal;
  }
}

}  // namespace diplograph::cli
