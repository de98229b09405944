// Writing results: aligned table, CSV (RFC 4180), JSON, and Graphviz for who met whom.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "diplograph/error.hpp"
#include "diplograph/present.hpp"
#include "diplograph/tables.hpp"

namespace diplograph {

namespace {

// A mean as the tables show it: rounded to 4 decimals, without trailing zeros or "-0".
std::string mean_text(const std::optional<double>& mean) {
  if (!mean) return {};
  double shown = std::round(*mean * 10000.0) / 10000.0;
  if (shown == 0) shown = 0;  // no "-0"
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, shown, std::chars_format::fixed, 4).ptr;
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  while (s.back() == '0') s.remove_suffix(1);
  if (s.back() == '.') s.remove_suffix(1);
  return std::string(s);
}

// Written as JSON numbers (cli.md): the counts and means, not years, classes or scores.
bool numeric_column(std::string_view name) {
  return name == "events" || name == "hop" || name.ends_with("_cooperation") || name.ends_with("_conflict") ||
         name == "goldstein_mean";
}

void csv_field(std::ostream& out, const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out << v;
    return;
  }
  out << '"';
  for (char c : v) out << (c == '"' ? "\"\"" : std::string(1, c));
  out << '"';
}

void json_string(std::ostream& out, std::string_view v) {
  out << '"';
  for (unsigned char c : v) {
    switch (c) {
    case '"':
      out << "\\\"";
      break;
    case '\\':
      out << "\\\\";
      break;
    case '\n':
      out << "\\n";
      break;
    case '\r':
      out << "\\r";
      break;
    case '\t':
      out << "\\t";
      break;
    default:
      if (c < 0x20U) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out << buf;
      } else {
        out << static_cast<char>(c);
      }
    }
  }
  out << '"';
}

// Display width of UTF-8 text: one column per code point.
std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

void write_aligned(std::ostream& out, const Table& t) {
  std::vector<std::size_t> w(t.columns.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) w[i] = width(t.columns[i]);
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      s += cells[i];
      if (i + 1 < cells.size()) s += std::string(w[i] - width(cells[i]) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(t.columns);
  std::vector<std::string> rule;
  for (auto n : w) rule.emplace_back(n, '-');
  line(rule);
  for (const auto& r : t.rows) line(r);
}

std::string dot_id(std::string_view s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

// The places of `names` among `columns`; UsageError naming the columns there are otherwise.
std::vector<std::size_t> column_indexes(const std::vector<std::string>& columns,
                                        const std::vector<std::string>& names) {
  std::vector<std::size_t> idx;
  for (const auto& n : names) {
    const auto at = std::find(columns.begin(), columns.end(), n);
    if (at == columns.end()) {
      std::string all;
      for (const auto& c : columns) all += (all.empty() ? "" : ",") + c;
      throw UsageError("no column \"" + n + "\" (columns: " + all + ")");
    }
    idx.push_back(static_cast<std::size_t>(at - columns.begin()));
  }
  return idx;
}

}  // namespace

Table select_columns(Table t, const std::vector<std::string>& names) {
  if (names.empty()) return t;  // moved, not copied
  const std::vector<std::size_t> idx = column_indexes(t.columns, names);
  Table out{names, {}, t.notes};
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    row.reserve(idx.size());
    for (auto i : idx) row.push_back(r[i]);
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::vector<std::string> column_names(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return out;
}

std::optional<TableFormat> table_format(std::string_view name) {
  if (name == "table") return TableFormat::table;
  if (name == "csv") return TableFormat::csv;
  if (name == "json") return TableFormat::json;
  return std::nullopt;
}

void write_json_string(std::ostream& out, std::string_view v) {
  json_string(out, v);
}

void write_table(std::ostream& out, const Table& t, TableFormat format) {
  switch (format) {
  case TableFormat::table:
    write_aligned(out, t);
    return;
  case TableFormat::csv:
  case TableFormat::json: {
    TableStream stream(out, t.columns, format);
    for (const auto& r : t.rows) stream.row(r);
    stream.finish();
    return;
  }
  }
}

TableStream::TableStream(std::ostream& out, std::vector<std::string> columns, TableFormat format,
                         const std::vector<std::string>& only)
    : out_(out), columns_(std::move(columns)), format_(format) {
  keep_ = column_indexes(columns_, only);
  if (only.empty()) {
    for (std::size_t i = 0; i < columns_.size(); ++i) keep_.push_back(i);
  } else {
    columns_ = only;
  }
}

void TableStream::start() {
  started_ = true;
  if (format_ == TableFormat::json) return void(out_ << '[');
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i) out_ << ',';
    csv_field(out_, columns_[i]);
  }
  out_ << "\r\n";
}

void TableStream::row(const std::vector<std::string>& cells) {
  if (!started_) start();
  if (format_ == TableFormat::csv) {
    for (std::size_t i = 0; i < keep_.size(); ++i) {
      if (i) out_ << ',';
      csv_field(out_, cells[keep_[i]]);
    }
    out_ << "\r\n";
  } else {
    out_ << (rows_ ? ",\n " : "\n ") << '{';
    for (std::size_t i = 0; i < keep_.size(); ++i) {
      if (i) out_ << ", ";
      json_string(out_, columns_[i]);
      out_ << ": ";
      const std::string& v = cells[keep_[i]];
      if (numeric_column(columns_[i]) && !v.empty())
        out_ << v;
      else
        json_string(out_, v);
    }
    out_ << '}';
  }
  ++rows_;
}

void TableStream::finish() {
  if (!started_) start();
  if (format_ == TableFormat::json) out_ << (rows_ == 0 ? "]\n" : "\n]\n");
}

namespace {

// An edge list of who met whom: pairs of actors and their meetings, and each actor's label.
struct Graph {
  std::map<std::pair<std::string, std::string>, std::uint64_t> edges;
  std::map<std::string, std::string> labels;
  void add(const std::string& a, const std::string& a_label, const std::string& b, const std::string& b_label,
           std::uint64_t n) {
    labels[a] = a_label;
    labels[b] = b_label;
    edges[{a, b}] += n;
  }
};

void write_graph(std::ostream& out, const Graph& g) {
  out << "graph met {\n  graph [overlap=false, splines=true];\n  node [shape=box, style=rounded, "
         "fontname=\"Helvetica\"];\n";
  for (const auto& [iri, label] : g.labels) {
    out << "  " << dot_id(iri) << " [label=" << dot_id(label.empty() ? iri : label) << "];\n";
  }
  for (const auto& [k, n] : g.edges) {
    out << "  " << dot_id(k.first) << " -- " << dot_id(k.second) << " [label=\"" << n
        << "\", penwidth=" << std::min<std::uint64_t>(1 + n, 8) << "];\n";
  }
  out << "}\n";
}

template <class Row, class Cells>
Table table_of(std::vector<std::string> columns, const Answer<Row>& a, Cells cells) {
  Table t{std::move(columns), {}, a.notes};
  t.rows.reserve(a.rows.size());
  for (const auto& r : a.rows) t.rows.push_back(cells(r));
  return t;
}

std::string n(std::uint64_t v) {
  return std::to_string(v);
}

// The text of each typed value in a cell: the value's name, "" where there is none.
std::string text(const std::optional<Level>& l, CodeScheme codes = CodeScheme::iso3) {
  if (!l) return {};
  return std::string(codes == CodeScheme::cow ? cow_level_code(*l) : level_name(*l));
}

std::string text(const std::optional<Status>& s) {
  return s ? std::string(status_name(*s)) : std::string();
}

// "observed 2005", "recorded 2021-08".
std::string text(const LevelBasis& b) {
  if (b.date.empty()) return {};
  return (b.observed ? "observed " : "recorded ") + b.date.text();
}

// A list in one cell: "Jordan; United States".
std::string joined(const std::vector<std::string>& items, std::string_view between) {
  std::string out;
  for (const auto& item : items) (out += out.empty() ? "" : between) += item;
  return out;
}

// "observed", "recorded", "observed+recorded".
std::string basis_text(const RepresentationRow& r) {
  if (r.observed && r.recorded) return "observed+recorded";
  return r.observed ? "observed" : r.recorded ? "recorded" : "";
}

}  // namespace

void write_dot(std::ostream& out, const std::vector<MetRow>& met) {
  Graph g;
  for (const auto& r : met) g.add(r.actor, r.actor_label, r.other, r.other_label, 1);
  write_graph(out, g);
}

void write_dot(std::ostream& out, const std::vector<MetCount>& met) {
  Graph g;
  for (const auto& r : met) g.add(r.actor, r.actor_label, r.other, r.other_label, r.events);
  write_graph(out, g);
}

// Each row type's columns, named as cli.md names them, in its order.
Table to_table(const Answer<MetRow>& a) {
  return table_of({"date", "event", "type", "actor", "actor_label", "other", "other_label", "source"}, a,
                  [](const MetRow& r) -> std::vector<std::string> {
                    return {r.date.text(), r.event, r.type,        r.actor,
                            r.actor_label, r.other, r.other_label, r.source};
                  });
}

Table to_table(const Answer<MetCount>& a) {
  return table_of({"actor", "actor_label", "other", "other_label", "events", "first", "last"}, a,
                  [](const MetCount& r) -> std::vector<std::string> {
                    return {r.actor,     r.actor_label,  r.other,      r.other_label,
                            n(r.events), r.first.text(), r.last.text()};
                  });
}

Table to_table(const Answer<RelationRow>& a) {
  return table_of({"date", "sending", "receiving", "level", "previous_level", "status", "event", "source"}, a,
                  [](const RelationRow& r) -> std::vector<std::string> {
                    return {
                        r.date.text(),          r.sending,      r.receiving, std::string(level_name(r.level)),
                        text(r.previous_level), text(r.status), r.event,     r.source};
                  });
}

Table to_table(const Answer<InteractionCount>& a) {
  return table_of({"type", "events", "first", "last"}, a,
                  [](const InteractionCount& r) -> std::vector<std::string> {
                    return {r.type, n(r.events), r.first.text(), r.last.text()};
                  });
}

Table to_table(const Answer<TopicCount>& a) {
  return table_of({"topic", "events"}, a, [](const TopicCount& r) -> std::vector<std::string> {
    return {r.topic, n(r.events)};
  });
}

Table to_table(const Answer<PathHop>& a) {
  return table_of({"hop", "actor", "actor_label", "other", "other_label", "event", "date"}, a,
                  [](const PathHop& r) -> std::vector<std::string> {
                    return {n(r.hop), r.actor, r.actor_label, r.other, r.other_label, r.event, r.date.text()};
                  });
}

Table to_table(const Answer<TimelineRow>& a) {
  return table_of({"date", "event", "type", "label", "participants"}, a,
                  [](const TimelineRow& r) -> std::vector<std::string> {
                    return {r.date.text(), r.event, r.type, r.label, joined(r.participants, "; ")};
                  });
}

Table to_table(const Answer<ActorRow>& a) {
  return table_of({"actor", "label", "kind", "state", "events"}, a,
                  [](const ActorRow& r) -> std::vector<std::string> {
                    return {r.actor, r.label, std::string(kind_name(r.kind)), r.state, n(r.events)};
                  });
}

Table to_table(const Answer<EventRow>& a) {
  return table_of({"date", "event", "type", "cameo", "quad_class", "goldstein", "label", "participants",
                   "source", "records"},
                  a, [](const EventRow& r) -> std::vector<std::string> {
                    return {r.date.text(),
                            r.event,
                            r.type,
                            r.cameo,
                            r.quad_class ? n(r.quad_class) : std::string(),
                            r.goldstein ? r.goldstein->text() : std::string(),
                            r.label,
                            joined(r.participants, "; "),
                            r.source,
                            joined(r.records, " ")};
                  });
}

Table to_table(const Answer<RepresentationRow>& a) {
  return table_of(
      {"year", "side1", "side2", "level_at_1", "level_at_2", "side1_label", "side2_label", "basis", "source"},
      a, [](const RepresentationRow& r) -> std::vector<std::string> {
        return {std::to_string(r.year),      r.side1,       r.side2,       text(r.level_at_1, r.codes),
                text(r.level_at_2, r.codes), r.side1_label, r.side2_label, basis_text(r),
                joined(r.sources, " ")};
      });
}

namespace {

std::vector<std::string> counted_columns() {
  return {"period",
          "actor",
          "actor_label",
          "actor_code",
          "other",
          "other_label",
          "other_code",
          "events",
          "verbal_cooperation",
          "material_cooperation",
          "verbal_conflict",
          "material_conflict",
          "goldstein_mean"};
}

}  // namespace

const std::vector<std::string>& dyad_columns(bool levels) {
  static const std::vector<std::string> counted = counted_columns();
  static const std::vector<std::string> with_levels = [] {
    auto c = counted_columns();
    for (const char* l : {"level_at_actor", "level_at_actor_basis", "level_at_other", "level_at_other_basis"})
      c.emplace_back(l);
    return c;
  }();
  return levels ? with_levels : counted;
}

void dyad_cells(const DyadRow& r, std::vector<std::string>& cells) {
  cells.resize(r.levels ? 17 : 13);
  const auto number = [](std::string& cell, std::uint64_t v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    cell.assign(buf, end);
  };
  cells[0] = r.period.text();
  cells[1].assign(r.actor);
  cells[2].assign(r.actor_label);
  cells[3].assign(r.actor_code);
  cells[4].assign(r.other);
  cells[5].assign(r.other_label);
  cells[6].assign(r.other_code);
  number(cells[7], r.events);
  for (std::size_t q = 0; q < 4; ++q) number(cells[8 + q], r.quad[q]);
  cells[12] = mean_text(r.goldstein_mean);
  if (!r.levels) return;
  cells[13] = text(r.level_at_actor, r.codes);
  cells[14] = text(r.level_at_actor_basis);
  cells[15] = text(r.level_at_other, r.codes);
  cells[16] = text(r.level_at_other_basis);
}

Table to_table(const Answer<DyadRow>& a) {
  Table t{dyad_columns(!a.rows.empty() && a.rows.front().levels), {}, a.notes};
  t.rows.reserve(a.rows.size());
  std::vector<std::string> cells;
  for (const auto& r : a.rows) {
    dyad_cells(r, cells);
    t.rows.push_back(cells);
  }
  return t;
}

Table to_table(Answer<DyadRow>&& a) {
  Table t{dyad_columns(!a.rows.empty() && a.rows.front().levels), {}, a.notes};
  t.rows.reserve(a.rows.size());
  for (auto& r : a.rows) {
    t.rows.push_back({r.period.text(), std::move(r.actor), std::move(r.actor_label), std::move(r.actor_code),
                      std::move(r.other), std::move(r.other_label), std::move(r.other_code), n(r.events),
                      n(r.quad[0]), n(r.quad[1]), n(r.quad[2]), n(r.quad[3]), mean_text(r.goldstein_mean)});
    if (!r.levels) continue;
    auto& cells = t.rows.back();
    cells.push_back(text(r.level_at_actor, r.codes));
    cells.push_back(text(r.level_at_actor_basis));
    cells.push_back(text(r.level_at_other, r.codes));
    cells.push_back(text(r.level_at_other_basis));
  }
  a.rows = {};
  return t;
}

Table to_table(const Answer<StatRow>& a) {
  return table_of({"measure", "key", "value"}, a, [](const StatRow& r) -> std::vector<std::string> {
    return {r.measure, r.key, r.value};
  });
}

ColumnType column_type(std::string_view column) {
  using enum ColumnType;
  static constexpr std::pair<std::string_view, ColumnType> declared[] = {{"date", date},
                                                                         {"first", date},
                                                                         {"last", date},
                                                                         {"period", date},
                                                                         {"events", count},
                                                                         {"hop", count},
                                                                         {"year", count},
                                                                         {"quad_class", integer},
                                                                         {"goldstein", real},
                                                                         {"goldstein_mean", real},
                                                                         {"actor_code", code},
                                                                         {"other_code", code},
                                                                         {"side1", code},
                                                                         {"side2", code},
                                                                         {"type", category},
                                                                         {"kind", category},
                                                                         {"level", category},
                                                                         {"previous_level", category},
                                                                         {"status", category},
                                                                         {"level_at_1", category},
                                                                         {"level_at_2", category},
                                                                         {"level_at_actor", category},
                                                                         {"level_at_other", category},
                                                                         {"measure", category}};
  for (const auto& [name, type] : declared) {
    if (name == column) return type;
  }
  if (column.ends_with("_cooperation") || column.ends_with("_conflict")) return count;
  return text;
}

}  // namespace diplograph
