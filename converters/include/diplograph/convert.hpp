// diplograph/convert.hpp: event records, the readers that produce them from each input format,
// and the mapping of a record to triples. (The tables they resolve through: tables.hpp.)
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/files.hpp"
#include "diplograph/rdf.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/values.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- the record model

struct Participant {
  std::string name;
  ActorKind kind = ActorKind::person;  ///< person, state, organization, region, or actor (kind unknown)
  std::string state;                   ///< ISO alpha-3 of the state represented (or the state itself)
  std::string title;
  std::string role;
  Side side = Side::none;   ///< a coded record's direction, written as a role too
  std::string lang;         ///< language of `name` and `title` (BCP 47) where known; "en" for names made here
  std::string actor_code;   ///< CAMEO actor code (GDELT)
  std::string id;           ///< identity where the name does not give it: minted as `actor/{id}`
  std::string source_name;  ///< the name as the source wrote it, where `name` is not that
  std::vector<std::string> sectors;  ///< ICEWS sectors ("Government", "Military", ...)
  std::vector<std::string> same_as;
};

struct RelationSpec {
  std::string sending;    ///< alpha-3
  std::string receiving;  ///< alpha-3
  bool both_directions = false;
  Level level = Level::unknown;  ///< ambassador, charge_d_affaires, minister, none (a record must say)
  std::optional<Level> previous_level;
  Status status = Status::effective;
};

/// What a source saw of one direction of a relation in one year (the COW Diplomatic Exchange):
/// the level of representation in force then, as evidence, not a change (it does not say when
/// the level began).
struct ObservationSpec {
  std::string sending;    ///< the state keeping the mission: alpha-3, or "cow-NNN" for a state of its time
  std::string receiving;  ///< the state in whose capital it is kept
  Level level = Level::unknown;  ///< ambassador, ..., none, represented (rank unknown)
  unsigned year = 0;
  std::string dataset;  ///< the IRI of the data set that observed it
};

struct Location {
  std::string name;
  std::string country;  ///< alpha-3
  std::optional<double> lat;
  std::optional<double> lon;
  std::string lang;      ///< language of `name`, where given
  std::string geonames;  ///< GeoNames ID (POLECAT), linked as the place's owl:sameAs
};

/// One event as a reader understood it, before it is mapped to triples.
struct EventRecord {
  std::string id;           ///< unique within its source; part of the event IRI
  std::string id_space;     ///< where `id` is unique ("gdelt", "icews"); the file's stem if empty
  std::string event_class;  ///< local name of the ontology class, e.g. "PhoneCall"
  Date date;                ///< YYYY-MM-DD, YYYY-MM or YYYY
  Date end_date;
  std::string label;  ///< made from participants and class when empty
  std::vector<Participant> participants;
  std::optional<Location> location;
  std::vector<std::string> topics;
  std::string summary;
  std::optional<RelationSpec> relation;
  std::optional<ObservationSpec> observation;  ///< a record that is an observation, not an event
  std::string source_url;
  std::string source_title;
  std::string publisher;
  Date published;  ///< when the source was published
  std::string note;
  std::string cameo_code;
  std::optional<Decimal> goldstein;           ///< GDELT's score, else its CAMEO code's
  std::optional<Decimal> intensity;           ///< ICEWS, POLECAT
  std::uint8_t quad_class = 0;                ///< GDELT, POLECAT (1-4); 0 where not given
  std::string plover_type;                    ///< POLECAT's PLOVER event type ("CONSULT")
  std::string plover_mode;                    ///< and its mode ("phone"), where given
  std::vector<std::string> contexts;          ///< POLECAT's contexts ("economic", "military")
  std::optional<std::uint64_t> num_mentions;  ///< GDELT
  std::optional<Decimal> avg_tone;            ///< GDELT
  std::vector<std::string> source_records;    ///< "format:file#record", one per source row
  std::string story_id;
  std::string
      lang;  ///< language of the record's own text (names, titles, summary, note, topics), where given
};

/// What the converters need from the ontology: the native record types and the event classes.
class Vocabulary {
 public:
  static const Vocabulary& builtin();
  explicit Vocabulary(std::string_view ontology_turtle);
  /// The class local name for a native record `type`, or empty.
  [[nodiscard]] std::string_view class_for_record_type(std::string_view type) const;
  [[nodiscard]] bool is_event_class(std::string_view local) const;
  [[nodiscard]] bool is_interaction_class(std::string_view local) const;

 private:
  std::vector<std::pair<std::string, std::string>> record_types_;
  std::vector<std::string> event_classes_;
  std::vector<std::string> interaction_classes_;
};

// ------------------------------------------------------------------------- readers

enum class ReadStatus : std::uint8_t { ok, end, bad, fatal };

struct Limits {
  std::size_t max_line = 16U << 20U;      ///< bytes in one line (or CSV record)
  unsigned max_depth = 64;                ///< JSON nesting
  std::size_t merge_memory = 64U << 20U;  ///< bytes of ICEWS rows held in memory by the mirror merge
};

/// Produces records from one input. `bad` means this record is skipped (the diagnostic says
/// why) and reading may go on; `fatal` means the input cannot be read further.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual ReadStatus next(EventRecord& out, Diagnostic& error) = 0;
  /// Warnings that do not skip a record (e.g. an unknown key, once per name).
  void set_warning_sink(ErrorSink sink) { warn_ = std::move(sink); }
  /// Source rows merged into another row's event so far (the ICEWS mirrors).
  virtual std::uint64_t merged() const { return 0; }

 protected:
  void warn(const Diagnostic& d) const {
    if (warn_) warn_(d);
  }

 private:
  ErrorSink warn_;
};

struct ReaderContext {
  std::string file;    ///< as named in diagnostics (`x.zip/member.csv` for a zip member)
  std::string source;  ///< the plain file name dg:sourceRecord cites; base_name(file) when empty
  Limits limits;
  const Vocabulary* vocabulary = &Vocabulary::builtin();
  const Countries* countries = &Countries::builtin();
  const Cameo* cameo = &Cameo::builtin();
  const CameoActors* actors = &CameoActors::builtin();
  const ActorWords* words = &ActorWords::builtin();
  char delimiter = ',';  ///< between CSV fields (`--delimiter`)

  [[nodiscard]] std::string_view source_name() const { return source.empty() ? base_name(file) : source; }
};

/// One input format: a record reader and how to recognise its files. Adding a converter
/// adds one row to the table in converters/formats.cpp.
struct InputFormat {
  std::string_view name;
  std::vector<std::string_view> extensions;  ///< lower-case, with the dot; suffix match
  bool (*sniff)(std::string_view head);      ///< the first bytes of a file
  std::unique_ptr<RecordReader> (*open)(std::istream& in, const ReaderContext& ctx);
};

[[nodiscard]] const InputFormat* input_format(std::string_view name);
/// The formats' names, comma-separated, for messages and help ("jsonl, csv, ...").
[[nodiscard]] std::string input_format_names();
/// The format a user named for every input: nullptr for "auto" (each by its name, then its
/// content); OptionError naming the `option` it was given as otherwise (`--from`, `format=`).
[[nodiscard]] const InputFormat* input_format_option(std::string_view name, std::string_view option);
/// The CSV field delimiter a user named: ',', ';', '|', ':' or a tab (a tab character, "tab" or
/// "\\t"); OptionError naming {{delimiter}} otherwise.
[[nodiscard]] char delimiter_option(std::string_view name);
/// By extension, then by content; nullptr when neither tells.
[[nodiscard]] const InputFormat* detect_input_format(std::string_view path, std::string_view head);

// ------------------------------------------------------------------------- mapping and converting

struct MapOptions {
  std::string base{ns::default_base};
  /// The name event IRIs and the named graph are minted under (`event/{dataset}/{id}`,
  /// `graph/{dataset}`); empty: each input file's stem and name, so that renaming a file
  /// renames its IRIs. GDELT and ICEWS events keep their own global spaces (`event/gdelt/...`).
  std::string dataset;
};

/// Maps records to triples under the ontology; deterministic IRIs from names and states.
class Mapper {
 public:
  Mapper(QuadSink& sink, MapOptions opts, const Countries& countries = Countries::builtin());
  /// Writes the triples of one record (into `graph`, empty for the default graph).
  void map(const EventRecord& rec, std::string_view source_name, TermRef graph = {});
  /// The same, the event's IRI given (event_iri of the record and its source).
  void map_event_at(const EventRecord& rec, const std::string& event_iri, TermRef graph = {});
  [[nodiscard]] std::string event_iri(const EventRecord& rec, std::string_view source_name) const;
  [[nodiscard]] std::string actor_iri(const Participant& p) const;
  [[nodiscard]] std::string state_iri(std::string_view iso3) const;
  /// The named graph of an input (`{base}graph/{source name}`).
  [[nodiscard]] std::string graph_iri(std::string_view source_name) const;
  /// Prefixes for readable output of what a mapper with these options writes.
  [[nodiscard]] static std::vector<Prefix> prefixes(const MapOptions& opts);

 private:
  void map_event(const EventRecord& rec, const std::string& e, const std::vector<std::string>& actors,
                 TermRef graph);
  void map_source(const EventRecord& rec, TermRef graph);
  void map_state(std::string_view iso3, TermRef graph);
  void map_actor(const Participant& p, const std::string& iri, TermRef graph);
  void map_relation(const EventRecord& rec, const std::string& event, TermRef graph);
  void map_observation(const EventRecord& rec, const std::string& iri, TermRef graph);
  void map_mission(const std::string& from, const std::string& to, TermRef graph);
  void map_location(const Location& loc, const std::string& event, TermRef graph);
  [[nodiscard]] std::string place_iri(const Location& loc, const std::string& event) const;
  [[nodiscard]] bool first_time(TermRef graph, const std::string& iri);
  QuadSink& sink_;
  MapOptions opts_;
  const Countries& countries_;
  static constexpr std::size_t kRemembered = 1U << 16U;  // then forgotten: memory stays bounded
  std::unordered_set<std::string> written_;              // states, places, missions, sources: once each
  std::unordered_map<std::string, std::vector<std::string>> actors_;  // each actor's facts written
};

/// A short slug for IRIs: lower-case ASCII letters and digits joined by '-'; other characters
/// percent-free (non-ASCII letters are kept as UTF-8).
[[nodiscard]] std::string slug(std::string_view text);

/// A record's content as one number: two records with the same fingerprint say the same.
[[nodiscard]] std::uint64_t fingerprint(const EventRecord& rec);

/// The events one conversion has written, by IRI, with what their record said: 16 bytes a slot
/// in one open-addressing table, at most three quarters full (about 21 MB a million events).
class EventLedger {
 public:
  enum class Seen : std::uint8_t { first, same, other };
  /// `first` for an IRI not met before; `same` when it was, with this fingerprint; `other` when
  /// it was, from a record that said something else.
  Seen add(std::string_view event_iri, std::uint64_t print);

 private:
  void grow();
  std::vector<std::pair<std::uint64_t, std::uint64_t>> slots_;  // hash of the IRI (0: empty), fingerprint
  std::size_t used_ = 0;
};

struct ConvertStats {
  std::uint64_t records = 0;                ///< records read (good or bad)
  std::uint64_t events = 0;                 ///< distinct events written
  std::uint64_t observations = 0;           ///< distinct observations written (of a level in a year)
  std::uint64_t skipped = 0;                ///< bad records skipped
  std::uint64_t merged = 0;                 ///< source rows merged into another row's event (ICEWS mirrors)
  std::uint64_t repeated = 0;               ///< records of an event already written, saying the same: dropped
  std::uint64_t repeated_observations = 0;  ///< the same of an observation (a dyad-year in both orders)
  std::uint64_t same_id = 0;  ///< records of an event already written, saying more: merged into it
  std::uint64_t triples = 0;
  bool stopped_at_bad_record = false;  ///< a bad record (which --keep-going would skip) ended it
};

using ProgressFn = std::function<void(const ConvertStats&, double fraction_read)>;

struct ConvertOptions {
  const InputFormat* format = nullptr;  ///< nullptr: by each stream's name, then its content
  bool keep_going = false;              ///< skip bad records (reported) instead of stopping
  bool named_graphs = false;            ///< each stream's triples in `{base}graph/{source name}`
  char delimiter = ',';                 ///< between CSV fields
  Limits limits;
  ProgressFn progress;
  EventLedger* ledger = nullptr;  ///< the events written so far, across inputs; none: not checked
};

/// Converts one input through its reader and the mapper: a plain file, standard input ("-"), a
/// gzip file or every member of a zip archive (each in turn, provenance naming the member).
/// Returns false when a bad record was met and `keep_going` is off, or an input could not be read.
bool convert_file(const std::string& path, const ConvertOptions& opts, Mapper& mapper,
                  const ErrorSink& errors, ConvertStats& stats);

/// OptionError naming {{base}} or {{dataset}} when the IRIs `map` would mint are not good ones:
/// the base an absolute IRI ending in '/' or '#', the dataset one path segment.
void check_map_options(const MapOptions& map);

/// Where a conversion writes: one file (standard output for "-"), or `split` numbered files of at
/// most that many statements each (out.nq -> out.0001.nq, ...); gzip when the name ends in .gz.
struct OutputOptions {
  std::string path = "-";
  Syntax syntax = Syntax::turtle;
  std::uint64_t split = 0;
};

/// What a conversion did.
struct ConvertResult {
  ConvertStats stats;
  std::uint64_t triples = 0;
  std::size_t files = 0;
  bool written = false;  ///< false: a bad record (keep_going off) or an unreadable input; nothing written
};

/// Converts every input, in order, through one mapper into the output, written atomically: when
/// it is not `written`, no file was created or replaced (and none is when an exception leaves,
/// Cancelled from `opts.progress` included). Each event IRI is checked against the ones before
/// (`opts.ledger`, or one of its own when none). `starting(input)` is called before each input.
ConvertResult convert_files(const std::vector<std::string>& inputs, ConvertOptions opts,
                            const MapOptions& map, const OutputOptions& output, const ErrorSink& errors,
                            const std::function<void(const std::string&)>& starting = {});
/// The same conversion into `sink` rather than files (an index build reading records in the
/// stream): nothing is committed, so `written` only says every input was read through; the
/// caller discards what the sink took when it is false. `triples` counts the statements sent.
ConvertResult convert_into(const std::vector<std::string>& inputs, ConvertOptions opts, const MapOptions& map,
                           QuadSink& sink, const ErrorSink& errors,
                           const std::function<void(const std::string&)>& starting = {});

}  // namespace diplograph
