// owl:sameAs smushing: one canonical IRI per set of IRIs declared the same.
#include <map>
#include <string>

#include "diplograph/rdf.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

constexpr std::string_view kSameAs = vocab::owl_same_as;

// Union-find over IRIs.
class Sets {
 public:
  std::string find(const std::string& x) {
    auto it = parent_.find(x);
    if (it == parent_.end() || it->second == x) return x;
    std::string root = find(it->second);
    parent_[x] = root;
    return root;
  }
  void join(const std::string& a, const std::string& b) {
    parent_.emplace(a, a);
    parent_.emplace(b, b);
    const std::string ra = find(a), rb = find(b);
    if (ra != rb) parent_[rb] = ra;
  }
  [[nodiscard]] const std::map<std::string, std::string>& all() const { return parent_; }

 private:
  std::map<std::string, std::string> parent_;
};

class Rewrite : public QuadSink {
 public:
  Rewrite(QuadSink& out, const std::map<std::string, std::string>& canonical)
      : out_(out), canonical_(canonical) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef g) override {
    const TermRef ms = map(s), mo = map(o);
    // Links inside a set become `canonical owl:sameAs member`, written once per member below.
    if (p.kind == TermKind::iri && p.value == kSameAs && ms.kind == TermKind::iri &&
        mo.kind == TermKind::iri && ms.value == mo.value) {
      return;
    }
    out_.quad(ms, p, mo, map(g));
  }

 private:
  TermRef map(TermRef t) const {
    if (t.kind != TermKind::iri) return t;
    auto it = canonical_.find(std::string(t.value));
    return it == canonical_.end() ? t : TermRef::iri(it->second);
  }
  QuadSink& out_;
  const std::map<std::string, std::string>& canonical_;
};

}  // namespace

std::size_t write_smushed(const Store& store, QuadSink& sink, std::string_view preferred) {
  Sets sets;
  const NodeId same = store.iri(kSameAs);
  if (same) {
    store.match(0, same, 0, [&](NodeId s, NodeId, NodeId o) {
      const TermRef a = store.term(s), b = store.term(o);
      if (a.kind == TermKind::iri && b.kind == TermKind::iri)
        sets.join(std::string(a.value), std::string(b.value));
      return true;
    });
  }
  // Each set's canonical IRI: the smallest preferred one, else the smallest.
  std::map<std::string, std::string> best;
  for (const auto& [iri, parent] : sets.all()) {
    const std::string root = sets.find(iri);
    auto& b = best[root];
    const bool pref = iri.starts_with(preferred);
    const bool best_pref = !b.empty() && std::string_view(b).starts_with(preferred);
    if (b.empty() || (pref && !best_pref) || (pref == best_pref && iri < b)) b = iri;
  }
  std::map<std::string, std::string> canonical;
  for (const auto& [iri, parent] : sets.all()) {
    const std::string& c = best[sets.find(iri)];
    if (iri != c) canonical.emplace(iri, c);
  }
  Rewrite rewrite(sink, canonical);
  store.write(rewrite);
  for (const auto& [iri, c] : canonical)
    sink.quad(TermRef::iri(c), TermRef::iri(kSameAs), TermRef::iri(iri), {});
  return canonical.size();
}

}  // namespace diplograph
