// The JSON API: a request's parameters read as the command line's options, the question asked
// through the one Questions interface, the rows written as `--format json` writes them.
#include <algorithm>
#include <functional>
#include <sstream>

#include "diplograph/serve.hpp"
#include "diplograph/sparql.hpp"
#include "serve/errors.hpp"

namespace diplograph {

namespace {

// The parameters of one request: each read once by name; any left unread is an error naming
// those the route takes.
class Args {
 public:
  Args(const Params& params, std::string_view route, std::string_view takes)
      : params_(params), usage_("/api/" + std::string(route) + " takes " + std::string(takes)) {}

  // The value, "" when absent; a repeated parameter is an error.
  std::string text(std::string_view name, std::string_view absent = "") {
    const auto values = list(name);
    if (values.size() > 1)
      throw OptionError(std::string(name) + " is given " + std::to_string(values.size()) +
                        " times, and takes one value");
    return values.empty() ? std::string(absent) : values.front();
  }

  std::string required(std::string_view name) {
    std::string v = text(name);
    if (v.empty()) throw OptionError(std::string(name) + " is required (" + usage_ + ")");
    return v;
  }

  std::vector<std::string> list(std::string_view name) {
    taken_.emplace_back(name);
    std::vector<std::string> out;
    for (const auto& [k, v] : params_) {
      if (k != name) continue;
      if (v.find('\0') != std::string::npos) throw OptionError(std::string(name) + " holds a NUL byte (%00)");
      out.push_back(v);
    }
    return out;
  }

  // A switch: present and empty, 1, true or yes; 0, false or no; absent is false.
  bool flag(std::string_view name) {
    const auto values = list(name);
    if (values.empty()) return false;
    const std::string& v = values.back();
    if (v.empty() || v == "1" || v == "true" || v == "yes") return true;
    if (v == "0" || v == "false" || v == "no") return false;
    throw OptionError(std::string(name) + " takes 1 or 0 (true or false), not \"" + v + "\"");
  }

  // Every parameter given was one the route takes.
  void done() const {
    for (const auto& [k, v] : params_) {
      if (std::find(taken_.begin(), taken_.end(), k) == taken_.end())
        throw OptionError("unknown parameter \"" + k + "\" (" + usage_ + ")");
    }
  }

 private:
  const Params& params_;
  std::string usage_;
  std::vector<std::string> taken_;
};

// How rows are written: format=json (default) or csv, and columns=a,b,c.
struct Output {
  TableFormat format = TableFormat::json;
  std::vector<std::string> columns;
};

Output output_of(Args& a) {
  Output o;
  const std::string format = a.text("format", "json");
  if (format != "json" && format != "csv")
    throw OptionError("format takes json or csv, not \"" + format + "\"");
  o.format = format == "csv" ? TableFormat::csv : TableFormat::json;
  o.columns = column_names(a.text("columns"));
  return o;
}

void json_list(std::ostream& out, const std::vector<std::string>& items) {
  out << '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out << ", ";
    write_json_string(out, items[i]);
  }
  out << ']';
}

Reply json_reply(int status, const std::string& body) {
  return {status, "application/json; charset=utf-8", body, ""};
}

// The answer as the command line's `--format csv`, or in the JSON envelope; `more` adds members.
template <class Row>
Reply rows_reply(std::string_view question, Answer<Row>&& a, const Output& o,
                 const std::function<void(std::ostream&)>& more = {}) {
  std::ostringstream out;
  auto notes = std::move(a.notes);
  const Table t = select_columns(to_table(std::move(a)), o.columns);
  if (o.format == TableFormat::csv) {
    write_table(out, t, TableFormat::csv);
    return {200, "text/csv; charset=utf-8", out.str(), std::string(question) + ".csv"};
  }
  out << "{\"question\": ";
  write_json_string(out, question);
  out << ", \"rows\": ";
  write_table(out, t, TableFormat::json);
  if (more) more(out);
  out << ", \"notes\": ";
  json_list(out, notes);
  out << "}\n";
  return json_reply(200, out.str());
}

// since= and until=, checked as the command line checks them.
void window(Args& a, std::string& since, std::string& until) {
  since = a.text("since");
  until = a.text("until");
  date_option(since, "since");
  date_option(until, "until");
}

// --actor, --with, --level, --since, --until, and the event filters of `query events`.
EventsOptions events_options(Args& a) {
  EventsOptions o;
  o.actor = a.text("actor");
  o.with = a.text("with");
  o.state_level = level_option(a.text("level", "person"), "level");
  window(a, o.since, o.until);
  o.types = a.list("type");
  o.cameo = a.list("cameo");
  for (const auto& c : o.cameo) cameo_option(c, "cameo");
  for (const auto& q : a.list("quad-class")) quad_class_option(q, "quad-class", o);
  if (const auto g = a.text("goldstein"); !g.empty()) goldstein_option(g, "goldstein", o);
  return o;
}

Reply met(const Questions& q, Args& a) {
  MetOptions m;
  m.actor = a.text("actor");
  m.with = a.text("with");
  window(a, m.since, m.until);
  m.types = a.list("type");
  m.sectors = a.list("sector");
  m.state_level = level_option(a.text("level", "person"), "level");
  const bool count = a.flag("count");
  const Output o = output_of(a);
  a.done();
  return count ? rows_reply("met", q.met_counts(m), o) : rows_reply("met", q.met(m), o);
}

Reply relation(const Questions& q, Args& a) {
  RelationOptions r;
  r.a = a.required("between");
  r.b = a.required("and");
  r.at = a.text("at");
  date_option(r.at, "at");
  const Output o = output_of(a);
  a.done();
  RelationReport rep = q.relation(r);
  auto section = [&](std::ostream& out, const char* name, const Table& t) {
    out << ", \"" << name << "\": ";
    write_table(out, t, TableFormat::json);
  };
  return rows_reply("relation", std::move(rep.history), o, [&](std::ostream& out) {
    section(out, "pending", to_table(rep.pending));
    section(out, "interactions", to_table(rep.interactions));
    section(out, "topics", to_table(rep.topics));
  });
}

Reply path(const Questions& q, Args& a) {
  PathOptions p;
  p.from = a.required("from");
  p.to = a.required("to");
  p.max_hops = static_cast<unsigned>(whole_number_option(a.text("max-hops", "6"), "max-hops", 0, 100));
  const std::string via = a.text("via", "any");
  if (via != "any" && via != "person") throw OptionError("via takes any or person, not \"" + via + "\"");
  p.people_only = via == "person";
  const Output o = output_of(a);
  a.done();
  auto answer = q.path(p);
  if (answer.rows.empty() && answer.notes.empty())
    answer.notes.push_back("no chain of meetings within " + std::to_string(p.max_hops) + " hops");
  return rows_reply("path", std::move(answer), o);
}

Reply timeline(const Questions& q, Args& a) {
  TimelineOptions t;
  t.actor = a.required("actor");
  t.with = a.text("with");
  t.state_level = level_option(a.text("level", "person"), "level");
  window(a, t.since, t.until);
  const Output o = output_of(a);
  a.done();
  return rows_reply("timeline", q.timeline(t), o);
}

Reply actors(const Questions& q, Args& a) {
  const std::string search = a.text("q");
  const std::string limit = a.text("limit");
  const Output o = output_of(a);
  a.done();
  auto answer = q.actors(search);
  if (!limit.empty()) {
    const auto most = whole_number_option(limit, "limit", 1, 1000000000);
    if (answer.rows.size() > most) answer.rows.resize(most);
  }
  return rows_reply("actors", std::move(answer), o);
}

Reply events(const Questions& q, Args& a) {
  const EventsOptions e = events_options(a);
  const Output o = output_of(a);
  a.done();
  return rows_reply("events", q.events(e), o);
}

Reply dyads(const Questions& q, Args& a) {
  DyadsOptions d;
  d.events = events_options(a);
  d.by = period_option(a.text("by", "all"), "by");
  d.directed = a.flag("directed");
  d.codes = codes_option(a.text("codes", "iso3"), "codes");
  const Output o = output_of(a);
  a.done();
  return rows_reply("dyads", q.dyads(d), o);
}

struct Route {
  const char* name;
  const char* summary;
  const char* takes;
  Reply (*answer)(const Questions&, Args&);
};

#define DG_EVENT_FILTERS "actor, with, level, since, until, type, cameo, quad-class, goldstein"
#define DG_OUTPUT "format (json or csv), columns"
constexpr Route routes[] = {
    {"met", "who met whom, when and how", "actor, with, since, until, type, sector, level, count, " DG_OUTPUT,
     met},
    {"relation", "the level of representation between two states, and its history",
     "between, and, at, " DG_OUTPUT, relation},
    {"path", "the shortest chain of meetings between two actors", "from, to, max-hops, via, " DG_OUTPUT,
     path},
    {"timeline", "everything an actor took part in", "actor, with, level, since, until, " DG_OUTPUT,
     timeline},
    {"actors", "the actors, best match for a name first", "q, limit, " DG_OUTPUT, actors},
    {"events", "every event with its CAMEO code, quad class and Goldstein score",
     DG_EVENT_FILTERS ", " DG_OUTPUT, events},
    {"dyads", "events per pair and period, by quad class, with state codes",
     "by, directed, codes, " DG_EVENT_FILTERS ", " DG_OUTPUT, dyads},
};
#undef DG_EVENT_FILTERS
#undef DG_OUTPUT

// The query layer's messages speak to the command line; here they name what a URL takes.
std::string for_the_api(std::string message) {
  const std::pair<std::string_view, std::string_view> said[] = {
      {"diplograph actors SEARCH GRAPH... lists the names there are",
       "/api/actors?q=NAME lists the names there are"},
      {"diplograph actors lists them", "/api/actors lists them"},
      {"--", ""},
  };
  for (const auto& [from, to] : said) {
    for (auto at = message.find(from); at != std::string::npos; at = message.find(from, at + to.size()))
      message.replace(at, from.size(), to);
  }
  return message;
}

Reply error_reply(int status, const std::string& message,
                  const std::vector<NameError::Candidate>* candidates = nullptr) {
  std::string body = serve::json_error(status, message);
  if (!candidates) return json_reply(status, body);
  std::ostringstream out;
  out << ", \"candidates\": [";
  for (std::size_t i = 0; i < candidates->size(); ++i) {
    out << (i ? ", " : "") << "{\"iri\": ";
    write_json_string(out, (*candidates)[i].iri);
    out << ", \"label\": ";
    write_json_string(out, (*candidates)[i].label);
    out << '}';
  }
  out << ']';
  body.insert(body.size() - 2, out.str());  // before the closing "}\n"
  return json_reply(status, body);
}

Reply route_list() {
  std::ostringstream out;
  out << "{\"routes\": [";
  for (std::size_t i = 0; i < std::size(routes); ++i) {
    out << (i ? ", " : "") << "{\"route\": ";
    write_json_string(out, std::string("/api/") + routes[i].name);
    out << ", \"summary\": ";
    write_json_string(out, routes[i].summary);
    out << ", \"parameters\": ";
    write_json_string(out, routes[i].takes);
    out << '}';
  }
  out << "]}\n";
  return json_reply(200, out.str());
}

std::string route_names() {
  std::string out;
  for (const auto& r : routes) out += std::string(out.empty() ? "" : ", ") + "/api/" + r.name;
  return out;
}

Reply answered(const Route& r, const Questions& q, const Params& params) {
  try {
    Args a(params, r.name, r.takes);
    return r.answer(q, a);
  } catch (const NameError& e) {
    return error_reply(e.kind() == NameError::Kind::unknown ? 404 : 400, for_the_api(e.what()),
                       &e.candidates());
  } catch (const UsageError& e) {
    return error_reply(400, for_the_api(e.what()));
  } catch (const StoreError& e) {
    return error_reply(502, e.what());
  } catch (const std::exception& e) {
    return error_reply(500, std::string("internal error: ") + e.what() +
                                " (a bug in diplograph, not in the request: please report it with the URL)");
  }
}

}  // namespace

std::string serve::json_error(int status, std::string_view message) {
  std::ostringstream out;
  out << "{\"error\": ";
  write_json_string(out, message);
  out << ", \"status\": " << status << "}\n";
  return out.str();
}

Reply api_reply(const Questions& questions, std::string_view route, const Params& params) {
  if (route.empty()) return route_list();
  for (const auto& r : routes) {
    if (route == r.name) return answered(r, questions, params);
  }
  return error_reply(404, "no route /api/" + std::string(route) + " (the routes: " + route_names() + ")");
}

}  // namespace diplograph
