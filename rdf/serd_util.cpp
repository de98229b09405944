#include "rdf/serd_util.hpp"

namespace diplograph::detail {

namespace {
const uint8_t* bytes(std::string_view s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}
}  // namespace

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

SordNode* sord_node_of(SordWorld* world, TermRef t) {
  // Sord copies the strings it is given, so temporary NUL-terminated copies are enough.
  std::string v(t.value);
  switch (t.kind) {
  case TermKind::iri:
    return sord_new_uri(world, bytes(v));
  case TermKind::blank:
    return sord_new_blank(world, bytes(v));
  case TermKind::literal: {
    SordNodePtr dt(t.datatype.empty() ? nullptr : sord_new_uri(world, bytes(std::string(t.datatype))),
                   SordNodeDeleter{world});
    std::string lang(t.lang);
    return sord_new_literal(world, dt.get(), bytes(v), lang.empty() ? nullptr : lang.c_str());
  }
  case TermKind::none:
    break;
  }
  return nullptr;
}

}  // namespace diplograph::detail
