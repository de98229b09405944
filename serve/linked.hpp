// Private to serve/: Linked Data, the minted IRIs' paths answered by content negotiation.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "diplograph/serve.hpp"
#include "serve/http.hpp"

namespace diplograph {

/// What the linked-data paths of one server share: the namespace root it stands for, the name of
/// the dataset it serves, and that dataset's description, made at its first request.
struct LinkedSite {
  std::string root;     ///< https://w3id.org/diplograph/
  std::string dataset;  ///< ROOT/id/dataset/NAME is the dataset's IRI
  std::once_flag described;
  std::optional<ResourceView> description;
};

/// `GET /id/...` (a resource minted under `root` + "id/", described: its statements, the labels
/// of what they name, the statements naming it, at most 500; the dataset's IRI answers its VoID
/// and DCAT description), `/ontology`, `/shapes` (Turtle) and `/context.jsonld`,
/// as text/turtle, application/n-triples, application/ld+json or text/html, chosen by the Accept
/// header's q-values (or `format=ttl|nt|jsonld|html`); with `Vary: Accept` and an ETag
/// (If-None-Match: 304). 406 for an Accept that takes none of them, 404 for an IRI not held or a
/// path no minted IRI has.
[[nodiscard]] Reply linked_reply(const Questions& questions, const httpd::Request& request, LinkedSite& site);

/// Whether the path is one linked_reply answers.
[[nodiscard]] inline bool linked_path(std::string_view path) {
  return path.starts_with("/id/") || path == "/ontology" || path == "/context.jsonld" || path == "/shapes";
}

}  // namespace diplograph
