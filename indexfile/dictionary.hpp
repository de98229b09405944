// The terms of an index build numbered in bounded memory, as HDT and QLever build their
// dictionaries: terms are taken in batches (each distinct term of a batch held once, numbered
// in order of arrival), each batch sorted and spilled to a run; the runs are merged into the
// file's numbering (Sord's order of terms), and each batch's statements renumbered by the map
// the merge wrote for it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/rdf.hpp"
#include "indexfile/sort.hpp"

namespace diplograph::idx {

class Dictionary {
 public:
  /// Spills a batch once its terms' entries pass `batch_bytes`.
  explicit Dictionary(std::size_t batch_bytes);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  /// The term's number in the current batch.
  std::uint32_t add(TermRef t);
  /// Changes whenever a batch is spilled: numbers given before belong to the old batch.
  [[nodiscard]] std::size_t batch() const;
  /// Called after each statement is spooled, `statements` spooled in all: spills the batch once
  /// it is full (a batch's statements are those spooled while it was current).
  void statement_added(std::uint64_t statements);
  /// Calls its argument with each term of an index, in the index's order.
  using TermWalk = std::function<void(const std::function<void(const TermRef&)>&)>;
  /// The `terms` terms of an index appended to, as a batch numbered NodeId - 1, already sorted
  /// (checked: CorruptIndex when not); `statements` are spooled by the caller right after, in
  /// that numbering.
  void add_sorted(const TermWalk& walk, std::size_t terms, std::uint64_t statements);

  /// Ends the last batch and merges the runs: returns how many distinct terms the graphs hold.
  std::uint64_t merge(std::uint64_t statements);
  /// After merge(): each term's entry (indexfile/format.hpp) in order, its datatype numbered.
  void entries(const std::function<void(std::string_view)>& fn);
  /// After merge(): the spooled statements, each term's batch number replaced by its NodeId.
  void renumber(Spool& spool, const std::function<void(const Triple&)>& out);

 private:
  class Batch;
  class Merger;
  void spill(std::uint64_t statements);
  std::unique_ptr<Batch> batch_;
  std::size_t batch_bytes_;
  struct Run;
  std::vector<Run> runs_;
  TempFile merged_;
  std::vector<std::uint32_t> datatypes_;  // provisional datatype number - 1 -> its NodeId
};

}  // namespace diplograph::idx
