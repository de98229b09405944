// The typed values of records and answers: dates at their precision (and the record format's
// check of a date's text, on the same calendar), numbers with their digits, and the ontology's
// closed sets, each read from and written as its name.
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

#include "diplograph/values.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- dates

// "2018-06-12" -> 20180612, "2018-06" -> 20180600, "2018" -> 20180000; 0 for anything else.
std::uint32_t day_number(std::string_view date) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    std::uint32_t v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= date.size() || date[i] < '0' || date[i] > '9') return UINT32_MAX;
      v = v * 10 + static_cast<std::uint32_t>(date[i] - '0');
    }
    return v;
  };
  const std::uint32_t year = digits(0, 4);
  if (year == UINT32_MAX || (date.size() != 4 && date.size() != 7 && date.size() != 10)) return 0;
  const std::uint32_t month = date.size() >= 7 && date[4] == '-' ? digits(5, 2) : 0;
  const std::uint32_t day = date.size() == 10 && date[7] == '-' ? digits(8, 2) : 0;
  if (month == UINT32_MAX || day == UINT32_MAX) return 0;
  return year * 10000 + month * 100 + day;
}

std::string day_text(std::uint32_t day) {
  if (day == 0) return {};
  std::array<char, 16> buf{};
  const unsigned y = day / 10000, m = day / 100 % 100, d = day % 100;
  if (d)
    std::snprintf(buf.data(), buf.size(), "%04u-%02u-%02u", y, m, d);
  else if (m)
    std::snprintf(buf.data(), buf.size(), "%04u-%02u", y, m);
  else
    std::snprintf(buf.data(), buf.size(), "%04u", y);
  return buf.data();
}

namespace {

unsigned days_in(unsigned year, unsigned month) {
  static constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29U : days.at(month - 1);
}

bool digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool calendar_day(std::uint32_t n) {
  const unsigned y = n / 10000, m = n / 100 % 100, d = n % 100;
  if (y == 0 || m > 12 || (m == 0 && d != 0)) return false;
  return d == 0 || d <= days_in(y, m);
}

}  // namespace

// The record format's check (vocab.hpp), with its reason when a date fails it.
std::string_view date_datatype(std::string_view d) {
  if (d.size() < 4 || !digits(d.substr(0, 4))) return {};
  if (d.size() == 4) return "gYear";
  if (d.size() < 7 || d[4] != '-' || !digits(d.substr(5, 2))) return {};
  const int month = std::stoi(std::string(d.substr(5, 2)));
  if (month < 1 || month > 12) return {};
  if (d.size() == 7) return "gYearMonth";
  if (d.size() != 10 || d[7] != '-' || !digits(d.substr(8, 2))) return {};
  const int day = std::stoi(std::string(d.substr(8, 2)));
  const int year = std::stoi(std::string(d.substr(0, 4)));
  if (day < 1 ||
      static_cast<unsigned>(day) > days_in(static_cast<unsigned>(year), static_cast<unsigned>(month)))
    return {};
  return "date";
}

std::string date_problem(std::string_view d) {
  if (!date_datatype(d).empty()) return {};
  const bool shaped = (d.size() == 7 || d.size() == 10) && digits(d.substr(0, 4)) && d[4] == '-' &&
                      digits(d.substr(5, 2)) && (d.size() == 7 || (d[7] == '-' && digits(d.substr(8, 2))));
  if (!shaped) return "is malformed (YYYY-MM-DD, YYYY-MM or YYYY)";
  const int month = std::stoi(std::string(d.substr(5, 2)));
  if (month < 1 || month > 12) return "is not a date: there is no month " + std::string(d.substr(5, 2));
  const unsigned days =
      days_in(static_cast<unsigned>(std::stoi(std::string(d.substr(0, 4)))), static_cast<unsigned>(month));
  return "is not a date: " + std::string(d.substr(0, 7)) + " has " + std::to_string(days) + " days";
}

Date::Date(std::string_view text) {
  // date_datatype's check without its strings: rows make a Date of every event they show
  const std::uint32_t n = diplograph::day_number(text);  // digits where each part stands, or 0
  const bool dashed = n != 0 && (text.size() == 4 || text[4] == '-') && (text.size() != 10 || text[7] == '-');
  const bool whole = text.size() < 7 || (n / 100 % 100 != 0 && (text.size() < 10 || n % 100 != 0));
  if (dashed && whole && calendar_day(n))
    day_ = n;
  else
    other_.assign(text);  // not the calendar's (or the year 0000): kept as written
}

Date Date::of_day(std::uint32_t day) {
  Date out;
  if (calendar_day(day)) {
    out.day_ = day;  // most days come from an index's own dates: no text made and read back
  } else if (day != 0) {
    out.other_ = day_text(day);
  }
  return out;
}

Date::Precision Date::precision() const {
  if (day_ == 0) return Precision::none;
  if (day() != 0) return Precision::day;
  return month() != 0 ? Precision::month : Precision::year;
}

std::uint32_t Date::first_day() const {
  if (day_ == 0) return 0;
  return day_ + (month() == 0 ? 100 : 0) + (day() == 0 ? 1 : 0);
}

std::uint32_t Date::last_day() const {
  if (day_ == 0) return 0;
  const unsigned m = month() == 0 ? 12 : month();
  return year() * 10000 + m * 100 + (day() == 0 ? days_in(year(), m) : day());
}

std::string_view Date::datatype() const {
  switch (precision()) {
  case Precision::day:
    return "date";
  case Precision::month:
    return "gYearMonth";
  case Precision::year:
    return "gYear";
  case Precision::none:
    break;
  }
  return {};
}

std::string Date::text() const {
  return day_ != 0 ? day_text(day_) : other_;
}

std::strong_ordering Date::operator<=>(const Date& o) const {
  if (day_ != 0 && o.day_ != 0) return day_ <=> o.day_;  // the text's order, without the text
  return text() <=> o.text();
}

std::ostream& operator<<(std::ostream& out, const Date& d) {
  return out << d.text();
}

// ------------------------------------------------------------------------- numbers

std::optional<Decimal> Decimal::parse(std::string_view text) {
  const std::string_view digits = text.starts_with('+') ? text.substr(1) : text;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  const bool plain = digits.find_first_not_of("-.0123456789") == std::string_view::npos;  // no 1e5, inf
  if (digits.empty() || !plain || ec != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  return Decimal(value, text);
}

std::ostream& operator<<(std::ostream& out, const Decimal& d) {
  return out << d.text();
}

// ------------------------------------------------------------------------- closed sets

namespace {

// Each value's name and, where the ontology has one, its individual's local name.
struct Named {
  std::string_view name, individual;
};

constexpr std::array<Named, 6> kLevels{{
    {"unknown", ""},
    {"ambassador", "Ambassador"},
    {"minister", "Minister"},
    {"charge_d_affaires", "ChargeDAffaires"},
    {"none", "NoRepresentation"},
    {"represented", "RepresentedRankUnknown"},
}};

constexpr std::array<Named, 4> kStatuses{{
    {"proposed", "Proposed"},
    {"agreed", "Agreed"},
    {"effective", "Effective"},
    {"observed", ""},
}};

constexpr std::array<std::string_view, 5> kKinds{"actor", "person", "organization", "state", "region"};
constexpr std::array<std::string_view, 3> kSides{"", "source", "target"};

template <class E, std::size_t N>
const Named& named(const std::array<Named, N>& table, E value) {
  return table.at(static_cast<std::size_t>(value));
}

// The value whose name is `name`, from position `from` of the table on; nullopt when none.
template <class E, class Table, class Name>
std::optional<E> find_named(const Table& table, std::string_view name, Name name_of, std::size_t from = 0) {
  for (std::size_t i = from; i < table.size(); ++i) {
    if (name_of(table[i]) == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view level_name(Level l) {
  return named(kLevels, l).name;
}
std::optional<Level> level_named(std::string_view name) {
  return find_named<Level>(
      kLevels, name, [](const Named& n) { return n.name; }, 1);
}
std::string_view level_individual(Level l) {
  return named(kLevels, l).individual;
}

std::string_view status_name(Status s) {
  return named(kStatuses, s).name;
}
std::optional<Status> status_named(std::string_view name) {
  return find_named<Status>(kStatuses, name, [](const Named& n) { return n.name; });
}
std::string_view status_individual(Status s) {
  return named(kStatuses, s).individual;
}

std::string_view kind_name(ActorKind k) {
  return kKinds.at(static_cast<std::size_t>(k));
}
std::optional<ActorKind> kind_named(std::string_view name) {
  return find_named<ActorKind>(kKinds, name, [](std::string_view n) { return n; });
}

std::string_view side_name(Side s) {
  return kSides.at(static_cast<std::size_t>(s));
}

std::ostream& operator<<(std::ostream& out, Level l) {
  return out << level_name(l);
}
std::ostream& operator<<(std::ostream& out, Status s) {
  return out << status_name(s);
}
std::ostream& operator<<(std::ostream& out, ActorKind k) {
  return out << kind_name(k);
}
std::ostream& operator<<(std::ostream& out, Side s) {
  return out << side_name(s);
}

}  // namespace diplograph
