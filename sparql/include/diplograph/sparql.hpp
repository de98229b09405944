// diplograph/sparql.hpp: the questions asked of a SPARQL 1.1 store (Virtuoso, QLever, Fuseki,
// GraphDB, Oxigraph, ...) over HTTP, and graphs sent to one. No libcurl type appears here.
//
// Each question is one SPARQL query the store answers: it selects the events the question is
// about (actor, partner, dates, the event classes with their subclasses as a VALUES list read from
// the ontology) and returns the statements the question reads of them, which the query engine
// then shapes into exactly the rows it gives for a file; counts of who met whom are aggregated by
// the store itself (GROUP BY). Results are read in the SPARQL 1.1 Query Results JSON Format.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/query.hpp"
#include "diplograph/rdf.hpp"

namespace diplograph {

/// Where a store is, and how to talk to it.
struct Endpoint {
  std::string url;             ///< the SPARQL 1.1 query (and update) service: http://host:8890/sparql
  std::string graph;           ///< the named graph asked (FROM) or written; empty: the store's default graph
  std::string user;            ///< HTTP basic or digest authentication, as the store asks; empty: none
  std::string password;        ///< (the command line reads it from DIPLOGRAPH_PASSWORD)
  long timeout_seconds = 600;  ///< a request that takes longer fails (0: no limit)
  long connect_seconds = 10;
};

/// A store that failed: refused the connection, timed out, answered with an HTTP error or with
/// a document that is not SPARQL results. what() names the URL and says the store's own message;
/// the command line exits 2 with it.
class StoreError : public BackendError {
  using BackendError::BackendError;
};

/// The questions answered by the store at `endpoint`. Nothing is sent until a question is asked.
[[nodiscard]] std::unique_ptr<Questions> questions_at(const Endpoint& endpoint);
/// The same questions asked of a recorder in place of the store (`--print-sparql`): nothing is
/// sent; each question appends the SPARQL it would send to `printed` (each name standing for
/// itself) and answers with no rows.
[[nodiscard]] std::unique_ptr<Questions> questions_recorded(const Endpoint& endpoint,
                                                            std::vector<std::string>& printed);

// ------------------------------------------------------------------------- the protocol

/// One binding of a SELECT result: the terms of its variables, by the order of `vars` (an unbound
/// variable is an empty TermRef). Valid during the callback only.
using BindingFn = std::function<void(const std::vector<TermRef>& row)>;

/// Parses a SPARQL 1.1 Query Results JSON document: calls `row` for each binding with its terms in
/// the order of `vars` (variables the document does not bind are unbound). Throws StoreError (naming
/// `where` and the byte) when the document is not such a document.
void read_sparql_json(std::string_view document, const std::vector<std::string>& vars, const BindingFn& row,
                      std::string_view where);

/// The same for a SPARQL Query Results XML document (the format stores have written longest;
/// Virtuoso writes it about twice as fast as JSON).
void read_sparql_xml(std::string_view document, const std::vector<std::string>& vars, const BindingFn& row,
                     std::string_view where);

/// A results document in the format its media type names (`...+xml` or `...+json`); when it names
/// neither, the document's first character tells ('<': XML).
void read_sparql_results(std::string_view document, std::string_view media_type,
                         const std::vector<std::string>& vars, const BindingFn& row, std::string_view where);

/// Sends a SELECT query (SPARQL 1.1 Protocol, POST) and reads its results (XML or JSON, whichever
/// the store sends; XML asked first) into `row`.
/// Throws StoreError on any failure: connection, time-out, HTTP status, truncated results
/// (Virtuoso's ResultSetMaxRows), malformed document.
void sparql_select(const Endpoint& endpoint, const std::string& query, const std::vector<std::string>& vars,
                   const BindingFn& row);

// ------------------------------------------------------------------------- loading a store

enum class LoadProtocol : std::uint8_t {
  graph_store,  ///< SPARQL 1.1 Graph Store HTTP Protocol: POST N-Triples to URL?graph=IRI
  update        ///< SPARQL 1.1 Update: INSERT DATA, in small batches (Virtuoso takes ~1,000 triples)
};

struct LoadOptions {
  Endpoint target;  ///< url: the graph store (--store) or the update service (--endpoint)
  LoadProtocol protocol = LoadProtocol::graph_store;
  std::size_t chunk = 0;  ///< statements per request; 0: 100,000 (graph store) or 1,000 (update)
};

struct LoadStats {
  std::uint64_t statements = 0;  ///< sent and acknowledged by the store
  std::uint64_t chunks = 0;
};

/// Receives statements and sends them to a store in bounded chunks as they come (N-Triples
/// bodies; blank nodes are sent with labels that stay apart between documents). finish() sends
/// the last chunk. Throws StoreError when a chunk fails: stats() then counts only those that landed.
class StoreLoader : public QuadSink {
 public:
  explicit StoreLoader(LoadOptions opts);
  ~StoreLoader() override;
  StoreLoader(const StoreLoader&) = delete;
  StoreLoader& operator=(const StoreLoader&) = delete;
  void quad(TermRef s, TermRef p, TermRef o, TermRef graph) override;
  void finish();
  [[nodiscard]] const LoadStats& stats() const { return stats_; }

 private:
  void send(std::string& body, std::size_t& count);
  LoadOptions opts_;
  LoadStats stats_;
  std::string body_, blanks_;  ///< statements waiting; those with a blank node, till the end
  std::size_t pending_ = 0, blank_count_ = 0;
};

}  // namespace diplograph
