// Sending graphs to a store in bounded chunks: N-Triples POSTed by the Graph Store Protocol, or
// INSERT DATA by SPARQL Update. A store gives blank nodes fresh identities per request, so the
// statements that hold one are kept back and sent together in the last request.
#include "diplograph/sparql.hpp"
#include "sparql/compile.hpp"
#include "sparql/http.hpp"

namespace diplograph {

namespace {

constexpr std::size_t kGraphStoreChunk = 100000;
constexpr std::size_t kUpdateChunk = 1000;  // Virtuoso 7.2 refuses much larger INSERT DATA

bool blank(TermRef t) {
  return t.kind == TermKind::blank;
}

}  // namespace

StoreLoader::StoreLoader(LoadOptions opts) : opts_(std::move(opts)) {
  if (opts_.chunk == 0)
    opts_.chunk = opts_.protocol == LoadProtocol::graph_store ? kGraphStoreChunk : kUpdateChunk;
}

StoreLoader::~StoreLoader() = default;

void StoreLoader::quad(TermRef s, TermRef p, TermRef o, TermRef /*graph*/) {
  std::string line = to_ntriples(s) + ' ' + to_ntriples(p) + ' ' + to_ntriples(o) + " .\n";
  if (blank(s) || blank(o)) {
    blanks_ += line;
    ++blank_count_;
    return;
  }
  body_ += line;
  if (++pending_ >= opts_.chunk) send(body_, pending_);
}

void StoreLoader::finish() {
  if (pending_) send(body_, pending_);
  if (blank_count_) send(blanks_, blank_count_);
}

void StoreLoader::send(std::string& body, std::size_t& count) {
  const Endpoint& e = opts_.target;
  http::Response r;
  std::string url = e.url;
  if (opts_.protocol == LoadProtocol::graph_store) {
    url += (url.find('?') == std::string::npos ? "?" : "&") +
           (e.graph.empty() ? std::string("default") : "graph=" + http::form_encode(e.graph));
    r = http::post(e, url, "application/n-triples", body, "*/*");
  } else {
    // Virtuoso refuses blank nodes in INSERT DATA; a template without a WHERE takes them.
    const bool blanks = &body == &blanks_;
    const std::string verb = blanks ? "INSERT " : "INSERT DATA ";
    const std::string where = blanks ? " WHERE {}" : "";
    const std::string update = e.graph.empty()
                                   ? verb + "{\n" + body + "}" + where
                                   : verb + "{ GRAPH " + sparql::iri(e.graph) + " {\n" + body + "} }" + where;
    r = http::post(e, url, "application/x-www-form-urlencoded", "update=" + http::form_encode(update), "*/*");
  }
  if (r.status < 200 || r.status > 299) throw StoreError(http::failure(url, r));
  stats_.statements += count;
  stats_.chunks += 1;
  body.clear();
  count = 0;
}

}  // namespace diplograph
