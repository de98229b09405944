// The Python package's typed columns: a table's cells parsed once, by the type its column is
// declared to hold (column_type), in plain C++ so that it runs with the GIL released. The module
// (module.cpp) only hands the vectors to numpy and pandas.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diplograph/present.hpp"

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
  std::vector<std::int32_t> codes;  ///< category: index into `labels`, -1 where absent
  std::vector<std::string> labels;  ///< category: its values, sorted; text: the cells
};

/// The table's columns, typed; its cells are moved out. A date or number column with a cell that
/// is neither empty nor of its type (a period "all") stays text, so nothing is lost.
[[nodiscard]] std::vector<TypedColumn> typed_columns(Table& table);

}  // namespace diplograph::python
