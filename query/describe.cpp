// describe: a VoID and DCAT description of a dataset, counted from its statements.
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "diplograph/query.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

std::string v(std::string_view local) {
  return term(ns::void_, local);
}
std::string dcat(std::string_view local) {
  return term(ns::dcat, local);
}

// The namespace of a term: up to its last '#' or '/'.
std::string namespace_of(std::string_view iri) {
  const auto cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(0, cut + 1));
}

// What the statements hold, counted in one pass.
struct Counts {
  std::uint64_t triples = 0;
  std::unordered_set<NodeId> subjects, objects, entities;
  std::map<std::string, std::uint64_t> properties;            // predicate -> triples
  std::map<std::string, std::unordered_set<NodeId>> classes;  // class -> instances
  std::map<std::string, std::uint64_t> linksets;              // target dataset -> owl:sameAs links
  std::set<std::string> vocabularies;

  explicit Counts(const QuadSource& src) {
    const NodeId type = src.iri(term(ns::rdf, "type")), same_as = src.iri(term(ns::owl, "sameAs"));
    src.match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
      ++triples;
      subjects.insert(s);
      objects.insert(o);
      if (src.term(s).kind == TermKind::iri) entities.insert(s);
      const auto& pred = properties.try_emplace(std::string(src.text(p))).first->first;
      ++properties[pred];
      if (p == type && src.term(o).kind == TermKind::iri) classes[std::string(src.text(o))].insert(s);
      if (p == same_as && src.text(o).starts_with(ns::wd)) ++linksets["http://www.wikidata.org/"];
      return true;
    });
    for (const auto& [p, n] : properties) vocabularies.insert(namespace_of(p));
    for (const auto& [c, members] : classes) vocabularies.insert(namespace_of(c));
  }
};

// Writes statements about IRIs and literals into a sink.
class Out {
 public:
  explicit Out(QuadSink& sink) : sink_(sink) {}
  void iri(std::string_view s, std::string_view p, std::string_view o) {
    sink_.quad(node(s), TermRef::iri(p), node(o), {});
  }
  void lit(std::string_view s, std::string_view p, std::string_view o, std::string_view datatype = {}) {
    if (!o.empty()) sink_.quad(node(s), TermRef::iri(p), TermRef::literal(o, datatype), {});
  }
  void count(std::string_view s, std::string_view p, std::uint64_t n) {
    lit(s, p, std::to_string(n), term(ns::xsd, "integer"));
  }
  void en(std::string_view s, std::string_view p, std::string_view o) {
    sink_.quad(node(s), TermRef::iri(p), TermRef::lang_literal(o, "en"), {});
  }

 private:
  static TermRef node(std::string_view s) {
    return s.starts_with("_:") ? TermRef::blank(s.substr(2)) : TermRef::iri(s);
  }
  QuadSink& sink_;
};

void void_counts(Out& out, const std::string& d, const Counts& c) {
  out.count(d, v("triples"), c.triples);
  out.count(d, v("distinctSubjects"), c.subjects.size());
  out.count(d, v("distinctObjects"), c.objects.size());
  out.count(d, v("entities"), c.entities.size());
  out.count(d, v("classes"), c.classes.size());
  out.count(d, v("properties"), c.properties.size());
  for (const auto& ns : c.vocabularies) out.iri(d, v("vocabulary"), ns);
}

// The dataset's partitions and linksets: the links from the dataset first (Turtle groups a
// subject's statements), then each partition.
void partitions(Out& out, const std::string& d, const Counts& c) {
  for (std::size_t i = 1; i <= c.classes.size(); ++i)
    out.iri(d, v("classPartition"), "_:class" + std::to_string(i));
  for (std::size_t i = 1; i <= c.properties.size(); ++i)
    out.iri(d, v("propertyPartition"), "_:property" + std::to_string(i));
  if (!c.linksets.empty()) out.iri(d, v("subset"), d + "/linkset/wikidata");
  std::size_t i = 0;
  for (const auto& [cls, members] : c.classes) {
    const std::string part = "_:class" + std::to_string(++i);
    out.iri(part, v("class"), cls);
    out.count(part, v("entities"), members.size());
  }
  i = 0;
  for (const auto& [prop, n] : c.properties) {
    const std::string part = "_:property" + std::to_string(++i);
    out.iri(part, v("property"), prop);
    out.count(part, v("triples"), n);
  }
}

void linksets(Out& out, const std::string& d, const Counts& c) {
  const std::string type = term(ns::rdf, "type");
  for (const auto& [target, n] : c.linksets) {
    const std::string set = d + "/linkset/wikidata";
    out.iri(set, type, v("Linkset"));
    out.iri(set, v("subjectsTarget"), d);
    out.iri(set, v("objectsTarget"), target);
    out.iri(set, v("linkPredicate"), term(ns::owl, "sameAs"));
    out.count(set, v("triples"), n);
    out.iri(target, type, v("Dataset"));
    out.iri(target, term(ns::foaf, "homepage"), "https://www.wikidata.org/");
  }
}

void distributions(Out& out, const DescribeOptions& o) {
  const std::string type = term(ns::rdf, "type");
  for (const auto& dist : o.distributions) {
    out.iri(dist.iri, type, dcat("Distribution"));
    out.iri(dist.iri, dcat("downloadURL"), dist.download);
    out.iri(dist.iri, dcat("mediaType"), "https://www.iana.org/assignments/media-types/" + dist.media_type);
    if (!dist.compress_format.empty())
      out.iri(dist.iri, dcat("compressFormat"),
              "https://www.iana.org/assignments/media-types/" + dist.compress_format);
    out.lit(dist.iri, dcat("byteSize"), std::to_string(dist.bytes), term(ns::xsd, "nonNegativeInteger"));
    if (!o.license.empty()) out.iri(dist.iri, term(ns::dcterms, "license"), o.license);
  }
}

void dcat_dataset(Out& out, const std::string& d, const DescribeOptions& o) {
  const std::string type = term(ns::rdf, "type");
  out.iri(d, type, v("Dataset"));
  out.iri(d, type, dcat("Dataset"));
  out.en(d, term(ns::dcterms, "title"), o.title);
  out.en(d, term(ns::dcterms, "description"), o.description);
  if (!o.license.empty()) out.iri(d, term(ns::dcterms, "license"), o.license);
  if (!o.publisher.empty()) out.iri(d, term(ns::dcterms, "publisher"), o.publisher);
  out.lit(d, term(ns::dcterms, "issued"), o.issued, term(ns::xsd, "date"));
  out.lit(d, term(ns::dcterms, "modified"), o.modified, term(ns::xsd, "date"));
  out.iri(d, term(ns::dcterms, "conformsTo"), std::string(ns::dg.substr(0, ns::dg.size() - 1)));
  out.iri(d, term(ns::dcterms, "conformsTo"), std::string(ns::shapes));  // ontology/shapes.ttl
  out.lit(d, v("uriSpace"), o.uri_space);
  for (const auto& dist : o.distributions) {
    out.iri(d, dcat("distribution"), dist.iri);
    out.iri(d, v("dataDump"), dist.download);
  }
}

}  // namespace

void describe(const QuadSource& data, const DescribeOptions& opts, QuadSink& sink) {
  const Counts counts(data);
  Out out(sink);
  dcat_dataset(out, opts.iri, opts);
  void_counts(out, opts.iri, counts);
  partitions(out, opts.iri, counts);
  distributions(out, opts);
  linksets(out, opts.iri, counts);
}

}  // namespace diplograph
