// The dates of the record formats and their XSD datatypes.
#include <array>
#include <string>

#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

bool digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days.at(static_cast<std::size_t>(month - 1));
}

}  // namespace

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
  if (day < 1 || day > days_in_month(year, month)) return {};
  return "date";
}

std::string date_problem(std::string_view d) {
  if (!date_datatype(d).empty()) return {};
  const bool shaped = (d.size() == 7 || d.size() == 10) && digits(d.substr(0, 4)) && d[4] == '-' &&
                      digits(d.substr(5, 2)) && (d.size() == 7 || (d[7] == '-' && digits(d.substr(8, 2))));
  if (!shaped) return "is malformed (YYYY-MM-DD, YYYY-MM or YYYY)";
  const int month = std::stoi(std::string(d.substr(5, 2)));
  if (month < 1 || month > 12) return "is not a date: there is no month " + std::string(d.substr(5, 2));
  const int days = days_in_month(std::stoi(std::string(d.substr(0, 4))), month);
  return "is not a date: " + std::string(d.substr(0, 7)) + " has " + std::to_string(days) + " days";
}

}  // namespace diplograph
