// The question catalogue (diplograph/catalogue.hpp): each question's options declared once, read
// and checked once, for the command line and the API alike.
#include "diplograph/catalogue.hpp"

#include <algorithm>

namespace diplograph {

// ------------------------------------------------------------------------- what a request gave

std::string Given::text(std::string_view name) const {
  for (auto it = values_.rbegin(); it != values_.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return {};
}

std::vector<std::string> Given::list(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_) {
    if (k == name) out.push_back(v);
  }
  return out;
}

bool Given::flag(std::string_view name) const {
  if (count(name) == 0) return false;
  const std::string v = text(name);
  if (v.empty() || v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no") return false;
  throw OptionError(option_ref(name) + " takes 1 or 0 (true or false), not \"" + v + "\"");
}

std::size_t Given::count(std::string_view name) const {
  return static_cast<std::size_t>(
      std::count_if(values_.begin(), values_.end(), [&](const auto& kv) { return kv.first == name; }));
}

std::vector<std::string> Given::names() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_) {
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

namespace {

// ------------------------------------------------------------------------- reading the options

// --actor, --with, --since, --until and --level, read and checked (the level, then the dates).
template <class Options>
void read_who_and_when(const Given& g, Options& o) {
  o.actor = g.text("actor");
  o.with = g.text("with");
  o.since = g.text("since");
  o.until = g.text("until");
  o.state_level = level_option(g.text("level"), option_ref("level"));
  date_option(o.since, option_ref("since"));
  date_option(o.until, option_ref("until"));
}

Asked read_met(const Given& g) {
  MetAsked m;
  MetOptions& o = m.options;
  read_who_and_when(g, o);
  o.types = g.list("type");
  o.sectors = g.list("sector");
  m.count = g.flag("count");
  return m;
}

Asked read_relation(const Given& g) {
  RelationOptions r;
  r.a = g.text("between");
  r.b = g.text("and");
  r.at = g.text("at");
  date_option(r.at, option_ref("at"));
  return r;
}

Asked read_path(const Given& g) {
  PathOptions p;
  p.from = g.text("from");
  p.to = g.text("to");
  p.max_hops = static_cast<unsigned>(whole_number_option(g.text("max-hops"), option_ref("max-hops"), 0, 100));
  const std::string via = g.text("via");
  if (via != "any" && via != "person")
    throw OptionError(option_ref("via") + " takes any or person, not \"" + via + "\"");
  p.people_only = via == "person";
  return p;
}

Asked read_timeline(const Given& g) {
  TimelineOptions t;
  read_who_and_when(g, t);
  return t;
}

Asked read_actors(const Given& g) {
  ActorsAsked a;
  a.search = g.text("q");
  if (const std::string limit = g.text("limit"); !limit.empty())
    a.limit = whole_number_option(limit, option_ref("limit"), 1, 1000000000);
  return a;
}

// The filters `events` and `dyads` share.
EventsOptions event_filters(const Given& g) {
  EventsOptions o;
  read_who_and_when(g, o);
  o.types = g.list("type");
  o.cameo = g.list("cameo");
  for (const auto& q : g.list("quad-class")) quad_class_option(q, option_ref("quad-class"), o);
  for (const auto& c : o.cameo) cameo_option(c, option_ref("cameo"));
  if (const auto goldstein = g.text("goldstein"); !goldstein.empty())
    goldstein_option(goldstein, option_ref("goldstein"), o);
  return o;
}

Asked read_events(const Given& g) {
  return event_filters(g);
}

Asked read_dyads(const Given& g) {
  DyadsOptions d;
  d.events = event_filters(g);
  d.by = period_option(g.text("by"), option_ref("by"));
  d.directed = g.flag("directed");
  d.codes = codes_option(g.text("codes"), option_ref("codes"));
  d.all_known = g.flag("all-known-dyads");
  if (d.all_known && !d.levels())
    throw OptionError(option_ref("all-known-dyads") + " goes with " + option_ref("by", "year") + " and " +
                      option_ref("level", "state") + ": the levels of representation are states' by year");
  return d;
}

// A year given alone ("1950"); 0 when absent.
int year_option(const Given& g, std::string_view name) {
  const std::string text = g.text(name);
  if (text.empty()) return 0;
  return static_cast<int>(whole_number_option(text, option_ref(name), 1000, 9999));
}

Asked read_representation(const Given& g) {
  RepresentationOptions r;
  r.a = g.text("between");
  r.b = g.text("and");
  r.since = year_option(g, "since");
  r.until = year_option(g, "until");
  r.codes = codes_option(g.text("codes"), option_ref("codes"));
  if (!r.b.empty() && r.a.empty())
    throw OptionError(option_ref("and") + " goes with " + option_ref("between"));
  return r;
}

// ------------------------------------------------------------------------- the options declared

constexpr std::string_view kSince = "on or after this date", kUntil = "on or before this date";
constexpr std::string_view kLevels = "person|state";
constexpr auto kList = OptionKind::list, kOne = OptionKind::value;

std::vector<OptionSpec> event_filter_options() {
  return {
      {"actor", kOne, "A",
       "events this actor took part in (IRI, code, Wikidata item, label, part of a label)"},
      {"with", kOne, "B", "and this one"},
      {"level", kOne, kLevels, "person, or state: the states' officials count for them", "person"},
      {"since", kOne, "DATE", kSince},
      {"until", kOne, "DATE", kUntil},
      {"type", kList, "CLASS",
       "only events of this class and its subclasses, or of the classes a PLOVER type in capitals becomes "
       "(CONSULT: Visit, PhoneCall, Meeting, Consultation); repeatable"},
      {"cameo", kList, "PREFIX", "only CAMEO codes starting with these digits (04: consult); repeatable"},
      {"quad-class", kList, "1|2|3|4",
       "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; repeatable"},
      {"goldstein", kOne, "MIN:MAX", "only Goldstein scores in MIN:MAX (-10 to 10; -10:-5, 5:)"},
  };
}

QuestionSpec met_spec() {
  return {
      "met",
      "who met whom, when and how",
      "table, csv, json, or a network of who met whom: dot (Graphviz), graphml, gexf (Gephi)",
      {{"actor", kOne, "A", "only meetings of this actor (IRI, code, Wikidata item, label, part of a label)"},
       {"with", kOne, "B", "only meetings with this actor"},
       {"since", kOne, "DATE", kSince},
       {"until", kOne, "DATE", kUntil},
       {"type", kList, "CLASS",
        "only interactions of this class and its subclasses (Meeting, PhoneCall, Visit, ...); repeatable"},
       {"sector", kList, "SECTOR",
        "only events with a participant of this sector (ICEWS: Government, Military, ...); repeatable"},
       {"level", kOne, kLevels, "person, or state: actors replaced by their states", "person"},
       {"count", OptionKind::flag, {}, "aggregate to pairs: events, first, last"}},
      read_met};
}

QuestionSpec relation_spec() {
  return {"relation",
          "the level of representation between two states, and its history",
          "table, csv, json",
          {{"between", kOne, "A", "one state (alpha-3, IRI or label)", {}, true},
           {"and", kOne, "B", "the other state", {}, true},
           {"at", kOne, "DATE", "the level in force on this date, per direction"}},
          read_relation};
}

QuestionSpec path_spec() {
  return {"path",
          "the shortest chain of meetings between two actors",
          "table, csv, json",
          {{"from", kOne, "A", "one actor", {}, true},
           {"to", kOne, "B", "the other actor", {}, true},
           {"max-hops", kOne, "N", "longest chain looked for, 0 to 100", "6"},
           {"via", kOne, "any|person", "any, or person: only people between the two", "any"}},
          read_path};
}

QuestionSpec timeline_spec() {
  return {"timeline",
          "everything an actor took part in",
          "table, csv, json",
          {{"actor", kOne, "A", "the actor (IRI, code, Wikidata item, label, part of a label)", {}, true},
           {"with", kOne, "B", "only events this actor took part in too"},
           {"level", kOne, kLevels, "person, or state: events of the states' officials too", "person"},
           {"since", kOne, "DATE", kSince},
           {"until", kOne, "DATE", kUntil}},
          read_timeline};
}

QuestionSpec actors_spec() {
  return {"actors",
          "the actors, best match for a name first",
          "table, csv, json",
          {{"q", kOne, "SEARCH",
            "the name searched for: best match first (every actor, most events first, without it)"},
           {"limit", kOne, "N", "at most this many rows"}},
          read_actors};
}

QuestionSpec events_spec() {
  return {"events", "every event with its CAMEO code, quad class and Goldstein score", "table, csv, json",
          event_filter_options(), read_events};
}

QuestionSpec dyads_spec() {
  std::vector<OptionSpec> options{
      {"by", kOne, "all|year|month|day", "period: all, year, month or day", "all"},
      {"directed", OptionKind::flag, {}, "source to target (an event without direction counts both ways)"},
      {"codes", kOne, "iso3|cow|gw", "states' codes: iso3, cow (Correlates of War) or gw (Gleditsch-Ward)",
       "iso3"},
      {"all-known-dyads",
       OptionKind::flag,
       {},
       "with --by year --level state: also the dyad-years with evidence of a level of representation and no "
       "event (counts 0)"}};
  for (auto& o : event_filter_options()) options.push_back(o);
  return {"dyads", "events per pair and period, by quad class, with state codes",
          "table, csv, json, or a network: graphml, gexf (Gephi; edges carry first and last period)",
          std::move(options), read_dyads};
}

QuestionSpec representation_spec() {
  return {"representation",
          "per directed dyad-year, the level at which each side is represented in the other's capital",
          "table, csv, json",
          {{"between", kOne, "A", "only the dyads of this state (alpha-3, COW code's state, IRI or label)"},
           {"and", kOne, "B", "only the pair of A and this state"},
           {"since", kOne, "YEAR", "from this year"},
           {"until", kOne, "YEAR", "to this year"},
           {"codes", kOne, "iso3|cow|gw",
            "states' codes: iso3 (levels named), cow (states and levels in COW's codes, as the Diplomatic "
            "Exchange file has them) or gw",
            "iso3"}},
          read_representation};
}

// ------------------------------------------------------------------------- asking

struct Loads {
  Question operator()(const MetAsked& m) const { return m.count ? Question::met_count : Question::met; }
  Question operator()(const RelationOptions&) const { return Question::relation; }
  Question operator()(const PathOptions&) const { return Question::path; }
  Question operator()(const TimelineOptions&) const { return Question::timeline; }
  Question operator()(const ActorsAsked&) const { return Question::met; }
  Question operator()(const EventsOptions&) const { return Question::events; }
  Question operator()(const DyadsOptions& d) const {
    if (d.levels()) return Question::dyads_levels;
    return d.directed ? Question::dyads_directed : Question::dyads;
  }
  Question operator()(const RepresentationOptions&) const { return Question::representation; }
};

struct Ask {
  const Questions& q;
  Answered operator()(const MetAsked& m) const {
    if (m.count) return q.met_counts(m.options);
    return q.met(m.options);
  }
  Answered operator()(const RelationOptions& r) const { return q.relation(r); }
  Answered operator()(const PathOptions& p) const { return q.path(p); }
  Answered operator()(const TimelineOptions& t) const { return q.timeline(t); }
  Answered operator()(const ActorsAsked& a) const {
    auto answer = q.actors(a.search);
    if (a.limit && answer.rows.size() > a.limit) answer.rows.resize(a.limit);
    return answer;
  }
  Answered operator()(const EventsOptions& e) const { return q.events(e); }
  Answered operator()(const DyadsOptions& d) const { return q.dyads(d); }
  Answered operator()(const RepresentationOptions& r) const { return q.representation(r); }
};

}  // namespace

const std::vector<QuestionSpec>& question_catalogue() {
  static const std::vector<QuestionSpec> all{met_spec(),      relation_spec(),      path_spec(),
                                             timeline_spec(), actors_spec(),        events_spec(),
                                             dyads_spec(),    representation_spec()};
  return all;
}

const QuestionSpec* question_named(std::string_view name) {
  for (const auto& q : question_catalogue()) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

void complete(const QuestionSpec& spec, Given& given, std::string_view usage) {
  for (const auto& o : spec.options) {
    const std::size_t n = given.count(o.name);
    if (n > 1 && o.kind == OptionKind::value)
      throw OptionError(option_ref(o.name) + " is given " + std::to_string(n) +
                        " times, and takes one value");
    if (o.required && n <= 1 && given.text(o.name).empty())
      throw OptionError(option_ref(o.name) + " is required (" + std::string(usage) + ")");
    if (n == 0 && !o.fallback.empty()) given.add(o.name, std::string(o.fallback));
  }
}

std::string option_names(const QuestionSpec& spec) {
  std::string out;
  for (const auto& o : spec.options) out += (out.empty() ? "" : ", ") + std::string(o.name);
  return out;
}

Question loads(const Asked& asked) {
  return std::visit(Loads{}, asked);
}

Answered ask(const Questions& questions, const Asked& asked) {
  return std::visit(Ask{questions}, asked);
}

}  // namespace diplograph
