// The ontology as one HTML page, in the manner of pyLODE: every class, property, datatype and
// individual with its label, comment, domain, range, super-classes, alignments and an example.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <ostream>
#include <vector>

#include "diplograph/present.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

const std::vector<std::pair<std::string_view, std::string_view>>& known_prefixes() {
  static const std::vector<std::pair<std::string_view, std::string_view>> p{
      {"dg", ns::dg},
      {"rdf", ns::rdf},
      {"rdfs", ns::rdfs},
      {"owl", ns::owl},
      {"xsd", ns::xsd},
      {"skos", ns::skos},
      {"dcterms", ns::dcterms},
      {"geo", ns::geo},
      {"sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"},
      {"schema", "https://schema.org/"},
      {"wdt", "http://www.wikidata.org/prop/direct/"}};
  return p;
}

std::string html(std::string_view s) {
  return text::xml_escape(s);
}

std::string curie(std::string_view iri) {
  for (const auto& [name, space] : known_prefixes()) {
    if (iri.starts_with(space) && iri.size() > space.size())
      return std::string(name) + ":" + std::string(iri.substr(space.size()));
  }
  return std::string(iri);
}

// The kinds of term the page lists, in the order of its sections.
struct Kind {
  std::string_view type, heading, anchor;
};
constexpr std::array<Kind, 6> kKinds{
    {{"http://www.w3.org/2002/07/owl#Class", "Classes", "classes"},
     {"http://www.w3.org/2002/07/owl#ObjectProperty", "Object properties", "object-properties"},
     {"http://www.w3.org/2002/07/owl#DatatypeProperty", "Datatype properties", "datatype-properties"},
     {"http://www.w3.org/2002/07/owl#AnnotationProperty", "Annotation properties", "annotation-properties"},
     {"http://www.w3.org/2000/01/rdf-schema#Datatype", "Datatypes", "datatypes"},
     {"", "Named individuals", "individuals"}}};

class Page {
 public:
  Page(std::ostream& out, const QuadSource& src) : out_(out), src_(src) {}

  void write() {
    head();
    for (const auto& k : kKinds) section(k);
    out_ << "</main>\n</body>\n</html>\n";
  }

 private:
  NodeId iri(std::string_view ns, std::string_view local) const { return src_.iri(term(ns, local)); }

  std::string text(NodeId s, NodeId p) const {
    const NodeId o = p ? src_.object(s, p) : 0;
    return o ? std::string(src_.text(o)) : std::string();
  }

  // Terms of the dg: namespace typed `type` (or, for individuals, typed with a dg: class).
  std::vector<NodeId> terms_of(const Kind& k) const {
    std::vector<NodeId> out;
    const NodeId type = iri(ns::rdf, "type");
    src_.match(0, type, 0, [&](NodeId s, NodeId, NodeId o) {
      const std::string_view si = src_.text(s), oi = src_.text(o);
      const bool dg = src_.term(s).kind == TermKind::iri && si.starts_with(ns::dg);
      if (dg && (k.type.empty() ? oi.starts_with(ns::dg) : oi == k.type)) out.push_back(s);
      return true;
    });
    std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) { return src_.text(a) < src_.text(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // A node as the page shows it: a link, a prefixed name, "A or B" for a union, or a literal.
  std::string node(NodeId n) const {
    const TermRef t = src_.term(n);
    if (t.kind == TermKind::literal) return "<code>\"" + html(t.value) + "\"</code>";
    if (t.kind == TermKind::blank) return union_of(n);
    if (t.value.starts_with(ns::dg)) {
      const auto local = t.value.substr(ns::dg.size());
      return "<a href=\"#" + html(local) + "\"><code>dg:" + html(local) + "</code></a>";
    }
    return "<a href=\"" + html(t.value) + "\"><code>" + html(curie(t.value)) + "</code></a>";
  }

  std::string union_of(NodeId blank) const {
    std::string out;
    NodeId list = src_.object(blank, iri(ns::owl, "unionOf"));
    if (!list) list = src_.object(blank, iri(ns::owl, "oneOf"));
    for (int guard = 0; list && guard < 64; ++guard) {
      const NodeId first = src_.object(list, iri(ns::rdf, "first"));
      if (!first) break;
      out += (out.empty() ? "" : " or ") + node(first);
      list = src_.object(list, iri(ns::rdf, "rest"));
    }
    return out.empty() ? "(an anonymous class)" : out;
  }

  // A row of the term's table: the nodes (objects of `p`), sorted; none when there are none.
  void row(std::string_view name, NodeId s, NodeId p) {
    if (p) cells(name, src_.objects(s, p));
  }

  void cells(std::string_view name, const std::vector<NodeId>& nodes) {
    std::vector<std::string> shown;
    for (NodeId n : nodes) shown.push_back(node(n));
    if (shown.empty()) return;
    std::sort(shown.begin(), shown.end());
    out_ << "<tr><th>" << name << "</th><td>";
    for (std::size_t i = 0; i < shown.size(); ++i) out_ << (i ? ", " : "") << shown[i];
    out_ << "</td></tr>\n";
  }

  void head() {
    const NodeId onto = src_.iri(std::string(ns::dg.substr(0, ns::dg.size() - 1)));
    const NodeId label = iri(ns::rdfs, "label"), comment = iri(ns::rdfs, "comment");
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" "
            "href=\"data:,\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
         << html(text(onto, label)) << "</title>\n<style>\n"
         << style() << "</style>\n</head>\n<body>\n<main>\n"
         << "<h1>" << html(text(onto, label)) << "</h1>\n<p class=\"iri\"><code>" << html(src_.text(onto))
         << "</code> &middot; version " << html(text(onto, iri(ns::owl, "versionInfo")))
         << " &middot; licence " << node(src_.object(onto, iri(ns::dcterms, "license")))
         << " &middot; <a href=\"https://w3id.org/diplograph/ontology.ttl\">Turtle</a></p>\n"
         << "<p>" << html(text(onto, comment))
         << "</p>\n<p>The examples use the prefixes <code>dg:</code> <code>&lt;" << html(ns::dg)
         << "&gt;</code>, <code>ex:</code> <code>&lt;https://example.org/&gt;</code>, and "
         << "<code>rdfs:</code>, <code>xsd:</code>, <code>skos:</code> as "
            "usual.</p>\n<nav><h2>Contents</h2><ul>\n";
    for (const auto& k : kKinds) {
      out_ << "<li><a href=\"#" << k.anchor << "\">" << k.heading << "</a> (" << terms_of(k).size()
           << ")</li>\n";
    }
    out_ << "</ul></nav>\n";
  }

  void section(const Kind& k) {
    out_ << "<section id=\"" << k.anchor << "\">\n<h2>" << k.heading << "</h2>\n";
    for (NodeId t : terms_of(k)) entry(t, k);
    out_ << "</section>\n";
  }

  void entry(NodeId t, const Kind& k) {
    const std::string local(src_.text(t).substr(ns::dg.size()));
    out_ << "<article id=\"" << html(local) << "\">\n<h3>" << html(text(t, iri(ns::rdfs, "label")))
         << " <code>dg:" << html(local) << "</code></h3>\n<p class=\"iri\"><code>" << html(src_.text(t))
         << "</code></p>\n<p>" << html(text(t, iri(ns::rdfs, "comment"))) << "</p>\n<table>\n";
    row("Type", t, k.type.empty() ? iri(ns::rdf, "type") : 0);
    row("Super-classes", t, iri(ns::rdfs, "subClassOf"));
    row("Super-properties", t, iri(ns::rdfs, "subPropertyOf"));
    row("Domain", t, iri(ns::rdfs, "domain"));
    row("Range", t, iri(ns::rdfs, "range"));
    row("Equivalent to", t, iri(ns::owl, "equivalentClass"));
    row("One of", t, iri(ns::owl, "oneOf"));
    row("Notation", t, iri(ns::skos, "notation"));
    row("Record type", t, iri(ns::dg, "recordType"));
    row("CAMEO root", t, iri(ns::dg, "cameoRoot"));
    row("See also", t, iri(ns::rdfs, "seeAlso"));
    cells("Sub-classes", src_.subjects(iri(ns::rdfs, "subClassOf"), t));
    out_ << "</table>\n<pre class=\"example\">" << html(example(t, k)) << "</pre>\n</article>\n";
  }

  // A Turtle example: an instance of a class with the properties whose domain it is, a
  // statement with a property, a literal of a datatype, a use of an individual.
  std::string example(NodeId t, const Kind& k) const {
    const std::string name = "dg:" + std::string(src_.text(t).substr(ns::dg.size()));
    if (k.anchor == "datatypes") return "ex:state skos:notation \"255\"^^" + name + " .";
    if (k.anchor == "individuals") return "ex:change dg:level " + name + " .";
    if (k.anchor != "classes") return "ex:x " + name + " " + value_of(t) + " .";
    std::string out = "ex:x a " + name;
    std::size_t shown = 0;
    for (NodeId p : src_.subjects(iri(ns::rdfs, "domain"), t)) {
      if (shown++ == 4) break;
      out += " ;\n    dg:" + std::string(src_.text(p).substr(ns::dg.size())) + " " + value_of(p);
    }
    return out + " .";
  }

  // An example object for a property, by its range.
  std::string value_of(NodeId property) const {
    const NodeId range = src_.object(property, iri(ns::rdfs, "range"));
    if (!range) return "\"example\"";
    const std::string_view r = src_.text(range);
    if (src_.term(range).kind == TermKind::blank)
      return union_of(range).find("xsd:date") != std::string::npos ? "\"2025-05-10\"^^xsd:date"
                                                                   : "\"example\"@en";
    if (r.ends_with("decimal")) return "\"3.5\"^^xsd:decimal";
    if (r.ends_with("gYear")) return "\"1990\"^^xsd:gYear";
    if (r.ends_with("integer")) return "\"4\"^^xsd:integer";
    if (r.starts_with(ns::xsd) || r.starts_with(ns::rdfs)) return "\"example\"";
    return r.starts_with(ns::dg) ? "ex:" + html_free_local(r) : "<" + std::string(r) + ">";
  }

  static std::string html_free_local(std::string_view iri) {
    std::string local(iri.substr(ns::dg.size()));
    if (!local.empty()) local[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(local[0])));
    return local;
  }

  static std::string_view style() {
    return "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#fafbfc}\n"
           "main{max-width:60rem;margin:0 auto;padding:1rem 2rem}\n"
           "h1{font-size:2rem}h2{border-bottom:2px solid #c9d3e0;margin-top:2.5rem}\n"
           "article{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:.5rem "
           "1rem;margin:1rem 0}\n"
           "h3{margin:.3rem 0}h3 code{font-size:.85em;color:#56627a;margin-left:.5rem}\n"
           ".iri{color:#56627a;font-size:.85rem;margin:0}\n"
           "table{border-collapse:collapse}th{text-align:left;padding:.15rem 1rem .15rem "
           "0;vertical-align:top;"
           "color:#56627a;font-weight:600}\n"
           "pre.example{background:#f2f5f8;padding:.5rem;overflow:auto;font-size:.85rem}\n"
           "a{color:#1a5fb4}nav ul{columns:2}\n";
  }

  std::ostream& out_;
  const QuadSource& src_;
};

}  // namespace

void write_ontology_html(std::ostream& out, const QuadSource& ontology) {
  Page(out, ontology).write();
}

}  // namespace diplograph
