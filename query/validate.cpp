// Validating data against the ontology it is loaded with.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

bool digits(std::string_view v, std::size_t from, std::size_t n) {
  if (v.size() < from + n) return false;
  return std::all_of(v.begin() + static_cast<std::ptrdiff_t>(from),
                     v.begin() + static_cast<std::ptrdiff_t>(from + n),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool decimal(std::string_view v, bool integer) {
  std::size_t i = !v.empty() && (v[0] == '+' || v[0] == '-') ? 1 : 0;
  bool any = false, dot = false;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9')
      any = true;
    else if (v[i] == '.' && !dot && !integer)
      dot = true;
    else
      return false;
  }
  return any;
}

// The members of an rdf:List, or the node itself when it is not a list head.
std::vector<NodeId> list(const QuadSource& src, NodeId head) {
  const NodeId first = src.iri(term(ns::rdf, "first")), rest = src.iri(term(ns::rdf, "rest"));
  std::vector<NodeId> out;
  for (NodeId l = head; l && src.object(l, first) && out.size() < 10000; l = src.object(l, rest)) {
    out.push_back(src.object(l, first));
  }
  return out;
}

class Validator {
 public:
  explicit Validator(const QuadSource& src) : src_(src), schema_(src) {
    type_ = schema_.type;
    union_of_ = src.iri(term(ns::owl, "unionOf"));
    domain_ = src.iri(term(ns::rdfs, "domain"));
    range_ = src.iri(term(ns::rdfs, "range"));
    // Everything the ontology declares in its namespace: the subjects of its rdf:type statements.
    src.match(0, type_, 0, [&](NodeId subj, NodeId, NodeId) {
      if (src.term(subj).value.starts_with(ns::dg)) declared_.insert(subj);
      return true;
    });
  }

  std::vector<std::string> run() {
    src_.match(0, 0, 0, [&](NodeId subj, NodeId p, NodeId o) {
      check_terms(subj, p, o);
      check_property(subj, p, o);
      return true;
    });
    for (NodeId e : members(schema_.events)) {
      if (!src_.object(e, schema_.date)) problem(e, "event without dg:date");
      if (!src_.object(e, schema_.participant)) problem(e, "event without dg:participant");
    }
    for (NodeId a : members(schema_.actors)) {
      if (!src_.object(a, schema_.label)) problem(a, "actor without rdfs:label");
    }
    return {problems_.begin(), problems_.end()};
  }

 private:
  void problem(NodeId n, const std::string& what) {
    const TermRef t = src_.term(n);
    problems_.insert((t.kind == TermKind::blank ? "_:" : "") + std::string(t.value) + ": " + what);
  }

  std::vector<NodeId> members(const std::vector<NodeId>& classes) const {
    std::set<NodeId> out;
    for (NodeId c : classes) {
      // Classes of the ontology itself are not instances.
      for (NodeId n : src_.subjects(type_, c)) out.insert(n);
    }
    return {out.begin(), out.end()};
  }

  bool dg_term(NodeId n) const {
    const TermRef t = src_.term(n);
    return t.kind == TermKind::iri && t.value.starts_with(ns::dg) && t.value.size() > ns::dg.size();
  }

  void check_terms(NodeId subj, NodeId p, NodeId o) {
    for (NodeId n : {subj, p, o}) {
      if (dg_term(n) && !declared_.count(n)) problem(n, "not declared in the ontology");
    }
    const TermRef lit = src_.term(o);
    if (lit.kind == TermKind::literal && !lit.datatype.empty() &&
        !valid_lexical_form(lit.value, lit.datatype)) {
      problem(subj, "\"" + std::string(lit.value) + "\" is not a valid " + std::string(lit.datatype));
    }
  }

  // The classes (or datatypes) a property's domain or range allows: a class, or a union.
  const std::vector<NodeId>& allowed(NodeId p, NodeId which) {
    auto& cache = which == domain_ ? domains_ : ranges_;
    auto it = cache.find(p);
    if (it != cache.end()) return it->second;
    std::vector<NodeId> out;
    for (NodeId c : src_.objects(p, which)) {
      const NodeId u = src_.object(c, union_of_);
      for (NodeId m : u ? list(src_, u) : std::vector<NodeId>{c}) out.push_back(m);
    }
    return cache.emplace(p, std::move(out)).first->second;
  }

  bool instance_of_any(NodeId n, const std::vector<NodeId>& classes) {
    for (NodeId c : classes) {
      auto it = below_.find(c);
      if (it == below_.end()) it = below_.emplace(c, schema_.subclasses(c)).first;
      if (schema_.is_a(n, it->second)) return true;
    }
    return false;
  }

  static bool datatype_range(std::string_view iri) {
    return iri.starts_with(ns::xsd) || iri == term(ns::rdfs, "Literal") || iri == term(ns::rdf, "langString");
  }

  void check_property(NodeId subj, NodeId p, NodeId o) {
    if (!dg_term(p) || !declared_.count(p)) return;
    const std::string name = "dg:" + std::string(src_.term(p).value.substr(ns::dg.size()));
    const auto& domain = allowed(p, domain_);
    if (!domain.empty() && !instance_of_any(subj, domain))
      problem(subj, "subject of " + name + " is not of its domain");
    const auto& range = allowed(p, range_);
    if (range.empty()) return;
    const TermRef obj = src_.term(o);
    if (datatype_range(src_.term(range.front()).value)) {
      if (obj.kind != TermKind::literal) {
        problem(subj, name + " takes a literal");
        return;
      }
      const std::string dt = obj.datatype.empty()
                                 ? (obj.lang.empty() ? term(ns::xsd, "string") : term(ns::rdf, "langString"))
                                 : std::string(obj.datatype);
      const bool ok = std::any_of(range.begin(), range.end(), [&](NodeId r) {
        const auto v = src_.term(r).value;
        return v == dt || v == term(ns::rdfs, "Literal");
      });
      if (!ok)
        problem(subj,
                name + " value \"" + std::string(obj.value) + "\" has datatype " + dt + ", not its range");
      return;
    }
    if (obj.kind == TermKind::literal)
      problem(subj, name + " takes a resource, not a literal");
    else if (!instance_of_any(o, range))
      problem(subj, "object of " + name + " (" + std::string(obj.value) + ") is not of its range");
  }

  const QuadSource& src_;
  Schema schema_;
  NodeId type_, union_of_, domain_, range_;
  std::set<NodeId> declared_;
  std::unordered_map<NodeId, std::vector<NodeId>> domains_, ranges_, below_;
  std::set<std::string> problems_;
};

}  // namespace

bool valid_lexical_form(std::string_view v, std::string_view datatype) {
  if (!datatype.starts_with(ns::xsd)) return true;
  const std::string_view t = datatype.substr(ns::xsd.size());
  if (t == "date") return date_datatype(v) == "date";
  if (t == "gYearMonth") return date_datatype(v) == "gYearMonth";
  if (t == "gYear") return date_datatype(v) == "gYear";
  if (t == "decimal") return decimal(v, false);
  if (t == "integer") return decimal(v, true);
  if (t == "boolean") return v == "true" || v == "false" || v == "1" || v == "0";
  if (t == "double" || t == "float") {
    const std::string str(v);
    char* end = nullptr;
    (void)std::strtod(str.c_str(), &end);
    return !str.empty() && end == str.c_str() + str.size();
  }
  if (t == "dateTime")
    return v.size() >= 19 && date_datatype(v.substr(0, 10)) == "date" && v[10] == 'T' && digits(v, 11, 2);
  return true;
}

std::vector<std::string> validate(const QuadSource& src) {
  return Validator(src).run();
}

}  // namespace diplograph
