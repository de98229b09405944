// A file of the query layer that includes the converters' public header: it must not compile
// (the query layer does not link the converters).
#include "diplograph/convert.hpp"

int layer_wrong_public() {
  return 0;
}
