// diplograph/values.hpp: the typed values of records and answers. A date at its own precision,
// and the closed sets the ontology names: levels of representation, statuses of a change, kinds
// of actor, the sides of a coded record. Text only at the edge: each value has its name (the
// ontology's skos:notation where it has one) and is read back from it.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace diplograph {

// ------------------------------------------------------------------------- dates

/// A date of the record format as a number, YYYYMMDD, with 00 for the parts it leaves out
/// ("2018-06" is 20180600); 0 when it is no such date.
[[nodiscard]] std::uint32_t day_number(std::string_view date);
/// The date a day number stands for, at its own precision ("2018-06" for 20180600); "" for 0.
[[nodiscard]] std::string day_text(std::uint32_t day);

/// A date as a record or a graph gives it. A date of the record format (YYYY-MM-DD, YYYY-MM,
/// YYYY, checked against the calendar) is held as its parts; anything else a graph says
/// ("2018-06-12T10:00:00Z", "spring 2018") is kept as written, never lost. Dates order as their
/// text does, which for record-format dates is the calendar's order, coarser first.
class Date {
 public:
  enum class Precision : std::uint8_t { none, year, month, day };

  Date() = default;
  explicit Date(std::string_view text);
  /// The date of a day number (day_number's YYYYMMDD); the empty date for 0.
  [[nodiscard]] static Date of_day(std::uint32_t day);

  [[nodiscard]] bool empty() const { return day_ == 0 && other_.empty(); }
  /// Whether this is a date of the record format (else text kept as a graph wrote it).
  [[nodiscard]] bool calendar() const { return day_ != 0; }
  [[nodiscard]] Precision precision() const;
  /// YYYYMMDD with 00 for the parts left out; 0 when this is no calendar date.
  [[nodiscard]] std::uint32_t day_number() const { return day_; }
  [[nodiscard]] unsigned year() const { return day_ / 10000; }
  [[nodiscard]] unsigned month() const { return day_ / 100 % 100; }  ///< 0 where left out
  [[nodiscard]] unsigned day() const { return day_ % 100; }          ///< 0 where left out
  /// The first and the last whole day it covers, as day numbers ("2018-02": 20180201 and
  /// 20180228); 0 when this is no calendar date.
  [[nodiscard]] std::uint32_t first_day() const;
  [[nodiscard]] std::uint32_t last_day() const;
  /// Its XSD datatype's local name: "date", "gYearMonth", "gYear"; empty when no calendar date.
  [[nodiscard]] std::string_view datatype() const;
  /// As written: "2018-06-12", "2018-06", "2018", or the text kept.
  [[nodiscard]] std::string text() const;

  [[nodiscard]] std::strong_ordering operator<=>(const Date& o) const;
  [[nodiscard]] bool operator==(const Date& o) const = default;

 private:
  std::uint32_t day_ = 0;
  std::string other_;  ///< what a graph said that is no record-format date
};

std::ostream& operator<<(std::ostream& out, const Date& d);

// ------------------------------------------------------------------------- numbers

/// A number as a graph writes it (an xsd:decimal literal): its value, and its digits as written,
/// which is what a table shows ("-2.0" stays "-2.0", "4" stays "4").
class Decimal {
 public:
  /// The number `text` writes (decimal digits, a sign, a point); nullopt when it is none.
  [[nodiscard]] static std::optional<Decimal> parse(std::string_view text);
  [[nodiscard]] double value() const { return value_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] bool operator==(const Decimal& o) const = default;

 private:
  Decimal(double value, std::string_view text) : value_(value), text_(text) {}
  double value_ = 0;
  std::string text_;
};

std::ostream& operator<<(std::ostream& out, const Decimal& d);

// ------------------------------------------------------------------------- closed sets

/// A level of representation (dg:RepresentationLevel). `unknown`: no evidence of any.
enum class Level : std::uint8_t { unknown, ambassador, minister, charge_d_affaires, none, represented };
/// Its skos:notation ("ambassador", "charge_d_affaires", ...); "unknown" for unknown.
[[nodiscard]] std::string_view level_name(Level l);
/// The level of a notation; nullopt for any other text (including "unknown").
[[nodiscard]] std::optional<Level> level_named(std::string_view name);
/// The ontology individual's local name ("Ambassador", "NoRepresentation"); empty for unknown.
[[nodiscard]] std::string_view level_individual(Level l);

/// The status of a change of representation (dg:ChangeStatus), and `observed` for a level seen
/// in force by an observation, which is evidence, not a change.
enum class Status : std::uint8_t { proposed, agreed, effective, observed };
[[nodiscard]] std::string_view status_name(Status s);
/// The status of a notation (proposed, agreed, effective, observed); nullopt for other text.
[[nodiscard]] std::optional<Status> status_named(std::string_view name);
/// The ontology individual's local name ("Effective"); empty for observed (no individual).
[[nodiscard]] std::string_view status_individual(Status s);

/// What kind of actor an actor is (its most specific class among these).
enum class ActorKind : std::uint8_t { actor, person, organization, state, region };
/// "actor", "person", "organization", "state", "region".
[[nodiscard]] std::string_view kind_name(ActorKind k);
[[nodiscard]] std::optional<ActorKind> kind_named(std::string_view name);

/// The side of a coded record's participant: who acted and who was acted on.
enum class Side : std::uint8_t { none, source, target };
/// "", "source", "target".
[[nodiscard]] std::string_view side_name(Side s);

std::ostream& operator<<(std::ostream& out, Level l);
std::ostream& operator<<(std::ostream& out, Status s);
std::ostream& operator<<(std::ostream& out, ActorKind k);
std::ostream& operator<<(std::ostream& out, Side s);

}  // namespace diplograph
