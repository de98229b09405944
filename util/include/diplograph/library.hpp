// diplograph/library.hpp: a shared library opened when first needed (dlopen), not linked. Every
// library a program links is loaded at its start: a heavy one used by few commands (libcurl for
// a store, libarchive for packed files) is paid by every question unless opened on demand.
#pragma once

#include <string>

namespace diplograph {

class SharedLibrary {
 public:
  /// Opens `soname`, kept open for the life of the process. Throws std::runtime_error naming it,
  /// the loader's reason and the Debian package that holds it (`package`) when it cannot be.
  SharedLibrary(const char* soname, const char* package);

  /// The function `symbol` as a pointer of type F; std::runtime_error when the library lacks it.
  template <class F>
  [[nodiscard]] F find(const char* symbol) const {
    return reinterpret_cast<F>(address(symbol));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  }
  /// Sets `slot` to the function `symbol`, its type taken from the slot's.
  template <class F>
  void bind(F& slot, const char* symbol) const {
    slot = find<F>(symbol);
  }

 private:
  [[nodiscard]] void* address(const char* symbol) const;
  void* handle_ = nullptr;
  std::string soname_;
};

}  // namespace diplograph
