// The JSON API: a request's parameters read as the command line's options, the question asked
// through the one Questions interface, the rows written as `--format json` writes them.
#include <algorithm>
#include <functional>
#include <sstream>

#include "diplograph/catalogue.hpp"
#include "diplograph/present.hpp"
#include "diplograph/serve.hpp"
#include "serve/errors.hpp"

namespace diplograph {

namespace {

// How rows are written: format=json (default) or csv, and columns=a,b,c.
struct Output {
  TableFormat format = TableFormat::json;
  std::vector<std::string> columns;
};

// How a URL names an option (`level`) and the way to list actors, in a library message.
std::string bare(std::string_view name, std::string_view value) {
  return std::string(name) + (value.empty() ? "" : "=") + std::string(value);
}

std::string actors_route(bool search) {
  return search ? "/api/actors?q=NAME lists the names there are" : "/api/actors lists them";
}

std::string said(std::string_view message) {
  static const Spelling spelling{bare, actors_route};
  return spelled_out(message, spelling);
}

// A parameter's one value ("" when absent); a second value is refused.
std::string single(const Params& params, std::string_view name) {
  std::string value;
  std::size_t n = 0;
  for (const auto& [k, v] : params) {
    if (k != name) continue;
    value = v;
    ++n;
  }
  if (n > 1)
    throw OptionError(std::string(name) + " is given " + std::to_string(n) + " times, and takes one value");
  return value;
}

Output output_of(const Params& params) {
  Output o;
  std::string format = single(params, "format");
  if (format.empty()) format = "json";
  if (format != "json" && format != "csv")
    throw OptionError("format takes json or csv, not \"" + format + "\"");
  o.format = format == "csv" ? TableFormat::csv : TableFormat::json;
  o.columns = column_names(single(params, "columns"));
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
  for (auto& n : notes) n = said(n);
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

// What /api/NAME takes: the question's options and the output's.
std::string takes(const QuestionSpec& spec) {
  return option_names(spec) + ", format (json or csv), columns";
}

// The request's parameters as the question's options; one it does not take is refused.
Given given_of(const QuestionSpec& spec, const Params& params, const std::string& usage) {
  Given given;
  for (const auto& [name, v] : params) {
    const std::string& k = name;  // a structured binding, which a lambda may not capture (clang 14)
    if (v.find('\0') != std::string::npos) throw OptionError(k + " holds a NUL byte (%00)");
    if (k == "format" || k == "columns") continue;
    const bool taken =
        std::any_of(spec.options.begin(), spec.options.end(), [&](const auto& o) { return o.name == k; });
    if (!taken) throw OptionError("unknown parameter \"" + k + "\" (" + usage + ")");
    given.add(k, v);
  }
  complete(spec, given, usage);
  return given;
}

// An answer as rows: the relation with its sections.
struct RowsReply {
  std::string_view question;
  const Output& o;
  Reply operator()(RelationReport&& rep) const {
    auto section = [](std::ostream& out, const char* name, const Table& t) {
      out << ", \"" << name << "\": ";
      write_table(out, t, TableFormat::json);
    };
    return rows_reply(question, std::move(rep.history), o, [&](std::ostream& out) {
      section(out, "pending", to_table(rep.pending));
      section(out, "interactions", to_table(rep.interactions));
      section(out, "topics", to_table(rep.topics));
    });
  }
  template <class Row>
  Reply operator()(Answer<Row>&& a) const {
    return rows_reply(question, std::move(a), o);
  }
};

Reply answer(const QuestionSpec& spec, const Questions& q, const Params& params) {
  const std::string usage = "/api/" + std::string(spec.name) + " takes " + takes(spec);
  const Given given = given_of(spec, params, usage);
  const Asked asked = spec.read(given);
  const Output o = output_of(params);
  Answered answered = ask(q, asked);
  auto* path = std::get_if<Answer<PathHop>>(&answered);
  if (path && path->rows.empty() && path->notes.empty()) {
    const unsigned hops = std::get<PathOptions>(asked).max_hops;
    path->notes.push_back("no chain of meetings within " + std::to_string(hops) + " hops");
  }
  return std::visit(RowsReply{spec.name, o}, std::move(answered));
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
  const auto& all = question_catalogue();
  for (std::size_t i = 0; i < all.size(); ++i) {
    out << (i ? ", " : "") << "{\"route\": ";
    write_json_string(out, "/api/" + std::string(all[i].name));
    out << ", \"summary\": ";
    write_json_string(out, all[i].summary);
    out << ", \"parameters\": ";
    write_json_string(out, takes(all[i]));
    out << '}';
  }
  out << "]}\n";
  return json_reply(200, out.str());
}

std::string route_names() {
  std::string out;
  for (const auto& q : question_catalogue())
    out += std::string(out.empty() ? "" : ", ") + "/api/" + std::string(q.name);
  return out;
}

Reply answered(const QuestionSpec& spec, const Questions& q, const Params& params) {
  try {
    return answer(spec, q, params);
  } catch (const NameError& e) {
    return error_reply(e.kind() == NameError::Kind::unknown ? 404 : 400, said(e.what()), &e.candidates());
  } catch (const UsageError& e) {
    return error_reply(400, said(e.what()));
  } catch (const BackendError& e) {
    return error_reply(502, said(e.what()));
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
  if (const QuestionSpec* spec = question_named(route)) return answered(*spec, questions, params);
  return error_reply(404, "no route /api/" + std::string(route) + " (the routes: " + route_names() + ")");
}

}  // namespace diplograph
