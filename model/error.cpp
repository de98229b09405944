#include "diplograph/error.hpp"

namespace diplograph {

std::string Diagnostic::str() const {
  std::string s = where.file.empty() ? std::string("-") : where.file;
  if (where.line) {
    s += ':' + std::to_string(where.line);
    if (where.column) s += ':' + std::to_string(where.column);
  }
  return s + ": " + message;
}

InputError::InputError(Diagnostic d) : std::runtime_error(d.str()), diag_(std::move(d)) {}

}  // namespace diplograph
