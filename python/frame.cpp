// Typed columns of a table (frame.hpp).
#include "frame.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace diplograph::python {

namespace {

// Days from 1970-01-01 to a civil date (the proleptic Gregorian calendar).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct DateCell {
  std::int64_t year = 0;
  unsigned month = 0, day = 0;  // 0: the precision leaves it out
};

// "2018", "2018-06" or "2018-06-12"; nullopt for anything else.
std::optional<DateCell> date_cell(const std::string& text) {
  const std::uint32_t n = day_number(text);
  if (n == 0) return std::nullopt;
  DateCell c{n / 10000, n / 100 % 100, n % 100};
  if (c.month > 12 || c.day > 31 || (c.day && !c.month)) return std::nullopt;
  return c;
}

char unit_of(const DateCell& c) {
  if (c.day) return 'D';
  return c.month ? 'M' : 'Y';
}

std::int64_t ordinal(const DateCell& c, char unit) {
  if (unit == 'Y') return c.year - 1970;
  if (unit == 'M') return (c.year - 1970) * 12 + (c.month - 1);
  return days_from_civil(c.year, std::max(c.month, 1U), std::max(c.day, 1U));
}

bool typed_as_date(std::vector<std::string>& cells, TypedColumn& col) {
  std::vector<std::optional<DateCell>> parsed(cells.size());
  std::optional<char> unit;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    parsed[i] = date_cell(cells[i]);
    if (!parsed[i]) return false;
    const char u = unit_of(*parsed[i]);
    unit = !unit || *unit == u ? u : 'D';
  }
  col.unit = unit.value_or('D');
  col.ints.reserve(cells.size());
  for (const auto& p : parsed) col.ints.push_back(p ? ordinal(*p, col.unit) : kAbsent);
  return true;
}

bool typed_as_integer(const std::vector<std::string>& cells, TypedColumn& col, bool absent_allowed) {
  col.ints.reserve(cells.size());
  for (const auto& c : cells) {
    std::int64_t v = 0;
    if (c.empty() && absent_allowed) {
      col.ints.push_back(kAbsent);
      continue;
    }
    const auto [end, ec] = std::from_chars(c.data(), c.data() + c.size(), v);
    if (ec != std::errc() || end != c.data() + c.size() || v == kAbsent) return false;
    col.ints.push_back(v);
  }
  return true;
}

bool typed_as_real(const std::vector<std::string>& cells, TypedColumn& col) {
  col.reals.reserve(cells.size());
  for (const auto& c : cells) {
    double v = std::numeric_limits<double>::quiet_NaN();
    if (!c.empty()) {
      const auto [end, ec] = std::from_chars(c.data(), c.data() + c.size(), v);
      if (ec != std::errc() || end != c.data() + c.size()) return false;
    }
    col.reals.push_back(v);
  }
  return true;
}

void typed_as_category(std::vector<std::string>& cells, TypedColumn& col) {
  std::map<std::string, std::int32_t> seen;
  for (const auto& c : cells) {
    if (!c.empty()) seen.emplace(c, 0);
  }
  std::int32_t next = 0;
  for (auto& [label, code] : seen) {
    code = next++;
    col.labels.push_back(label);
  }
  col.codes.reserve(cells.size());
  for (const auto& c : cells) col.codes.push_back(c.empty() ? -1 : seen.at(c));
}

// The cells as their column's type, or as text when one is not of it.
void typed(std::vector<std::string>& cells, TypedColumn& col) {
  using enum ColumnType;
  bool done = true;
  switch (col.type) {
  case date:
    done = typed_as_date(cells, col);
    break;
  case count:
    done = typed_as_integer(cells, col, false);
    break;
  case integer:
    done = typed_as_integer(cells, col, true);
    break;
  case code:
    col.type = integer;
    done = !cells.empty() && typed_as_integer(cells, col, true);
    break;
  case real:
    done = typed_as_real(cells, col);
    break;
  case category:
    typed_as_category(cells, col);
    break;
  case text:
    done = false;
    break;
  }
  if (done) return;
  col.type = text;
  col.ints.clear();
  col.reals.clear();
  col.labels = std::move(cells);
}

}  // namespace

std::vector<TypedColumn> typed_columns(Table& table) {
  std::vector<TypedColumn> out(table.columns.size());
  std::vector<std::string> cells;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out[c].name = table.columns[c];
    out[c].type = column_type(out[c].name);
    cells.clear();
    cells.reserve(table.rows.size());
    for (auto& row : table.rows) cells.push_back(std::move(row[c]));
    typed(cells, out[c]);
  }
  table.rows.clear();
  return out;
}

}  // namespace diplograph::python
