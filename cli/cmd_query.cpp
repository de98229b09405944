// diplograph query: the questions of the catalogue (diplograph/catalogue.hpp), each one's options
// and --help made from its entry; here only how an answer is shown.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <type_traits>

#include "cli/commands.hpp"
#include "cli/declared.hpp"
#include "diplograph/catalogue.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/present.hpp"
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
      ("input", po::value(&graphs), "GRAPH...: RDF files (gzipped too) to query, or one index file written by `diplograph index`");
    // clang-format on
    remote.add(opts);
  }

  [[nodiscard]] bool given() const { return !graphs.empty() || !remote.endpoint.empty() || remote.print; }

  [[nodiscard]] std::unique_ptr<Backend> load(Question q) const {
    return open_named(graphs, syntax, base, q, remote);
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
  for (const auto& n : notes) std::cerr << "diplograph: note: " << said(n) << '\n';
}

// Reads a question's command line into `asked` and `c`; false when --help was asked (printed).
bool read_question(const QuestionSpec& spec, const std::vector<std::string>& args, Common& c, Asked& asked) {
  Declared declared(spec);
  po::options_description opts("query " + std::string(spec.name) + " options");
  declared.add(opts);
  c.add(opts, std::string(spec.formats).c_str());
  po::variables_map vm;
  if (!parse(args, synopsis(spec), opts, "input", vm)) return false;
  asked = spec.read(declared.given());
  return true;
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

// Any question whose answer is one table: asked, its notes and rows shown.
int answer_as_table(const Asked& asked, const Common& c) {
  const auto format = c.table_format();
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  Answered a = ask(loaded->questions(), asked);
  std::visit(
      [&](auto&& answer) {
        if constexpr (std::is_same_v<std::decay_t<decltype(answer)>, RelationReport>) {
          print_notes(answer.history.notes);
          write_table(std::cout, select_columns(to_table(answer.history), c.column_list()), format);
        } else {
          show(std::forward<decltype(answer)>(answer), c, format);
        }
      },
      std::move(a));
  return ok;
}

int met(const Asked& asked, const Common& c) {
  const auto format = table_format(c.format);
  const auto network = network_format(c.format);
  if (c.format != "dot" && !format && !network)
    throw po::error("--format takes table, csv, json, dot, graphml or gexf, not \"" + c.format + "\"");
  if (!c.given()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  const Questions& q = loaded->questions();
  Answered a = ask(q, asked);
  std::visit(
      [&](auto&& answer) {
        using A = std::decay_t<decltype(answer)>;
        if constexpr (std::is_same_v<A, Answer<MetRow>> || std::is_same_v<A, Answer<MetCount>>) {
          if (network) return show_network(answer, q, *network);
          show(std::forward<decltype(answer)>(answer), c, format);
        }
      },
      std::move(a));
  return ok;
}

void section(const char* title, const Table& t) {
  std::cout << '\n' << title << '\n';
  if (t.rows.empty())
    std::cout << "(none)\n";
  else
    write_table(std::cout, t, TableFormat::table);
}

// As a table, the relation's history is followed by its pending changes, interactions, topics.
int relation(const Asked& asked, const Common& c) {
  RelationOptions r = std::get<RelationOptions>(asked);
  const auto format = c.table_format();
  r.summary = format == TableFormat::table;  // the sections only a table shows
  if (!r.summary) return answer_as_table(Asked(r), c);
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  const RelationReport rep = loaded->questions().relation(r);
  print_notes(rep.history.notes);
  write_table(std::cout, select_columns(to_table(rep.history), c.column_list()), format);
  section("Pending (proposed or agreed) changes:", to_table(rep.pending));
  section("Interactions between the two states' actors:", to_table(rep.interactions));
  section("Topics they took up:", to_table(rep.topics));
  return ok;
}

// A path that finds no chain says which options would let it find one.
int path(const Asked& asked, const Common& c) {
  const PathOptions& p = std::get<PathOptions>(asked);
  const auto format = c.table_format();
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  const auto t = loaded->questions().path(p);
  print_notes(t.notes);
  if (t.rows.empty() && t.notes.empty()) {
    std::string hint = p.max_hops < 100 ? "--max-hops allows longer chains" : "";
    if (p.people_only)
      hint += std::string(hint.empty() ? "" : "; ") +
              "--via any lets chains run through states and organizations";
    std::cerr << "diplograph: no chain of meetings within " << p.max_hops << " hops"
              << (hint.empty() ? "" : " (" + hint + ")") << '\n';
  }
  write_table(std::cout, select_columns(to_table(t), c.column_list()), format);
  return ok;
}

// A panel as CSV or JSON, written row by row as the question hands the rows out: hundreds of
// thousands of rows are never held as rows and again as a table (the same bytes either way).
int stream_dyads(const Questions& q, const DyadsOptions& d, const Common& c, TableFormat format) {
  TableStream stream(std::cout, dyad_columns(d.levels()), format, c.column_list());
  std::vector<std::string> cells;
  const auto notes = q.each_dyad(d, [&](const DyadRow& r) {
    dyad_cells(r, cells);
    stream.row(cells);
  });
  print_notes(notes);
  stream.finish();
  return ok;
}

int dyads(const Asked& asked, const Common& c) {
  const DyadsOptions& d = std::get<DyadsOptions>(asked);
  const auto network = network_format(c.format);
  const auto format = network ? std::optional<TableFormat>() : std::optional(c.table_format());
  if (!c.given()) throw po::error("no GRAPH files (or --endpoint URL: a SPARQL store)");
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  const Questions& q = loaded->questions();
  if (format && *format != TableFormat::table) return stream_dyads(q, d, c, *format);
  auto a = q.dyads(d);
  if (network) return show_network(a, q, *network, d.directed), ok;
  show(std::move(a), c, format);
  return ok;
}

// With --print-sparql, the queries the question would send, and no answer.
int recorded(const Asked& asked, const Common& c) {
  const auto loaded = c.load(loads(asked));
  if (!loaded) return bad_input;
  (void)ask(loaded->questions(), asked);
  print_recorded(*loaded);
  return ok;
}

// How each question's answer is shown: those not named here, as one table.
int shown(const QuestionSpec& spec, const Asked& asked, const Common& c) {
  if (c.remote.print) return recorded(asked, c);
  if (spec.name == "met") return met(asked, c);
  if (spec.name == "relation") return relation(asked, c);
  if (spec.name == "path") return path(asked, c);
  if (spec.name == "dyads") return dyads(asked, c);
  return answer_as_table(asked, c);
}

// The questions `diplograph query` asks: the catalogue's, less `actors` (a command of its own).
std::vector<const QuestionSpec*> query_questions() {
  std::vector<const QuestionSpec*> out;
  for (const auto& q : question_catalogue()) {
    if (q.name != "actors") out.push_back(&q);
  }
  return out;
}

// "met, relation, path, timeline, events or dyads"
std::string question_list() {
  const auto all = query_questions();
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i)
    out += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + std::string(all[i]->name);
  return out;
}

int query_help() {
  std::cout << "usage: diplograph query QUESTION [OPTIONS] GRAPH...\n\nquestions:\n";
  for (const auto* q : query_questions()) {
    std::string name(q->name);
    name.resize(std::max<std::size_t>(name.size(), 9), ' ');
    std::cout << "  " << name << ' ' << q->summary << "\n            --format " << q->formats << '\n';
  }
  std::cout << "\n`diplograph query QUESTION --help` describes each question's options.\n";
  return ok;
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
  return guarded([&]() -> int {
    const std::string what = args.empty() ? "" : args.front();
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (what == "--help" || what == "-h") return query_help();
    const QuestionSpec* spec = what == "actors" ? nullptr : question_named(what);
    if (!spec)
      throw po::error(what.empty() ? "query needs a question: " + question_list()
                                   : "unknown query \"" + what + "\" (" + question_list() + ")");
    Common c;
    Asked asked;
    if (!read_question(*spec, rest, c, asked)) return ok;
    return shown(*spec, asked, c);
  });
}

}  // namespace diplograph::cli
