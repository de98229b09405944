// An index file's sections found in its mapped bytes (by the builder, over what it has written
// so far, and by the opener): the graph for a FileSource and the columns for an EventIndex.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diplograph/query.hpp"
#include "indexfile/format.hpp"
#include "indexfile/source.hpp"

namespace diplograph::idx {

/// A read-only mapping of a whole file (or its first `size` bytes), unmapped when destroyed.
class Mapping {
 public:
  Mapping(int fd, std::size_t size);
  ~Mapping();
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  [[nodiscard]] std::string_view bytes() const { return {static_cast<const char*>(at_), size_}; }

 private:
  void* at_ = nullptr;
  std::size_t size_ = 0;
};

struct Layout {
  std::string_view file;
  std::vector<Entry> table;

  /// Section `id`'s bytes, holding whole values of `element` bytes; CorruptIndex when it is
  /// missing or of another element size.
  [[nodiscard]] std::string_view section(std::uint32_t id, std::size_t element) const;
  /// The graph sections, their sizes checked against each other; CorruptIndex when they disagree.
  [[nodiscard]] Graph graph() const;
};

/// The EventIndex's columns in a layout, each section 1000 + ColumnId (its text too).
class LayoutColumns : public ColumnSource {
 public:
  explicit LayoutColumns(const Layout& l) : l_(l) {}
  [[nodiscard]] std::pair<const void*, std::size_t> column(std::uint32_t id,
                                                           std::size_t element) const override;

 private:
  const Layout& l_;
};

}  // namespace diplograph::idx
