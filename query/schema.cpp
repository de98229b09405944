// The ontology at run time: vocabulary nodes and the class tree, followed through
// rdfs:subClassOf so that an added subclass counts without a code change.
#include <algorithm>
#include <array>
#include <deque>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

// The predicates every question reads, with or without sources, and those `extra` names (dg:).
std::vector<std::string> predicates(bool sources, const std::vector<std::string_view>& extra) {
  std::vector<std::string> out{
      term(ns::rdf, "type"),       term(ns::rdfs, "subClassOf"), term(ns::rdfs, "label"),
      term(ns::dg, "participant"), term(ns::dg, "date"),         term(ns::dg, "endDate"),
      term(ns::dg, "represents"),  term(ns::skos, "notation"),   term(ns::dg, "sector")};
  if (sources) out.push_back(term(ns::dcterms, "source"));
  for (auto local : extra) out.push_back(term(ns::dg, local));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string_view> operator+(std::vector<std::string_view> a,
                                        const std::vector<std::string_view>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::vector<std::string>& question_predicates(Question q) {
  const std::vector<std::string_view> coded{"cameoCode", "quadClass", "goldstein", "intensity", "cameoRoot"};
  const std::vector<std::string_view> systems{"stateSystemMembership", "firstYear", "lastYear"};
  const std::vector<std::string_view> roles{"participation", "agent", "role"};
  const std::vector<std::string_view> relation{"relationChange", "sendingState", "receivingState", "level",
                                               "previousLevel",  "status",       "topic"};
  static const std::array<std::vector<std::string>, 10> by_question{
      predicates(true, {}),        // met
      predicates(false, {}),       // met_count: counts show no sources
      predicates(true, relation),  // relation
      predicates(true, {}),        // path
      predicates(true, {}),        // timeline
      predicates(true, coded + std::vector<std::string_view>{"sourceRecord"}),  // events
      predicates(false, coded + systems),                                       // dyads
      predicates(false, coded + systems + roles),                               // dyads_directed
      predicates(true, relation + systems),                                     // representation
      predicates(false, coded + systems + roles + relation)};                   // dyads_levels
  return by_question.at(static_cast<std::size_t>(q));
}

}  // namespace

const std::vector<std::string>& predicates_for(Question q) {
  static const std::vector<std::string> everything;
  return q == Question::everything ? everything : question_predicates(q);
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
  static constexpr std::pair<NodeId Schema::*, std::string_view> kTerms[]{
      {&Schema::participant, "participant"},
      {&Schema::represents, "represents"},
      {&Schema::date, "date"},
      {&Schema::end_date, "endDate"},
      {&Schema::topic, "topic"},
      {&Schema::relation_change, "relationChange"},
      {&Schema::sending, "sendingState"},
      {&Schema::receiving, "receivingState"},
      {&Schema::level, "level"},
      {&Schema::previous_level, "previousLevel"},
      {&Schema::status, "status"},
      {&Schema::sector, "sector"},
      {&Schema::cameo_code, "cameoCode"},
      {&Schema::quad_class, "quadClass"},
      {&Schema::goldstein, "goldstein"},
      {&Schema::intensity, "intensity"},
      {&Schema::source_record, "sourceRecord"},
      {&Schema::cameo_root, "cameoRoot"},
      {&Schema::membership, "stateSystemMembership"},
      {&Schema::first_year, "firstYear"},
      {&Schema::last_year, "lastYear"},
      {&Schema::participation, "participation"},
      {&Schema::agent, "agent"},
      {&Schema::role, "role"}};
  for (const auto& [member, local] : kTerms) this->*member = dg(local);
  classes();
}

void Schema::classes() {
  auto dg = [&](std::string_view local) { return src.iri(term(ns::dg, local)); };
  state_class = dg("State");
  observation = dg("RepresentationObservation");
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
