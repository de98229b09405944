// Shared libraries opened on demand: dlopen and dlsym, their failures as messages.
#include "diplograph/library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace diplograph {

SharedLibrary::SharedLibrary(const char* soname, const char* package) : soname_(soname) {
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);  // never closed: its functions stay in use
  if (!handle_) {
    const char* why = dlerror();
    throw std::runtime_error("cannot load " + soname_ + " (" + (why ? why : "not found") +
                             "): install Debian's " + package + " (scripts/setup.sh does)");
  }
}

void* SharedLibrary::address(const char* symbol) const {
  void* at = dlsym(handle_, symbol);
  if (!at) throw std::runtime_error("cannot use " + soname_ + ": it has no " + symbol);
  return at;
}

}  // namespace diplograph
