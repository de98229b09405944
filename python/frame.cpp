// Typed columns of an answer (frame.hpp).
#include "frame.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>

#include "diplograph/text.hpp"

namespace diplograph::python {

void ColumnCells::add(std::string_view cell) {
  const std::uint64_t hash = std::hash<std::string_view>{}(cell);
  const auto fresh = static_cast<std::uint32_t>(values_.size());
  const std::uint32_t at = table_.find_or_place(
      hash, [&](std::uint32_t p) { return hashes_[p] == hash && values_[p] == cell; }, fresh);
  rows_.push_back(static_cast<std::int32_t>(at));
  if (at != fresh) return;
  values_.emplace_back(cell);
  hashes_.push_back(hash);
  if (table_.full(values_.size()))
    table_.rehash(table_.slots() * 2, static_cast<std::uint32_t>(values_.size()),
                  [&](std::uint32_t p) { return hashes_[p]; });
}

FrameBuilder::FrameBuilder(const std::vector<std::string>& columns)
    : names_(columns), cells_(columns.size()) {}

void FrameBuilder::add(const std::vector<std::string>& cells) {
  for (std::size_t c = 0; c < cells_.size(); ++c) cells_[c].add(cells[c]);
}

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

// Each distinct value's ordinal, or false when one is not a date.
bool dates_of(const std::vector<std::string>& values, TypedColumn& col, std::vector<std::int64_t>& out) {
  std::vector<std::optional<DateCell>> parsed(values.size());
  std::optional<char> unit;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    parsed[i] = date_cell(values[i]);
    if (!parsed[i]) return false;
    const char u = unit_of(*parsed[i]);
    unit = !unit || *unit == u ? u : 'D';
  }
  col.unit = unit.value_or('D');
  for (const auto& p : parsed) out.push_back(p ? ordinal(*p, col.unit) : kAbsent);
  return true;
}

// Each distinct value as a whole number (kAbsent for an empty one where allowed), or false.
bool integers_of(const std::vector<std::string>& values, bool absent_allowed,
                 std::vector<std::int64_t>& out) {
  for (const auto& v : values) {
    if (v.empty() && absent_allowed) {
      out.push_back(kAbsent);
      continue;
    }
    const auto n = text::number_of<std::int64_t>(v);
    if (!n || *n == kAbsent) return false;
    out.push_back(*n);
  }
  return true;
}

bool reals_of(const std::vector<std::string>& values, std::vector<double>& out) {
  for (const auto& v : values) {
    const auto d =
        v.empty() ? std::optional(std::numeric_limits<double>::quiet_NaN()) : text::number_of<double>(v);
    if (!d) return false;
    out.push_back(*d);
  }
  return true;
}

// Every value a whole number or empty, and one at least.
bool all_numbers(const std::vector<std::string>& values) {
  bool any = false;
  for (const auto& v : values) {
    if (v.empty()) continue;
    if (v.find_first_not_of("0123456789") != std::string::npos) return false;
    any = true;
  }
  return any;
}

template <class T>
std::vector<T> per_row(const std::vector<T>& per_value, const std::vector<std::int32_t>& rows) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto r : rows) out.push_back(per_value[static_cast<std::size_t>(r)]);
  return out;
}

// Sorted categories; rows coded into them (-1 for an empty cell).
void as_category(ColumnCells& cells, TypedColumn& col) {
  std::vector<std::string> values = cells.take_values();
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<std::int32_t> code(values.size(), -1);
  for (const auto i : order) {
    if (values[i].empty()) continue;
    code[i] = static_cast<std::int32_t>(col.labels.size());
    col.labels.push_back(std::move(values[i]));
  }
  col.codes = per_row(code, cells.rows());
}

// The column's declared type, if every distinct value is of it.
bool typed(ColumnCells& cells, TypedColumn& col) {
  using enum ColumnType;
  const auto& values = cells.values();
  std::vector<std::int64_t> ints;
  std::vector<double> reals;
  switch (col.type) {
  case date:
    if (!dates_of(values, col, ints)) return false;
    break;
  case count:
    if (!integers_of(values, false, ints)) return false;
    break;
  case code:
  case integer:
    if (values.empty() || !integers_of(values, true, ints)) return false;
    col.type = integer;
    break;
  case real:
    if (!reals_of(values, reals)) return false;
    col.reals = per_row(reals, cells.rows());
    return true;
  case category:  // COW's level codes (codes=cow) are numbers, as its files have them
    if (!all_numbers(values)) {
      as_category(cells, col);
      return true;
    }
    col.type = integer;
    if (!integers_of(values, true, ints)) return false;
    break;
  case text:
    return false;
  }
  col.ints = per_row(ints, cells.rows());
  return true;
}

}  // namespace

std::vector<TypedColumn> FrameBuilder::finish() {
  std::vector<TypedColumn> out(names_.size());
  for (std::size_t c = 0; c < names_.size(); ++c) {
    out[c].name = names_[c];
    out[c].type = column_type(names_[c]);
    if (typed(cells_[c], out[c])) continue;
    out[c].type = ColumnType::text;
    out[c].codes = cells_[c].rows();
    out[c].labels = cells_[c].take_values();
  }
  return out;
}

}  // namespace diplograph::python
