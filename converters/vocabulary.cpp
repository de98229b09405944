// What the converters need from the ontology, read from it at run time.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "diplograph/convert.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- vocabulary

namespace {

class Collect : public QuadSink {
 public:
  std::multimap<std::string, std::string> super;  // class -> superclass
  std::vector<std::pair<std::string, std::string>> record_types;
  void quad(TermRef s, TermRef p, TermRef o, TermRef) override {
    if (s.kind != TermKind::iri || !s.value.starts_with(ns::dg)) return;
    const std::string local(s.value.substr(ns::dg.size()));
    if (p.value == std::string(ns::rdfs) + "subClassOf" && o.value.starts_with(ns::dg)) {
      super.emplace(local, o.value.substr(ns::dg.size()));
    } else if (p.value == std::string(ns::dg) + "recordType") {
      record_types.emplace_back(o.value, local);
    }
  }
};

bool below(const std::multimap<std::string, std::string>& super, const std::string& cls,
           const std::string& root, std::set<std::string>& seen) {
  if (cls == root) return true;
  if (!seen.insert(cls).second) return false;
  auto [a, b] = super.equal_range(cls);
  return std::any_of(a, b, [&](const auto& e) { return below(super, e.second, root, seen); });
}

}  // namespace

Vocabulary::Vocabulary(std::string_view ontology) {
  Collect c;
  ReadOptions opts;
  opts.syntax = Syntax::turtle;
  opts.base = std::string(ns::dg);
  if (!read_rdf_string(ontology, "diplomacy.ttl", opts, c, {})) {
    throw std::runtime_error("the ontology cannot be read");
  }
  std::set<std::string> classes;
  for (const auto& [cls, sup] : c.super) classes.insert(cls);
  for (const auto& cls : classes) {
    std::set<std::string> seen;
    if (below(c.super, cls, "Event", seen)) event_classes_.push_back(cls);
    seen.clear();
    if (below(c.super, cls, "Interaction", seen)) interaction_classes_.push_back(cls);
  }
  std::sort(interaction_classes_.begin(), interaction_classes_.end());
  event_classes_.emplace_back("Event");
  std::sort(event_classes_.begin(), event_classes_.end());
  record_types_ = std::move(c.record_types);
  std::sort(record_types_.begin(), record_types_.end());
}

const Vocabulary& Vocabulary::builtin() {
  static const Vocabulary v(ontology_turtle());
  return v;
}

std::string_view Vocabulary::class_for_record_type(std::string_view type) const {
  for (const auto& [t, cls] : record_types_) {
    if (t == type) return cls;
  }
  return {};
}

bool Vocabulary::is_event_class(std::string_view local) const {
  return std::binary_search(event_classes_.begin(), event_classes_.end(), local);
}

bool Vocabulary::is_interaction_class(std::string_view local) const {
  return std::binary_search(interaction_classes_.begin(), interaction_classes_.end(), local);
}

}  // namespace diplograph
