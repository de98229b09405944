// QuadSource helpers, and a small in-memory QuadSource for tests and tiny datasets.
#include <algorithm>
#include <deque>
#include <map>
#include <tuple>

#include "diplograph/rdf.hpp"

namespace diplograph {

NodeId QuadSource::object(NodeId s, NodeId p) const {
  NodeId out = 0;
  if (!s || !p) return 0;
  match(s, p, 0, [&](NodeId, NodeId, NodeId o) {
    out = o;
    return false;
  });
  return out;
}

std::vector<NodeId> QuadSource::objects(NodeId s, NodeId p) const {
  std::vector<NodeId> out;
  if (!s || !p) return out;
  match(s, p, 0, [&](NodeId, NodeId, NodeId o) {
    out.push_back(o);
    return true;
  });
  return out;
}

std::vector<NodeId> QuadSource::subjects(NodeId p, NodeId o) const {
  std::vector<NodeId> out;
  if (!p || !o) return out;
  match(0, p, o, [&](NodeId s, NodeId, NodeId) {
    out.push_back(s);
    return true;
  });
  return out;
}

void QuadSource::scan(const std::vector<NodeId>& predicates,
                      const std::function<void(NodeId, NodeId, NodeId)>& fn) const {
  match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
    if (std::find(predicates.begin(), predicates.end(), p) != predicates.end()) fn(s, p, o);
    return true;
  });
}

std::string_view QuadSource::value(NodeId s, NodeId p) const {
  const NodeId o = object(s, p);
  return o ? term(o).value : std::string_view();
}

struct MemorySource::Impl {
  std::deque<Term> terms;  // stable addresses; NodeId is index + 1
  std::map<Term, NodeId> ids;
  std::vector<std::tuple<NodeId, NodeId, NodeId>> triples;
  bool sorted = true;

  // Statements are appended as they come, and sorted (duplicates dropped) when first read.
  void sort() {
    if (sorted) return;
    std::sort(triples.begin(), triples.end());
    triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
    sorted = true;
  }

  NodeId intern(TermRef t) {
    Term key(t);
    auto it = ids.find(key);
    if (it != ids.end()) return it->second;
    terms.push_back(key);
    const NodeId id = terms.size();
    ids.emplace(std::move(key), id);
    return id;
  }
};

MemorySource::MemorySource() : impl_(std::make_unique<Impl>()) {}
MemorySource::~MemorySource() = default;

void MemorySource::quad(TermRef s, TermRef p, TermRef o, TermRef /*graph*/) {
  impl_->triples.emplace_back(impl_->intern(s), impl_->intern(p), impl_->intern(o));
  impl_->sorted = false;
}

NodeId MemorySource::find(TermRef term) const {
  auto it = impl_->ids.find(Term(term));
  return it == impl_->ids.end() ? 0 : it->second;
}

TermRef MemorySource::term(NodeId node) const {
  if (node == 0 || node > impl_->terms.size()) return {};
  return impl_->terms[node - 1].ref();
}

void MemorySource::match(NodeId s, NodeId p, NodeId o,
                         const std::function<bool(NodeId, NodeId, NodeId)>& fn) const {
  impl_->sort();
  for (const auto& [ts, tp, to] : impl_->triples) {
    if ((s && s != ts) || (p && p != tp) || (o && o != to)) continue;
    if (!fn(ts, tp, to)) return;
  }
}

}  // namespace diplograph
