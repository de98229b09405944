// Small facts of the record model: dates, levels, statuses, slugs.
#include <array>
#include <cctype>
#include <utility>

#include "diplograph/convert.hpp"

namespace diplograph {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kLevels{{
    {"ambassador", "Ambassador"},
    {"charge_d_affaires", "ChargeDAffaires"},
    {"minister", "Minister"},
    {"none", "NoRepresentation"},
    {"represented", "RepresentedRankUnknown"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kStatuses{{
    {"proposed", "Proposed"},
    {"agreed", "Agreed"},
    {"effective", "Effective"},
}};

template <class Table>
std::string_view find_in(const Table& t, std::string_view key) {
  for (const auto& [k, v] : t) {
    if (k == key) return v;
  }
  return {};
}

}  // namespace

std::string_view level_individual(std::string_view level) {
  return find_in(kLevels, level);
}
std::string_view status_individual(std::string_view status) {
  return find_in(kStatuses, status);
}

std::string slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80U) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c >= 0x80U ? c : std::tolower(c));
    } else {
      dash = true;
    }
  }
  return out.empty() ? std::string("_") : out;
}

}  // namespace diplograph
