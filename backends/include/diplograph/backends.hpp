// diplograph/backends.hpp: the questions of what a user names to ask: RDF graph files (loaded in
// memory with the ontology), one index file written by `diplograph index`, or a SPARQL store
// (or a recorder in its place, for the SPARQL it would be sent). Every front end (the command
// line, the server, a binding) opens its backend here.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/convert.hpp"
#include "diplograph/index_file.hpp"
#include "diplograph/query.hpp"
#include "diplograph/rdf.hpp"
#include "diplograph/sparql.hpp"

namespace diplograph {

/// What a user named: graph files (or one index file), or a store.
struct Sources {
  std::vector<std::string> graphs;
  std::optional<Syntax> syntax;   ///< of every graph file; nullopt: by each file's extension
  std::string base;               ///< for relative IRIs; empty: each file's own URI
  std::optional<Endpoint> store;  ///< a SPARQL store asked in place of graph files
  bool record = false;            ///< with a store: record the SPARQL it would be sent, send nothing
};

/// The questions, with whatever holds their data (a store in memory, a mapped index file).
class Backend {
 public:
  virtual ~Backend() = default;
  [[nodiscard]] virtual const Questions& questions() const = 0;
  /// The SPARQL recorded (Sources::record), in the order it would have been sent; none but a
  /// recorder's.
  [[nodiscard]] virtual const std::vector<std::string>& recorded() const;
};

/// Opens what `sources` names, loading of graph files only what question `q` reads
/// (keep_only_what). nullptr when a graph cannot be read (its diagnostics sent to `errors`);
/// UsageError for graph files and a store together, an index file beside others, a named graph
/// without a store, nothing named; InputError for an index that is none.
[[nodiscard]] std::unique_ptr<Backend> open_backend(const Sources& sources, Question q,
                                                    const ErrorSink& errors);

/// Loads the ontology and then every graph file into `store`; false (diagnostics sent to
/// `errors`) on bad input. `ontology_size`, when given, receives the ontology's statements.
bool load_graphs(Store& store, const std::vector<std::string>& files, const std::optional<Syntax>& syntax,
                 const std::string& base, Question q, const ErrorSink& errors,
                 std::size_t* ontology_size = nullptr);
/// What reads graphs says of an index file given to it (query and actors read indexes).
inline constexpr std::string_view kGraphsNotIndex =
    "this command reads RDF graphs (query and actors read indexes); give it the graphs the index was built "
    "from";
/// The graph files alone, without the ontology. `for_index` ends the message for an index file
/// given where graphs are read (what the command reads instead).
bool load_files(Store& store, const std::vector<std::string>& files, const std::optional<Syntax>& syntax,
                const std::string& base, Question q, const ErrorSink& errors,
                std::string_view for_index = kGraphsNotIndex);
/// The read options for graph file `f`; false (reported) for an index file or an unknown syntax.
bool graph_file(const std::string& f, const std::optional<Syntax>& syntax, const std::string& base,
                std::string_view for_index, ReadOptions& opts, const ErrorSink& errors);

// ------------------------------------------------------------------------- indexing inputs

/// How `index_inputs` reads what it is given: RDF graphs as `index` says, event records as a
/// conversion would (`map.base` empty: the default base).
struct IndexJob {
  IndexOptions index;
  ConvertOptions convert;
  MapOptions map;
  std::function<void(const std::string&)> starting;  ///< called before each record file is read
};

/// What `index_inputs` did.
struct IndexResult {
  IndexStats index;
  ConvertStats records;  ///< of the event records read, when any were
  bool written = false;  ///< false: a bad record (keep_going off) stopped it; the output is as it was
};

/// Whether `input` is read as an RDF graph (by `syntax`, else its extension) rather than as
/// event records.
[[nodiscard]] bool is_graph_input(const std::string& input, const std::optional<Syntax>& syntax);

/// Builds (or, with `job.index.append`, adds to) the index at `path` from `inputs`: RDF graphs
/// and event records of any format `convert` reads, in any mix. The records are mapped as they
/// are read, in the same stream, into the same statements `convert` would write (no RDF on
/// disk); bad records are reported to `errors` as a conversion reports them. An index among the
/// inputs is a UsageError naming the option that appends.
IndexResult index_inputs(const std::string& path, const std::vector<std::string>& inputs, IndexJob job,
                         const ErrorSink& errors);

}  // namespace diplograph
