// A resource described for Linked Data (view_resource): its statements, the labels of what they
// name, and the statements naming it that the event index finds without a scan.
#include <algorithm>
#include <set>

#include "diplograph/query.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

class View {
 public:
  View(const EventIndex::Impl& x, std::size_t limit) : x_(x), s_(x.schema), limit_(limit) {}

  // The resource's own statements; the nodes they name, to label.
  void own(NodeId node) {
    s_.src.match(node, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
      add(s, p, o);
      const TermKind k = s_.src.term(o).kind;
      if (k == TermKind::iri || k == TermKind::blank) named_.insert(o);
      out.found = true;
      return true;
    });
  }

  // Each node it names or is named by, by its labels (in every language).
  void labels() {
    if (!s_.label) return;
    std::vector<NodeId> nodes(named_.begin(), named_.end());  // by IRI: the same order from every backend
    std::sort(nodes.begin(), nodes.end(),
              [&](NodeId a, NodeId b) { return s_.src.term(a).value < s_.src.term(b).value; });
    for (const NodeId n : nodes) {
      s_.src.match(n, s_.label, 0, [&](NodeId s, NodeId p, NodeId o) {
        add(s, p, o);
        return true;
      });
    }
  }

  // The events it took part in and the actors representing it: statements the graph holds,
  // each checked, at most `limit` shown.
  void naming(NodeId node) {
    const Id a = x_.actor(node);
    if (a == no_id) return;
    for (const Id e : x_.actor_events[a]) naming_statement(x_.stored(e).node, s_.participant, node);
    for (const Id official : x_.officials[a]) naming_statement(x_.actor_node[official], s_.represents, node);
  }

  ResourceView out;

 private:
  void naming_statement(NodeId s, NodeId p, NodeId o) {
    if (!s || !p) return;
    bool holds = false;
    s_.src.match(s, p, o, [&](NodeId, NodeId, NodeId) { return !(holds = true); });
    if (!holds) return;
    ++out.naming;
    if (out.naming_shown >= limit_) return;
    ++out.naming_shown;
    add(s, p, o);
    named_.insert(s);
  }

  void add(NodeId s, NodeId p, NodeId o) {
    if (!seen_.insert({s, p, o}).second) return;
    out.statements.push_back({Term(s_.src.term(s)), Term(s_.src.term(p)), Term(s_.src.term(o))});
  }

  const EventIndex::Impl& x_;
  const Schema& s_;
  std::size_t limit_;
  std::set<NodeId> named_;
  std::set<std::array<NodeId, 3>> seen_;
};

}  // namespace

ResourceView view_resource(const EventIndex& index, std::string_view iri, std::size_t limit) {
  const auto& x = index.impl();
  const NodeId node = x.schema.src.iri(iri);
  View v(x, limit);
  if (!node) return std::move(v.out);
  v.own(node);
  v.naming(node);
  v.labels();
  v.out.found = v.out.found || v.out.naming > 0;
  return std::move(v.out);
}

namespace {

// Statements kept as terms.
class Kept : public QuadSink {
 public:
  explicit Kept(std::vector<std::array<Term, 3>>& out) : out_(out) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef) override {
    out_.push_back({Term(s), Term(p), Term(o)});
  }

 private:
  std::vector<std::array<Term, 3>>& out_;
};

}  // namespace

ResourceView view_dataset(const EventIndex& index, const DescribeOptions& opts) {
  ResourceView v;
  Kept kept(v.statements);
  describe(index.impl().schema.src, opts, kept);
  v.found = true;
  return v;
}

}  // namespace diplograph
