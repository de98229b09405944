// The inside of EventIndex, shared by the questions (met, relation, path, timeline): dense
// arrays of events and actors, filled from one scan of the source.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph {

/// Dense numbers of actors and events; `no_id` is none.
using Id = std::uint32_t;
inline constexpr Id no_id = UINT32_MAX;

/// A compressed sparse row: for each key, a run of values in one array.
struct Rows {
  std::vector<std::uint32_t> begin{0};  // key k holds values[begin[k] .. begin[k + 1])
  std::vector<Id> values;

  struct Span {
    const Id* first;
    const Id* last;
    [[nodiscard]] const Id* begin() const { return first; }
    [[nodiscard]] const Id* end() const { return last; }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };
  [[nodiscard]] Span operator[](std::size_t k) const {
    return {values.data() + begin[k], values.data() + begin[k + 1]};
  }
  [[nodiscard]] std::size_t keys() const { return begin.size() - 1; }
  void close_key() { begin.push_back(static_cast<std::uint32_t>(values.size())); }
};

struct PairHash {
  std::size_t operator()(const std::pair<NodeId, NodeId>& p) const noexcept {
    return std::hash<NodeId>()(p.first) * 0x9E3779B97F4A7C15ULL ^ std::hash<NodeId>()(p.second);
  }
};

struct EventIndex::Impl {
  explicit Impl(const QuadSource& src);

  /// One event: a subject typed with an event class or with participants.
  struct Event {
    NodeId node = 0;
    std::string_view date, end_date, source, label;
    std::string_view cameo, quad, goldstein;  ///< coded-event values, where loaded (query events)
    Id type = no_id;                          ///< the most specific class, as a place in schema.events
    bool interaction = false;                 ///< typed with dg:Interaction or below it
  };

  /// The numbers of one event that questions compare and sum, kept apart from the text so that
  /// a scan over every event reads 16 bytes of each.
  struct Numbers {
    double score = 0;       ///< the Goldstein score, where `scored`
    std::uint32_t day = 0;  ///< the date as YYYYMMDD, 00 for the parts it does not give; 0 unparsed
    std::uint8_t quad = 0;  ///< 1-4: its own, else its CAMEO code's, else its class's dg:cameoRoot; 0 none
    bool scored = false;
  };

  /// One change of representation: a subject with a sending and a receiving state and a status.
  struct Change {
    NodeId node = 0, event = 0;  ///< the change, and the event it is part of (itself when none)
    std::string_view date, source;
    NodeId sending = 0, receiving = 0, level = 0, previous = 0, status = 0;
  };

  /// A state's code in a state system: today's, and each span of membership under a code.
  struct Span {
    std::string_view code;
    int from = 0, to = 0;  ///< years; `to` 0 while still a member
  };
  struct SystemCodes {
    std::string_view now;
    std::vector<Span> spans;
  };
  enum System : std::uint8_t { cow = 0, gw = 1 };

  [[nodiscard]] Id actor(NodeId node) const {
    const auto it = actor_ids.find(node);
    return it == actor_ids.end() ? no_id : it->second;
  }
  /// The state `node` stands for: itself when typed dg:State, else what it represents (0: none).
  [[nodiscard]] NodeId state_of(NodeId node) const;
  /// The events `who` took part in, and with `officials` those of the actors representing it;
  /// ascending, each once.
  [[nodiscard]] std::vector<Id> events_of(NodeId who, bool officials) const;
  /// Whether `who` took part in event `e` (or, with `state_level`, an actor standing for it).
  [[nodiscard]] bool took_part(Id e, Id who, bool state_level) const;
  /// The labels (IRIs where unlabelled) of event `e`'s participants, sorted, joined with "; ".
  [[nodiscard]] std::string participant_names(Id e) const;
  /// A state's alpha-3 code (its first three-letter notation), or empty.
  [[nodiscard]] std::string_view state_code(Id state) const;
  /// A state's code in a state system in `year` (its code then; empty when it was not a
  /// member), or with year 0 its code today.
  [[nodiscard]] std::string_view system_code(Id state, System system, int year) const;
  /// The local name of the class at place `type` of schema.events (empty for none).
  [[nodiscard]] std::string_view type_name(Id type) const;

  Schema schema;
  std::vector<std::string_view> class_names;  ///< the local names of schema.events
  std::vector<Event> events;
  std::vector<Numbers> numbers;  ///< per event
  Rows event_classes;            ///< per event: its classes, as places in schema.events
  Rows participants;             ///< per event: its participants as actors, as the source lists them
  Rows sources;  ///< per event: the participants in a source role (source, caller), where loaded
  std::vector<NodeId> actor_node;
  std::vector<std::string_view> actor_iri, actor_label;
  std::vector<Id> actor_state;               ///< the state each actor stands for, or no_id
  std::vector<Id> actor_represents;          ///< what each actor represents, or no_id
  std::vector<bool> actor_typed;             ///< typed with dg:Actor or a class below it
  std::vector<std::string_view> actor_kind;  ///< person, organization, state, region or actor
  Rows actor_sectors;                        ///< per actor: its dg:sector values, as places in sector_names
  std::vector<std::string_view> sector_names;
  std::vector<std::uint32_t> actor_rank;  ///< each actor's place in IRI order
  std::unordered_map<NodeId, Id> actor_ids;
  /// Every label of every actor (the first is actor_label), and the states' alpha-3 codes, for
  /// naming actors without asking the store.
  std::vector<std::pair<Id, std::string_view>> labels;
  std::unordered_multimap<std::string_view, Id> by_label;
  std::vector<std::pair<std::string_view, Id>> codes;
  std::vector<std::string_view> actor_alpha3;  ///< per actor: a state's first three-letter notation, or empty
  std::unordered_map<Id, std::array<SystemCodes, 2>> systems;  ///< per state: COW and G-W codes, where loaded
  Rows actor_events;  ///< per actor: the events it took part in, ascending
  Rows officials;     ///< per actor: the actors representing it
  std::vector<Change> changes;
  std::unordered_map<std::pair<NodeId, NodeId>, std::vector<std::uint32_t>, PairHash> changes_between;
};

/// "2018-06-12" -> 20180612, "2018-06" -> 20180600, "2018" -> 20180000; 0 for anything else.
[[nodiscard]] std::uint32_t day_number(std::string_view date);

/// The event classes named by --type (IRI, dg:Local, a local name in any case), with every
/// class below them; UsageError listing the classes there are for an unknown one.
std::vector<NodeId> type_filter(const Schema& schema, const std::vector<std::string>& types);

}  // namespace diplograph
