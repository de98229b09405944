// A file of the query layer that includes a private header of the RDF layer below it: it must
// not compile (a layer's private headers are its own).
#include "rdf/serd_util.hpp"

int layer_wrong_private() {
  return 0;
}
