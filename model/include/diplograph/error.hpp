// diplograph/error.hpp: positions, diagnostics and the one error sink they are carried to.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

namespace diplograph {

/// Where something is in an input: file, 1-based line, 1-based column (0 when unknown).
struct Position {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

/// One problem found in an input, with its position.
struct Diagnostic {
  Position where;
  std::string message;

  /// `FILE:LINE:COL: message` (line and column left out when unknown).
  [[nodiscard]] std::string str() const;
};

/// Receives every diagnostic a reader, converter or loader produces.
using ErrorSink = std::function<void(const Diagnostic&)>;

/// Thrown for input that cannot be read; carries its diagnostic.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  [[nodiscard]] const Diagnostic& diagnostic() const noexcept { return diag_; }

 private:
  Diagnostic diag_;
};

/// Thrown for a bad request (unknown actor, ambiguous name): the CLI's usage error.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace diplograph
