// diplograph query: who met whom, and the relation between two states.
#include <cstdlib>
#include <iostream>
#include <type_traits>

#include "cli/commands.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"

namespace diplograph::cli {

namespace {

struct Common {
  std::string format = "table";
  std::string syntax;
  std::string base;
  std::vector<std::string> graphs;
  std::string columns;
  Remote remote;

  void add(po::options_description& opts, const char* formats = "table, csv, json") {
    // clang-format off
    opts.add_options()
      ("format", po::value(&format)->default_value(format), formats)
      ("columns", po::value(&columns), "only these columns, comma-separated, in this order")
      ("syntax", po::value(&syntax), "RDF syntax of every GRAPH (default: by extension)")
      ("base", po::value(&base), "base IRI for relative IRIs (default: each file's own URI)")
      ("input", po::value(&graphs), "GRAPH...: RDF files to query, or one index file written by `diplograph index`");
    // clang-format on
    remote.add(opts);
  }

  [[nodiscard]] bool given() const { return !graphs.empty() || !remote.endpoint.empty() || remote.print; }

  [[nodiscard]] std::unique_ptr<Loaded> load(Question q) const {
    return load_questions(graphs, syntax, base, q, remote);
  }

  // The table format, checked, once the graphs are known to be given.
  [[nodiscard]] TableFormat table_format() const {
    const auto f = diplograph::table_format(format);
    if (!f) throw po::error("--format takes table, csv or json, not \"" + format + "\"");
    if (!given()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
    return *f;
  }

  [[nodiscard]] std::vector<std::string> column_list() const { return column_names(columns); }
};

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes) std::cerr << "diplograph: note: " << n << '\n';
}

// Notes on stderr, rows on stdout: in `format`, or without one (who met whom) as Graphviz.
template <class Row>
void show(Answer<Row>&& a, const Common& c, std::optional<TableFormat> format) {
  print_notes(a.notes);
  if constexpr (std::is_same_v<Row, MetRow> || std::is_same_v<Row, MetCount>) {
    if (!format) return write_dot(std::cout, a.rows);
  }
  write_table(std::cout, select_columns(to_table(std::move(a)), c.column_list()), *format);
}

std::optional<NetworkFormat> network_format(const std::string& name) {
  if (name == "graphml") return NetworkFormat::graphml;
  if (name == "gexf") return NetworkFormat::gexf;
  return std::nullopt;
}

// Who met whom, or dyads, as a network file: each node described as `actors` describes it.
template <class Row, class... Directed>
void show_network(const Answer<Row>& a, const Questions& q, NetworkFormat format, Directed... directed) {
  print_notes(a.notes);
  write_network(std::cout, network_of(a.rows, q.actors("").rows, directed...), format);
}

// The filters `events` and `dyads` share, declared and checked once.
struct EventFilters {
  EventsOptions o;
  std::string level = "person", goldstein;
  std::vector<std::string> quads;

  void add(po::options_description& opts) {
    // clang-format off
    opts.add_options()
      ("actor", po::value(&o.actor), "events this actor took part in (IRI, code, Wikidata item, label, part of a label)")
      ("with", po::value(&o.with), "and this one")
      ("level", po::value(&level)->default_value(level), "person, or state: the states' officials count for them")
      ("since", po::value(&o.since), "on or after this date")
      ("until", po::value(&o.until), "on or before this date")
      ("type", po::value(&o.types), "only events of this class and its subclasses; repeatable")
      ("cameo", po::value(&o.cameo), "only CAMEO codes starting with these digits (04: consult); repeatable")
      ("quad-class", po::value(&quads), "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                                        "4 material conflict; repeatable")
      ("goldstein", po::value(&goldstein), "only Goldstein scores in MIN:MAX (-10 to 10; -10:-5, 5:)");
    // clang-format on
  }
  void check();
};

// --level: person (false) or state (true); anything else is a usage error naming both.
bool state_level(const std::string& level) {
  return level_option(level, "--level");
}

void check_date(const std::string& d, const char* option) {
  date_option(d, std::string("--") + option);
}

int met(const std::vector<std::string>& args) {
  MetOptions m;
  bool count = false;
  Common c;
  std::string level = "person";
  po::options_description opts("query met options");
  opts.add_options()("actor", po::value(&m.actor),
                     "only meetings of this actor (IRI, code, Wikidata item, label, part of a label)")(
      "with", po::value(&m.with), "only meetings with this actor")(
      "since", po::value(&m.since), "on or after this date")("until", po::value(&m.until),
                                                             "on or before this date")(
      "type", po::value(&m.types),
      "only interactions of this class and its subclasses (Meeting, PhoneCall, Visit, ...); repeatable")(
      "sector", po::value(&m.sectors),
      "only events with a participant of this sector (ICEWS: Government, Military, ...); repeatable")(
      "level", po::value(&level)->default_value(level), "person, or state: actors replaced by their states")(
      "count", po::bool_switch(&count), "aggregate to pairs: events, first, last");
  c.add(opts, "table, csv, json, or a network of who met whom: dot (Graphviz), graphml, gexf (Gephi)");
  po::variables_map vm;
  if (!parse(args, "diplograph query met [OPTIONS] GRAPH...", opts, "input", vm)) return ok;
  m.state_level = state_level(level);
  check_date(m.since, "since");
  check_date(m.until, "until");
  const auto format = table_format(c.format);
  const auto network = network_format(c.format);
  if (c.format != "dot" && !format && !network)
    throw po::error("--format takes table, csv, json, dot, graphml or gexf, not \"" + c.format + "\"");
  if (!c.given()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
  const auto loaded = c.load(count ? Question::met_count : Question::met);
  if (!loaded) return bad_input;
  const Questions& q = *loaded->questions;
  if (count) {
    auto a = q.met_counts(m);
    if (loaded->print_sparql()) return ok;
    return network ? show_network(a, q, *network) : show(std::move(a), c, format), ok;
  }
  auto a = q.met(m);
  if (loaded->print_sparql()) return ok;
  return network ? show_network(a, q, *network) : show(std::move(a), c, format), ok;
}

int relation(const std::vector<std::string>& args) {
  RelationOptions r;
  Common c;
  po::options_description opts("query relation options");
  opts.add_options()("between", po::value(&r.a)->required(), "one state (alpha-3, IRI or label)")(
      "and", po::value(&r.b)->required(), "the other state")(
      "at", po::value(&r.at), "the level in force on this date, per direction");
  c.add(opts);
  po::variables_map vm;
  if (!parse(args, "diplograph query relation --between A --and B [--at DATE] GRAPH...", opts, "input", vm))
    return ok;
  check_date(r.at, "at");
  const auto format = c.table_format();
  const auto loaded = c.load(Question::relation);
  if (!loaded) return bad_input;
  r.summary = format == TableFormat::table;
  const RelationReport rep = loaded->questions->relation(r);
  if (loaded->print_sparql()) return ok;
  print_notes(rep.history.notes);
  write_table(std::cout, select_columns(to_table(rep.history), c.column_list()), format);
  if (format != TableFormat::table) return ok;
  auto section = [](const char* title, const Table& t) {
    std::cout << '\n' << title << '\n';
    if (t.rows.empty())
      std::cout << "(none)\n";
    else
      write_table(std::cout, t, TableFormat::table);
  };
  section("Pending (proposed or agreed) changes:", to_table(rep.pending));
  section("Interactions between the two states' actors:", to_table(rep.interactions));
  section("Topics they took up:", to_table(rep.topics));
  return ok;
}

int path(const std::vector<std::string>& args) {
  std::string from, to, max_hops = "6", via = "any";
  Common c;
  po::options_description opts("query path options");
  // clang-format off
  opts.add_options()
    ("from", po::value(&from)->required(), "one actor")
    ("to", po::value(&to)->required(), "the other actor")
    ("max-hops", po::value(&max_hops)->default_value(max_hops), "longest chain looked for, 0 to 100")
    ("via", po::value(&via)->default_value(via), "any, or person: only people between the two");
  // clang-format on
  c.add(opts);
  po::variables_map vm;
  if (!parse(args, "diplograph query path --from A --to B [--max-hops N] [--via any|person] GRAPH...", opts,
             "input", vm))
    return ok;
  const auto hops = static_cast<unsigned>(whole_number(max_hops, "max-hops", 0, 100));
  if (via != "any" && via != "person") throw po::error("--via takes any or person, not \"" + via + "\"");
  const auto format = c.table_format();
  const auto loaded = c.load(Question::path);
  if (!loaded) return bad_input;
  const auto t = loaded->questions->path({from, to, hops, via == "person"});
  if (loaded->print_sparql()) return ok;
  print_notes(t.notes);
  if (t.rows.empty() && t.notes.empty()) {
    std::string hint = hops < 100 ? "--max-hops allows longer chains" : "";
    if (via == "person")
      hint += std::string(hint.empty() ? "" : "; ") +
              "--via any lets chains run through states and organizations";
    std::cerr << "diplograph: no chain of meetings within " << hops << " hops"
              << (hint.empty() ? "" : " (" + hint + ")") << '\n';
  }
  write_table(std::cout, select_columns(to_table(t), c.column_list()), format);
  return ok;
}

int timeline(const std::vector<std::string>& args) {
  TimelineOptions o;
  std::string level = "person";
  Common c;
  po::options_description opts("query timeline options");
  // clang-format off
  opts.add_options()
    ("actor", po::value(&o.actor)->required(), "the actor (IRI, code, Wikidata item, label, part of a label)")
    ("with", po::value(&o.with), "only events this actor took part in too")
    ("level", po::value(&level)->default_value(level), "person, or state: events of the states' officials too")
    ("since", po::value(&o.since), "on or after this date")
    ("until", po::value(&o.until), "on or before this date");
  // clang-format on
  c.add(opts);
  po::variables_map vm;
  if (!parse(args,
             "diplograph query timeline --actor A [--with B] [--level person|state] [--since DATE] "
             "[--until DATE] GRAPH...",
             opts, "input", vm)) {
    return ok;
  }
  o.state_level = state_level(level);
  check_date(o.since, "since");
  check_date(o.until, "until");
  const auto format = c.table_format();
  const auto loaded = c.load(Question::timeline);
  if (!loaded) return bad_input;
  auto a = loaded->questions->timeline(o);
  if (loaded->print_sparql()) return ok;
  show(std::move(a), c, format);
  return ok;
}

void check_events_options(EventsOptions& o, const std::vector<std::string>& quads,
                          const std::string& goldstein) {
  for (const auto& q : quads) quad_class_option(q, "--quad-class", o);
  for (const auto& c : o.cameo) cameo_option(c, "--cameo");
  if (!goldstein.empty()) goldstein_option(goldstein, "--goldstein", o);
}

void EventFilters::check() {
  o.state_level = state_level(level);
  check_date(o.since, "since");
  check_date(o.until, "until");
  check_events_options(o, quads, goldstein);
}

int events(const std::vector<std::string>& args) {
  EventFilters f;
  Common c;
  po::options_description opts("query events options");
  f.add(opts);
  c.add(opts);
  po::variables_map vm;
  if (!parse(args,
             "diplograph query events [--actor A] [--with B] [--level person|state] [--since DATE] [--until "
             "DATE] [--type CLASS]... [--cameo PREFIX]... [--quad-class 1|2|3|4]... [--goldstein MIN:MAX] "
             "GRAPH...",
             opts, "input", vm))
    return ok;
  f.check();
  const auto format = c.table_format();
  const auto loaded = c.load(Question::events);
  if (!loaded) return bad_input;
  auto a = loaded->questions->events(f.o);
  if (loaded->print_sparql()) return ok;
  show(std::move(a), c, format);
  return ok;
}

// --by and --codes, checked: a usage error names what they take.
void check_dyads_options(DyadsOptions& d, const std::string& by, const std::string& codes) {
  d.by = period_option(by, "--by");
  d.codes = codes_option(codes, "--codes");
}

// A panel as CSV or JSON, written row by row as the question hands the rows out: hundreds of
// thousands of rows are never held as rows and again as a table (the same bytes either way).
int stream_dyads(const Questions& q, const DyadsOptions& d, const Common& c, TableFormat format,
                 const Loaded& loaded) {
  TableStream stream(std::cout, dyad_columns(), format, c.column_list());
  std::vector<std::string> cells;
  const auto notes = q.each_dyad(d, [&](const DyadRow& r) {
    dyad_cells(r, cells);
    stream.row(cells);
  });
  if (loaded.print_sparql()) return ok;
  print_notes(notes);
  stream.finish();
  return ok;
}

int dyads(const std::vector<std::string>& args) {
  DyadsOptions d;
  EventFilters f;
  std::string by = "all", codes = "iso3";
  Common c;
  po::options_description opts("query dyads options");
  opts.add_options()("by", po::value(&by)->default_value(by), "period: all, year, month or day")(
      "directed", po::bool_switch(&d.directed),
      "source to target (an event without direction counts both ways)")(
      "codes", po::value(&codes)->default_value(codes),
      "states' codes: iso3, cow (Correlates of War) or gw (Gleditsch-Ward)");
  f.add(opts);
  c.add(opts, "table, csv, json, or a network: graphml, gexf (Gephi; edges carry first and last period)");
  po::variables_map vm;
  if (!parse(args,
             "diplograph query dyads [--by all|year|month|day] [--level person|state] [--directed] "
             "[--codes iso3|cow|gw] [the filters of query events] GRAPH...",
             opts, "input", vm))
    return ok;
  f.check();
  check_dyads_options(d, by, codes);
  d.events = f.o;
  const auto network = network_format(c.format);
  const auto format = network ? std::optional<TableFormat>() : std::optional(c.table_format());
  if (!c.given()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
  const auto loaded = c.load(d.directed ? Question::dyads_directed : Question::dyads);
  if (!loaded) return bad_input;
  const Questions& q = *loaded->questions;
  if (format && *format != TableFormat::table) return stream_dyads(q, d, c, *format, *loaded);
  auto a = q.dyads(d);
  if (loaded->print_sparql()) return ok;
  if (network) return show_network(a, q, *network, d.directed), ok;
  show(std::move(a), c, format);
  return ok;
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    const std::string what = args.empty() ? "" : args.front();
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (what == "met") return met(rest);
    if (what == "relation") return relation(rest);
    if (what == "path") return path(rest);
    if (what == "timeline") return timeline(rest);
    if (what == "events") return events(rest);
    if (what == "dyads") return dyads(rest);
    if (what == "--help" || what == "-h") {
      std::cout << "usage: diplograph query QUESTION [OPTIONS] GRAPH...\n\n"
                   "questions:\n"
                   "  met       who met whom, when and how (--format table, csv, json, dot, graphml, gexf)\n"
                   "  relation  the level of representation between two states, and its history\n"
                   "  path      the shortest chain of meetings between two actors\n"
                   "  timeline  everything an actor took part in\n"
                   "  events    every event with its CAMEO code, quad class and Goldstein score\n"
                   "  dyads     events per pair and period, by quad class, with state codes (panel data)\n\n"
                   "`diplograph query QUESTION --help` describes each question's options.\n";
      return static_cast<int>(ok);
    }
    throw po::error(what.empty()
                        ? "query needs a question: met, relation, path, timeline, events or dyads"
                        : "unknown query \"" + what + "\" (met, relation, path, timeline, events or dyads)");
  });
}

}  // namespace diplograph::cli
