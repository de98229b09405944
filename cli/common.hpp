// Shared by the CLI's commands: exit codes, option parsing, loading graphs, reporting errors.
#pragma once

#include <boost/program_options.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diplograph/backends.hpp"
#include "diplograph/convert.hpp"
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
/// The same without the ontology: the files' own statements.
bool load_files(Store& store, const std::vector<std::string>& files, const std::string& syntax,
                const std::string& base, Question question = Question::everything);

/// A SPARQL store asked in place of GRAPH files: --endpoint, --graph, --user, --print-sparql.
struct Remote {
  std::string endpoint, graph, user;
  bool print = false;
  /// Adds --endpoint, --graph, --user and, for a command that asks once, --print-sparql.
  void add(po::options_description& opts, bool printable = true);
  /// The endpoint, with the password from DIPLOGRAPH_PASSWORD when a user is given.
  [[nodiscard]] Endpoint target() const;
};

/// A conversion's progress on stderr, rewritten in place: records, their rate, how far into
/// which file.
class Progress {
 public:
  explicit Progress(bool on);
  void operator()(const ConvertStats& s, double fraction) const;
  void file(const std::string& f) { file_ = f; }
  /// Ends the line, when one was shown.
  void done() const;

 private:
  bool on_;
  mutable bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::string file_;
};

/// How event records are read, for the commands that read them (convert, index): --from,
/// --dataset, --keep-going, --max-line, --max-depth, --delimiter, --progress, --no-progress.
struct Records {
  std::string from = "auto";
  std::string dataset;
  bool keep_going = false;
  std::string max_line = std::to_string(Limits{}.max_line);
  std::string max_depth = std::to_string(Limits{}.max_depth);
  std::string delimiter = ",";
  bool progress = false, no_progress = false;
  /// Adds the options; `what` names what --keep-going goes on with ("convert", "index").
  void add(po::options_description& opts, const std::string& what);
  /// The conversion they ask for (po::error or OptionError on a bad value).
  [[nodiscard]] ConvertOptions options() const;
  /// --progress, or stderr a terminal without --no-progress.
  [[nodiscard]] bool show_progress() const;
};

/// The backend the command line names (open_backend): what question `q` reads of the graphs,
/// the one index file given in their place, or the store `remote` names; nullptr (errors
/// reported) on bad input.
[[nodiscard]] std::unique_ptr<Backend> open_named(const std::vector<std::string>& graphs,
                                                  const std::string& syntax, const std::string& base,
                                                  Question q, const Remote& remote = {});
/// With --print-sparql: writes the queries recorded (each after a comment line).
void print_recorded(const Backend& backend);

/// A whole-number option given as text, checked to lie in [lo, hi]; po::error naming the range
/// otherwise (no wrap-around: "-1" is not 4294967295).
[[nodiscard]] std::uint64_t whole_number(const std::string& text, const std::string& option, std::uint64_t lo,
                                         std::uint64_t hi);

/// Runs a command body, turning exceptions into messages and exit codes.
int guarded(const std::function<int()>& body);

}  // namespace diplograph::cli
