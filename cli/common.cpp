#include "cli/common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
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
  return diplograph::load_graphs(store, files, forced_syntax(syntax), base, question, report, ontology_size);
}

std::optional<Syntax> forced_syntax(const std::string& syntax) {
  if (syntax.empty()) return std::nullopt;
  const auto forced = syntax_from_name(syntax);
  if (!forced || !syntax_info(*forced).readable)
    throw po::error("unknown syntax \"" + syntax + "\" (" + syntax_names(true) + ")");
  return forced;
}

bool load_files(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                const std::string& base, Question question) {
  return diplograph::load_files(store, files, forced_syntax(syntax), base, question, report);
}

std::unique_ptr<Backend> open_named(const std::vector<std::string>& graphs, const std::string& syntax,
                                    const std::string& base, Question q, const Remote& remote) {
  Sources s;
  s.graphs = graphs;
  s.syntax = forced_syntax(syntax);
  s.base = base;
  s.record = remote.print;
  if (remote.endpoint.empty() && !remote.print) {
    if (!remote.graph.empty()) throw UsageError("--graph names a graph of the store --endpoint URL asks");
    if (graphs.empty()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
  }
  if (!remote.endpoint.empty() || (remote.print && graphs.empty())) s.store = remote.target();
  return open_backend(s, q, report);
}

void print_recorded(const Backend& backend) {
  const auto& printed = backend.recorded();
  for (std::size_t i = 0; i < printed.size(); ++i) {
    std::cout << (i ? "\n" : "") << "# query " << i + 1 << " of " << printed.size()
              << (i + 1 < printed.size() ? " (the engine reads its rows before the next is written)" : "")
              << '\n'
              << printed[i];
  }
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

void Records::add(po::options_description& opts, const std::string& what) {
  // clang-format off
  opts.add_options()
    ("from,f", po::value(&from)->default_value(from), ("input format of the records: " + input_format_names() + ", auto").c_str())
    ("dataset", po::value(&dataset),
     "name to mint event and graph IRIs under (default: each file's stem), so renaming a file keeps them")
    ("keep-going", po::bool_switch(&keep_going), ("report bad records, " + what + " the rest, exit 3").c_str())
    ("max-line", po::value(&max_line)->default_value(max_line), "longest input line or record, in bytes")
    ("max-depth", po::value(&max_depth)->default_value(max_depth), "deepest JSON nesting")
    ("delimiter", po::value(&delimiter)->default_value(delimiter), "between CSV record fields: ',', ';', '|', ':' or tab")
    ("progress", po::bool_switch(&progress), "show progress on stderr (default when it is a terminal)")
    ("no-progress", po::bool_switch(&no_progress), "never show progress");
  // clang-format on
}

ConvertOptions Records::options() const {
  ConvertOptions opts;
  opts.format = input_format_option(from, "from");
  opts.keep_going = keep_going;
  opts.limits.max_line = whole_number(max_line, "max-line", 1, std::uint64_t{1} << 32U);
  opts.limits.max_depth = static_cast<unsigned>(whole_number(max_depth, "max-depth", 1, 100000));
  opts.delimiter = delimiter_option(delimiter);
  return opts;
}

bool Records::show_progress() const {
  return progress || (!no_progress && ::isatty(STDERR_FILENO));
}

Progress::Progress(bool on) : on_(on), start_(std::chrono::steady_clock::now()) {}

void Progress::operator()(const ConvertStats& s, double fraction) const {
  if (!on_) return;
  shown_ = true;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "\r%llu records, %.0f/s, %3.0f%% of %s", static_cast<unsigned long long>(s.records),
               secs > 0 ? static_cast<double>(s.records) / secs : 0.0, fraction * 100, file_.c_str());
}

void Progress::done() const {
  if (shown_) std::fputc('\n', stderr);
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
