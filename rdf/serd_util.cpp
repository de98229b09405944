#include "rdf/serd_util.hpp"

namespace diplograph::detail {

TermRef term_of(const SordNode* n) {
  if (!n) return {};
  switch (sord_node_get_type(n)) {
  case SORD_URI:
    return TermRef::iri(view(n));
  case SORD_BLANK:
    return TermRef::blank(view(n));
  case SORD_LITERAL: {
    const char* lang = sord_node_get_language(n);
    return {TermKind::literal, view(n), view(sord_node_get_datatype(n)),
            lang ? std::string_view(lang) : std::string_view()};
  }
  }
  return {};
}

}  // namespace diplograph::detail
