// diplograph/error.hpp: positions, diagnostics and the one error sink they are carried to.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// How a front end names what the library's messages and notes refer to. A library message
/// names an option by its name in the question catalogue between double braces, alone or
/// with a value (`{{level}}`, `{{level=state}}`: `option_ref`), and where to find the names
/// there are as `{{actors}}` (a listing) or `{{actors-search}}` (a search); no front end's
/// syntax appears below it. `spelled_out` renders them: `--level state` and `diplograph actors
/// ...` on the command line, `level=state` and `/api/actors?q=NAME` in a URL.
struct Spelling {
  std::string (*option)(std::string_view name, std::string_view value);  ///< value "" when none
  std::string (*actors)(bool search);
};

/// `message` with its references rendered by `spelling`; text without `{{` is returned as is.
[[nodiscard]] std::string spelled_out(std::string_view message, const Spelling& spelling);

/// `{{name}}` or `{{name=value}}`: an option named in a message, to be spelled by the front end.
[[nodiscard]] std::string option_ref(std::string_view name, std::string_view value = {});

/// Thrown for a bad request (unknown actor, ambiguous name): the CLI's usage error. Its message
/// may name options (`option_ref`); a front end shows `spelled_out(what(), ...)`.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// An option given a value it does not take. The message names the option as it was typed
/// (`--level` on the command line, `level` in a URL) and what it takes.
class OptionError : public UsageError {
  using UsageError::UsageError;
};

/// A name that picks no actor (`unknown`, with what it might have meant) or more than one
/// (`ambiguous`, with the candidates), as IRI and label, best first.
class NameError : public UsageError {
 public:
  enum class Kind : unsigned char { unknown, ambiguous };
  struct Candidate {
    std::string iri, label;
  };
  NameError(Kind kind, const std::string& message, std::vector<Candidate> candidates)
      : UsageError(message), kind_(kind), candidates_(std::move(candidates)) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::vector<Candidate>& candidates() const noexcept { return candidates_; }

 private:
  Kind kind_;
  std::vector<Candidate> candidates_;
};

/// Thrown by long work its caller stopped (a checkpoint found it asked to: Ctrl-C in the Python
/// package). Not a fault; what the work was writing is left as it was (atomic outputs).
class Cancelled : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override { return "stopped by its caller"; }
};

}  // namespace diplograph
