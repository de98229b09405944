// diplograph/query.hpp: the questions asked of the graph. The engine reads through the
// abstract QuadSource, so it runs on a Sord store or on a tiny in-memory dataset alike.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/rdf.hpp"
#include "diplograph/values.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- typed answers

/// How states are written: ISO alpha-3, Correlates of War or Gleditsch-Ward codes.
enum class CodeScheme : std::uint8_t { iso3, cow, gw };

/// The evidence a level rests on: an observation (of a year) or a change recorded (on a date);
/// empty (no date) where no level is known.
struct LevelBasis {
  bool observed = false;
  Date date;
  bool operator==(const LevelBasis&) const = default;
};

/// One row of who met whom: an interaction and two of its participants.
struct MetRow {
  Date date;
  std::string event, type, actor, actor_label, other, other_label, source;
  bool operator==(const MetRow&) const = default;
};

/// How often two actors met, first and last.
struct MetCount {
  std::string actor, actor_label, other, other_label;
  std::uint64_t events = 0;
  Date first, last;
  bool operator==(const MetCount&) const = default;
};

/// One directed dyad-year of the representation panel (`query representation`): at what level
/// each side was represented in the other's capital that year.
struct RepresentationRow {
  int year = 0;
  std::string side1, side2;  ///< the states' codes in the scheme asked for, of that year
  std::optional<Level> level_at_1,
      level_at_2;  ///< side 2 in side 1's capital, side 1 in side 2's; none known
  std::string side1_label, side2_label;
  bool observed = false, recorded = false;  ///< the basis of the levels: observed, recorded, or both
  std::vector<std::string> sources;         ///< the sources of the levels, sorted
  CodeScheme codes = CodeScheme::iso3;      ///< the scheme asked for (COW writes levels as its codes)
  bool operator==(const RepresentationRow&) const = default;
};

/// One change of representation in one direction.
struct RelationRow {
  Date date;
  std::string sending, receiving;  ///< alpha-3 codes
  Level level = Level::unknown;    ///< unknown: no evidence (a level in force asked for)
  std::optional<Level> previous_level;
  std::optional<Status> status;  ///< none where no evidence is known
  std::string event, source;
  bool operator==(const RelationRow&) const = default;
};

/// Interactions of one class between two states' actors.
struct InteractionCount {
  std::string type;
  std::uint64_t events = 0;
  Date first, last;
  bool operator==(const InteractionCount&) const = default;
};

/// A topic and the number of events that took it up.
struct TopicCount {
  std::string topic;
  std::uint64_t events = 0;
  bool operator==(const TopicCount&) const = default;
};

/// One hop of a chain of meetings.
struct PathHop {
  unsigned hop = 0;
  std::string actor, actor_label, other, other_label, event;
  Date date;
  bool operator==(const PathHop&) const = default;
};

/// One event an actor took part in.
struct TimelineRow {
  Date date;
  std::string event, type, label;
  std::vector<std::string> participants;  ///< their labels (IRIs where none), sorted
  bool operator==(const TimelineRow&) const = default;
};

/// One actor, as `diplograph actors` lists it.
struct ActorRow {
  std::string actor, label;
  ActorKind kind = ActorKind::actor;
  std::string state;
  std::uint64_t events = 0;
  bool operator==(const ActorRow&) const = default;
};

/// One event of any class, with its coded values (`query events`).
struct EventRow {
  Date date;
  std::string event, type, cameo;
  std::uint8_t quad_class = 0;       ///< 1 verbal cooperation ... 4 material conflict; 0 when none
  std::optional<Decimal> goldstein;  ///< its score as the graph writes it; none when it has none
  std::string label;
  std::vector<std::string> participants;  ///< their labels (IRIs where none), sorted
  std::string source;
  std::vector<std::string> records;  ///< the source records it was made from, sorted
  bool operator==(const EventRow&) const = default;
};

/// Event counts for one pair of actors (or states) in one period (`query dyads`).
struct DyadRow {
  Date period;  ///< the year, month or day counted; empty for all time
  std::string actor, actor_label, actor_code, other, other_label, other_code;
  std::uint64_t events = 0;
  std::array<std::uint64_t, 4>
      quad{};  ///< verbal cooperation, material cooperation, verbal conflict, material conflict
  std::optional<double> goldstein_mean;       ///< of the events that had a score; none when none had
  std::uint32_t first_day = 0, last_day = 0;  ///< its earliest and latest event, as day_number gives them
                                              ///< (networks show them; the table does not)
  /// With the levels (a state-level panel by year): the level at which `other` is represented in
  /// `actor`'s capital at the year's end and the reverse, each from the latest evidence by then,
  /// and that evidence ("observed 2005", "recorded 2021-08"); empty where there is none.
  bool levels = false;
  std::optional<Level> level_at_actor, level_at_other;
  LevelBasis level_at_actor_basis, level_at_other_basis;
  CodeScheme codes = CodeScheme::iso3;  ///< the scheme asked for (COW writes levels as its codes)
  bool operator==(const DyadRow&) const = default;
};

/// One measure of `stats`.
struct StatRow {
  std::string measure, key, value;
  bool operator==(const StatRow&) const = default;
};

/// The rows of an answer, and what a person should know about it (why it is empty, how to ask
/// otherwise), which the command line prints on stderr.
template <class Row>
struct Answer {
  std::vector<Row> rows;
  std::vector<std::string> notes;
};

// ------------------------------------------------------------------------- the ontology at run time

/// The vocabulary nodes and class tree a query needs, looked up once per source.
class Schema {
 public:
  explicit Schema(const QuadSource& src);
  /// Every class at or below `cls` in rdfs:subClassOf (cycles tolerated).
  [[nodiscard]] std::vector<NodeId> subclasses(NodeId cls) const;
  [[nodiscard]] bool is_a(NodeId node, const std::vector<NodeId>& classes) const;
  /// The most specific type of `node` among `classes` (local name), or empty.
  [[nodiscard]] std::string_view type_name(NodeId node, const std::vector<NodeId>& classes) const;

  const QuadSource& src;
  NodeId type, label, sub_class_of, participant, represents, date, end_date, source, topic, notation,
      relation_change, sending, receiving, level, previous_level, status, same_as, sector, cameo_code,
      quad_class, goldstein, intensity, source_record, cameo_root, membership, first_year, last_year,
      participation, agent, role;
  std::vector<NodeId> interactions;                     ///< dg:Interaction and everything below it
  std::vector<NodeId> events;                           ///< dg:Event and everything below it
  std::vector<NodeId> actors;                           ///< dg:Actor and everything below it
  std::vector<NodeId> persons, organizations, regions;  ///< dg:Person, ... and below
  NodeId state_class;
  NodeId observation;  ///< dg:RepresentationObservation: a level observed in a year, not a change

 private:
  void classes();  ///< the class tree and the classes the questions ask about
  std::unordered_map<NodeId, std::vector<NodeId>> children_;  ///< rdfs:subClassOf, read in one scan
};

/// The event classes named by --type (IRI, dg:Local, a local name in any case), with every
/// class below them; UsageError listing the classes there are for an unknown one.
[[nodiscard]] std::vector<NodeId> type_filter(const Schema& schema, const std::vector<std::string>& types);

// ------------------------------------------------------------------------- the events, indexed

/// Thrown when an index file's content breaks its own structure (an id or offset out of
/// range): the file is corrupt. The index backend turns it into exit 2 naming the file.
class CorruptIndex : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Where an EventIndex writes its columns (an index file being built): one call per column,
/// `element` bytes per value.
class ColumnSink {
 public:
  virtual ~ColumnSink() = default;
  virtual void column(std::uint32_t id, const void* data, std::size_t bytes, std::size_t element) = 0;
};

/// Where an opened EventIndex reads its columns (a mapped index file): the bytes of column `id`,
/// which must hold whole values of `element` bytes, aligned; throws CorruptIndex when it does not.
class ColumnSource {
 public:
  /// The column holding the text every text column points into.
  static constexpr std::uint32_t pool = 100;
  virtual ~ColumnSource() = default;
  [[nodiscard]] virtual std::pair<const void*, std::size_t> column(std::uint32_t id,
                                                                   std::size_t element) const = 0;
};

/// How an EventIndex keeps the text of its events (see its constructors).
enum class EventTexts : std::uint8_t { copied, by_node };

/// The events of a source, read in one scan and kept in dense arrays for the questions: each
/// event's date, classes and participants, who took part in what, which state each actor
/// stands for, the changes of representation per pair of states. Build it once after loading
/// and ask it any number of questions; it borrows the source's text, so the source must
/// outlive it, unchanged.
class EventIndex {
 public:
  explicit EventIndex(const QuadSource& src);
  /// With EventTexts::by_node, the events' labels and sources (one of each an event, most
  /// of the text a question prints) are kept as their nodes and read from `src` when asked,
  /// not copied: for a source that holds them anyway, such as an index file's, and so that a
  /// saved index does not hold them twice.
  EventIndex(const QuadSource& src, EventTexts texts);
  /// Opened from the columns of an index file (saved by save()), over the same source: nothing
  /// is rebuilt or copied.
  EventIndex(const QuadSource& src, const ColumnSource& columns);
  ~EventIndex();
  EventIndex(const EventIndex&) = delete;
  EventIndex& operator=(const EventIndex&) = delete;

  [[nodiscard]] const Schema& schema() const;
  [[nodiscard]] std::size_t events() const;
  /// Writes every column to `sink` (an index built over a text section).
  void save(ColumnSink& sink) const;

  /// The dense arrays the query layer's own questions read (query/index.hpp, private to that
  /// layer: the build lets no other layer see its definition). Everyone else asks Questions.
  struct Impl;
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// Resolves an actor named, tried in this order, by its IRI; a state's ISO alpha-3 or alpha-2,
/// CAMEO or COW code, or Wikidata item (Q889); an exact label (in any language); the label
/// normalised (case, diacritics, punctuation read as spaces); a state's common English name; a
/// whole-word part of a label. Throws UsageError when more than one actor matches (listing
/// them) or none does (suggesting the closest labels).
[[nodiscard]] NodeId resolve_actor(const EventIndex& index, std::string_view name);
/// The same, restricted to states.
[[nodiscard]] NodeId resolve_state(const EventIndex& index, std::string_view name);
/// The actor named by option `option` (its catalogue name: "actor", "with"), and with
/// `state_level` the state it stands for: UsageError naming the option when it stands for none.
[[nodiscard]] NodeId resolve_at_level(const EventIndex& index, std::string_view name, bool state_level,
                                      std::string_view option);
/// The actor (or with `states` the state) `name` names by its IRI, a code or an exact label, when
/// exactly one does; nullopt when none or several do, or when only a looser match would. These
/// are the matches a store finds by lookup; resolve_actor and resolve_state give the same node
/// whenever this gives one.
[[nodiscard]] std::optional<NodeId> resolve_exactly(const EventIndex& index, std::string_view name,
                                                    bool states);
/// The ISO alpha-3 code of the state a name in any scheme we ship stands for (ISO, CAMEO, COW,
/// Wikidata item), or empty.
[[nodiscard]] std::string state_code_named(std::string_view name);
/// The state `actor` stands for (itself when it is one, else the state it represents), or 0.
[[nodiscard]] NodeId state_of(const EventIndex& index, NodeId actor);

/// `actor,label,kind,state,events`: the actors best matching `search` first (what --actor would
/// take, then whole words, parts, misspellings), then by events; every actor, most events first,
/// when `search` is empty. `kind`: person, organization, state, region or actor.
[[nodiscard]] Answer<ActorRow> query_actors(const EventIndex& index, std::string_view search);
[[nodiscard]] Answer<ActorRow> query_actors(const QuadSource& src, std::string_view search);

/// The predicates each question reads (sorted IRIs): a graph loaded for a query need hold no
/// more. Empty means everything.
enum class Question : std::uint8_t {
  met,
  met_count,
  relation,
  path,
  timeline,
  events,
  dyads,
  dyads_directed,
  representation,
  dyads_levels,  ///< dyads of states by year, with the levels in force (either direction)
  everything
};
[[nodiscard]] const std::vector<std::string>& predicates_for(Question q);
/// Makes a load keep only what question `q` reads: statements with its predicates, less the
/// rdf:type statements of participation records, places and missions, which no question reads.
/// Question::everything leaves `opts` as it is.
void keep_only_what(Question q, ReadOptions& opts);

// ------------------------------------------------------------------------- who met whom

struct MetOptions {
  std::string actor;
  std::string with;
  std::string since;
  std::string until;
  std::vector<std::string> types;    ///< class local names or IRIs; subclasses count
  std::vector<std::string> sectors;  ///< only events with a participant of one of these sectors (ICEWS)
  bool state_level = false;
};

/// `date,event,type,actor,actor_label,other,other_label,source`, or with count
/// `actor,actor_label,other,other_label,events,first,last`.
/// When `named` is a state, a note that at person level only the state node's own events count
/// (for `option`, its catalogue name: "actor"); empty otherwise.
[[nodiscard]] std::string state_at_person_level(const EventIndex& index, NodeId named,
                                                std::string_view option);
[[nodiscard]] Answer<MetRow> query_met(const EventIndex& index, const MetOptions& opts);
[[nodiscard]] Answer<MetRow> query_met(const QuadSource& src, const MetOptions& opts);
/// The same events counted per pair (`--count`): most events first.
[[nodiscard]] Answer<MetCount> query_met_counts(const EventIndex& index, const MetOptions& opts);
[[nodiscard]] Answer<MetCount> query_met_counts(const QuadSource& src, const MetOptions& opts);

/// The first (or, with `last`, the last) day a date of YYYY-MM-DD, YYYY-MM or YYYY covers, as
/// comparable text.
[[nodiscard]] std::array<char, 10> date_bound(std::string_view date, bool last);

/// Whether an event dated [date, end_date] overlaps [since, until] (reduced precision aware;
/// empty bounds are open).
[[nodiscard]] bool date_in_range(std::string_view date, std::string_view end_date, std::string_view since,
                                 std::string_view until);

// ------------------------------------------------------------------------- relations

struct RelationOptions {
  std::string a;
  std::string b;
  std::string at;
  bool summary = true;  ///< also the interactions by type and the topics (the table's extra sections)
};

struct RelationReport {
  Answer<RelationRow> history;            ///< every change, or with `at` the two in force
  Answer<RelationRow> pending;            ///< proposed and agreed changes
  Answer<InteractionCount> interactions;  ///< between the two states' actors, by class
  Answer<TopicCount> topics;              ///< what they took up
};

[[nodiscard]] RelationReport query_relation(const EventIndex& index, const RelationOptions& opts);
[[nodiscard]] RelationReport query_relation(const QuadSource& src, const RelationOptions& opts);

// ------------------------------------------------------------------------- the representation panel

struct RepresentationOptions {
  std::string a, b;          ///< only the dyads of A (and, with B, the pair A-B); empty: every dyad
  int since = 0, until = 0;  ///< years; 0: open
  CodeScheme codes =
      CodeScheme::iso3;  ///< iso3 (names the levels), or cow/gw (cow: the levels as COW's codes)
};

/// One row per directed dyad-year with evidence (an observation, or an effective recorded change,
/// in either direction): `year,side1,side2,level_at_1,level_at_2,side1_label,side2_label,basis,
/// source`, both orders of each pair (as the COW file has them), by side1, side2, year. A year's
/// level in one direction is the one observed that year, else the last effective change of that
/// year; nothing is carried from one year to the next. With CodeScheme::cow the levels are the
/// Diplomatic Exchange's codes (0, 1, 2, 3, 9), so that the panel reads as the COW file does.

[[nodiscard]] Answer<RepresentationRow> query_representation(const EventIndex& index,
                                                             const RepresentationOptions& opts);

// ------------------------------------------------------------------------- paths and timelines

/// The shortest chain of meetings from A to B (breadth-first over who-met-whom), at most
/// `max_hops` long: `hop,actor,actor_label,other,other_label,event,date`, one row per hop, each
/// hop's event the earliest meeting of the two. No rows when no chain is that short, or when A
/// is B (a chain of zero hops, said in a note). `people_only`: every actor between A and B is a
/// person (no chain runs through a state or an organization).
[[nodiscard]] Answer<PathHop> query_path(const EventIndex& index, std::string_view from, std::string_view to,
                                         unsigned max_hops, bool people_only = false);
[[nodiscard]] Answer<PathHop> query_path(const QuadSource& src, std::string_view from, std::string_view to,
                                         unsigned max_hops, bool people_only = false);

struct TimelineOptions {
  std::string actor;
  std::string with;  ///< only events this actor took part in too
  std::string since;
  std::string until;
  bool state_level = false;  ///< A and B are states: events of their officials count too
};

/// Everything A took part in (with `with`, together with B), by date:
/// `date,event,type,label,participants`.
[[nodiscard]] Answer<TimelineRow> query_timeline(const EventIndex& index, const TimelineOptions& opts);
[[nodiscard]] Answer<TimelineRow> query_timeline(const QuadSource& src, const TimelineOptions& opts);
/// Everything A took part in, by date: `date,event,type,label,participants`.
[[nodiscard]] Answer<TimelineRow> query_timeline(const EventIndex& index, std::string_view actor,
                                                 std::string_view since, std::string_view until);
[[nodiscard]] Answer<TimelineRow> query_timeline(const QuadSource& src, std::string_view actor,
                                                 std::string_view since, std::string_view until);

// ------------------------------------------------------------------------- every event

struct EventsOptions {
  std::string actor;  ///< events this actor took part in (its state's officials too at state level)
  std::string with;   ///< and this one
  std::string since;
  std::string until;
  std::vector<std::string> types;  ///< classes, any case; subclasses count
  std::vector<std::string> cameo;  ///< CAMEO code prefixes ("04" keeps 040-046)
  std::vector<int> quad_classes;   ///< 1 verbal cooperation .. 4 material conflict
  std::optional<double> goldstein_min, goldstein_max;
  bool state_level = false;
};

/// The quad class of a CAMEO root code ("01".."20"): 1 verbal cooperation (01-05), 2 material
/// cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20); 0 for none.
[[nodiscard]] int quad_class_of_root(std::string_view cameo);

/// Every event, of any class, by date then IRI: `date,event,type,cameo,quad_class,goldstein,
/// label,participants,source,records`. The quad class is the event's own (GDELT's QuadClass),
/// else its CAMEO code's, else its class's `dg:cameoRoot` in the ontology.
[[nodiscard]] Answer<EventRow> query_events(const EventIndex& index, const EventsOptions& opts);

// ------------------------------------------------------------------------- dyad-period counts

enum class Period : std::uint8_t { all, year, month, day };
/// "all", "year", "month", "day" (and "iso3", "cow", "gw"); nullopt for anything else.
[[nodiscard]] std::optional<Period> period_named(std::string_view name);
[[nodiscard]] std::optional<CodeScheme> code_scheme_named(std::string_view name);

struct DyadsOptions {
  EventsOptions events;  ///< which events count (with --actor, only its pairs; with --with, only A-B)
  Period by = Period::all;
  bool directed = false;  ///< source to target; an event without direction counts both ways
  CodeScheme codes = CodeScheme::iso3;
  bool all_known = false;  ///< also the dyad-years with evidence of a level and no event (counts 0)
  /// Whether the rows carry the levels in force: a panel of states by year.
  [[nodiscard]] bool levels() const { return by == Period::year && events.state_level; }
};

/// Events per pair and period: `period,actor,actor_label,actor_code,other,other_label,other_code,
/// events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,goldstein_mean`,
/// by period, then events descending. Each event counts once per pair of its distinct
/// participants (their states at state level). Undirected: the smaller IRI in `actor`.
/// Directed (it needs the participation roles loaded): from each participant in a source role
/// (source, caller) to each other one. A state's code is the one of the period's year (COW, G-W
/// membership spans), today's with Period::all; empty for an actor that is not a state.
[[nodiscard]] Answer<DyadRow> query_dyads(const EventIndex& index, const DyadsOptions& opts);
/// The same rows, in the same order, one at a time: `row` is reused (valid during the call), so
/// that a panel of hundreds of thousands of rows is never held whole. Returns the notes.
std::vector<std::string> each_dyad(const EventIndex& index, const DyadsOptions& opts,
                                   const std::function<void(const DyadRow&)>& fn);

// ------------------------------------------------------------------------- one interface, many answerers

/// A backend that could not answer through no fault of the question: a store that is down,
/// refuses or answers what cannot be read. Its message names the backend and what it said.
class BackendError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PathOptions {
  std::string from;
  std::string to;
  unsigned max_hops = 6;
  bool people_only = false;  ///< only people between the two (no states or organizations)
};

/// The questions, as every backend answers them, in typed rows: the in-memory EventIndex
/// today; an index file and a SPARQL store implement the same interface, and the same tests
/// compare their rows.
// ------------------------------------------------------------------------- a resource, described

/// What looking up a minted IRI answers (Linked Data): the resource's own statements, the
/// labels of the resources they name, and statements that name it: the events it took part in
/// (dg:participant) and the actors representing it (dg:represents), at most `limit` of those.
struct ResourceView {
  bool found = false;  ///< the graph holds statements about it
  std::vector<std::array<Term, 3>> statements;
  std::uint64_t naming = 0;        ///< statements naming it that the graph holds, in all
  std::uint64_t naming_shown = 0;  ///< of them, in `statements`
};

[[nodiscard]] ResourceView view_resource(const EventIndex& index, std::string_view iri, std::size_t limit);

struct DescribeOptions;
/// The VoID and DCAT description (describe()) of everything the index holds, as statements.
[[nodiscard]] ResourceView view_dataset(const EventIndex& index, const DescribeOptions& opts);

class Questions {
 public:
  virtual ~Questions() = default;
  [[nodiscard]] virtual Answer<MetRow> met(const MetOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<MetCount> met_counts(const MetOptions& opts) const = 0;
  [[nodiscard]] virtual RelationReport relation(const RelationOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<PathHop> path(const PathOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<TimelineRow> timeline(const TimelineOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<ActorRow> actors(std::string_view search) const = 0;
  [[nodiscard]] virtual Answer<EventRow> events(const EventsOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<DyadRow> dyads(const DyadsOptions& opts) const = 0;
  [[nodiscard]] virtual Answer<RepresentationRow> representation(const RepresentationOptions& opts) const = 0;
  /// The resource with this IRI, described (view_resource); by default BackendError: a SPARQL
  /// store describes its own (DESCRIBE).
  [[nodiscard]] virtual ResourceView resource(std::string_view iri, std::size_t limit) const;
  /// What it holds, described (view_dataset); by default BackendError, as resource().
  [[nodiscard]] virtual ResourceView dataset(const DescribeOptions& opts) const;
  /// dyads() one row at a time (the row valid during the call), for a panel too big to hold
  /// twice; returns the notes. By default, dyads() handed out row by row.
  virtual std::vector<std::string> each_dyad(const DyadsOptions& opts,
                                             const std::function<void(const DyadRow&)>& fn) const;
};

/// The questions answered in memory: an EventIndex of `src`, built once (`src` must outlive it,
/// unchanged).
[[nodiscard]] std::unique_ptr<Questions> questions_in_memory(const QuadSource& src);
/// What to throw instead when a question meets a corrupt part of its index (an index file
/// names itself: an InputError naming the file); it must throw.
using CorruptionReport = std::function<void(const CorruptIndex&)>;
/// The questions answered by an EventIndex already made (built, or opened from an index
/// file), which must outlive them. With `corrupt`, a CorruptIndex met while answering is
/// handed to it.
[[nodiscard]] std::unique_ptr<Questions> questions_over(const EventIndex& index,
                                                        CorruptionReport corrupt = {});

// ------------------------------------------------------------------------- options as people type them

// The options of the questions checked once for the command line and the HTTP API: each throws
// OptionError naming the option as typed (`name`: "--level", or "level" in a URL).

/// person (false) or state (true).
[[nodiscard]] bool level_option(std::string_view text, std::string_view name);
/// YYYY-MM-DD, YYYY-MM or YYYY (or empty: no bound).
void date_option(std::string_view text, std::string_view name);
/// A whole number in [lo, hi], without wrap-around ("-1" is not 4294967295).
[[nodiscard]] std::uint64_t whole_number_option(std::string_view text, std::string_view name,
                                                std::uint64_t lo, std::uint64_t hi);
/// MIN:MAX, numbers from -10 to 10, either side open: into `o`.
void goldstein_option(std::string_view text, std::string_view name, EventsOptions& o);
/// 1, 2, 3 or 4: added to `o`.
void quad_class_option(std::string_view text, std::string_view name, EventsOptions& o);
/// One to four digits.
void cameo_option(std::string_view text, std::string_view name);
[[nodiscard]] Period period_option(std::string_view text, std::string_view name);
[[nodiscard]] CodeScheme codes_option(std::string_view text, std::string_view name);

// ------------------------------------------------------------------------- validation and statistics

/// Checks data against the ontology loaded with it: undeclared dg: terms, subjects and objects
/// of the wrong class for a property's domain or range, literals of the wrong datatype or with
/// an invalid lexical form, events without a date or a participant, actors without a label.
/// One line per problem, `IRI: PROBLEM`, sorted; empty when clean.
[[nodiscard]] std::vector<std::string> validate(const QuadSource& src);

/// One file a dataset is published as (a DCAT distribution).
struct Distribution {
  std::string iri;              ///< the distribution itself
  std::string download;         ///< where it is downloaded from
  std::string media_type;       ///< "text/turtle", "application/n-triples", ... (of the file uncompressed)
  std::string compress_format;  ///< "application/gzip" for a gzipped file, else empty
  std::uint64_t bytes = 0;
};

/// What `describe` says of a dataset besides what it counts.
struct DescribeOptions {
  std::string iri;  ///< the dataset
  std::string title, description;
  std::string license, publisher;  ///< IRIs, or empty
  std::string issued, modified;    ///< YYYY-MM-DD, or empty
  std::string uri_space;           ///< the IRI space its resources are minted in
  std::vector<Distribution> distributions;
};

/// A VoID and DCAT description of `data` (the dataset's own statements, without the ontology):
/// a void:Dataset and dcat:Dataset with its triples, distinct subjects and objects, entities (IRI
/// subjects), classes and properties with a partition for each, the vocabularies used, a
/// void:Linkset to Wikidata with its owl:sameAs count, and its distributions.
void describe(const QuadSource& data, const DescribeOptions& opts, QuadSink& out);

/// Whether `lexical` is a valid lexical form of the XSD datatype `datatype` (an IRI); datatypes
/// it does not know are taken as valid.
[[nodiscard]] bool valid_lexical_form(std::string_view lexical, std::string_view datatype);

/// `measure,key,value`: triples; events by class and by year; actors by kind; states;
/// relation changes by status; missions.
[[nodiscard]] Answer<StatRow> query_stats(const QuadSource& src, std::size_t triples);

}  // namespace diplograph
