// diplograph/present.hpp: answers as people and programs read them. Tables (aligned text, CSV,
// JSON, streamed or whole), each typed answer's columns, Graphviz, GraphML and GEXF networks, and
// the ontology's HTML page. The questions (diplograph/query.hpp) return typed rows and know no
// format; the command line and the HTTP API show them through this layer.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- results

/// A result: named columns and rows of strings, written as table, CSV, JSON.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  /// What a person should know about this answer (why it is empty, how to ask otherwise):
  /// the command line prints each on stderr.
  std::vector<std::string> notes;

  /// Appends a row, copying each cell once (a braced list of strings would copy them twice).
  void add(std::initializer_list<std::string_view> cells) {
    auto& row = rows.emplace_back();
    row.reserve(cells.size());
    for (auto c : cells) row.emplace_back(c);
  }
};

enum class TableFormat : std::uint8_t { table, csv, json };
[[nodiscard]] std::optional<TableFormat> table_format(std::string_view name);
void write_table(std::ostream& out, const Table& t, TableFormat format);
/// Rows written one at a time, byte for byte as write_table writes a table of them in `format`
/// (csv or json: the aligned table needs every row first), keeping only the columns `only`
/// (all when empty; UsageError naming the columns there are for an unknown one). Nothing is
/// written before the first row or finish(), so a command that ends early writes nothing.
class TableStream {
 public:
  TableStream(std::ostream& out, std::vector<std::string> columns, TableFormat format,
              const std::vector<std::string>& only = {});
  void row(const std::vector<std::string>& cells);
  void finish();

 private:
  void start();
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<std::size_t> keep_;
  TableFormat format_;
  std::size_t rows_ = 0;
  bool started_ = false;
};
/// `v` as a JSON string, quoted and escaped as the json table format writes its cells.
void write_json_string(std::ostream& out, std::string_view v);
/// The table restricted to the named columns, in the order given; throws UsageError for a
/// name that is not a column.
[[nodiscard]] Table select_columns(Table t, const std::vector<std::string>& names);
/// The column names of "a,b,c" as --columns and columns= take them (empty: none given).
[[nodiscard]] std::vector<std::string> column_names(std::string_view list);
/// The one formatter's input: each row type's columns (names from cli.md) and cells.
[[nodiscard]] Table to_table(const Answer<MetRow>& a);
[[nodiscard]] Table to_table(const Answer<MetCount>& a);
[[nodiscard]] Table to_table(const Answer<RelationRow>& a);
[[nodiscard]] Table to_table(const Answer<InteractionCount>& a);
[[nodiscard]] Table to_table(const Answer<TopicCount>& a);
[[nodiscard]] Table to_table(const Answer<PathHop>& a);
[[nodiscard]] Table to_table(const Answer<TimelineRow>& a);
[[nodiscard]] Table to_table(const Answer<ActorRow>& a);
[[nodiscard]] Table to_table(const Answer<StatRow>& a);
[[nodiscard]] Table to_table(const Answer<EventRow>& a);
[[nodiscard]] Table to_table(const Answer<DyadRow>& a);
[[nodiscard]] Table to_table(const Answer<RepresentationRow>& a);
/// The same, the rows' text moved into the table rather than copied (a panel of 374k rows).
[[nodiscard]] Table to_table(Answer<DyadRow>&& a);
/// A dyad row's columns (as to_table names them) and its cells, into `cells` (its strings'
/// room reused: a panel streamed row by row allocates nothing per row).
[[nodiscard]] const std::vector<std::string>& dyad_columns(bool levels = false);
void dyad_cells(const DyadRow& r, std::vector<std::string>& cells);

/// What a column holds, for a front end that keeps values typed (the Python package's data
/// frames); every table's columns are named from one vocabulary (cli.md), so one declaration
/// serves them all. A name not declared is text.
enum class ColumnType : std::uint8_t {
  text,      ///< IRIs, labels, sources, CAMEO codes (leading zeros kept)
  category,  ///< a small closed set: event classes, kinds of actor, levels, statuses
  count,     ///< a whole number, always there (events, hops, years)
  integer,   ///< a whole number or nothing (the quad class)
  real,      ///< a number or nothing (Goldstein scores and means)
  date,      ///< ISO 8601 of a day, a month or a year (a period), or nothing
  code,      ///< a state's code: a number (cow, gw) or letters (iso3)
};
[[nodiscard]] ColumnType column_type(std::string_view column);

/// A Graphviz graph of who met whom: one node per actor, edges weighted by meetings.
void write_dot(std::ostream& out, const std::vector<MetRow>& met);
void write_dot(std::ostream& out, const std::vector<MetCount>& met);

// ------------------------------------------------------------------------- network files

/// An actor as a network node: label, kind, state (from `actors`).
struct NetworkNode {
  std::string id, label, kind, state;
};
/// Edges weighted by events, with the first and last date (or period) they cover.
struct NetworkEdge {
  std::string source, target;
  std::uint64_t weight = 0;
  Date first, last;  ///< the first and last day the two met; empty where unknown
};
struct Network {
  std::vector<NetworkNode> nodes;
  std::vector<NetworkEdge> edges;
  bool directed = false;
};
enum class NetworkFormat : std::uint8_t { graphml, gexf };

/// The network of who met whom (one edge per pair, weighted by meetings) or of dyad counts
/// (summed over periods), each node described by the `actors` row of its IRI.
[[nodiscard]] Network network_of(const std::vector<MetRow>& rows, const std::vector<ActorRow>& actors);
[[nodiscard]] Network network_of(const std::vector<MetCount>& rows, const std::vector<ActorRow>& actors);
[[nodiscard]] Network network_of(const std::vector<DyadRow>& rows, const std::vector<ActorRow>& actors,
                                 bool directed);
/// GraphML (keys label, kind, state; weight, first, last) or GEXF 1.2 (dynamic: each edge from
/// its first to its last day, so that Gephi can play the network over time).
void write_network(std::ostream& out, const Network& net, NetworkFormat format);

/// The ontology as one HTML page (in the manner of pyLODE): every class, property, datatype and
/// individual of the dg: namespace with its label, comment, domain, range, super- and
/// sub-classes, alignments and a Turtle example, each at an anchor named by its local name.
void write_ontology_html(std::ostream& out, const QuadSource& ontology);

/// Where a resource's page leads: each IRI's link (a minted IRI to the server that serves it),
/// the same description in each RDF syntax, and the questions to ask about it.
struct ResourceLinks {
  std::function<std::string(std::string_view iri)> href;
  std::vector<std::pair<std::string, std::string>> alternates;  ///< media type, URL
  std::vector<std::pair<std::string, std::string>> questions;   ///< what it asks, URL
};

/// A resource's page for people: its label as the title, its statements with each property and
/// value linked and labelled, the statements naming it (and how many more there are), links to
/// the same data for machines (`<link rel="alternate">` per syntax) and to the API's questions.
void write_resource_html(std::ostream& out, std::string_view iri, const ResourceView& view,
                         const ResourceLinks& links);

}  // namespace diplograph
