// The SPARQL backend of Questions. The store does the selecting: each question sends one query
// for the actors it names (and the class tree, read to write the event classes as VALUES lists)
// and one for the statements of the events it is about, chosen by the store by participant,
// class and date; who-met-whom over the whole graph is counted by the store (GROUP BY). The
// query engine then shapes what came back into rows exactly as it does for a file, so the rows
// are the same whatever the source.
#include <algorithm>
#include <cctype>
#include <functional>
#include <mutex>
#include <set>

#include "diplograph/sparql.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"
#include "sparql/compile.hpp"

namespace diplograph {

namespace {

using sparql::Query;
using sparql::Roles;
using sparql::Selection;

// What the store sent for one question, beside the ontology shipped with diplograph: the query
// engine answers from it as from a file loaded with that ontology.
class Local {
 public:
  Local() {
    ReadOptions onto;
    onto.syntax = Syntax::turtle;
    onto.base = std::string(ns::dg);
    if (!store_.load_string(ontology_turtle(), "diplomacy.ttl", onto, [](const Diagnostic&) {}))
      throw std::logic_error("the ontology shipped with diplograph does not parse");
  }
  void add(const std::vector<TermRef>& t) { add(t[0], t[1], t[2]); }
  void add(TermRef s, TermRef p, TermRef o) {
    const bool node = s.kind == TermKind::iri || s.kind == TermKind::blank;
    if (!node || p.kind != TermKind::iri || o.empty())
      throw StoreError("the store sent a statement that is none (subject " + to_ntriples(s) + ")");
    store_.add(s, p, o);
    index_.reset();
  }
  const EventIndex& index() {
    if (!index_) index_ = std::make_unique<EventIndex>(store_);
    return *index_;
  }
  [[nodiscard]] const Store& store() const { return store_; }
  std::vector<std::string> iris(const std::vector<NodeId>& nodes) const {
    std::vector<std::string> out;
    for (NodeId n : nodes) out.emplace_back(store_.text(n));
    return out;
  }

 private:
  Store store_{index_spo};
  std::unique_ptr<EventIndex> index_;
};

// An actor a question names: its IRI, and the state it stands for (empty when none).
struct Named {
  std::string iri, state;
};

struct Asked {
  std::unique_ptr<Local> local = std::make_unique<Local>();
  std::vector<Named> named;
};

struct Name {
  std::string text;
  bool state = false;  ///< named as a state (relation): resolve_state
};

// Stands for an actor in a printed query: the first query, which the store answers, finds it.
std::string placeholder(const std::string& name) {
  if (name.find("://") != std::string::npos) return name;
  std::string out = "urn:diplograph:named:";
  for (const char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

constexpr std::size_t kValuesChunk = 400;  ///< IRIs per VALUES list (query text stays small)

// Where a question's queries go: the store, which answers them, or (--print-sparql) a recorder,
// which keeps their text and answers nothing. A result row is read by its variables' names.
class Client {
 public:
  virtual ~Client() = default;
  virtual void select(const Query& q, const BindingFn& row) const = 0;
  /// False for a recorder: names stand for themselves (`placeholder`) and no rows are shaped.
  [[nodiscard]] virtual bool answers() const = 0;
};

class StoreClient : public Client {
 public:
  explicit StoreClient(Endpoint e) : e_(std::move(e)) {}
  void select(const Query& q, const BindingFn& row) const override { sparql_select(e_, q.text, q.vars, row); }
  [[nodiscard]] bool answers() const override { return true; }

 private:
  Endpoint e_;
};

class Recorder : public Client {
 public:
  explicit Recorder(std::vector<std::string>& printed) : printed_(printed) {}
  void select(const Query& q, const BindingFn&) const override { printed_.push_back(q.text); }
  [[nodiscard]] bool answers() const override { return false; }

 private:
  std::vector<std::string>& printed_;
};

// The position of variable `var` in the rows of `q`.
std::size_t column(const Query& q, std::string_view var) {
  const auto at = std::find(q.vars.begin(), q.vars.end(), var);
  if (at == q.vars.end()) throw std::logic_error("the query selects no ?" + std::string(var));
  return static_cast<std::size_t>(at - q.vars.begin());
}

class SparqlQuestions : public Questions {
 public:
  SparqlQuestions(std::string graph, std::unique_ptr<Client> client)
      : graph_(std::move(graph)), client_(std::move(client)) {}

  Answer<MetRow> met(const MetOptions& o) const override {
    auto a = ask({{o.actor}, {o.with}});
    MetOptions named = with_names(o, a);
    if (needs_state(a, o.state_level)) return query_met(a.local->index(), named);  // its error
    fetch_people(*a.local, met_selection(*a.local, o, a), o, false);
    return shaped([&] {
      return with_extremes(*a.local, o.since, o.until,
                           [&](const EventIndex& x) { return query_met(x, named); });
    });
  }

  Answer<MetCount> met_counts(const MetOptions& o) const override {
    auto a = ask({{o.actor}, {o.with}});
    MetOptions named = with_names(o, a);
    if (needs_state(a, o.state_level)) return query_met_counts(a.local->index(), named);
    const auto sel = met_selection(*a.local, o, a);
    if (o.actor.empty() && o.with.empty() && o.sectors.empty() && o.types.empty()) {
      auto counted = counted_by_store(*a.local, sel, o.state_level);
      if (!counted.rows.empty() || (o.since.empty() && o.until.empty()) || !client_->answers())
        return counted;
    }
    fetch_people(*a.local, sel, o, true);
    return shaped([&] {
      return with_extremes(*a.local, o.since, o.until,
                           [&](const EventIndex& x) { return query_met_counts(x, named); });
    });
  }

  RelationReport relation(const RelationOptions& o) const override {
    auto a = ask({{o.a, true}, {o.b, true}});
    RelationOptions named = o;
    named.a = a.named[0].iri;
    named.b = a.named[1].iri;
    const auto interactions = a.local->iris(a.local->index().schema().interactions);
    fetch(*a.local, sparql::relation_pattern(named.a, named.b, interactions), {}, Question::relation);
    return shaped([&] { return query_relation(a.local->index(), named); });
  }

  Answer<RepresentationRow> representation(const RepresentationOptions& o) const override {
    auto a = ask({{o.a, true}, {o.b, true}});
    RepresentationOptions named = o;
    named.a = a.named[0].iri;
    named.b = a.named[1].iri;
    for (const auto& pattern : sparql::representation_patterns(named.a, named.b))
      fetch(*a.local, pattern, {}, Question::representation);
    return shaped([&] { return query_representation(a.local->index(), named); });
  }

  Answer<PathHop> path(const PathOptions& o) const override {
    auto a = ask({{o.from}, {o.to}});
    PathOptions named = o;
    named.from = a.named[0].iri;
    named.to = a.named[1].iri;
    return walk(*a.local, named);
  }

  Answer<TimelineRow> timeline(const TimelineOptions& o) const override {
    auto a = ask({{o.actor}, {o.with}});
    TimelineOptions named = o;
    named.actor = a.named[0].iri;
    named.with = a.named[1].iri;
    if (needs_state(a, o.state_level)) return query_timeline(a.local->index(), named);
    const Selection sel = selection(*a.local, {}, {}, a, o.state_level, o.since, o.until);  // any class
    if (o.state_level)
      fetch(*a.local, sparql::events_pattern(sel), {}, Question::timeline);
    else
      fetch_joined(*a.local, sel, true);
    return shaped([&] { return query_timeline(a.local->index(), named); });
  }

  Answer<ActorRow> actors(std::string_view search) const override {
    Local& all = catalogue();
    return shaped([&] { return query_actors(all.index(), search); });
  }

  Answer<EventRow> events(const EventsOptions& o) const override {
    auto a = ask({{o.actor}, {o.with}});
    EventsOptions named = with_names(o, a);
    if (needs_state(a, o.state_level)) return query_events(a.local->index(), named);
    fetch(*a.local, sparql::events_pattern(events_selection(*a.local, o, a)), {}, Question::events);
    return shaped([&] { return query_events(a.local->index(), named); });
  }

  Answer<DyadRow> dyads(const DyadsOptions& o) const override {
    auto a = ask({{o.events.actor}, {o.events.with}});
    DyadsOptions named = o;
    named.events = with_names(o.events, a);
    if (needs_state(a, o.events.state_level)) return query_dyads(a.local->index(), named);
    Roles roles;
    roles.systems = true;
    roles.participations = o.directed;
    fetch(*a.local, sparql::events_pattern(events_selection(*a.local, o.events, a)), roles,
          o.directed ? Question::dyads_directed : Question::dyads);
    if (o.levels()) {  // the evidence of the levels in force, of the pair or the actor asked about
      for (const auto& pattern : sparql::representation_patterns(a.named[0].state, a.named[1].state))
        fetch(*a.local, pattern, {}, Question::dyads_levels);
    }
    return shaped([&] { return query_dyads(a.local->index(), named); });
  }

 private:
  // The rows the engine shapes from what the store sent; none from a recorder, which sent nothing.
  template <class Shape>
  auto shaped(Shape shape) const -> decltype(shape()) {
    if (!client_->answers()) return {};
    return shape();
  }

  // Sends `q` (a query of statements: ?s ?p ?o) and adds each row's statement to `local`.
  void run(const Query& q, Local& local,
           const std::function<void(const std::vector<TermRef>&)>& also = {}) const {
    client_->select(q, [&](const std::vector<TermRef>& row) {
      local.add(row);
      if (also) also(row);
    });
  }

  void fetch(Local& local, const std::string& pattern, const Roles& roles, Question q) const {
    run(sparql::statements(graph_, pattern, roles, predicates_for(q)), local);
  }

  // The names resolved as the memory backend resolves them: by lookup in the store when an IRI,
  // a code or an exact label names one actor; else from every actor (the catalogue).
  Asked ask(const std::vector<Name>& names) const {
    Asked a;
    std::vector<std::string> texts;
    for (const auto& n : names) {
      if (!n.text.empty()) texts.push_back(n.text);
    }
    run(sparql::names(graph_, texts), *a.local);
    for (const auto& n : names) a.named.push_back(n.text.empty() ? Named{} : resolved(n, *a.local));
    return a;
  }

  Named resolved(const Name& n, Local& local) const {
    if (!client_->answers()) return {placeholder(n.text), placeholder(n.text)};  // nothing to look up
    const EventIndex& x = local.index();
    if (const auto node = resolve_exactly(x, n.text, n.state))
      return {std::string(local.store().text(*node)), state_text(local, *node)};
    Local& all = catalogue();
    const EventIndex& every = all.index();
    const NodeId node = n.state ? resolve_state(every, n.text) : resolve_actor(every, n.text);
    const std::string iri(all.store().text(node));
    run(sparql::names(graph_, {iri}), local);  // its own statements, for the question's engine
    return {iri, state_text(all, node)};
  }

  static std::string state_text(Local& local, NodeId node) {
    const NodeId s = state_of(local.index(), node);
    return s ? std::string(local.store().text(s)) : std::string();
  }

  // Every actor, read once: loosely typed names and `actors` need them all.
  Local& catalogue() const {
    const std::lock_guard lock(cataloguing_);  // one reading for threads that ask at once
    if (catalogue_) return *catalogue_;
    auto all = std::make_unique<Local>();
    const auto actor_classes = all->iris(all->index().schema().actors);
    run(sparql::catalogue(graph_, actor_classes), *all);
    all->index();  // built here, under the lock: the threads then only read it
    catalogue_ = std::move(all);
    return *catalogue_;
  }

  // At state level, a named actor that stands for no state: the question's own error.
  static bool needs_state(const Asked& a, bool state_level) {
    return state_level && std::any_of(a.named.begin(), a.named.end(),
                                      [](const Named& n) { return !n.iri.empty() && n.state.empty(); });
  }

  static std::string pick(const Named& n, bool state_level) { return state_level ? n.state : n.iri; }

  // Who met whom: at person level (without --sector) the events joined with their participants'
  // labels; else every statement the question reads, the states' included.
  void fetch_people(Local& local, const Selection& sel, const MetOptions& o, bool counting) const {
    if (!o.state_level && o.sectors.empty()) return fetch_joined(local, sel, false);
    fetch(local, sparql::events_pattern(sel), {}, counting ? Question::met_count : Question::met);
  }

  // The rows of sparql::joined, as the statements they join. The actor the events were selected
  // by (at person level) is left out of the participant rows and added here to each event: its
  // own statements came with its name.
  void fetch_joined(Local& local, const Selection& sel, bool titles) const {
    static const std::string type(vocab::rdf_type),
        date = term(ns::dg, "date"), end = term(ns::dg, "endDate"), source = term(ns::dcterms, "source"),
        label = term(ns::rdfs, "label"), participant = term(ns::dg, "participant");
    const std::string known = sel.state_level ? std::string() : sel.actor;
    const auto q = sparql::joined(graph_, sparql::events_pattern(sel), titles, known);
    const std::size_t event = column(q, "e"), type_of = column(q, "type"), date_of = column(q, "when"),
                      end_of = column(q, "until"), source_of = column(q, "source"),
                      label_of = column(q, "title"), who = column(q, "who"), who_label = column(q, "name");
    client_->select(q, [&](const std::vector<TermRef>& r) {
      const TermRef e = r[event];
      if (!r[who].empty()) {  // a participant
        local.add(e, TermRef::iri(participant), r[who]);
        if (!r[who_label].empty()) local.add(r[who], TermRef::iri(label), r[who_label]);
        return;
      }
      local.add(e, TermRef::iri(type), r[type_of]);
      if (!known.empty()) local.add(e, TermRef::iri(participant), TermRef::iri(known));
      const std::pair<const std::string*, TermRef> values[] = {
          {&date, r[date_of]}, {&end, r[end_of]}, {&source, r[source_of]}, {&label, r[label_of]}};
      for (const auto& [p, v] : values) {
        if (!v.empty()) local.add(e, TermRef::iri(*p), v);
      }
    });
  }

  template <class Options>
  static Options with_names(Options o, const Asked& a) {
    o.actor = a.named[0].iri;
    o.with = a.named[1].iri;
    return o;
  }

  // The events a question is about: of these classes (the ones --type names, with their
  // subclasses, else `all`), in these dates, and with the actors named (their states at state level).
  static Selection selection(Local& local, const std::vector<NodeId>& all,
                             const std::vector<std::string>& types, const Asked& a, bool state_level,
                             const std::string& since, const std::string& until) {
    const std::vector<NodeId> classes = types.empty() ? all : type_filter(local.index().schema(), types);
    return {local.iris(classes),
            pick(a.named[0], state_level),
            pick(a.named[1], state_level),
            state_level,
            since,
            until,
            {}};
  }

  static Selection met_selection(Local& local, const MetOptions& o, const Asked& a) {
    return selection(local, local.index().schema().interactions, o.types, a, o.state_level, o.since, o.until);
  }

  static Selection events_selection(Local& local, const EventsOptions& o, const Asked& a) {
    return selection(local, local.index().schema().events, o.types, a, o.state_level, o.since, o.until);
  }

  // An empty answer to dates asked notes where the data's events lie: the events with the
  // smallest and the greatest date are fetched too, so that the engine sees the same span.
  template <class Answerer>
  auto with_extremes(Local& local, const std::string& since, const std::string& until, Answerer answer) const
      -> decltype(answer(std::declval<const EventIndex&>())) {
    auto first = answer(local.index());
    if (!first.rows.empty() || (since.empty() && until.empty())) return first;
    const auto classes = local.iris(local.index().schema().events);
    run(sparql::statements(graph_, sparql::extremes_pattern(classes), {}, predicates_for(Question::met)),
        local);
    return answer(local.index());
  }

  Answer<MetCount> counted_by_store(Local& local, const Selection& sel, bool state_level) const {
    const Schema& s = local.index().schema();
    Selection dated = sel;
    dated.classes.clear();  // the interactions, which the query asks for anyway
    const auto q = sparql::met_pairs(graph_, dated, local.iris(s.interactions), state_level,
                                     local.iris(s.subclasses(s.state_class)));
    Answer<MetCount> out;
    const std::size_t one = column(q, "a"), other = column(q, "b"), n = column(q, "n"),
                      first = column(q, "first"), last = column(q, "last");
    client_->select(q, [&](const std::vector<TermRef>& r) {
      MetCount c{std::string(r[one].value),
                 {},
                 std::string(r[other].value),
                 {},
                 count_of(r[n]),
                 Date(r[first].value),
                 Date(r[last].value)};
      if (c.other < c.actor) std::swap(c.actor, c.other);  // the smaller IRI first, byte by byte
      out.rows.push_back(std::move(c));
    });
    label(out.rows);
    std::sort(out.rows.begin(), out.rows.end(), [](const MetCount& a, const MetCount& b) {
      return a.events != b.events ? a.events > b.events
                                  : std::tie(a.actor, a.other) < std::tie(b.actor, b.other);
    });
    return out;
  }

  static std::uint64_t count_of(TermRef t) {
    std::uint64_t n = 0;
    for (const char c : t.value) {
      if (c < '0' || c > '9') throw StoreError("the store counted \"" + std::string(t.value) + "\" events");
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
  }

  // Each actor's label as the engine picks it (the first of its labels in the store's order).
  void label(std::vector<MetCount>& rows) const {
    std::set<std::string> iris;
    for (const auto& r : rows) iris.insert({r.actor, r.other});
    Local described;
    std::vector<std::string> chunk;
    for (auto it = iris.begin(); it != iris.end(); ++it) {
      chunk.push_back(*it);
      if (chunk.size() < kValuesChunk && std::next(it) != iris.end()) continue;
      run(sparql::labels(graph_, chunk), described);
      chunk.clear();
    }
    const Store& st = described.store();
    const NodeId label = st.iri(term(ns::rdfs, "label"));
    for (auto& r : rows) {
      r.actor_label = st.value(st.iri(r.actor), label);
      r.other_label = st.value(st.iri(r.other), label);
    }
  }

  // Breadth-first, one query per hop (per 400 actors reached): the events of the actors reached
  // so far, until the engine finds a chain no longer than the hops fetched, or none can be.
  Answer<PathHop> walk(Local& local, const PathOptions& o) const {
    std::set<std::string> reached{o.from};
    std::vector<std::string> frontier{o.from};
    const auto interactions = local.iris(local.index().schema().interactions);
    const std::string participant = term(ns::dg, "participant");
    for (unsigned hop = 1; hop <= o.max_hops && !frontier.empty() && o.from != o.to; ++hop) {
      std::vector<std::string> next;
      for (std::size_t i = 0; i < frontier.size(); i += kValuesChunk) {
        Selection sel;
        sel.classes = interactions;
        sel.frontier.assign(
            frontier.begin() + static_cast<std::ptrdiff_t>(i),
            frontier.begin() + static_cast<std::ptrdiff_t>(std::min(frontier.size(), i + kValuesChunk)));
        run(sparql::statements(graph_, sparql::events_pattern(sel), {}, predicates_for(Question::path)),
            local, [&](const std::vector<TermRef>& row) {  // ?s ?p ?o
              if (row[1].value == participant && reached.insert(std::string(row[2].value)).second)
                next.emplace_back(row[2].value);
            });
      }
      auto found = shaped([&] { return query_path(local.index(), o.from, o.to, o.max_hops, o.people_only); });
      if (!found.rows.empty() && found.rows.size() <= hop) return found;
      frontier = std::move(next);
    }
    return shaped([&] { return query_path(local.index(), o.from, o.to, o.max_hops, o.people_only); });
  }

  std::string graph_;
  std::unique_ptr<Client> client_;
  mutable std::unique_ptr<Local> catalogue_;
  mutable std::mutex cataloguing_;
};

}  // namespace

std::unique_ptr<Questions> questions_at(const Endpoint& endpoint) {
  return std::make_unique<SparqlQuestions>(endpoint.graph, std::make_unique<StoreClient>(endpoint));
}

std::unique_ptr<Questions> questions_recorded(const Endpoint& endpoint, std::vector<std::string>& printed) {
  return std::make_unique<SparqlQuestions>(endpoint.graph, std::make_unique<Recorder>(printed));
}

}  // namespace diplograph
