// _diplograph: the C++ half of the Python package. It opens what a user names (backends.hpp),
// asks the question catalogue's questions with options given as text, and hands each answer back
// as typed columns (frame.hpp); diplograph/__init__.py makes them data frames. Long work runs on
// a thread of its own with the GIL released, and Ctrl-C returns at once (interruptible).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/backends.hpp"
#include "diplograph/catalogue.hpp"
#include "diplograph/convert.hpp"
#include "diplograph/index_file.hpp"
#include "diplograph/present.hpp"
#include "frame.hpp"
#include "work.hpp"

namespace py = pybind11;

namespace diplograph::python {

namespace {

// ------------------------------------------------------------------------- names and errors

// An option's keyword argument: dashes become underscores, Python's keywords take a trailing
// underscore (`with_`, `and_`, `from_`), as PEP 8 spells them.
std::string keyword(std::string_view option) {
  static constexpr std::array<std::string_view, 35> reserved{
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  std::string k(option);
  std::replace(k.begin(), k.end(), '-', '_');
  if (std::find(reserved.begin(), reserved.end(), k) != reserved.end()) k += '_';
  return k;
}

std::string spelled_option(std::string_view name, std::string_view value) {
  if (value.empty()) return keyword(name);
  return keyword(name) + "=\"" + std::string(value) + "\"";
}

std::string actors_method(bool search) {
  return search ? "g.actors(\"NAME\") lists the names there are" : "g.actors() lists them";
}

std::string said(std::string_view message) {
  static const Spelling spelling{spelled_option, actors_method};
  return spelled_out(message, spelling);
}

// The first option a library message names (`{{level}}` or `{{level=state}}`), as a keyword.
std::string option_named_in(std::string_view message) {
  const auto open = message.find("{{");
  if (open == std::string_view::npos) return {};
  const auto close = message.find_first_of("=}", open + 2);
  if (close == std::string_view::npos) return {};
  return keyword(message.substr(open + 2, close - open - 2));
}

// Raises diplograph.errors.NAME(message, **facts) as the Python exception in flight.
[[noreturn]] void raise(const char* name, const std::string& message, const py::dict& facts = {}) {
  const py::object type = py::module_::import("diplograph.errors").attr(name);
  const py::object error = type(message, **facts);
  PyErr_SetObject(type.ptr(), error.ptr());
  throw py::error_already_set();
}

[[noreturn]] void raise_name_error(const NameError& e) {
  py::list candidates;
  for (const auto& c : e.candidates()) candidates.append(py::make_tuple(c.iri, c.label));
  py::dict facts;
  facts["candidates"] = candidates;
  raise(e.kind() == NameError::Kind::unknown ? "UnknownName" : "AmbiguousName", said(e.what()), facts);
}

// Each problem as the package says it.
py::list said_all(const std::vector<Diagnostic>& problems) {
  py::list every;
  for (const auto& p : problems) every.append(said(p.str()));
  return every;
}

[[noreturn]] void raise_input_error(const Diagnostic& d, const std::vector<Diagnostic>& all = {}) {
  py::dict facts;
  facts["file"] = d.where.file;
  facts["line"] = d.where.line;
  facts["column"] = d.where.column;
  facts["diagnostics"] = said_all(all);
  raise("InputError", said(d.str()), facts);
}

// A conversion or an index that wrote nothing: its first problem, with all of them.
[[noreturn]] void raise_nothing_written(const std::string& output, const std::vector<Diagnostic>& problems) {
  raise_input_error(problems.empty() ? Diagnostic{{output, 0, 0}, "nothing written"} : problems.front(),
                    problems);
}

// The library's exceptions as the package's (diplograph/errors.py); a Python error in flight
// (KeyboardInterrupt) passes as it is.
template <class F>
auto translated(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const py::error_already_set&) {
    throw;
  } catch (const NameError& e) {
    raise_name_error(e);
  } catch (const OptionError& e) {
    py::dict facts;
    facts["option"] = option_named_in(e.what());
    raise("OptionError", said(e.what()), facts);
  } catch (const UsageError& e) {
    raise("UsageError", said(e.what()));
  } catch (const InputError& e) {
    raise_input_error(e.diagnostic());
  } catch (const BackendError& e) {
    raise("BackendError", said(e.what()));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    raise("InternalError", std::string("this is a bug in diplograph, please report it: ") + e.what());
  }
}

// ------------------------------------------------------------------------- answers as columns

template <class T>
py::array_t<T> array_of(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

py::list strings_of(const std::vector<std::string>& v) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    PyObject* s = PyUnicode_DecodeUTF8(v[i].data(), static_cast<py::ssize_t>(v[i].size()), "replace");
    if (!s) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<py::ssize_t>(i), s);
  }
  return out;
}

py::object payload(const TypedColumn& c) {
  switch (c.type) {
  case ColumnType::count:
  case ColumnType::code:
  case ColumnType::integer:
    return array_of(c.ints);
  case ColumnType::real:
    return array_of(c.reals);
  case ColumnType::date:
    return py::make_tuple(std::string(1, c.unit), array_of(c.ints));
  case ColumnType::category:
  case ColumnType::text:
    break;
  }
  return py::make_tuple(array_of(c.codes), strings_of(c.labels));
}

const char* type_name(ColumnType t) {
  switch (t) {
  case ColumnType::count:
    return "count";
  case ColumnType::code:
  case ColumnType::integer:
    return "integer";
  case ColumnType::real:
    return "real";
  case ColumnType::date:
    return "date";
  case ColumnType::category:
    return "category";
  case ColumnType::text:
    break;
  }
  return "text";
}

// The typed columns of a table.
std::vector<TypedColumn> columns_of(const Table& table) {
  FrameBuilder columns(table.columns);
  for (const auto& row : table.rows) columns.add(row);
  return columns.finish();
}

py::list columns_object(const std::vector<TypedColumn>& columns) {
  py::list out;
  for (const auto& c : columns) out.append(py::make_tuple(c.name, type_name(c.type), payload(c)));
  return out;
}

struct Frame {
  std::vector<TypedColumn> columns;
  std::vector<std::string> notes;
  /// Tables that go with it (the relation's pending changes, interactions and topics), by name.
  std::vector<std::pair<std::string, std::vector<TypedColumn>>> sections;
};

// {"columns": [(name, type, payload), ...], "notes": [...], "sections": {name: columns}}, the
// notes spelled for Python.
py::dict frame_object(const Frame& f) {
  py::list notes;
  for (const auto& n : f.notes) notes.append(said(n));
  py::dict sections;
  for (const auto& [name, columns] : f.sections) sections[py::str(name)] = columns_object(columns);
  py::dict out;
  out["columns"] = columns_object(f.columns);
  out["notes"] = notes;
  out["sections"] = sections;
  return out;
}

// The answer as one table: a relation's history (its other sections are Frame::sections).
Table table_of(Answered&& a) {
  return std::visit(
      [](auto&& answer) -> Table {
        if constexpr (std::is_same_v<std::decay_t<decltype(answer)>, RelationReport>)
          return to_table(answer.history);
        else
          return to_table(std::forward<decltype(answer)>(answer));
      },
      std::move(a));
}

// The answer's columns: a panel taken row by row as the question hands them out (never held as
// rows and again as a table), any other answer from its table.
Frame frame_of(const Questions& q, const Asked& asked) {
  Frame f;
  if (const auto* d = std::get_if<DyadsOptions>(&asked)) {
    FrameBuilder columns(dyad_columns(d->levels()));
    std::vector<std::string> cells;
    f.notes = q.each_dyad(*d, [&](const DyadRow& r) {
      dyad_cells(r, cells);
      columns.add(cells);
    });
    f.columns = columns.finish();
    return f;
  }
  Answered answer = ask(q, asked);
  if (const auto* r = std::get_if<RelationReport>(&answer)) {
    f.sections.emplace_back("pending", columns_of(to_table(r->pending)));
    f.sections.emplace_back("interactions", columns_of(to_table(r->interactions)));
    f.sections.emplace_back("topics", columns_of(to_table(r->topics)));
  }
  Table table = table_of(std::move(answer));
  f.notes = std::move(table.notes);
  f.columns = columns_of(table);
  return f;
}

// ------------------------------------------------------------------------- a graph

// What a Graph asks: the backend, used by one question at a time (an interrupted question's
// thread may still hold it; the next waits for it).
struct Opened {
  std::unique_ptr<Backend> backend;
  std::mutex busy;
};

struct Source {
  std::vector<std::string> graphs;
  std::string syntax, base, endpoint, graph, user, password;
  long timeout = 600;
};

// The syntax graphs are read in, named so; none when no name is given.
std::optional<Syntax> read_syntax(const std::string& name) {
  if (name.empty()) return std::nullopt;
  const auto syntax = syntax_from_name(name);
  if (!syntax || !syntax_info(*syntax).readable)
    throw OptionError(option_ref("syntax") + " takes " + syntax_names(true) + ", not \"" + name + "\"");
  return syntax;
}

Sources sources_of(const Source& s) {
  Sources out;
  out.graphs = s.graphs;
  out.syntax = read_syntax(s.syntax);
  out.base = s.base;
  if (s.endpoint.empty()) {
    if (s.graphs.empty()) throw UsageError("diplograph.open() names no graph files, index file or endpoint");
    return out;
  }
  out.store = Endpoint{s.endpoint, s.graph, s.user, s.password, s.timeout, 10};
  return out;
}

class Graph {
 public:
  explicit Graph(const Source& source) : opened_(std::make_shared<Opened>()) {
    const Sources sources = sources_of(source);
    auto diagnostics = std::make_shared<std::vector<Diagnostic>>();
    opened_->backend = interruptible<std::unique_ptr<Backend>>([sources, diagnostics](const Cancel&) {
      return open_backend(sources, Question::everything,
                          [diagnostics](const Diagnostic& d) { diagnostics->push_back(d); });
    });
    if (!opened_->backend)
      raise_input_error(diagnostics->empty() ? Diagnostic{{}, "cannot be read"} : diagnostics->front(),
                        *diagnostics);
  }

  py::dict ask(const std::string& name, const std::vector<std::pair<std::string, std::string>>& options) {
    const QuestionSpec* spec = question_named(name);
    if (!spec) throw UsageError("no question \"" + name + "\"");
    Given given;
    for (const auto& [k, v] : options) given.add(k, v);
    complete(*spec, given, usage(*spec));
    const Asked asked = spec->read(given);
    return frame_object(interruptible<Frame>([opened = opened_, asked](const Cancel&) {
      const std::lock_guard lock(opened->busy);
      return frame_of(opened->backend->questions(), asked);
    }));
  }

 private:
  // "g.relation(between, and_)": the call with its required options, for a message.
  static std::string usage(const QuestionSpec& spec) {
    std::string args;
    for (const auto& o : spec.options) {
      if (o.required) args += (args.empty() ? "" : ", ") + keyword(o.name);
    }
    return "g." + std::string(spec.name) + "(" + args + ")";
  }

  std::shared_ptr<Opened> opened_;
};

// ------------------------------------------------------------------------- convert and index

struct ConvertJob {
  std::vector<std::string> inputs;
  std::string output, format, to, base, dataset;
  bool keep_going = false;
  std::string delimiter;
  std::uint64_t split = 0;
};

ConvertOptions convert_options(const ConvertJob& job) {
  ConvertOptions opts;
  opts.format = input_format_option(job.format, "format");
  opts.delimiter = delimiter_option(job.delimiter);
  opts.keep_going = job.keep_going;
  return opts;
}

// The conversion's figures, and every problem reported (records skipped with keep_going).
py::dict converted(const ConvertResult& r, const std::vector<Diagnostic>& problems) {
  py::dict d;
  d["records"] = r.stats.records + r.stats.merged;
  d["events"] = r.stats.events;
  d["observations"] = r.stats.observations;
  d["skipped"] = r.stats.skipped;
  d["triples"] = r.triples;
  d["files"] = r.files;
  d["problems"] = said_all(problems);
  return d;
}

py::dict convert(const ConvertJob& job) {
  const auto syntax = syntax_from_name(job.to);
  if (!syntax)
    throw OptionError(option_ref("to") + " takes " + syntax_names(false) + ", not \"" + job.to + "\"");
  if (job.inputs.empty()) throw UsageError("diplograph.convert() names no input files");
  const MapOptions map{job.base.empty() ? std::string(ns::default_base) : job.base, job.dataset};
  check_map_options(map);
  ConvertOptions opts = convert_options(job);
  const OutputOptions output{job.output, *syntax, job.split};
  auto problems = std::make_shared<std::vector<Diagnostic>>();
  const ConvertResult r = interruptible<ConvertResult>(
      [=](const Cancel& cancel) mutable {
        opts.progress = [&cancel](const ConvertStats&, double) { cancel.check(); };
        return convert_files(job.inputs, opts, map, output,
                             [problems](const Diagnostic& d) { problems->push_back(d); });
      },
      true);
  if (!r.written) raise_nothing_written(job.output, *problems);
  return converted(r, *problems);
}

struct IndexCall {
  std::vector<std::string> inputs;
  std::string output;
  bool append = false;
  std::string syntax, base;
  ConvertJob records;  // format, dataset, keep_going, delimiter
};

py::dict index(const IndexCall& call) {
  IndexJob job;
  job.index.syntax = read_syntax(call.syntax);
  job.index.base = call.base;
  job.index.append = call.append;
  job.convert = convert_options(call.records);
  job.map = {call.base, call.records.dataset};
  auto problems = std::make_shared<std::vector<Diagnostic>>();
  const IndexResult r = interruptible<IndexResult>(
      [=](const Cancel& cancel) mutable {
        job.index.checkpoint = [&cancel] { cancel.check(); };
        job.convert.progress = [&cancel](const ConvertStats&, double) { cancel.check(); };
        return index_inputs(call.output, call.inputs, job,
                            [problems](const Diagnostic& d) { problems->push_back(d); });
      },
      true);
  if (!r.written) raise_nothing_written(call.output, *problems);
  py::dict d;
  d["statements"] = r.index.statements;
  d["terms"] = r.index.terms;
  d["events"] = r.index.events;
  d["bytes"] = r.index.bytes;
  d["records"] = r.records.records + r.records.merged;
  d["skipped"] = r.records.skipped;
  d["problems"] = said_all(*problems);
  return d;
}

// ------------------------------------------------------------------------- the catalogue

py::list question_list() {
  py::list out;
  for (const auto& q : question_catalogue()) {
    py::list options;
    for (const auto& o : q.options) {
      py::dict d;
      d["name"] = std::string(o.name);
      d["keyword"] = keyword(o.name);
      d["kind"] = o.kind == OptionKind::flag ? "flag" : o.kind == OptionKind::list ? "list" : "value";
      d["values"] = std::string(o.values);
      d["help"] = said(o.help);
      d["default"] = std::string(o.fallback);
      d["required"] = o.required;
      options.append(d);
    }
    py::dict d;
    d["name"] = std::string(q.name);
    d["summary"] = std::string(q.summary);
    d["options"] = options;
    out.append(d);
  }
  return out;
}

}  // namespace

}  // namespace diplograph::python

PYBIND11_MODULE(_diplograph, m) {
  using namespace diplograph::python;
  m.doc() = "diplograph's C++ half: the question catalogue, backends and typed columns";
  m.def("questions", [] { return translated([] { return question_list(); }); });
  py::class_<Graph>(m, "Graph")
      .def(py::init([](std::vector<std::string> graphs, std::string syntax, std::string base,
                       std::string endpoint, std::string graph, std::string user, std::string password,
                       long timeout) {
             return translated([&] {
               return std::make_unique<Graph>(Source{std::move(graphs), std::move(syntax), std::move(base),
                                                     std::move(endpoint), std::move(graph), std::move(user),
                                                     std::move(password), timeout});
             });
           }),
           py::arg("graphs"), py::arg("syntax"), py::arg("base"), py::arg("endpoint"), py::arg("graph"),
           py::arg("user"), py::arg("password"), py::arg("timeout"))
      .def("ask",
           [](Graph& g, const std::string& name, const std::vector<std::pair<std::string, std::string>>& o) {
             return translated([&] { return g.ask(name, o); });
           });
  m.def(
      "convert",
      [](std::vector<std::string> inputs, std::string output, std::string format, std::string to,
         std::string base, std::string dataset, bool keep_going, std::string delimiter, std::uint64_t split) {
        return translated([&] {
          return convert({std::move(inputs), std::move(output), std::move(format), std::move(to),
                          std::move(base), std::move(dataset), keep_going, std::move(delimiter), split});
        });
      },
      py::arg("inputs"), py::arg("output"), py::arg("format"), py::arg("to"), py::arg("base"),
      py::arg("dataset"), py::arg("keep_going"), py::arg("delimiter"), py::arg("split"));
  m.def(
      "index",
      [](std::vector<std::string> inputs, std::string output, bool append, std::string syntax,
         std::string base, std::string format, std::string dataset, bool keep_going, std::string delimiter) {
        return translated([&] {
          IndexCall call{std::move(inputs), std::move(output), append,
                         std::move(syntax), std::move(base),   {}};
          call.records.format = std::move(format);
          call.records.dataset = std::move(dataset);
          call.records.keep_going = keep_going;
          call.records.delimiter = std::move(delimiter);
          return index(call);
        });
      },
      py::arg("inputs"), py::arg("output"), py::arg("append"), py::arg("syntax"), py::arg("base"),
      py::arg("format"), py::arg("dataset"), py::arg("keep_going"), py::arg("delimiter"));
}
