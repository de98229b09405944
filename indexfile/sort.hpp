// The index build's statements: spooled in order of arrival, and sorted in bounded memory by the
// one external sort (diplograph/external_sort.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <functional>

#include "diplograph/bulk.hpp"
#include "diplograph/external_sort.hpp"
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

/// Triples sorted lexicographically and made distinct, `capacity` of them at a time in memory.
class RunSorter {
 public:
  explicit RunSorter(std::size_t capacity) : sort_(capacity * sizeof(Triple), Repeats::drop) {}
  void add(const Triple& t) { sort_.add(t); }
  /// Delivers every distinct triple added, ascending.
  void finish(const std::function<void(const Triple&)>& out) { sort_.each(out); }

 private:
  ExternalSort<Triple> sort_;
};

}  // namespace diplograph::idx
