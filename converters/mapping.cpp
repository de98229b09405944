// The one mapping from event records to triples under the ontology.
#include <algorithm>
#include <array>
#include <cstdio>
#include <tuple>

#include "diplograph/convert.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

std::string dg(std::string_view local) {
  return std::string(ns::dg) + std::string(local);
}

struct Terms {
  std::string type = std::string(ns::rdf) + "type";
  std::string label = std::string(ns::rdfs) + "label";
  std::string comment = std::string(ns::rdfs) + "comment";
  std::string same_as = std::string(ns::owl) + "sameAs";
  std::string notation = std::string(ns::skos) + "notation";
  std::string source = std::string(ns::dcterms) + "source";
  std::string title = std::string(ns::dcterms) + "title";
  std::string publisher = std::string(ns::dcterms) + "publisher";
  std::string issued = std::string(ns::dcterms) + "issued";
  std::string citation = std::string(ns::dcterms) + "bibliographicCitation";
  std::string lat = std::string(ns::geo) + "lat";
  std::string lon = std::string(ns::geo) + "long";
  std::string xsd_decimal = std::string(ns::xsd) + "decimal";
  std::string xsd_integer = std::string(ns::xsd) + "integer";
  std::string participant = dg("participant"), participation = dg("participation"), agent = dg("agent"),
              role = dg("role"), dg_title = dg("title"), represents = dg("represents"), date = dg("date"),
              end_date = dg("endDate"), location = dg("location"), country = dg("country"),
              topic = dg("topic"), summary = dg("summary"), cameo_code = dg("cameoCode"),
              actor_code = dg("cameoActorCode"), goldstein = dg("goldstein"), intensity = dg("intensity"),
              source_record = dg("sourceRecord"), relation_change = dg("relationChange"),
              mission = dg("mission"), sending = dg("sendingState"), receiving = dg("receivingState"),
              level = dg("level"), previous_level = dg("previousLevel"), status = dg("status"),
              c_participation = dg("Participation"), c_state = dg("State"), c_place = dg("Place"),
              c_mission = dg("Mission"), quad_class = dg("quadClass"), num_mentions = dg("numMentions"),
              avg_tone = dg("avgTone"), story_id = dg("storyId"), source_name = dg("sourceName"),
              sector = dg("sector"), c_change = dg("RelationChange"),
              membership = dg("stateSystemMembership"), c_membership = dg("StateSystemMembership"),
              first_year = dg("firstYear"), last_year = dg("lastYear"), cow_code = dg("cowCode"),
              gw_code = dg("gwCode"), c_observation = dg("RepresentationObservation"),
              plover_type = dg("ploverType"), plover_mode = dg("ploverMode"), context = dg("context");
  std::string xsd_year = std::string(ns::xsd) + "gYear";
};

const Terms& terms() {
  static const Terms t;
  return t;
}

// An IRI path segment from a name: NFC, letters of every script kept as they are (RFC 3987),
// percent-encoding only what an IRI forbids.
std::string segment(std::string_view s) {
  return text::iri_segment(text::nfc(s), "-_.~");
}

std::string_view stem(std::string_view path) {
  const auto slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const auto dot = path.find('.');
  return dot == std::string_view::npos || dot == 0 ? path : path.substr(0, dot);
}

// "PhoneCall" -> "Phone call"
std::string words(std::string_view camel) {
  std::string out;
  for (char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) {
      out += ' ';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

class Out {
 public:
  Out(QuadSink& sink, TermRef graph) : sink_(sink), graph_(graph) {}
  void iri(std::string_view s, std::string_view p, std::string_view o) {
    sink_.quad(TermRef::iri(s), TermRef::iri(p), TermRef::iri(o), graph_);
  }
  void lit(std::string_view s, std::string_view p, std::string_view o, std::string_view dt = {}) {
    if (o.empty()) return;
    sink_.quad(TermRef::iri(s), TermRef::iri(p), TermRef::literal(o, dt), graph_);
  }
  void lang(std::string_view s, std::string_view p, std::string_view o, std::string_view tag) {
    sink_.quad(TermRef::iri(s), TermRef::iri(p), TermRef::lang_literal(o, tag), graph_);
  }
  /// Text in a language where it is known (a language-tagged literal), else a plain string.
  void text(std::string_view s, std::string_view p, std::string_view o, std::string_view tag) {
    if (o.empty()) return;
    if (tag.empty()) return lit(s, p, o);
    lang(s, p, o, tag);
  }

 private:
  QuadSink& sink_;
  TermRef graph_;
};

std::string date_type(const Date& d) {
  return std::string(ns::xsd) + std::string(d.datatype());
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s += '0';
  return s;
}

std::vector<std::pair<std::string, std::string>> directions(const RelationSpec& r) {
  std::vector<std::pair<std::string, std::string>> out{{r.sending, r.receiving}};
  if (r.both_directions) out.emplace_back(r.receiving, r.sending);
  return out;
}

std::string external_iri(std::string_view id) {
  if (id.starts_with("wd:")) return std::string(ns::wd) + std::string(id.substr(3));
  return std::string(id);
}

// A state's codes in the state systems (COW, G-W) as typed skos:notation (today's, or its
// last), and each span of its membership under its code of the time, the state's statements
// first so that Turtle groups them.
void write_systems(Out& out, const std::string& state, const Country& c) {
  const auto& t = terms();
  const std::array<std::tuple<std::string_view, const std::vector<Membership>*, const std::string*>, 2>
      systems{{{"cow", &c.cow_member, &c.cow}, {"gw", &c.gw_member, &c.gw}}};
  const auto datatype = [&](std::string_view system) { return system == "cow" ? t.cow_code : t.gw_code; };
  const auto node = [&](std::string_view system, const Membership& m) {
    return state + "/" + std::string(system) + "/" + std::to_string(m.from);
  };
  for (const auto& [system, spans, listed] : systems)
    out.lit(state, t.notation, spans->empty() ? *listed : spans->back().code, datatype(system));
  for (const auto& [system, spans, listed] : systems) {
    for (const auto& m : *spans) out.iri(state, t.membership, node(system, m));
  }
  for (const auto& [system, spans, listed] : systems) {
    for (const auto& m : *spans) {
      const std::string n = node(system, m);
      out.iri(n, t.type, t.c_membership);
      out.lit(n, t.notation, m.code, datatype(system));
      out.lit(n, t.first_year, std::to_string(m.from), t.xsd_year);
      if (m.to) out.lit(n, t.last_year, std::to_string(m.to), t.xsd_year);
    }
  }
}

// What a record states of an actor besides its name: the union over every record that names it,
// whichever comes first (a link given by the second record only is kept). `seen` holds what
// has been written of it, each fact as its kind's letter and its value.
void write_actor_facts(const Participant& p, const std::string& iri, const Mapper& mapper,
                       std::vector<std::string>& seen, Out& out) {
  const auto& t = terms();
  const auto once = [&](char kind, std::string_view value) {
    for (const auto& s : seen) {
      if (s.size() == value.size() + 1 && s[0] == kind && std::string_view(s).substr(1) == value)
        return false;
    }
    seen.push_back(kind + std::string(value));
    return true;
  };
  // every spelling a label once: which came first, or in which file, does not decide an actor's name
  if (once('l', p.lang + '@' + p.name)) out.text(iri, t.label, p.name, p.lang);
  for (const auto& sector : p.sectors) {
    if (once('#', sector)) out.lit(iri, t.sector, sector);
  }
  if (!p.state.empty() && once('s', p.state)) out.iri(iri, t.represents, mapper.state_iri(p.state));
  if (!p.actor_code.empty() && once('c', p.actor_code)) out.lit(iri, t.actor_code, p.actor_code);
  for (const auto& id : p.same_as) {
    const std::string link = external_iri(id);
    if (once('=', link)) out.iri(iri, t.same_as, link);
  }
}

}  // namespace

Mapper::Mapper(QuadSink& sink, MapOptions opts, const Countries& countries)
    : sink_(sink), opts_(std::move(opts)), countries_(countries) {}

// Remembers what was described, so that an actor's type and label are written once, not with
// every event. The memory is bounded: past the limit it starts afresh, and a description may
// then be written again, which RDF takes as the same statements.
bool Mapper::first_time(TermRef graph, const std::string& iri) {
  if (written_.size() >= kRemembered) written_.clear();
  // Per graph: N-Quads and TriG output describe an actor in each file's graph.
  return written_.insert(graph.empty() ? iri : std::string(graph.value) + " " + iri).second;
}

std::string Mapper::event_iri(const EventRecord& rec, std::string_view source_name) const {
  if (rec.observation) return opts_.base + "observation/" + segment(rec.id_space) + "/" + segment(rec.id);
  const std::string space = !rec.id_space.empty()    ? rec.id_space
                            : !opts_.dataset.empty() ? opts_.dataset
                                                     : slug(stem(source_name));
  return opts_.base + "event/" + segment(space) + "/" + segment(rec.id);
}

std::string Mapper::state_iri(std::string_view iso3) const {
  return opts_.base + "state/" + std::string(iso3);
}

std::string Mapper::graph_iri(std::string_view source_name) const {
  return opts_.base + "graph/" + segment(opts_.dataset.empty() ? source_name : opts_.dataset);
}

namespace {

// Each kind of actor but a state: the folder its IRIs are minted under and its class.
struct Minted {
  ActorKind kind;
  std::string_view folder, cls;
};

constexpr std::array<Minted, 4> kKinds{{{ActorKind::person, "person/", "Person"},
                                        {ActorKind::organization, "org/", "Organization"},
                                        {ActorKind::actor, "actor/", "Actor"},
                                        {ActorKind::region, "region/", "Region"}}};

const Minted& kind_of(ActorKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];  // a state is minted by its code, never here
}

}  // namespace

std::string Mapper::actor_iri(const Participant& p) const {
  if (p.kind == ActorKind::state) return state_iri(p.state);
  const std::string kind(kind_of(p.kind).folder);
  if (!p.id.empty()) return opts_.base + kind + text::iri_segment(text::nfc(p.id), "-_.~/");
  const std::string state = p.state.empty() ? std::string() : p.state + "/";
  return opts_.base + kind + state + segment(slug(p.name));
}

std::vector<Prefix> Mapper::prefixes(const MapOptions& opts) {
  return minted_prefixes(opts.base);  // every IRI space diplograph mints; the writer declares those used
}

namespace {

// A state of its time that no state today continues ("cow-260": the German Federal Republic):
// its name, its COW code and the years it was a member under it.
void write_cow_state(Out& out, const std::string& iri, std::string_view code) {
  const auto& t = terms();
  const SystemState* s = CowStates::builtin().find(code);
  out.iri(iri, t.type, t.c_state);
  out.lang(iri, t.label, s ? s->name : "COW state " + std::string(code), "en");
  out.lit(iri, t.notation, code, t.cow_code);
  if (!s) return;
  for (const auto& [from, to] : s->years) out.iri(iri, t.membership, iri + "/cow/" + std::to_string(from));
  for (const auto& [from, to] : s->years) {
    const std::string n = iri + "/cow/" + std::to_string(from);
    out.iri(n, t.type, t.c_membership);
    out.lit(n, t.notation, code, t.cow_code);
    out.lit(n, t.first_year, std::to_string(from), t.xsd_year);
    out.lit(n, t.last_year, std::to_string(to), t.xsd_year);
  }
}

}  // namespace

void Mapper::map_state(std::string_view iso3, TermRef graph) {
  const std::string iri = state_iri(iso3);
  if (!first_time(graph, iri)) return;
  const auto& t = terms();
  Out out(sink_, graph);
  if (iso3.starts_with("cow-")) return write_cow_state(out, iri, iso3.substr(4));
  const Country* c = countries_.by_iso3(iso3);
  out.iri(iri, t.type, t.c_state);
  out.lang(iri, t.label, c ? c->name : iso3, "en");
  out.lit(iri, t.notation, iso3);
  if (!c) return;
  out.lit(iri, t.notation, c->iso2);
  if (!c->wikidata.empty()) out.iri(iri, t.same_as, std::string(ns::wd) + c->wikidata);
  write_systems(out, iri, *c);
}

void Mapper::map_actor(const Participant& p, const std::string& iri, TermRef graph) {
  if (p.kind == ActorKind::state) {
    map_state(p.state, graph);
    return;
  }
  if (!p.state.empty()) map_state(p.state, graph);
  if (actors_.size() >= kRemembered) actors_.clear();
  const auto [at, fresh] = actors_.try_emplace(graph.empty() ? iri : std::string(graph.value) + " " + iri);
  Out out(sink_, graph);
  if (fresh) out.iri(iri, terms().type, dg(kind_of(p.kind).cls));
  write_actor_facts(p, iri, *this, at->second, out);
}

// A place is its name, country and coordinates: two towns of one name stay apart, and which row
// came first cannot decide a place's coordinates.
std::string Mapper::place_iri(const Location& loc, const std::string& event) const {
  if (!loc.geonames.empty()) return opts_.base + "place/geonames/" + segment(loc.geonames);
  if (loc.name.empty()) return event + "/place";
  std::string iri =
      opts_.base + "place/" + (loc.country.empty() ? "" : loc.country + "/") + segment(slug(loc.name));
  if (loc.lat && loc.lon) iri += "/" + number(*loc.lat) + "," + number(*loc.lon);
  return iri;
}

void Mapper::map_location(const Location& loc, const std::string& event, TermRef graph) {
  const auto& t = terms();
  Out out(sink_, graph);
  const std::string iri = place_iri(loc, event);
  if (!loc.country.empty()) map_state(loc.country, graph);
  if (!first_time(graph, iri)) return;
  out.iri(iri, t.type, t.c_place);
  const Country* c = loc.name.empty() ? countries_.by_iso3(loc.country) : nullptr;
  out.text(iri, t.label, c ? c->name : loc.name, c ? "en" : loc.lang);
  if (!loc.country.empty()) out.iri(iri, t.country, state_iri(loc.country));
  if (loc.lat) out.lit(iri, t.lat, number(*loc.lat), t.xsd_decimal);
  if (loc.lon) out.lit(iri, t.lon, number(*loc.lon), t.xsd_decimal);
  if (!loc.geonames.empty()) out.iri(iri, t.same_as, "https://sws.geonames.org/" + loc.geonames + "/");
}

void Mapper::map_mission(const std::string& from, const std::string& to, TermRef graph) {
  const auto& t = terms();
  const std::string mission = opts_.base + "mission/" + from + "-" + to;
  if (!first_time(graph, mission)) return;
  Out out(sink_, graph);
  out.iri(mission, t.type, t.c_mission);
  out.lang(mission, t.label, "Mission of " + from + " in " + to, "en");
  out.iri(mission, t.sending, state_iri(from));
  out.iri(mission, t.receiving, state_iri(to));
}

// An observation: the level one state's mission in another had in a year, as a data set saw it,
// with the row it came from. Its date is the year; it is no event and has no participants.
void Mapper::map_observation(const EventRecord& rec, const std::string& iri, TermRef graph) {
  const auto& t = terms();
  const ObservationSpec& o = *rec.observation;
  Out out(sink_, graph);
  out.iri(iri, t.type, t.c_observation);
  out.lang(iri, t.label,
           o.sending + " mission in " + o.receiving + ", " + std::to_string(o.year) + ": " +
               std::string(level_name(o.level)) + " (observed)",
           "en");
  out.lit(iri, t.date, std::to_string(o.year), t.xsd_year);
  out.iri(iri, t.sending, state_iri(o.sending));
  out.iri(iri, t.receiving, state_iri(o.receiving));
  out.iri(iri, t.level, dg(level_individual(o.level)));
  out.iri(iri, t.mission, opts_.base + "mission/" + o.sending + "-" + o.receiving);
  if (!o.dataset.empty()) out.iri(iri, t.source, o.dataset);
  for (const auto& sr : rec.source_records) out.lit(iri, t.source_record, sr);
  map_state(o.sending, graph);
  map_state(o.receiving, graph);
  map_mission(o.sending, o.receiving, graph);
}

void Mapper::map_relation(const EventRecord& rec, const std::string& event, TermRef graph) {
  const auto& t = terms();
  const RelationSpec& r = *rec.relation;
  Out out(sink_, graph);
  for (const auto& [from, to] : directions(r)) {
    map_state(from, graph);
    map_state(to, graph);
    const std::string change = event + "/change/" + from + "-" + to;
    const std::string mission = opts_.base + "mission/" + from + "-" + to;
    out.iri(change, t.type, t.c_change);
    out.lang(change, t.label,
             from + " mission in " + to + ": " +
                 (r.previous_level ? std::string(level_name(*r.previous_level)) + " -> " : "") +
                 std::string(level_name(r.level)) + " (" + std::string(status_name(r.status)) + ")",
             "en");
    out.lit(change, t.date, rec.date.text(), date_type(rec.date));
    out.iri(change, t.participant, state_iri(from));
    out.iri(change, t.participant, state_iri(to));
    out.iri(change, t.sending, state_iri(from));
    out.iri(change, t.receiving, state_iri(to));
    out.iri(change, t.level, dg(level_individual(r.level)));
    if (r.previous_level) out.iri(change, t.previous_level, dg(level_individual(*r.previous_level)));
    out.iri(change, t.status, dg(status_individual(r.status)));
    out.iri(change, t.mission, mission);
    if (!rec.source_url.empty()) out.iri(change, t.source, rec.source_url);
    map_mission(from, to, graph);
  }
}

namespace {

// The record's label, or one made from its class and participants ("Phone call: A and B").
std::string event_label(const EventRecord& rec) {
  if (!rec.label.empty()) return rec.label;
  std::string label = words(rec.event_class);
  for (std::size_t i = 0; i < rec.participants.size(); ++i) {
    label += (i == 0 ? ": " : i + 1 == rec.participants.size() ? " and " : ", ");
    label += rec.participants[i].name;
  }
  return label;
}

// Who took part: each actor once (an actor on both sides of a GDELT row took part once), and
// one participation record per participant.
void write_participants(Out& out, const std::string& e, const std::vector<std::string>& actors) {
  const auto& t = terms();
  for (auto it = actors.begin(); it != actors.end(); ++it) {
    if (std::find(actors.begin(), it, *it) == it) out.iri(e, t.participant, *it);
  }
  for (std::size_t i = 0; i < actors.size(); ++i)
    out.iri(e, t.participation, e + "/p" + std::to_string(i + 1));
}

// What the record says of the event besides who and when: topics, text, coded metadata, records.
void write_details(Out& out, const std::string& e, const EventRecord& rec) {
  const auto& t = terms();
  for (const auto& topic : rec.topics) out.text(e, t.topic, topic, rec.lang);
  out.text(e, t.summary, rec.summary, rec.lang);
  out.text(e, t.comment, rec.note, rec.lang);
  out.lit(e, t.cameo_code, rec.cameo_code);
  const auto decimal = [&](const std::string& p, const std::optional<Decimal>& d) {
    if (d) out.lit(e, p, d->text(), t.xsd_decimal);
  };
  decimal(t.goldstein, rec.goldstein);
  decimal(t.intensity, rec.intensity);
  if (rec.quad_class) out.lit(e, t.quad_class, std::to_string(rec.quad_class), t.xsd_integer);
  if (rec.num_mentions) out.lit(e, t.num_mentions, std::to_string(*rec.num_mentions), t.xsd_integer);
  decimal(t.avg_tone, rec.avg_tone);
  out.lit(e, t.story_id, rec.story_id);
  out.lit(e, t.plover_type, rec.plover_type);
  out.lit(e, t.plover_mode, rec.plover_mode);
  for (const auto& c : rec.contexts) out.lit(e, t.context, c);
  for (const auto& sr : rec.source_records) out.lit(e, t.source_record, sr);
}

// Where the event is reported: a link to its source, else its publisher, else a citation.
void write_source(Out& out, const std::string& e, const EventRecord& rec) {
  const auto& t = terms();
  if (!rec.source_url.empty()) {
    out.iri(e, t.source, rec.source_url);
  } else if (rec.source_title.empty() && !rec.publisher.empty()) {
    out.lit(e, t.publisher, rec.publisher);
  } else if (!rec.source_title.empty()) {  // a source known only by its title: cited, not linked
    std::string cite = rec.source_title;
    if (!rec.publisher.empty()) cite += (cite.empty() ? "" : ", ") + rec.publisher;
    if (!rec.published.empty()) cite += ", " + rec.published.text();
    out.lit(e, t.citation, cite);
  }
}

// Each participant's part: agent, role, title, the name as written, sectors.
void write_participations(Out& out, const std::string& e, const EventRecord& rec,
                          const std::vector<std::string>& actors) {
  const auto& t = terms();
  for (std::size_t i = 0; i < rec.participants.size(); ++i) {
    const Participant& p = rec.participants[i];
    const std::string part = e + "/p" + std::to_string(i + 1);
    out.iri(part, t.type, t.c_participation);
    out.iri(part, t.agent, actors[i]);
    out.lit(part, t.role, p.role);
    if (side_name(p.side) != p.role) out.lit(part, t.role, side_name(p.side));
    out.text(part, t.dg_title, p.title, p.lang);
    out.lit(part, t.source_name, p.source_name);
    for (const auto& sector : p.sectors) out.lit(part, t.sector, sector);
  }
}

}  // namespace

void Mapper::map_event(const EventRecord& rec, const std::string& e, const std::vector<std::string>& actors,
                       TermRef graph) {
  const auto& t = terms();
  Out out(sink_, graph);
  out.iri(e, t.type, dg(rec.event_class));
  out.lang(e, t.label, event_label(rec), "en");  // made here, in English, from the class and names
  out.lit(e, t.date, rec.date.text(), date_type(rec.date));
  if (!rec.end_date.empty()) out.lit(e, t.end_date, rec.end_date.text(), date_type(rec.end_date));
  write_participants(out, e, actors);
  write_details(out, e, rec);
  write_source(out, e, rec);
  if (rec.location) out.iri(e, t.location, place_iri(*rec.location, e));
  if (rec.relation) {
    for (const auto& [from, to] : directions(*rec.relation))
      out.iri(e, t.relation_change, e + "/change/" + from + "-" + to);
  }
}

void Mapper::map_source(const EventRecord& rec, TermRef graph) {
  const bool described = !rec.source_title.empty() || !rec.publisher.empty() || !rec.published.empty();
  if (rec.source_url.empty() || !described || !first_time(graph, rec.source_url)) return;
  const auto& t = terms();
  Out out(sink_, graph);
  out.text(rec.source_url, t.title, rec.source_title, rec.lang);
  out.lit(rec.source_url, t.publisher, rec.publisher);
  if (!rec.published.empty())
    out.lit(rec.source_url, t.issued, rec.published.text(), date_type(rec.published));
}

void Mapper::map(const EventRecord& rec, std::string_view source_name, TermRef graph) {
  map_event_at(rec, event_iri(rec, source_name), graph);
}

void Mapper::map_event_at(const EventRecord& rec, const std::string& e, TermRef graph) {
  if (rec.observation) return map_observation(rec, e, graph);
  std::vector<std::string> actors;
  for (const Participant& p : rec.participants) actors.push_back(actor_iri(p));
  map_event(rec, e, actors, graph);  // the event's own statements first: Turtle groups them
  Out out(sink_, graph);
  write_participations(out, e, rec, actors);
  for (std::size_t i = 0; i < rec.participants.size(); ++i) map_actor(rec.participants[i], actors[i], graph);
  map_source(rec, graph);
  if (rec.location) map_location(*rec.location, e, graph);
  if (rec.relation) map_relation(rec, e, graph);
}

}  // namespace diplograph
