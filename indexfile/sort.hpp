// Statements sorted in bounded memory: runs of a fixed number sorted in memory, spilled to
// unlinked temporary files, merged; each distinct statement delivered once.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include "diplograph/bulk.hpp"
#include "diplograph/files.hpp"

namespace diplograph::idx {

using Triple = std::array<std::uint32_t, 3>;

/// A temporary file, removed when closed (tmpfile(3) in $TMPDIR).
using TempFile = FilePtr;  ///< a temporary file in $TMPDIR (diplograph/files.hpp)

/// Triples kept in order of arrival: in memory up to a block, then in a temporary file.
class Spool {
 public:
  void add(const Triple& t);
  /// Calls `fn` for every triple added, in order.
  void each(const std::function<void(const Triple&)>& fn);
  [[nodiscard]] std::uint64_t size() const { return count_; }

 private:
  void spill();
  BulkVector<Triple> block_;
  TempFile file_;
  std::uint64_t count_ = 0;
};

/// Triples sorted lexicographically and made distinct, `capacity` at a time in memory.
class RunSorter {
 public:
  explicit RunSorter(std::size_t capacity) : capacity_(capacity) {}
  void add(const Triple& t);
  /// Delivers every distinct triple added, ascending.
  void finish(const std::function<void(const Triple&)>& out);

 private:
  void spill();
  std::size_t capacity_;
  BulkVector<Triple> buffer_;
  std::vector<TempFile> runs_;
};

}  // namespace diplograph::idx
