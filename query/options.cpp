// The options of the questions as people type them, checked once for the command line and the
// HTTP API alike: each message names the option as it was typed and what it takes.
#include <charconv>
#include <cstdlib>

#include "diplograph/query.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

std::string quoted(std::string_view v) {
  return "\"" + std::string(v) + "\"";
}

}  // namespace

bool level_option(std::string_view text, std::string_view name) {
  if (text != "person" && text != "state")
    throw OptionError(std::string(name) + " takes person or state, not " + quoted(text));
  return text == "state";
}

void date_option(std::string_view text, std::string_view name) {
  if (text.empty() || !date_datatype(text).empty()) return;  // the record format's own date check
  if (const std::string why = date_problem(text); !why.starts_with("is malformed"))
    throw OptionError(std::string(name) + " " + quoted(text) + " " + why);
  throw OptionError(std::string(name) + " takes YYYY-MM-DD, YYYY-MM or YYYY, not " + quoted(text));
}

std::uint64_t whole_number_option(std::string_view text, std::string_view name, std::uint64_t lo,
                                  std::uint64_t hi) {
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || at != end || v < lo || v > hi) {
    throw OptionError(std::string(name) + " takes a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi) + ", not " + quoted(text));
  }
  return v;
}

// "-2.5:7" -> [-2.5, 7]; either side may be empty (open).
void goldstein_option(std::string_view text, std::string_view name, EventsOptions& o) {
  const auto colon = text.find(':');
  const auto bad = [&] {
    return OptionError(std::string(name) +
                       " takes MIN:MAX, numbers from -10 to 10 (either may be left out), not " +
                       quoted(text));
  };
  if (colon == std::string_view::npos) throw bad();
  for (const auto& [part, slot] : {std::pair{std::string(text.substr(0, colon)), &o.goldstein_min},
                                   std::pair{std::string(text.substr(colon + 1)), &o.goldstein_max}}) {
    if (part.empty()) continue;
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (end != part.c_str() + part.size() || v < -10 || v > 10) throw bad();
    *slot = v;
  }
}

void quad_class_option(std::string_view text, std::string_view name, EventsOptions& o) {
  if (text.size() != 1 || text[0] < '1' || text[0] > '4')
    throw OptionError(std::string(name) +
                      " takes 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or "
                      "4 (material conflict), not " +
                      quoted(text));
  o.quad_classes.push_back(text[0] - '0');
}

void cameo_option(std::string_view text, std::string_view name) {
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string_view::npos)
    throw OptionError(std::string(name) + " takes the digits a CAMEO code starts with (04, 042, 1823), not " +
                      quoted(text));
}

Period period_option(std::string_view text, std::string_view name) {
  const auto period = period_named(text);
  if (!period) throw OptionError(std::string(name) + " takes all, year, month or day, not " + quoted(text));
  return *period;
}

CodeScheme codes_option(std::string_view text, std::string_view name) {
  const auto scheme = code_scheme_named(text);
  if (!scheme)
    throw OptionError(std::string(name) +
                      " takes iso3, cow (Correlates of War) or gw (Gleditsch-Ward), not " + quoted(text));
  return *scheme;
}

}  // namespace diplograph
