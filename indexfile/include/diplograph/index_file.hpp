// diplograph/index_file.hpp: the persistent index. One file holding the whole graph (its terms,
// sorted, and its statements in two orders) and the EventIndex the questions read, laid out to
// be memory-mapped and used in place: opening it parses, copies and rebuilds nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/query.hpp"
#include "diplograph/rdf.hpp"

namespace diplograph {

/// Whether the file at `path` begins as an index file does (read by content, not by name).
[[nodiscard]] bool is_index_file(const std::string& path);

struct IndexOptions {
  std::optional<Syntax> syntax;  ///< of every graph; by extension when unset
  std::string base;              ///< base IRI for relative IRIs; each file's own URI when empty
  bool append = false;           ///< add the graphs to the index already at the output path
  /// Statements sorted in memory at once; more spill to sorted runs in temporary files.
  std::size_t run_statements = std::size_t{8} << 20U;
  /// Bytes of distinct terms held in memory at once; more are sorted and spilled in batches.
  std::size_t batch_bytes = std::size_t{64} << 20U;
  /// Called every 2^20 statements read and between the build's phases; a build it throws from
  /// (Cancelled: the Python package's Ctrl-C) leaves the output as it was.
  std::function<void()> checkpoint;
  /// Statements made as they are read from inputs that are not RDF (event records, converted in
  /// the same stream: backends' index_inputs), written into the build after the graphs as one
  /// more document. What it throws fails the build, leaving the output as it was.
  std::function<void(QuadSink&)> records;
};

/// What a build wrote.
struct IndexStats {
  std::uint64_t statements = 0;  ///< distinct statements, the ontology's included
  std::uint64_t terms = 0;
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;      ///< the file's size
  std::uint32_t documents = 0;  ///< RDF documents read into it, the ontology first
};

/// Writes the index of the ontology and `graphs` to `path` atomically (a temporary file beside
/// it, renamed when complete), in memory bounded by the terms and one run of statements: the
/// graphs are streamed, never held in a store. With `append`, the index at `path` is read as
/// the starting point (its terms and statements, not the RDF it came from) and the result is
/// the index a build of all the graphs at once would write, byte for byte. Throws InputError
/// naming the file (and line) on bad input; `path` is then left as it was.
IndexStats build_index(const std::string& path, const std::vector<std::string>& graphs,
                       const IndexOptions& opts);

/// How much of an index file is checked when it is opened.
enum class IndexCheck : std::uint8_t {
  automatic,  ///< `whole` for files under 64 MiB, else `structure`
  whole,      ///< every section's checksum too (reads the whole file)
  structure,  ///< the header, the table and the bounds of every section, not the content
};

/// An index file, opened: mapped read-only, its header, table and section bounds checked, and
/// its content as `check` says. Every read of the content is bounds-checked too, so a corrupt
/// file is refused (InputError naming it) and never read out of bounds.
class IndexFile {
 public:
  static std::unique_ptr<IndexFile> open(const std::string& path, IndexCheck check = IndexCheck::automatic);
  ~IndexFile();
  IndexFile(const IndexFile&) = delete;
  IndexFile& operator=(const IndexFile&) = delete;

  /// The whole graph, for questions beyond the EventIndex (and any QuadSource user).
  [[nodiscard]] const QuadSource& source() const;
  [[nodiscard]] const EventIndex& index() const;
  /// The questions, answered from the file; a corrupt part met while answering is reported
  /// as InputError naming the file. The IndexFile must outlive them.
  [[nodiscard]] std::unique_ptr<Questions> questions() const;
  [[nodiscard]] IndexStats stats() const;

  struct Impl;

 private:
  explicit IndexFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diplograph
