// diplograph/rdf.hpp: the RDF model (terms, syntaxes) and its I/O (readers, writers, store).
// No Serd or Sord type appears here: they stay behind these opaque types.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/error.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- syntaxes

/// The RDF syntaxes diplograph reads and writes: a closed set.
/// The RDF syntaxes, each with its name, extension and media type. JSON-LD is written (compacted,
/// streamed: rdf/jsonld.hpp), not read.
enum class Syntax : std::uint8_t { turtle, ntriples, nquads, trig, jsonld };

struct SyntaxInfo {
  Syntax syntax;
  std::string_view name;        ///< as given to `-t`/`--syntax`
  std::string_view extension;   ///< with the dot
  std::string_view media_type;  ///< IANA media type
  bool has_graphs;              ///< can carry named graphs
  bool readable;                ///< read as well as written
};

[[nodiscard]] const SyntaxInfo& syntax_info(Syntax s);
/// The names of the syntaxes written ("turtle, ntriples, nquads, trig, jsonld"), or read.
[[nodiscard]] std::string syntax_names(bool read);
[[nodiscard]] std::optional<Syntax> syntax_from_name(std::string_view name);
[[nodiscard]] std::optional<Syntax> syntax_from_path(std::string_view path);
/// The syntax of a graph file to read, by its extension, looking through a trailing `.gz`
/// (`x.nq.gz` is N-Quads, which `read_rdf_file` reads through gzip).
[[nodiscard]] std::optional<Syntax> syntax_of_input(std::string_view path);

// ------------------------------------------------------------------------- terms

enum class TermKind : std::uint8_t { none, iri, blank, literal };

/// A borrowed RDF term. `datatype` and `lang` only for literals; both empty means xsd:string.
struct TermRef {
  TermKind kind = TermKind::none;
  std::string_view value;
  std::string_view datatype;
  std::string_view lang;

  static TermRef iri(std::string_view v) { return {TermKind::iri, v, {}, {}}; }
  static TermRef blank(std::string_view v) { return {TermKind::blank, v, {}, {}}; }
  static TermRef literal(std::string_view v, std::string_view dt = {}) {
    return {TermKind::literal, v, dt, {}};
  }
  static TermRef lang_literal(std::string_view v, std::string_view l) {
    return {TermKind::literal, v, {}, l};
  }
  [[nodiscard]] bool empty() const { return kind == TermKind::none; }
};

/// An owned RDF term.
struct Term {
  TermKind kind = TermKind::none;
  std::string value;
  std::string datatype;
  std::string lang;

  Term() = default;
  explicit Term(TermRef r) : kind(r.kind), value(r.value), datatype(r.datatype), lang(r.lang) {}
  [[nodiscard]] TermRef ref() const { return {kind, value, datatype, lang}; }
  friend bool operator==(const Term&, const Term&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Term&, const Term&) = default;
};

/// Why `iri` is not an absolute IRI that can be written in every syntax (a scheme, none of the
/// characters IRIs forbid such as spaces or `<>"{}|\^``, RFC 3986 syntax), or empty when it is.
[[nodiscard]] std::string absolute_iri_problem(std::string_view iri);

/// The N-Triples form of a term (for tests, messages and canonical comparison).
[[nodiscard]] std::string to_ntriples(TermRef t);

/// Receives statements; `graph` is empty for the default graph.
class QuadSink {
 public:
  virtual ~QuadSink() = default;
  virtual void quad(TermRef s, TermRef p, TermRef o, TermRef graph) = 0;
  void triple(TermRef s, TermRef p, TermRef o) { quad(s, p, o, {}); }
};

// ------------------------------------------------------------------------- reading

struct ReadOptions {
  std::optional<Syntax> syntax;      ///< by extension when unset
  std::string base;                  ///< base IRI; the file's own file: URI when empty
  std::string blank_prefix;          ///< prepended to blank node labels; unique per document
  std::string graph;                 ///< graph for triples without one (empty: default graph)
  std::size_t max_language_tag = 0;  ///< longer language tags are refused (0: no limit)
  bool refuse_nul = false;           ///< refuse terms holding U+0000 (the store cannot)
  /// When set, only statements with one of these predicates (sorted IRIs) are delivered: a
  /// query loads what it asks about, and skips the rest before expanding its terms.
  const std::vector<std::string>* predicates = nullptr;
  /// When set, rdf:type statements naming one of these classes (sorted IRIs) are skipped too:
  /// the types of records a query never asks about, most of a converted graph's types.
  const std::vector<std::string>* skip_types = nullptr;
};

/// Parses one RDF document into `sink`, streaming. Returns false after reporting the first
/// syntax error (FILE:LINE:COL) to `errors`. `path` "-" is standard input. Every term is
/// checked to hold only Unicode scalar values; relative IRIs resolve per RFC 3986.
bool read_rdf_file(const std::string& path, const ReadOptions& opts, QuadSink& sink, const ErrorSink& errors);

/// The same, parsing on a second thread while `sink` receives the statements on this one, in
/// order and in batches: on two cores nearly twice as fast when the sink works as hard as the
/// parser (the store's inserts, the index's term table). Diagnostics reach `errors` here.
bool read_rdf_file_pipelined(const std::string& path, const ReadOptions& opts, QuadSink& sink,
                             const ErrorSink& errors);

/// Parses RDF text held in memory (`name` is used in diagnostics).
bool read_rdf_string(std::string_view text, std::string_view name, const ReadOptions& opts, QuadSink& sink,
                     const ErrorSink& errors);

// ------------------------------------------------------------------------- writing

struct Prefix {
  std::string name;
  std::string iri;
};

/// The prefixes of the vocabularies diplograph writes (dg, rdf, rdfs, xsd, owl, skos, geo,
/// dcterms, wd).
[[nodiscard]] std::vector<Prefix> vocabulary_prefixes();
/// Those and one per IRI space diplograph mints under `base` (event, person, state, ...): what
/// converted output declares, and the context ontology/context.jsonld publishes for the default.
[[nodiscard]] std::vector<Prefix> minted_prefixes(std::string_view base);

/// A streaming RDF writer. Statements are written as they come; Turtle and TriG group
/// consecutive statements by subject and predicate. Call finish() before destruction.
class Writer : public QuadSink {
 public:
  static std::unique_ptr<Writer> create(Syntax syntax, std::FILE* out,
                                        const std::vector<Prefix>& prefixes = {}, std::string_view base = {});
  ~Writer() override;
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void quad(TermRef s, TermRef p, TermRef o, TermRef graph) override;
  /// Flushes pending output (closes open Turtle groups). Returns false on a write error.
  bool finish();
  /// After finish() returned false: "cannot write: " and why (No space left on device, ...).
  [[nodiscard]] std::string failure() const;
  [[nodiscard]] std::uint64_t count() const;

  struct Impl;  // opaque

 private:
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// An output file written atomically: a temporary file beside the target, renamed over it
/// by commit(). Destroyed uncommitted, the temporary file is removed and the target untouched.
/// The path "-" writes to standard output. With `gzip` (a name ending in .gz, as the command
/// line decides), what is written to file() is stored gzip-compressed.
/// Temporary files a writer of `path` left beside it when it was killed (`.NAME.PID.XXXXXX`, its
/// process gone): an AtomicOutput of the same path removes them.
[[nodiscard]] std::vector<std::string> stale_temporaries(const std::string& path);

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path,
                        bool gzip = false);  ///< throws InputError when it cannot be created
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  [[nodiscard]] std::FILE* file() const { return file_; }
  /// Flushes, syncs and renames; throws InputError on failure.
  void commit();

 private:
  void open_stream();
  void compress(int fd);
  std::string path_;
  std::string tmp_;
  std::FILE* file_ = nullptr;
  int sync_fd_ = -1;  ///< with gzip: the temporary file, kept open to be synced once closed
  bool committed_ = false;
  bool stream_ = false;  ///< a device or pipe (/dev/null, a FIFO): written in place, never replaced
};

// ------------------------------------------------------------------------- quads for pattern

/// A node of a QuadSource; 0 is "no node" (in a pattern: any node).
using NodeId = std::uintptr_t;

class QuadSource {
 public:
  virtual ~QuadSource() = default;
  /// The node for a term, or 0 when the source does not hold it.
  [[nodiscard]] virtual NodeId find(TermRef term) const = 0;
  [[nodiscard]] virtual TermRef term(NodeId node) const = 0;
  /// Just the node's text (IRI, label or lexical form): cheaper than term() on some sources.
  [[nodiscard]] virtual std::string_view text(NodeId node) const { return term(node).value; }
  /// Calls `fn` for each statement matching the pattern (0 = any) until it returns false.
  /// With every position open, statements come grouped by subject.
  virtual void match(NodeId s, NodeId p, NodeId o,
                     const std::function<bool(NodeId, NodeId, NodeId)>& fn) const = 0;
  /// Calls `fn` for every statement whose predicate is one of `predicates`, grouped by subject
  /// (all of one subject's statements together). By default a filtered full scan, which on
  /// Sord beats merging per-predicate ranges (measured: 27 ms against 53 ms for 100k events).
  virtual void scan(const std::vector<NodeId>& predicates,
                    const std::function<void(NodeId, NodeId, NodeId)>& fn) const;
  /// A hint for long reads: what has been read so far need not stay in memory (a mapped file's
  /// pages let go; they are read again if asked for). Texts returned stay valid. By default nothing.
  virtual void let_go() const {}

  [[nodiscard]] NodeId iri(std::string_view v) const { return find(TermRef::iri(v)); }
  /// The first object of (s, p, ?), or 0.
  [[nodiscard]] NodeId object(NodeId s, NodeId p) const;
  [[nodiscard]] std::vector<NodeId> objects(NodeId s, NodeId p) const;
  [[nodiscard]] std::vector<NodeId> subjects(NodeId p, NodeId o) const;
  /// The value of the first object of (s, p, ?), or empty.
  [[nodiscard]] std::string_view value(NodeId s, NodeId p) const;
};

/// A small in-memory QuadSource for tests and tiny datasets: a sorted vector, scanned.
class MemorySource : public QuadSource, public QuadSink {
 public:
  MemorySource();
  ~MemorySource() override;
  void quad(TermRef s, TermRef p, TermRef o, TermRef graph) override;
  [[nodiscard]] NodeId find(TermRef term) const override;
  [[nodiscard]] TermRef term(NodeId node) const override;
  void match(NodeId s, NodeId p, NodeId o,
             const std::function<bool(NodeId, NodeId, NodeId)>& fn) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ------------------------------------------------------------------------- in-memory store

/// Which orderings a Store indexes; each costs memory and load time.
enum StoreIndex : unsigned { index_spo = 1U, index_ops = 2U, index_pos = 4U, index_pso = 8U };

/// An in-memory quad store (Sord underneath). Blank nodes of each loaded file are kept apart.
/// Once loaded, its const functions may be called from several threads at once.
class Store : public QuadSource {
 public:
  /// `graphs`: keep and index each statement's graph (for merging); queries do without.
  explicit Store(unsigned indices = index_spo | index_ops | index_pos, bool graphs = false);
  ~Store() override;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Loads one RDF file; false after reporting errors to `errors` (the store then holds the
  /// statements read before the error).
  bool load_file(const std::string& path, ReadOptions opts, const ErrorSink& errors);
  bool load_string(std::string_view text, std::string_view name, ReadOptions opts, const ErrorSink& errors);
  void add(TermRef s, TermRef p, TermRef o, TermRef graph = {});
  [[nodiscard]] std::size_t size() const;
  /// Writes every statement to `sink`.
  void write(QuadSink& sink) const;

  [[nodiscard]] NodeId find(TermRef term) const override;
  [[nodiscard]] TermRef term(NodeId node) const override;
  [[nodiscard]] std::string_view text(NodeId node) const override;
  void match(NodeId s, NodeId p, NodeId o,
             const std::function<bool(NodeId, NodeId, NodeId)>& fn) const override;
  void scan(const std::vector<NodeId>& predicates,
            const std::function<void(NodeId, NodeId, NodeId)>& fn) const override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Writes the store with every IRI of an owl:sameAs set replaced by one canonical IRI: the
/// smallest one starting with `preferred` when the set has one, else the smallest. The links
/// are kept, as `canonical owl:sameAs other`. Returns the number of IRIs replaced.
std::size_t write_smushed(const Store& store, QuadSink& sink, std::string_view preferred);

}  // namespace diplograph
