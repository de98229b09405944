// Linked Data: the path of every IRI diplograph mints under the namespace root answers a
// description of the resource, in the syntax the client asks for (serve.hpp, linked_reply).
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "diplograph/present.hpp"
#include "diplograph/serve.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"
#include "serve/errors.hpp"
#include "serve/linked.hpp"

namespace diplograph {

namespace embedded {
std::string_view file(std::string_view name);  // the data files compiled in (cmake/Embed.cmake)
}

namespace {

constexpr std::size_t kNamingShown = 500;  // statements naming a resource shown (a busy actor has thousands)

// What a description can be written as, in the order preferred when the client takes any.
enum class Form : std::uint8_t { turtle, ntriples, jsonld, html };
struct FormInfo {
  Form form;
  std::string_view media_type, format;  // the `format=` that asks for it without Accept
};
constexpr FormInfo kForms[] = {{Form::turtle, "text/turtle", "ttl"},
                               {Form::ntriples, "application/n-triples", "nt"},
                               {Form::jsonld, "application/ld+json", "jsonld"},
                               {Form::html, "text/html", "html"}};

// The q-value `accept` gives `type` (RFC 9110: the most specific range that matches decides;
// none: 0). An empty header takes anything.
double quality(std::string_view accept, std::string_view type) {
  if (accept.empty()) return 1;
  double best = 0;
  int specificity = -1;
  for (std::size_t at = 0; at <= accept.size();) {
    const std::size_t end = std::min(accept.find(',', at), accept.size());
    const std::string entry = text::ascii_lower(text::trim_blanks(accept.substr(at, end - at)));
    at = end + 1;
    const std::size_t semi = std::min(entry.find(';'), entry.size());
    const std::string_view range = text::trim_blanks(std::string_view(entry).substr(0, semi));
    double q = 1;
    if (const auto qp = entry.find("q=", semi); qp != std::string::npos)
      q = text::number_of<double>(
              text::trim_blanks(std::string_view(entry).substr(qp + 2, entry.find(';', qp) - qp - 2)))
              .value_or(0);
    int spec = -1;
    if (range == type) {
      spec = 2;
    } else if (range == "*/*") {
      spec = 0;
    } else if (range.ends_with("/*") && type.starts_with(range.substr(0, range.size() - 1))) {
      spec = 1;
    }
    if (spec > specificity) {
      specificity = spec;
      best = q;
    }
  }
  return best;
}

// The form `format=` names, else the best the Accept header takes; nullopt: none it takes.
std::optional<Form> negotiate(std::string_view accept, std::string_view format) {
  for (const auto& f : kForms) {
    if (!format.empty() && format == f.format) return f.form;
  }
  if (!format.empty()) return std::nullopt;
  std::optional<Form> chosen;
  double best = 0;
  for (const auto& f : kForms) {
    const double q = quality(accept, f.media_type);
    if (q > best) {
      best = q;
      chosen = f.form;
    }
  }
  return chosen;
}

const FormInfo& info(Form f) {
  return kForms[static_cast<std::size_t>(f)];
}

// Statements written in `syntax` to a string.
std::string rdf_text(const std::vector<std::array<Term, 3>>& statements, Syntax syntax,
                     const std::vector<Prefix>& prefixes) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* f = ::open_memstream(&data, &size);
  if (!f) throw std::runtime_error("cannot write in memory");
  auto writer = Writer::create(syntax, f, prefixes);
  for (const auto& [s, p, o] : statements) writer->quad(s.ref(), p.ref(), o.ref(), {});
  const bool ok = writer->finish();
  std::fclose(f);
  std::string out(data ? data : "", size);
  std::free(data);  // NOLINT(cppcoreguidelines-no-malloc): open_memstream's buffer
  if (!ok) throw std::runtime_error("cannot write in memory");
  return out;
}

// The ontology, parsed once: the source of its page and of its statements in other syntaxes.
const MemorySource& ontology_source() {
  static const auto src = [] {
    auto out = std::make_unique<MemorySource>();
    ReadOptions opts;
    opts.syntax = Syntax::turtle;
    opts.base = std::string(ns::dg);
    (void)read_rdf_string(ontology_turtle(), "diplomacy.ttl", opts, *out, [](const Diagnostic&) {});
    return out;
  }();
  return *src;
}

const std::vector<std::array<Term, 3>>& ontology_statements() {
  static const std::vector<std::array<Term, 3>> all = [] {
    const MemorySource& src = ontology_source();
    std::vector<std::array<Term, 3>> out;
    src.match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
      out.push_back({Term(src.term(s)), Term(src.term(p)), Term(src.term(o))});
      return true;
    });
    return out;
  }();
  return all;
}

const std::string& ontology_page() {
  static const std::string page = [] {
    std::ostringstream out;
    write_ontology_html(out, ontology_source());
    return out.str();
  }();
  return page;
}

struct Linked {
  const Questions& questions;
  const httpd::Request& request;
  LinkedSite& site;
  std::string root;  // the namespace root the server stands for: https://w3id.org/diplograph/

  // The dataset's IRI, and its description (made once, at the first request for it).
  [[nodiscard]] std::string dataset_iri() const { return root + "id/dataset/" + site.dataset; }
  [[nodiscard]] const ResourceView& dataset() const {
    std::call_once(site.described, [&] {
      DescribeOptions o;
      o.iri = dataset_iri();
      o.uri_space = root + "id/";
      site.description = questions.dataset(o);
    });
    return *site.description;
  }

  // A minted IRI's link: its path on this server; any other IRI as it is.
  [[nodiscard]] std::string href(std::string_view iri) const {
    if (iri.starts_with(ns::dg)) return "/ontology#" + std::string(iri.substr(ns::dg.size()));
    if (iri.starts_with(root)) return "/" + std::string(iri.substr(root.size()));
    return std::string(iri);
  }

  [[nodiscard]] std::string format_param() const {
    for (const auto& [k, v] : request.params) {
      if (k == "format") return v;
    }
    return {};
  }

  [[nodiscard]] Reply with_etag(Reply r) const {
    const std::string tag = "\"" + std::to_string(std::hash<std::string>{}(r.body)) + "\"";
    r.headers = {{"Vary", "Accept"}, {"ETag", tag}, {"Cache-Control", "no-cache"}};
    if (request.if_none_match == tag || request.if_none_match == "*") {
      r.status = 304;
      r.body.clear();
    }
    return r;
  }

  [[nodiscard]] Reply not_found(const std::string& iri) const {
    return {404, "application/json; charset=utf-8",
            serve::json_error(404, "no resource <" + iri + "> in the graphs this server answers from"), ""};
  }

  [[nodiscard]] Reply not_acceptable() const {
    return {406, "text/plain; charset=utf-8",
            "406: this resource is served as text/turtle, application/n-triples, application/ld+json and "
            "text/html (or format=ttl|nt|jsonld|html); the request's Accept takes none of them\n",
            ""};
  }

  [[nodiscard]] Reply describe(const std::string& iri, const ResourceView& view, Form form) const {
    const std::string media =
        std::string(info(form).media_type) + (form == Form::html ? "; charset=utf-8" : "");
    if (form != Form::html) {
      const Syntax syntax = form == Form::turtle   ? Syntax::turtle
                            : form == Form::jsonld ? Syntax::jsonld
                                                   : Syntax::ntriples;
      auto prefixes = minted_prefixes(root + "id/");
      if (iri == dataset_iri())  // VoID's and DCAT's terms too
        for (const auto& [name, space] :
             {std::pair{"void", ns::void_}, {"dcat", ns::dcat}, {"foaf", ns::foaf}})
          prefixes.push_back({name, std::string(space)});
      return with_etag({200, media, rdf_text(view.statements, syntax, prefixes), ""});
    }
    std::ostringstream page;
    write_resource_html(page, iri, view, links(iri));
    return with_etag({200, media, page.str(), ""});
  }

  [[nodiscard]] ResourceLinks links(const std::string& iri) const {
    ResourceLinks l;
    l.href = [this](std::string_view i) { return href(i); };
    const std::string path = href(iri);
    for (const auto& f : kForms) {
      if (f.form != Form::html)
        l.alternates.emplace_back(f.media_type, path + "?format=" + std::string(f.format));
    }
    const std::string actor = text::percent_encode(iri, "");
    l.questions = {{"everything it took part in", "/api/timeline?actor=" + actor},
                   {"who it met", "/api/met?actor=" + actor},
                   {"its events per pair and year", "/api/dyads?by=year&actor=" + actor}};
    return l;
  }
};

// The path as minted (percent-encoding as sent), else as decoded: an IRI holding "%2F" and one
// holding "ü" (which a browser sends as "%C3%BC") are both found.
std::vector<std::string> candidates(const httpd::Request& r, const std::string& root) {
  std::vector<std::string> out{root + r.raw_path.substr(1)};
  if (r.path != r.raw_path) out.push_back(root + r.path.substr(1));
  return out;
}

// Characters no minted IRI holds (iri_segment never leaves them): such a path is 404 at once.
bool mintable(std::string_view path) {
  if (path.find("/../") != std::string_view::npos || path.find("/./") != std::string_view::npos ||
      path.ends_with("/..") || path.ends_with("/."))
    return false;
  for (const unsigned char c : path) {
    if (c < 0x21 || c == 0x7f ||
        std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  }
  return true;
}

}  // namespace

namespace {

Reply answer(const Linked& l) {
  const httpd::Request& request = l.request;
  const Questions& questions = l.questions;
  const auto form = negotiate(request.accept, l.format_param());
  if (request.path == "/context.jsonld")
    return l.with_etag({200, "application/ld+json", std::string(embedded::file("context.jsonld")), ""});
  if (request.path == "/shapes")  // the SHACL shapes, as written (Turtle, whatever is asked)
    return l.with_etag({200, "text/turtle", std::string(embedded::file("shapes.ttl")), ""});
  if (!form) return l.not_acceptable();
  if (request.path == "/ontology") {
    if (*form == Form::html) return l.with_etag({200, "text/html; charset=utf-8", ontology_page(), ""});
    if (*form == Form::turtle) return l.with_etag({200, "text/turtle", std::string(ontology_turtle()), ""});
    ResourceView all;
    all.statements = ontology_statements();
    return l.describe(std::string(ns::dg), all, *form);
  }
  const auto iris = candidates(request, l.root);
  if (!mintable(request.path) || !mintable(request.raw_path)) return l.not_found(iris.front());
  for (const auto& iri : iris) {
    if (iri == l.dataset_iri()) return l.describe(iri, l.dataset(), *form);
    const ResourceView view = questions.resource(iri, kNamingShown);
    if (view.found) return l.describe(iri, view, *form);
  }
  return l.not_found(iris.front());
}

}  // namespace

Reply linked_reply(const Questions& questions, const httpd::Request& request, LinkedSite& site) {
  const Linked l{questions, request, site, site.root};
  try {
    return answer(l);
  } catch (const BackendError& e) {
    return {501, "application/json; charset=utf-8", serve::json_error(501, e.what()), ""};
  } catch (const std::exception& e) {
    return {500, "application/json; charset=utf-8",
            serve::json_error(
                500, std::string("internal error: ") + e.what() +
                         " (a bug in diplograph, not in the request: please report it with the URL)"),
            ""};
  }
}

}  // namespace diplograph
