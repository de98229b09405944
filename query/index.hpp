// The inside of EventIndex, shared by the questions (met, relation, path, timeline): dense
// arrays of events and actors, filled from one scan of the source.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph {

/// Dense numbers of actors and events; `no_id` is none.
using Id = std::uint32_t;
inline constexpr Id no_id = UINT32_MAX;

/// A growable array of trivially copyable values in one malloc'd block, grown by realloc: a big
/// one (mapped by malloc) grows in place by remapping, where a std::vector copies into a new
/// block and holds both for a moment, and the capacity not yet written is never touched (a
/// builder of a million events peaked at twice its columns' size for that copy).
template <class T>
class PodVector {
  static_assert(std::is_trivially_copyable_v<T>, "moved by realloc");

 public:
  PodVector() = default;
  PodVector(const PodVector& o) { *this = o; }
  PodVector& operator=(const PodVector& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  PodVector(PodVector&& o) noexcept { swap(o); }
  PodVector& operator=(PodVector&& o) noexcept {
    PodVector().swap(*this);
    swap(o);
    return *this;
  }
  ~PodVector() { std::free(data_); }

  [[nodiscard]] T* data() { return data_; }
  [[nodiscard]] const T* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] T* begin() { return data_; }
  [[nodiscard]] T* end() { return data_ + size_; }
  [[nodiscard]] const T* begin() const { return data_; }
  [[nodiscard]] const T* end() const { return data_ + size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

  void push_back(const T& v) {
    const T copy = v;  // `v` may be one of ours, moved by the growth
    if (size_ == capacity_) reserve(capacity_ < 16 ? 16 : capacity_ * 2);
    data_[size_++] = copy;
  }
  /// Grows with value-initialised (zero) elements, or shrinks.
  void resize(std::size_t n, const T& v = T{}) {
    const T copy = v;
    reserve(n);
    for (std::size_t i = size_; i < n; ++i) data_[i] = copy;
    size_ = n;
  }
  void assign(std::size_t n, const T& v) {
    size_ = 0;
    resize(n, v);
  }
  void assign(const T* first, const T* last) {
    const auto n = static_cast<std::size_t>(last - first);
    reserve(n);
    if (n) std::memmove(data_, first, n * sizeof(T));
    size_ = n;
  }
  /// Removes [first, end()): what std::unique and std::remove leave behind.
  void erase(T* first, T* last) {
    if (last != end()) throw std::logic_error("PodVector erases a tail only");
    size_ = static_cast<std::size_t>(first - data_);
  }
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    void* grown = std::realloc(data_, n * sizeof(T));
    if (!grown) throw std::bad_alloc();
    data_ = static_cast<T*>(grown);
    capacity_ = n;
  }
  void swap(PodVector& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(capacity_, o.capacity_);
  }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

/// An array the questions read: built in memory (a vector the builder fills), or a view of a
/// mapped index file. Every read is bounds-checked, so a corrupt file cannot be read out of
/// bounds.
template <class T>
class Column {
  static_assert(std::is_trivially_copyable_v<T>, "a column is written to disk byte for byte");

 public:
  [[nodiscard]] const T* data() const { return view_ ? view_ : own_.data(); }
  [[nodiscard]] std::size_t size() const { return view_ ? size_ : own_.size(); }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] const T* begin() const { return data(); }
  [[nodiscard]] const T* end() const { return data() + size(); }
  [[nodiscard]] const T& operator[](std::size_t i) const {
    if (i >= size()) throw CorruptIndex("an id past the end of a table");
    return data()[i];
  }

  // The builder's side: the owned vector.
  PodVector<T>& own() { return own_; }
  T& operator[](std::size_t i) { return own_[i]; }
  void push_back(const T& v) { own_.push_back(v); }
  /// Reads `n` values at `at` in place (a mapped file); nothing is copied.
  void map(const T* at, std::size_t n) {
    PodVector<T>().swap(own_);
    view_ = at;
    size_ = n;
  }

 private:
  PodVector<T> own_;
  const T* view_ = nullptr;
  std::size_t size_ = 0;
};

/// A piece of text held in the index's text pool: offset (40 bits) and length (24 bits); or
/// a node's whole text, read from the source when asked (the length's bits all set).
struct Text {
  static constexpr std::uint64_t kNode = 0xFFFFFFU;   ///< the length that means "a node"
  static constexpr std::size_t kLongest = kNode - 1;  ///< longer texts are cut there
  std::uint64_t at = 0;
  [[nodiscard]] static Text of_node(NodeId n) { return {std::uint64_t{n} << 24U | kNode}; }
  [[nodiscard]] bool is_node() const { return (at & kNode) == kNode; }
  [[nodiscard]] std::uint64_t offset() const { return at >> 24U; }
  [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(at & kNode); }
};

/// What an index's Texts are read from: its pool of text, and the source for those that are nodes.
struct Pool {
  std::string_view bytes;
  const QuadSource* src = nullptr;
};
/// The text `t` names; CorruptIndex when it lies outside the pool or names no node.
[[nodiscard]] std::string_view text_in(const Pool& pool, Text t);

/// A column of stored values each read as a View made with the pool: `view_of(stored, pool)`.
template <class Stored, class View>
class ViewColumn {
 public:
  explicit ViewColumn(const Pool& pool) : pool_(pool) {}
  [[nodiscard]] View operator[](std::size_t i) const { return view_of(raw[i], pool_); }
  [[nodiscard]] std::size_t size() const { return raw.size(); }
  [[nodiscard]] bool empty() const { return raw.empty(); }

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = View;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = View;
    iterator(const ViewColumn& c, std::size_t i) : c_(&c), i_(i) {}
    View operator*() const { return (*c_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator was = *this;
      ++i_;
      return was;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    const ViewColumn* c_;
    std::size_t i_;
  };
  [[nodiscard]] iterator begin() const { return {*this, 0}; }
  [[nodiscard]] iterator end() const { return {*this, size()}; }

  Column<Stored> raw;

 private:
  const Pool& pool_;
};

/// A compressed sparse row: for each key, a run of values in one array.
struct Rows {
  Rows() { begin.push_back(0); }
  Column<std::uint32_t> begin;  // key k holds values[begin[k] .. begin[k + 1])
  Column<Id> values;
  std::uint32_t limit = UINT32_MAX;  ///< every value is below it (checked when not UINT32_MAX)

  struct Span {
    const Id* first;
    const Id* last;
    [[nodiscard]] const Id* begin() const { return first; }
    [[nodiscard]] const Id* end() const { return last; }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };
  /// The run of key k; clamped to the values, so a corrupt file cannot reach past them, and
  /// each value checked to be below `limit` (set when read from a file).
  [[nodiscard]] Span operator[](std::size_t k) const {
    const std::size_t n = values.size(), from = std::min<std::size_t>(begin[k], n);
    const std::size_t to = std::clamp<std::size_t>(begin[k + 1], from, n);
    const Span run{values.data() + from, values.data() + to};
    if (limit != UINT32_MAX) {
      for (Id v : run) {
        if (v >= limit) throw CorruptIndex("an id past the end of a table");
      }
    }
    return run;
  }
  [[nodiscard]] std::size_t keys() const { return begin.empty() ? 0 : begin.size() - 1; }
  void close_key() { begin.push_back(static_cast<std::uint32_t>(values.size())); }
};

/// The columns of an EventIndex, numbered for the index file (a number is never reused).
enum class ColumnId : std::uint32_t {
  class_names = 1,
  events,
  numbers,
  event_classes_begin,
  event_classes,
  participants_begin,
  participants,
  sources_begin,
  sources,
  actor_node,
  actor_iri,
  actor_label,
  actor_state,
  actor_represents,
  actor_typed,
  actor_kind,
  actor_sectors_begin,
  actor_sectors,
  sector_names,
  actor_rank,
  actor_ids,
  labels,
  by_label,
  codes,
  actor_alpha3,
  systems,
  actor_events_begin,
  actor_events,
  officials_begin,
  officials,
  changes,
  changes_between,
  pool = ColumnSource::pool,  ///< the text every Text is an offset into
};

struct EventIndex::Impl {
  /// Built in memory from `src`, copying the text the questions print into the pool, but for
  /// the events' labels and sources with EventTexts::by_node (kept as their nodes).
  Impl(const QuadSource& src, EventTexts texts);
  /// Opened from an index file: every column a view of `columns`, nothing rebuilt.
  Impl(const QuadSource& src, const ColumnSource& columns);
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  /// One event: a subject typed with an event class or with participants.
  struct StoredEvent {
    NodeId node = 0;
    Text date, end_date, source, label;
    Text cameo, quad, goldstein;    ///< coded-event values, where loaded (query events)
    Id type = no_id;                ///< the most specific class, as a place in schema.events
    std::uint32_t interaction = 0;  ///< typed with dg:Interaction or below it
  };
  /// The same, its text read from the pool.
  struct Event {
    NodeId node = 0;
    std::string_view date, end_date, source, label;
    std::string_view cameo, quad, goldstein;
    Id type = no_id;
    bool interaction = false;
  };

  /// The numbers of one event that questions compare and sum, kept apart from the text so that
  /// a scan over every event reads 16 bytes of each.
  struct Numbers {
    double score = 0;         ///< the Goldstein score, where `scored`
    std::uint32_t day = 0;    ///< the date as YYYYMMDD, 00 for the parts it does not give; 0 unparsed
    std::uint8_t quad = 0;    ///< 1-4: its own, else its CAMEO code's, else its class's dg:cameoRoot; 0 none
    std::uint8_t scored = 0;  ///< 1 when the event has a Goldstein score (a byte: a file may hold any)
    std::uint16_t pad = 0;    ///< padding spelled out: an index file holds no undefined bytes
  };

  /// One change of representation: a subject with a sending and a receiving state and a status.
  struct StoredChange {
    NodeId node = 0, event = 0;  ///< the change, and the event it is part of (itself when none)
    Text date, source;
    NodeId sending = 0, receiving = 0, level = 0, previous = 0, status = 0;
  };
  struct Change {
    NodeId node = 0, event = 0;
    std::string_view date, source;
    NodeId sending = 0, receiving = 0, level = 0, previous = 0, status = 0;
  };

  enum System : std::uint8_t { cow = 0, gw = 1 };
  /// A state's code in a state system: today's (`now`), or one span of membership.
  struct SystemSpan {
    Id state = no_id;
    std::uint8_t system = cow;
    std::uint8_t now = 0;
    std::uint16_t pad = 0;
    Text code;
    std::int32_t from = 0, to = 0;  ///< years; `to` 0 while still a member
  };

  struct Labelled {
    Id actor = no_id;
    std::uint32_t pad = 0;
    Text label;
  };
  struct Coded {
    Text code;
    Id actor = no_id;
    std::uint32_t pad = 0;
  };
  struct Placed {
    NodeId node = 0;
    Id actor = no_id;
    std::uint32_t pad = 0;
  };

  [[nodiscard]] Id actor(NodeId node) const;
  /// The state `node` stands for: itself when typed dg:State, else what it represents (0: none).
  [[nodiscard]] NodeId state_of(NodeId node) const;
  /// The events `who` took part in, and with `officials` those of the actors representing it;
  /// ascending, each once.
  [[nodiscard]] std::vector<Id> events_of(NodeId who, bool officials) const;
  /// Whether `who` took part in event `e` (or, with `state_level`, an actor standing for it).
  [[nodiscard]] bool took_part(Id e, Id who, bool state_level) const;
  /// The labels (IRIs where unlabelled) of event `e`'s participants, sorted, joined with "; ".
  [[nodiscard]] std::vector<std::string> participant_names(Id e) const;
  /// A state's alpha-3 code (its first three-letter notation), or empty.
  [[nodiscard]] std::string_view state_code(Id state) const;
  /// A state's code in a state system in `year` (its code then; empty when it was not a
  /// member), or with year 0 its code today.
  [[nodiscard]] std::string_view system_code(Id state, System system, int year) const;
  /// The local name of the class at place `type` of schema.events (empty for none).
  [[nodiscard]] std::string_view type_name(Id type) const;
  /// The actors with exactly this label, in any language.
  [[nodiscard]] std::vector<Id> with_label(std::string_view label) const;
  /// The changes recorded from `sending` to `receiving`, in the order recorded.
  [[nodiscard]] std::vector<std::uint32_t> changes_of(NodeId sending, NodeId receiving) const;
  [[nodiscard]] std::string_view str(Text t) const { return text_in(pool, t); }
  /// Event `e`'s stored record, its texts unread: what a scan or a sort over many events reads
  /// (the view, events[e], reads every text, the label and source from the source when nodes).
  [[nodiscard]] const StoredEvent& stored(Id e) const { return events.raw[e]; }
  /// Event `e`'s date, as its text.
  [[nodiscard]] std::string_view date_of(Id e) const { return str(events.raw[e].date); }

  /// Calls `fn(id, column)` for every column (for writing and mapping an index file).
  template <class F>
  void each_column(F&& fn);

  Schema schema;
  Column<char> pool_text;  ///< the text every Text that is no node is an offset into
  Pool pool;               ///< pool_text, and the source for the Texts that are nodes
  ViewColumn<Text, std::string_view> class_names{pool};  ///< the local names of schema.events
  ViewColumn<StoredEvent, Event> events{pool};
  Column<Numbers> numbers;  ///< per event
  Rows event_classes;       ///< per event: its classes, as places in schema.events
  Rows participants;        ///< per event: its participants as actors, as the source lists them
  Rows sources;             ///< per event: the participants in a source role (source, caller), where loaded
  Column<NodeId> actor_node;
  ViewColumn<Text, std::string_view> actor_iri{pool}, actor_label{pool};
  Column<Id> actor_state;                             ///< the state each actor stands for, or no_id
  Column<Id> actor_represents;                        ///< what each actor represents, or no_id
  Column<std::uint8_t> actor_typed;                   ///< typed with dg:Actor or a class below it
  ViewColumn<ActorKind, ActorKind> actor_kind{pool};  ///< person, organization, ... (checked when read)
  Rows actor_sectors;  ///< per actor: its dg:sector values, as places in sector_names
  ViewColumn<Text, std::string_view> sector_names{pool};
  Column<std::uint32_t> actor_rank;  ///< each actor's place in IRI order
  Column<Placed> actor_ids;          ///< (node, actor), by node
  /// Every label of every actor (the first is actor_label), and the states' alpha-3 codes, for
  /// naming actors without asking the store.
  ViewColumn<Labelled, std::pair<Id, std::string_view>> labels{pool};
  Column<Labelled> by_label;  ///< the same, by label
  ViewColumn<Coded, std::pair<std::string_view, Id>> codes{pool};
  ViewColumn<Text, std::string_view> actor_alpha3{
      pool};                   ///< per actor: a state's first three-letter notation
  Column<SystemSpan> systems;  ///< per state: COW and G-W codes (where loaded), by state
  Rows actor_events;           ///< per actor: the events it took part in, ascending
  Rows officials;              ///< per actor: the actors representing it
  ViewColumn<StoredChange, Change> changes{pool};
  Column<std::uint32_t> changes_between;  ///< the changes, by (sending, receiving), then as recorded
};

// What an index file holds byte for byte has no padding left undefined.
static_assert(std::has_unique_object_representations_v<EventIndex::Impl::Placed> &&
              std::has_unique_object_representations_v<EventIndex::Impl::Labelled> &&
              std::has_unique_object_representations_v<EventIndex::Impl::Coded> &&
              std::has_unique_object_representations_v<EventIndex::Impl::SystemSpan> &&
              std::has_unique_object_representations_v<EventIndex::Impl::StoredEvent> &&
              std::has_unique_object_representations_v<EventIndex::Impl::StoredChange> &&
              sizeof(EventIndex::Impl::Numbers) == 16);

std::string_view view_of(const Text& t, const Pool& pool);
ActorKind view_of(const ActorKind& k, const Pool& pool);
EventIndex::Impl::Event view_of(const EventIndex::Impl::StoredEvent& e, const Pool& pool);
EventIndex::Impl::Change view_of(const EventIndex::Impl::StoredChange& c, const Pool& pool);
std::pair<Id, std::string_view> view_of(const EventIndex::Impl::Labelled& l, const Pool& pool);
std::pair<std::string_view, Id> view_of(const EventIndex::Impl::Coded& c, const Pool& pool);

template <class F>
void EventIndex::Impl::each_column(F&& fn) {
  using C = ColumnId;
  fn(C::class_names, class_names.raw);
  fn(C::events, events.raw);
  fn(C::numbers, numbers);
  fn(C::event_classes_begin, event_classes.begin);
  fn(C::event_classes, event_classes.values);
  fn(C::participants_begin, participants.begin);
  fn(C::participants, participants.values);
  fn(C::sources_begin, sources.begin);
  fn(C::sources, sources.values);
  fn(C::actor_node, actor_node);
  fn(C::actor_iri, actor_iri.raw);
  fn(C::actor_label, actor_label.raw);
  fn(C::actor_state, actor_state);
  fn(C::actor_represents, actor_represents);
  fn(C::actor_typed, actor_typed);
  fn(C::actor_kind, actor_kind.raw);
  fn(C::actor_sectors_begin, actor_sectors.begin);
  fn(C::actor_sectors, actor_sectors.values);
  fn(C::sector_names, sector_names.raw);
  fn(C::actor_rank, actor_rank);
  fn(C::actor_ids, actor_ids);
  fn(C::labels, labels.raw);
  fn(C::by_label, by_label);
  fn(C::codes, codes.raw);
  fn(C::actor_alpha3, actor_alpha3.raw);
  fn(C::systems, systems);
  fn(C::actor_events_begin, actor_events.begin);
  fn(C::actor_events, actor_events.values);
  fn(C::officials_begin, officials.begin);
  fn(C::officials, officials.values);
  fn(C::changes, changes.raw);
  fn(C::changes_between, changes_between);
  fn(C::pool, pool_text);
}

/// "2018-06-12" -> 20180612, "2018-06" -> 20180600, "2018" -> 20180000; 0 for anything else.

// ------------------------------------------------------------------------- evidence of a level

/// The notations of the levels and statuses changes name (their IRI's local name where they
/// have none), each looked up once. One per question: a question's own cache, never shared
/// between the threads that ask one index.
class Notations {
 public:
  explicit Notations(const Schema& s) : s_(s) {}
  /// "" for no node.
  [[nodiscard]] const std::string& operator()(NodeId n);

 private:
  const Schema& s_;
  std::unordered_map<NodeId, std::string> known_;
};

/// What a change or an observation tells of the level in force in its direction.
enum class LevelEvidence : std::uint8_t {
  none,      ///< a change proposed or agreed, not (yet) in force
  observed,  ///< an observation: the level seen in its year (the COW Diplomatic Exchange)
  effective  ///< an effective change: the level from its date on
};
[[nodiscard]] LevelEvidence evidence_of(const EventIndex::Impl::Change& c, const Schema& s, Notations& names);

}  // namespace diplograph
