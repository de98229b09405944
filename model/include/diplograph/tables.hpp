// diplograph/tables.hpp: the data tables shipped with the ontology (ontology/*.csv, compiled
// in): countries and their codes in every scheme, CAMEO event codes, the parts of CAMEO actor
// codes, the words that tell an actor's kind; and the ontology itself.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/values.hpp"

namespace diplograph {

/// A span of a state's membership of a state system (COW, G-W) under one code.
struct Membership {
  std::string code;  ///< the system's state number
  int from = 0;      ///< first year
  int to = 0;        ///< last year; 0 while still a member
};

struct Country {
  std::string iso3;
  std::string iso2;
  std::string name;
  std::string wikidata;  ///< Q-id, may be empty
  std::vector<std::string> cameo;
  std::vector<std::string> aliases;
  std::string cow;                     ///< Correlates of War state number ("2"), empty when not in the system
  std::string cow_abbr;                ///< Correlates of War letters ("USA", "GMY")
  std::string gw;                      ///< Gleditsch-Ward state number
  std::string gw_abbr;                 ///< Gleditsch-Ward letters
  std::vector<Membership> cow_member;  ///< when, under which code, a COW system member; oldest first
  std::vector<Membership> gw_member;   ///< the same in Gleditsch-Ward's list
};

/// The country table (ontology/countries.csv): ISO alpha-3 and alpha-2, CAMEO codes and the
/// names ICEWS writes, each resolving to one state.
class Countries {
 public:
  static const Countries& builtin();
  explicit Countries(std::string_view csv);
  [[nodiscard]] const Country* by_iso3(std::string_view code) const;
  [[nodiscard]] const Country* by_code(std::string_view code) const;  ///< alpha-3, alpha-2, CAMEO
  [[nodiscard]] const Country* by_name(std::string_view name) const;  ///< case-insensitive
  [[nodiscard]] const Country* by_cow(std::string_view code) const;   ///< COW number or letters
  [[nodiscard]] const Country* by_wikidata(std::string_view qid) const;
  [[nodiscard]] std::span<const Country> all() const { return countries_; }
  [[nodiscard]] std::size_t size() const { return countries_.size(); }

 private:
  std::vector<Country> countries_;
  std::vector<std::pair<std::string, std::size_t>> codes_;  // sorted
  std::vector<std::pair<std::string, std::size_t>> names_;  // sorted, lower-case
};

struct CameoCode {
  std::string code;
  std::string label;
  std::string event_class;  ///< ontology class local name
  std::optional<Decimal> goldstein;
};

/// The CAMEO event code table (ontology/cameo.csv).
class Cameo {
 public:
  static const Cameo& builtin();
  explicit Cameo(std::string_view csv);
  [[nodiscard]] const CameoCode* find(std::string_view code) const;
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

 private:
  std::vector<CameoCode> codes_;  // sorted by code
};

/// One part of a CAMEO actor code (ontology/cameo-actors.csv): a type (`GOV`), a known group
/// (`UNO`), a religion (`MOS`) or a region that is no state (`AFR`).
struct ActorCodePart {
  std::string code;
  std::string facet;                  ///< type, group, religion, region
  std::string label;                  ///< English: "government", "United Nations", "Muslims", "Africa"
  ActorKind kind = ActorKind::actor;  ///< what an actor known by this part is: organization, actor or region
};

/// The CAMEO actor code parts diplograph knows (ontology/cameo-actors.csv).
class CameoActors {
 public:
  static const CameoActors& builtin();
  explicit CameoActors(std::string_view csv);
  [[nodiscard]] const ActorCodePart* find(std::string_view code, std::string_view facet) const;
  /// A region by its English name, case-insensitively ("South Asia").
  [[nodiscard]] const ActorCodePart* region_named(std::string_view name) const;

 private:
  std::vector<ActorCodePart> parts_;
};

/// Words that tell what kind of actor a name is (ontology/actor-words.csv): `body` (a ministry,
/// a party, a union: an organization), `holder` (an office or role held by people: "Member of
/// Parliament"), `not-person` (no person's name holds it: "United", "Qaeda").
class ActorWords {
 public:
  static const ActorWords& builtin();
  explicit ActorWords(std::string_view csv);
  /// The evidence of one word (as written, case-sensitively), or empty.
  [[nodiscard]] std::string_view evidence(std::string_view word) const;

 private:
  std::vector<std::pair<std::string, std::string>> words_;  // sorted
};

/// How a PLOVER event type (POLECAT's coding), with its mode, becomes an ontology class
/// (ontology/plover.csv): CONSULT by phone a dg:PhoneCall, ASSAULT a dg:Assault.
struct PloverType {
  std::string type;  ///< "CONSULT"
  std::string mode;  ///< "phone"; empty: any mode
  std::string event_class;
  std::string label;  ///< "consult: by telephone"
};

/// The PLOVER types diplograph knows (ontology/plover.csv).
class Plover {
 public:
  static const Plover& builtin();
  explicit Plover(std::string_view csv);
  /// The row of `type` with `mode` (its own row where there is one, else the type's), or nullptr
  /// for a type PLOVER does not have.
  [[nodiscard]] const PloverType* find(std::string_view type, std::string_view mode) const;
  /// The classes a PLOVER type becomes, whatever its mode (CONSULT: Visit, PhoneCall, Meeting,
  /// Consultation); empty for a type PLOVER does not have.
  [[nodiscard]] std::vector<std::string> classes_of(std::string_view type) const;

 private:
  std::vector<PloverType> types_;
};

/// A code of the Correlates of War state system and the years it was a member under it
/// (ontology/cow-states.csv, COW State System Membership v2016): codes of their time, such as
/// 260 (German Federal Republic, 1955-1989) or 817 (Republic of Vietnam, 1954-1975).
struct SystemState {
  std::string code;                        ///< "260"
  std::string abbrev;                      ///< "GFR"
  std::string name;                        ///< "German Federal Republic"
  std::vector<std::pair<int, int>> years;  ///< spans of membership, oldest first (both ends included)
  /// Whether the code was a member of the system in `year`.
  [[nodiscard]] bool member_in(int year) const;
};

/// Every code the Correlates of War state system used (ontology/cow-states.csv).
class CowStates {
 public:
  static const CowStates& builtin();
  explicit CowStates(std::string_view csv);
  /// The state with this COW number, or nullptr for a code COW never used.
  [[nodiscard]] const SystemState* find(std::string_view code) const;

 private:
  std::vector<SystemState> states_;  // sorted by code, as text
};

/// The levels of representation of the COW Diplomatic Exchange's codebook, by code and by the
/// notation of the level's individual in the ontology, from one table: 0 none, 1
/// charge_d_affaires, 2 minister, 3 ambassador, 9 represented (a mission of unrecorded rank).
/// The level of a code; nullopt for a code the codebook does not have.
[[nodiscard]] std::optional<Level> cow_level_of_code(std::string_view code);
/// The code of a level; the level's name for one the codebook does not have ("unknown").
[[nodiscard]] std::string_view cow_level_code(Level level);

/// The ontology as shipped (ontology/diplomacy.ttl).
[[nodiscard]] std::string_view ontology_turtle();

}  // namespace diplograph
