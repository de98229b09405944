// Shared by the CLI's commands: exit codes, option parsing, loading graphs, reporting errors.
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diplograph/index_file.hpp"
#include "diplograph/query.hpp"
#include "diplograph/rdf.hpp"
#include "diplograph/sparql.hpp"

namespace diplograph::cli {

namespace po = boost::program_options;

enum Exit : int { ok = 0, usage = 1, bad_input = 2, skipped = 3, internal = 70 };

/// A subcommand: its name, a one-line summary, and its entry point.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

/// Parses `args` against `opts` (with `positional` collecting the rest into `rest_name`).
/// Returns false when --help was given (help printed) and throws po::error on bad usage.
bool parse(const std::vector<std::string>& args, const std::string& usage_line, po::options_description& opts,
           const char* rest_name, po::variables_map& vm);

/// How the command line names options (`--level`) and the way to list actors in a library
/// message (`spelled_out`).
[[nodiscard]] const Spelling& cli_spelling();
/// `message` as the command line says it.
[[nodiscard]] std::string said(std::string_view message);

/// Prints a diagnostic to stderr as `FILE:LINE:COL: message`.
void report(const Diagnostic& d);

/// Loads the ontology and every graph into `store`; false (errors reported) on bad input.
/// `question`: load only what it reads (keep_only_what; everything by default).
/// `ontology_size`, when given, receives the number of statements the ontology added.
bool load_graphs(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                 const std::string& base, Question question = Question::everything,
                 std::size_t* ontology_size = nullptr);
/// The syntax --syntax names (nullopt when empty: by each file's extension); po::error otherwise.
[[nodiscard]] std::optional<Syntax> forced_syntax(const std::string& syntax);
/// Fills `opts` (syntax, base) to read graph file `f`; false, reported, for an index file (the
/// message ends with `for_index`) or a file of unknown syntax.
bool graph_file(const std::string& f, const std::optional<Syntax>& forced, const std::string& base,
                std::string_view for_index, ReadOptions& opts);
/// The same without the ontology: the files' own statements.
bool load_files(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                const std::string& base, Question question = Question::everything);

/// The graphs loaded for a question, and the Questions that answer from them: the one place
/// the command line picks a backend (today the in-memory index of a Sord store).
struct Loaded {
  Store store{index_spo};            // the questions look up through the EventIndex, not by object
  std::unique_ptr<IndexFile> index;  // or an index file, opened in place of the graphs
  std::unique_ptr<Questions> questions;
  std::vector<std::string> printed;  // --print-sparql: the queries the questions would send
  bool printing = false;

  /// With --print-sparql: writes the queries asked for (each after a comment line) and returns
  /// true; the command then exits without rows.
  bool print_sparql() const;
};

/// A SPARQL store asked in place of GRAPH files: --endpoint, --graph, --user, --print-sparql.
struct Remote {
  std::string endpoint, graph, user;
  bool print = false;
  /// Adds --endpoint, --graph, --user and, for a command that asks once, --print-sparql.
  void add(po::options_description& opts, bool printable = true);
  /// The endpoint, with the password from DIPLOGRAPH_PASSWORD when a user is given.
  [[nodiscard]] Endpoint target() const;
};

/// Loads what question `q` reads of the graphs, or opens the one index file given in their
/// place; nullptr (errors reported) on bad input.
[[nodiscard]] std::unique_ptr<Loaded> load_questions(const std::vector<std::string>& graphs,
                                                     const std::string& syntax, const std::string& base,
                                                     Question q);
/// The same, or the store `remote` names (never both; UsageError when neither is given).
[[nodiscard]] std::unique_ptr<Loaded> load_questions(const std::vector<std::string>& graphs,
                                                     const std::string& syntax, const std::string& base,
                                                     Question q, const Remote& remote);

/// A whole-number option given as text, checked to lie in [lo, hi]; po::error naming the range
/// otherwise (no wrap-around: "-1" is not 4294967295).
[[nodiscard]] std::uint64_t whole_number(const std::string& text, const std::string& option, std::uint64_t lo,
                                         std::uint64_t hi);

/// Runs a command body, turning exceptions into messages and exit codes.
int guarded(const std::function<int()>& body);

}  // namespace diplograph::cli
