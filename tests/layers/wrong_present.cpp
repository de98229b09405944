// A file of the query layer that includes the presentation layer's header: it must not compile
// (the questions return typed rows and know no output format; the front ends present them).
#include "diplograph/present.hpp"

int layer_wrong_present() {
  return 0;
}
