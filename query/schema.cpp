// The ontology at run time: vocabulary nodes and the class tree, followed through
// rdfs:subClassOf so that an added subclass counts without a code change.
#include <algorithm>
#include <deque>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

const std::vector<std::string>& predicates_for(Question q) {
  auto make = [](bool sources, std::initializer_list<std::string_view> extra) {
    std::vector<std::string> out{
        term(ns::rdf, "type"),       term(ns::rdfs, "subClassOf"), term(ns::rdfs, "label"),
        term(ns::dg, "participant"), term(ns::dg, "date"),         term(ns::dg, "endDate"),
        term(ns::dg, "represents"),  term(ns::skos, "notation"),   term(ns::dg, "sector")};
    if (sources) out.push_back(term(ns::dcterms, "source"));
    for (auto local : extra) out.push_back(term(ns::dg, local));
    std::sort(out.begin(), out.end());
    return out;
  };
  static const std::vector<std::string> met = make(true, {});
  static const std::vector<std::string> counts = make(false, {});  // counts show no sources
  static const std::vector<std::string> relation =
      make(true,
           {"relationChange", "sendingState", "receivingState", "level", "previousLevel", "status", "topic"});
  static const std::vector<std::string> events =
      make(true, {"cameoCode", "quadClass", "goldstein", "sourceRecord", "cameoRoot"});
  static const std::vector<std::string> dyads = make(
      false,
      {"cameoCode", "quadClass", "goldstein", "cameoRoot", "stateSystemMembership", "firstYear", "lastYear"});
  static const std::vector<std::string> directed =
      make(false, {"cameoCode", "quadClass", "goldstein", "cameoRoot", "stateSystemMembership", "firstYear",
                   "lastYear", "participation", "agent", "role"});
  static const std::vector<std::string> everything;
  switch (q) {
  case Question::met:
  case Question::path:
  case Question::timeline:
    return met;
  case Question::met_count:
    return counts;
  case Question::relation:
    return relation;
  case Question::events:
    return events;
  case Question::dyads:
    return dyads;
  case Question::dyads_directed:
    return directed;
  case Question::everything:
    break;
  }
  return everything;
}

void keep_only_what(Question q, ReadOptions& opts) {
  static const std::vector<std::string> unread_types = [] {
    std::vector<std::string> out{term(ns::dg, "Mission"), term(ns::dg, "Participation"),
                                 term(ns::dg, "Place")};
    std::sort(out.begin(), out.end());
    return out;
  }();
  if (q == Question::everything) return;
  opts.predicates = &predicates_for(q);
  opts.skip_types = &unread_types;
}

Schema::Schema(const QuadSource& quads) : src(quads) {
  auto dg = [&](std::string_view local) { return src.iri(term(ns::dg, local)); };
  type = src.iri(term(ns::rdf, "type"));
  label = src.iri(term(ns::rdfs, "label"));
  sub_class_of = src.iri(term(ns::rdfs, "subClassOf"));
  source = src.iri(term(ns::dcterms, "source"));
  notation = src.iri(term(ns::skos, "notation"));
  same_as = src.iri(term(ns::owl, "sameAs"));
  participant = dg("participant");
  represents = dg("represents");
  date = dg("date");
  end_date = dg("endDate");
  topic = dg("topic");
  relation_change = dg("relationChange");
  sending = dg("sendingState");
  receiving = dg("receivingState");
  level = dg("level");
  previous_level = dg("previousLevel");
  status = dg("status");
  sector = dg("sector");
  cameo_code = dg("cameoCode");
  quad_class = dg("quadClass");
  goldstein = dg("goldstein");
  source_record = dg("sourceRecord");
  cameo_root = dg("cameoRoot");
  membership = dg("stateSystemMembership");
  first_year = dg("firstYear");
  last_year = dg("lastYear");
  participation = dg("participation");
  agent = dg("agent");
  role = dg("role");
  state_class = dg("State");
  if (sub_class_of) {  // one pass: a store need not index statements by object for this
    src.scan({sub_class_of}, [&](NodeId sub, NodeId, NodeId super) { children_[super].push_back(sub); });
  }
  interactions = subclasses(dg("Interaction"));
  events = subclasses(dg("Event"));
  actors = subclasses(dg("Actor"));
  persons = subclasses(dg("Person"));
  organizations = subclasses(dg("Organization"));
  regions = subclasses(dg("Region"));
}

std::vector<NodeId> Schema::subclasses(NodeId cls) const {
  std::vector<NodeId> out;
  if (!cls) return out;
  std::deque<NodeId> todo{cls};
  while (!todo.empty()) {
    const NodeId c = todo.front();
    todo.pop_front();
    if (std::find(out.begin(), out.end(), c) != out.end()) continue;
    out.push_back(c);  // breadth-first: a class comes after every class above it
    const auto below = children_.find(c);
    if (below != children_.end()) todo.insert(todo.end(), below->second.begin(), below->second.end());
  }
  return out;
}

bool Schema::is_a(NodeId node, const std::vector<NodeId>& classes) const {
  bool found = false;
  if (!node || !type) return false;
  src.match(node, type, 0, [&](NodeId, NodeId, NodeId t) {
    found = std::find(classes.begin(), classes.end(), t) != classes.end();
    return !found;
  });
  return found;
}

std::string_view Schema::type_name(NodeId node, const std::vector<NodeId>& classes) const {
  // The most specific: the one furthest down the breadth-first order of `classes`.
  std::ptrdiff_t best = -1;
  for (NodeId t : src.objects(node, type)) {
    const auto at = std::find(classes.begin(), classes.end(), t);
    if (at != classes.end()) best = std::max(best, at - classes.begin());
  }
  if (best < 0) return {};
  return local_name(src.term(classes[static_cast<std::size_t>(best)]).value);
}

}  // namespace diplograph
