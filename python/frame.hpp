// The Python package's typed columns: an answer's rows taken as they come, each column's distinct
// cells kept once (a panel's hundreds of thousands of rows repeat a few hundred states, labels
// and counts), then typed by the type its column is declared to hold (column_type), each distinct
// cell parsed once. Plain C++, so that it runs with the GIL released; the module (module.cpp)
// hands the vectors to numpy and pandas.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/present.hpp"
#include "diplograph/slot_table.hpp"

namespace diplograph::python {

/// An absent integer or date, as pandas marks it (NaT's value).
inline constexpr std::int64_t kAbsent = INT64_MIN;

struct TypedColumn {
  std::string name;
  ColumnType type = ColumnType::text;  ///< resolved: a code column is integer or text
  /// A date column's unit: 'Y' (every cell a year), 'M' (a month), 'D' (a day or mixed, each
  /// cell its first day).
  char unit = 'D';
  std::vector<std::int64_t> ints;   ///< count, integer; a date's ordinal in its unit from 1970
  std::vector<double> reals;        ///< real: NaN where absent
  std::vector<std::int32_t> codes;  ///< category, text: per row, an index into `labels` (-1: absent)
  std::vector<std::string> labels;  ///< category: its values, sorted; text: the distinct cells
};

/// One column's cells as they come: each distinct text once, and per row its index.
class ColumnCells {
 public:
  void add(std::string_view cell);
  [[nodiscard]] const std::vector<std::string>& values() const { return values_; }
  [[nodiscard]] const std::vector<std::int32_t>& rows() const { return rows_; }
  /// The distinct texts, moved out.
  [[nodiscard]] std::vector<std::string> take_values() { return std::move(values_); }

 private:
  std::vector<std::string> values_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::int32_t> rows_;
  SlotTable table_;
};

/// An answer's columns, built row by row.
class FrameBuilder {
 public:
  explicit FrameBuilder(const std::vector<std::string>& columns);
  void add(const std::vector<std::string>& cells);
  /// The columns, typed. A date or number column with a cell that is neither empty nor of its
  /// type (a period "all") stays text, so nothing is lost; a category column of numbers (COW's
  /// level codes, with codes=cow) is an integer column.
  [[nodiscard]] std::vector<TypedColumn> finish();

 private:
  std::vector<std::string> names_;
  std::vector<ColumnCells> cells_;
};

}  // namespace diplograph::python
