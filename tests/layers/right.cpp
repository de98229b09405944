// A file of the query layer may use what the query layer links: the model, the RDF layer, and
// the query layer's own headers, public and private.
#include "diplograph/query.hpp"
#include "diplograph/rdf.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

int layer_right() {
  return static_cast<int>(diplograph::ns::dg.size());
}
