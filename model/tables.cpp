// The data tables shipped with the ontology: countries and their codes, CAMEO event codes, the
// parts of CAMEO actor codes, actor words. Each is a data file compiled in (cmake/Embed.cmake).
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace embedded {
std::string_view file(std::string_view name);
}

namespace {

std::vector<std::string> split_bar(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto bar = s.find('|');
    out.emplace_back(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

// Calls fn(fields) for each data row of a CSV table with a header (no embedded newlines).
template <class Fn>
void for_each_row(std::string_view csv, std::size_t columns, Fn fn) {
  std::vector<std::string> fields;
  bool header = true;
  while (!csv.empty()) {
    const auto nl = csv.find('\n');
    const auto line = csv.substr(0, nl);
    csv.remove_prefix(nl == std::string_view::npos ? csv.size() : nl + 1);
    if (line.empty()) continue;
    if (text::split_csv(line, fields) || fields.size() < columns) {
      throw std::runtime_error("malformed built-in table row: " + std::string(line));
    }
    if (!std::exchange(header, false)) fn(fields);
  }
}

// "255:1816-1945|260:1955-1989|255:1990-": a state's membership spans, oldest first.
std::vector<Membership> spans(std::string_view column) {
  std::vector<Membership> out;
  for (const auto& s : split_bar(column)) {
    const auto colon = s.find(':'), dash = s.find('-');
    if (colon == std::string::npos || dash == std::string::npos || dash < colon)
      throw std::runtime_error("malformed built-in membership span: " + s);
    const std::string to = s.substr(dash + 1);
    out.push_back({s.substr(0, colon), std::stoi(s.substr(colon + 1, dash - colon - 1)),
                   to.empty() ? 0 : std::stoi(to)});
  }
  return out;
}

template <class V>
const V* lookup(const std::vector<std::pair<std::string, std::size_t>>& index, const std::vector<V>& values,
                const std::string& key) {
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const auto& e, const std::string& k) { return e.first < k; });
  return it != index.end() && it->first == key ? &values[it->second] : nullptr;
}

}  // namespace

std::string_view ontology_turtle() {
  return embedded::file("diplomacy.ttl");
}

// ------------------------------------------------------------------------- countries

Countries::Countries(std::string_view csv) {
  for_each_row(csv, 6, [&](const std::vector<std::string>& f) {
    const auto at = [&](std::size_t i) { return i < f.size() ? f[i] : std::string(); };
    countries_.push_back({f[0], f[1], f[2], f[3], split_bar(f[4]), split_bar(f[5]), at(6), at(7), at(8),
                          at(9), spans(at(10)), spans(at(11))});
  });
  for (std::size_t i = 0; i < countries_.size(); ++i) {
    const auto& c = countries_[i];
    codes_.emplace_back(c.iso3, i);
    codes_.emplace_back(c.iso2, i);
    for (const auto& code : c.cameo) codes_.emplace_back(code, i);
    names_.emplace_back(text::ascii_lower(c.name), i);
    for (const auto& a : c.aliases) names_.emplace_back(text::ascii_lower(a), i);
  }
  std::sort(codes_.begin(), codes_.end());
  std::sort(names_.begin(), names_.end());
}

const Countries& Countries::builtin() {
  static const Countries table(embedded::file("countries.csv"));
  return table;
}

const Country* Countries::by_iso3(std::string_view code) const {
  const Country* c = by_code(code);
  return c && c->iso3 == code ? c : nullptr;
}

const Country* Countries::by_code(std::string_view code) const {
  return lookup(codes_, countries_, std::string(code));
}

const Country* Countries::by_name(std::string_view name) const {
  return lookup(names_, countries_, text::ascii_lower(name));
}

const Country* Countries::by_cow(std::string_view code) const {
  for (const auto& c : countries_) {
    if (!code.empty() && (c.cow == code || c.cow_abbr == code)) return &c;
  }
  return nullptr;
}

const Country* Countries::by_wikidata(std::string_view qid) const {
  for (const auto& c : countries_) {
    if (!qid.empty() && c.wikidata == qid) return &c;
  }
  return nullptr;
}

// ------------------------------------------------------------------------- PLOVER types

Plover::Plover(std::string_view csv) {
  for_each_row(csv, 4, [&](const std::vector<std::string>& f) {
    types_.push_back({f[0], f[1], f[2], f[3]});
  });
}

const Plover& Plover::builtin() {
  static const Plover table(embedded::file("plover.csv"));
  return table;
}

const PloverType* Plover::find(std::string_view type, std::string_view mode) const {
  const PloverType* any = nullptr;
  for (const auto& t : types_) {
    if (t.type != type) continue;
    if (!mode.empty() && t.mode == mode) return &t;
    if (t.mode.empty()) any = &t;
  }
  return any;
}

std::vector<std::string> Plover::classes_of(std::string_view type) const {
  std::vector<std::string> out;
  for (const auto& t : types_) {
    if (t.type == type && std::find(out.begin(), out.end(), t.event_class) == out.end())
      out.push_back(t.event_class);
  }
  return out;
}

// ------------------------------------------------------------------------- COW state codes

bool SystemState::member_in(int year) const {
  return std::any_of(years.begin(), years.end(),
                     [&](const auto& span) { return span.first <= year && year <= span.second; });
}

CowStates::CowStates(std::string_view csv) {
  for_each_row(csv, 5, [&](const std::vector<std::string>& f) {
    const std::pair<int, int> span{std::stoi(f[3]), std::stoi(f[4])};
    if (!states_.empty() && states_.back().code == f[0]) {
      states_.back().years.push_back(span);
    } else {
      states_.push_back({f[0], f[1], f[2], {span}});
    }
  });
  std::stable_sort(states_.begin(), states_.end(),
                   [](const auto& a, const auto& b) { return a.code < b.code; });
}

namespace {

constexpr std::pair<std::string_view, Level> kCowLevels[] = {{"0", Level::none},
                                                             {"1", Level::charge_d_affaires},
                                                             {"2", Level::minister},
                                                             {"3", Level::ambassador},
                                                             {"9", Level::represented}};

}  // namespace

std::optional<Level> cow_level_of_code(std::string_view code) {
  for (const auto& [c, level] : kCowLevels) {
    if (c == code) return level;
  }
  return std::nullopt;
}

std::string_view cow_level_code(Level level) {
  for (const auto& [c, l] : kCowLevels) {
    if (l == level) return c;
  }
  return level_name(level);
}

const CowStates& CowStates::builtin() {
  static const CowStates table(embedded::file("cow-states.csv"));
  return table;
}

const SystemState* CowStates::find(std::string_view code) const {
  auto it = std::lower_bound(states_.begin(), states_.end(), code,
                             [](const SystemState& s, std::string_view k) { return s.code < k; });
  return it != states_.end() && it->code == code ? &*it : nullptr;
}

// ------------------------------------------------------------------------- CAMEO

Cameo::Cameo(std::string_view csv) {
  for_each_row(csv, 4, [&](const std::vector<std::string>& f) {
    const auto goldstein = Decimal::parse(f[3]);
    if (!f[3].empty() && !goldstein)
      throw std::runtime_error("built-in CAMEO row with a score no number: " + f[3]);
    codes_.push_back({f[0], f[1], f[2], goldstein});
  });
  std::sort(codes_.begin(), codes_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
}

const Cameo& Cameo::builtin() {
  static const Cameo table(embedded::file("cameo.csv"));
  return table;
}

const CameoCode* Cameo::find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const CameoCode& c, std::string_view k) { return c.code < k; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

// ------------------------------------------------------------------------- CAMEO actor codes

CameoActors::CameoActors(std::string_view csv) {
  for_each_row(csv, 4, [&](const std::vector<std::string>& f) {
    const auto kind = kind_named(f[3]);
    if (!kind) throw std::runtime_error("built-in table row of an unknown kind: " + f[3]);
    parts_.push_back({f[0], f[1], f[2], *kind});
  });
}

const CameoActors& CameoActors::builtin() {
  static const CameoActors table(embedded::file("cameo-actors.csv"));
  return table;
}

const ActorCodePart* CameoActors::find(std::string_view code, std::string_view facet) const {
  for (const auto& p : parts_) {
    if (p.code == code && p.facet == facet) return &p;
  }
  return nullptr;
}

const ActorCodePart* CameoActors::region_named(std::string_view name) const {
  const std::string lower = text::ascii_lower(name);
  for (const auto& p : parts_) {
    if (p.facet == "region" && text::ascii_lower(p.label) == lower) return &p;
  }
  return nullptr;
}

// ------------------------------------------------------------------------- actor words

ActorWords::ActorWords(std::string_view csv) {
  for_each_row(csv, 2, [&](const std::vector<std::string>& f) { words_.emplace_back(f[0], f[1]); });
  std::sort(words_.begin(), words_.end());
}

const ActorWords& ActorWords::builtin() {
  static const ActorWords table(embedded::file("actor-words.csv"));
  return table;
}

std::string_view ActorWords::evidence(std::string_view word) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), word,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != words_.end() && it->first == word ? std::string_view(it->second) : std::string_view();
}

}  // namespace diplograph
