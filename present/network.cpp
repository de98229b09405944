// Network files for igraph, networkx and Gephi: GraphML and GEXF of who met whom and of dyads.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>

#include "diplograph/present.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

// Edges keyed by their ends (in order when directed), nodes by IRI, built from any rows.
class Builder {
 public:
  Builder(const std::vector<ActorRow>& actors, bool directed) : directed_(directed) {
    for (const auto& a : actors) actors_.emplace(a.actor, &a);
  }

  void add(const std::string& a, const std::string& a_label, const std::string& b, const std::string& b_label,
           std::uint64_t weight, const Date& first, const Date& last) {
    node(a, a_label);
    node(b, b_label);
    auto key = directed_ || a < b ? std::make_pair(a, b) : std::make_pair(b, a);
    NetworkEdge& e = edges_[key];
    e.source = key.first;
    e.target = key.second;
    e.weight += weight;
    if (!first.empty() && (e.first.empty() || first < e.first)) e.first = first;
    if (!last.empty() && (e.last.empty() || last > e.last)) e.last = last;
  }

  [[nodiscard]] Network network() const {
    Network net;
    net.directed = directed_;
    for (const auto& [iri, n] : nodes_) net.nodes.push_back(n);
    for (const auto& [k, e] : edges_) net.edges.push_back(e);
    return net;
  }

 private:
  void node(const std::string& iri, const std::string& label) {
    if (nodes_.count(iri)) return;
    NetworkNode n{iri, label.empty() ? iri : label, {}, {}};
    if (const auto it = actors_.find(iri); it != actors_.end()) {
      n.kind = kind_name(it->second->kind);
      n.state = it->second->state;
    }
    nodes_.emplace(iri, std::move(n));
  }

  bool directed_;
  std::unordered_map<std::string, const ActorRow*> actors_;
  std::map<std::string, NetworkNode> nodes_;
  std::map<std::pair<std::string, std::string>, NetworkEdge> edges_;
};

std::string xml(std::string_view s) {
  return text::xml_escape(s);
}

void write_graphml(std::ostream& out, const Network& net) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"state\" for=\"node\" attr.name=\"state\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
         "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
         "  <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
      << "  <graph id=\"diplograph\" edgedefault=\"" << (net.directed ? "directed" : "undirected") << "\">\n";
  for (const auto& n : net.nodes) {
    out << "    <node id=\"" << xml(n.id) << "\"><data key=\"label\">" << xml(n.label)
        << "</data><data key=\"kind\">" << xml(n.kind) << "</data><data key=\"state\">" << xml(n.state)
        << "</data></node>\n";
  }
  for (const auto& e : net.edges) {
    out << "    <edge source=\"" << xml(e.source) << "\" target=\"" << xml(e.target)
        << "\"><data key=\"weight\">" << e.weight << "</data><data key=\"first\">" << xml(e.first.text())
        << "</data><data key=\"last\">" << xml(e.last.text()) << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

// The first or last real day a date covers ("2018-02" ends on the 28th); nothing for text that
// is no such date (a graph may hold any literal as a date).
std::optional<std::string> day(const Date& date, bool last) {
  const std::uint32_t n = last ? date.last_day() : date.first_day();
  if (n == 0) return {};
  return day_text(n);
}

void write_gexf(std::ostream& out, const Network& net) {
  const bool dynamic =
      std::any_of(net.edges.begin(), net.edges.end(), [](const auto& e) { return !e.first.empty(); });
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <meta><creator>diplograph</creator></meta>\n"
      << "  <graph defaultedgetype=\"" << (net.directed ? "directed" : "undirected") << "\" mode=\""
      << (dynamic ? "dynamic\" timeformat=\"date" : "static") << "\">\n"
      << "    <attributes class=\"node\">\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"state\" title=\"state\" type=\"string\"/>\n"
         "    </attributes>\n    <nodes>\n";
  for (const auto& n : net.nodes) {
    out << "      <node id=\"" << xml(n.id) << "\" label=\"" << xml(n.label)
        << "\"><attvalues><attvalue for=\"kind\" value=\"" << xml(n.kind)
        << "\"/><attvalue for=\"state\" value=\"" << xml(n.state) << "\"/></attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (std::size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    out << "      <edge id=\"" << i << "\" source=\"" << xml(e.source) << "\" target=\"" << xml(e.target)
        << "\" weight=\"" << e.weight << "\"";
    const auto start = day(e.first, false), end = day(e.last, true);  // none where a date is malformed
    if (start && end) out << " start=\"" << *start << "\" end=\"" << *end << "\"";
    out << "/>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace

Network network_of(const std::vector<MetRow>& rows, const std::vector<ActorRow>& actors) {
  Builder b(actors, false);
  for (const auto& r : rows) b.add(r.actor, r.actor_label, r.other, r.other_label, 1, r.date, r.date);
  return b.network();
}

Network network_of(const std::vector<MetCount>& rows, const std::vector<ActorRow>& actors) {
  Builder b(actors, false);
  for (const auto& r : rows) b.add(r.actor, r.actor_label, r.other, r.other_label, r.events, r.first, r.last);
  return b.network();
}

Network network_of(const std::vector<DyadRow>& rows, const std::vector<ActorRow>& actors, bool directed) {
  Builder b(actors, directed);
  for (const auto& r : rows)
    b.add(r.actor, r.actor_label, r.other, r.other_label, r.events, Date::of_day(r.first_day),
          Date::of_day(r.last_day));
  return b.network();
}

void write_network(std::ostream& out, const Network& net, NetworkFormat format) {
  if (format == NetworkFormat::gexf) return write_gexf(out, net);
  write_graphml(out, net);
}

}  // namespace diplograph
