// The graph in an index file as a QuadSource: terms found by binary search over their
// front-coded blocks, statements read from the by-subject and by-predicate orders, in place.
// A term's text is decoded once, when first asked, and kept as long as the source.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "indexfile/format.hpp"

namespace diplograph::idx {

/// The whole pages in [at, at + bytes) of a mapping let go: out of this process's memory, still
/// in the page cache, mapped in again when next read.
void let_go(const void* at, std::size_t bytes);

/// The sections a FileSource reads, as found in the file (bounds already checked).
struct Graph {
  std::string_view text;                       // the terms' front-coded blocks
  const std::uint64_t* term_starts = nullptr;  // a block's start each (kFrontBlock terms)
  std::size_t terms = 0;
  const std::uint32_t* spo_starts = nullptr;  // terms + 1
  PackedPairs spo;                            // (predicate's place, object)
  std::size_t statements = 0;
  const PredicateStart* pos_starts = nullptr;  // a place each, ascending
  std::size_t predicates = 0;
  const std::uint32_t* pos = nullptr;  // pairs of the indexed predicates
  std::size_t indexed = 0;             // how many pairs
};

class FileSource : public QuadSource {
 public:
  explicit FileSource(const Graph& g);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  [[nodiscard]] NodeId find(TermRef term) const override;
  [[nodiscard]] TermRef term(NodeId node) const override;
  [[nodiscard]] std::string_view text(NodeId node) const override;
  void match(NodeId s, NodeId p, NodeId o,
             const std::function<bool(NodeId, NodeId, NodeId)>& fn) const override;
  void scan(const std::vector<NodeId>& predicates,
            const std::function<void(NodeId, NodeId, NodeId)>& fn) const override;
  /// The text and the blocks' starts let go (pages still in the page cache; decoded terms kept).
  void let_go() const override;
  /// Every term in order, decoded one block at a time and not kept (an append's read of them all).
  void each_term(const std::function<void(const TermRef&)>& fn) const;

 private:
  struct Decoded;
  class Terms;
  [[nodiscard]] std::size_t blocks() const;
  /// Block `b`'s bytes (CorruptIndex when its bounds are not).
  [[nodiscard]] std::string_view block(std::size_t b) const;
  /// Term `node` decoded into `value`: its kind, datatype and language.
  FrontEntry decode_into(NodeId node, std::string& value) const;
  /// Term `node` as kept once decoded.
  [[nodiscard]] const Decoded& decoded(NodeId node) const;
  [[nodiscard]] std::string_view datatype_of(std::uint32_t datatype) const;
  [[nodiscard]] std::pair<std::size_t, std::size_t> subject_run(NodeId s) const;
  /// Pair `i` of the statements by subject, its predicate a NodeId (CorruptIndex for a place
  /// past the predicates).
  [[nodiscard]] std::pair<NodeId, NodeId> spo_pair(std::size_t i) const;
  /// The predicate's place among the predicates; nullopt when no statement has it.
  [[nodiscard]] std::optional<std::uint32_t> place_of(NodeId p) const;
  /// Sord's order of `t` against term `node`: negative when `t` comes first.
  [[nodiscard]] int compare(TermRef t, const FrontEntry& e, std::string_view value) const;
  /// The term a block begins with, read in place (it shares nothing with one before).
  [[nodiscard]] FrontEntry first_of(std::size_t b) const;
  /// The predicate's run in `pos`; nullopt when its statements are not indexed by predicate.
  [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> predicate_run(NodeId p) const;
  std::size_t release_behind(NodeId s, std::size_t at, std::size_t released) const;
  bool match_subject(NodeId s, NodeId p, NodeId o,
                     const std::function<bool(NodeId, NodeId, NodeId)>& fn) const;
  Graph g_;
  std::unique_ptr<Terms> kept_;  // the terms decoded so far, by node (locked: serve's threads share it)
};

}  // namespace diplograph::idx
