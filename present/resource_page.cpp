// A resource's page for people (write_resource_html).
#include <map>
#include <ostream>

#include "diplograph/present.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"

namespace diplograph {

namespace {

constexpr std::string_view kLabel = "http://www.w3.org/2000/01/rdf-schema#label";

// Each node's label: English, else untagged, else the first.
std::map<std::string, std::string> labels_of(const ResourceView& view) {
  std::map<std::string, std::pair<int, std::string>> best;
  for (const auto& [s, p, o] : view.statements) {
    if (p.value != kLabel || o.kind != TermKind::literal) continue;
    const int rank = o.lang == "en" ? 0 : o.lang.empty() ? 1 : 2;
    const auto it = best.find(s.value);
    if (it == best.end() || rank < it->second.first) best[s.value] = {rank, o.value};
  }
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : best) out[k] = v.second;
  return out;
}

class Page {
 public:
  Page(std::ostream& out, std::string_view iri, const ResourceView& view, const ResourceLinks& links)
      : out_(out), iri_(iri), view_(view), links_(links), labels_(labels_of(view)) {}

  void write() {
    const std::string title = label(iri_);
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" "
            "href=\"data:,\">\n<title>"
         << text::xml_escape(title) << "</title>\n";
    for (const auto& [type, url] : links_.alternates)
      out_ << "<link rel=\"alternate\" type=\"" << type << "\" href=\"" << text::xml_escape(url) << "\">\n";
    out_ << "<style>body{font-family:sans-serif;max-width:64em;margin:2em auto;padding:0 1em}"
            "table{border-collapse:collapse;width:100%}td{padding:.25em .6em;vertical-align:top;"
            "border-bottom:1px solid "
            "#ddd}small{color:#666}code{word-break:break-all}</style>\n</head>\n<body>\n";
    out_ << "<h1>" << text::xml_escape(title) << "</h1>\n<p><code>" << text::xml_escape(iri_)
         << "</code></p>\n";
    alternates();
    about();
    naming();
    questions();
    out_ << "</body>\n</html>\n";
  }

 private:
  [[nodiscard]] std::string label(const std::string& iri) const {
    const auto it = labels_.find(iri);
    return it != labels_.end() ? it->second : std::string(local_name(iri));
  }

  void link(const Term& t) {
    if (t.kind == TermKind::literal) {
      out_ << text::xml_escape(t.value);
      if (!t.lang.empty()) out_ << " <small>@" << text::xml_escape(t.lang) << "</small>";
      if (!t.datatype.empty()) out_ << " <small>" << text::xml_escape(local_name(t.datatype)) << "</small>";
      return;
    }
    if (t.kind == TermKind::blank) return void(out_ << "_:" << text::xml_escape(t.value));
    out_ << "<a href=\"" << text::xml_escape(links_.href(t.value)) << "\">"
         << text::xml_escape(label(t.value)) << "</a>";
  }

  void alternates() {
    out_ << "<p>The same for machines:";
    for (const auto& [type, url] : links_.alternates)
      out_ << " <a href=\"" << text::xml_escape(url) << "\">" << type << "</a>";
    out_ << "</p>\n";
  }

  void about() {
    out_ << "<h2>About it</h2>\n<table>\n";
    for (const auto& [s, p, o] : view_.statements) {
      if (s.value != iri_ || s.kind != TermKind::iri) continue;
      out_ << "<tr><td>";
      link(p);
      out_ << "</td><td>";
      link(o);
      out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
  }

  void naming() {
    if (view_.naming == 0) return;
    out_ << "<h2>Naming it</h2>\n<table>\n";
    for (const auto& [s, p, o] : view_.statements) {
      if (o.value != iri_ || o.kind != TermKind::iri || s.value == iri_) continue;
      out_ << "<tr><td>";
      link(s);
      out_ << "</td><td>";
      link(p);
      out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
    if (view_.naming > view_.naming_shown)
      out_ << "<p>" << view_.naming_shown << " of " << view_.naming
           << " shown; the questions below list them all.</p>\n";
  }

  void questions() {
    if (links_.questions.empty()) return;
    out_ << "<h2>Ask about it</h2>\n<ul>\n";
    for (const auto& [what, url] : links_.questions)
      out_ << "<li><a href=\"" << text::xml_escape(url) << "\">" << text::xml_escape(what) << "</a></li>\n";
    out_ << "</ul>\n";
  }

  std::ostream& out_;
  std::string iri_;
  const ResourceView& view_;
  const ResourceLinks& links_;
  std::map<std::string, std::string> labels_;
};

}  // namespace

void write_resource_html(std::ostream& out, std::string_view iri, const ResourceView& view,
                         const ResourceLinks& links) {
  Page(out, iri, view, links).write();
}

}  // namespace diplograph
