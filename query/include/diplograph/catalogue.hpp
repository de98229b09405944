// diplograph/catalogue.hpp: every question, declared once. Its name, what it answers, its options
// (how many values, the value when absent, the help), and the one function that reads and checks
// them. The command line's options and --help and the HTTP API's routes and parameters are made
// from it: a front end only says how it spells an option in a message (`--since`, `since`) and
// how it shows an answer. Adding a question: its entry here, its answer in each backend.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "diplograph/query.hpp"

namespace diplograph {

enum class OptionKind : std::uint8_t {
  value,  ///< one value (`--since 2018`, `since=2018`)
  list,   ///< repeatable (`--type Meeting --type Visit`)
  flag,   ///< a switch (`--count`, `count=1`)
};

struct OptionSpec {
  constexpr OptionSpec(std::string_view name_, OptionKind kind_, std::string_view values_,
                       std::string_view help_, std::string_view fallback_ = {}, bool required_ = false)
      : name(name_), kind(kind_), values(values_), help(help_), fallback(fallback_), required(required_) {}
  std::string_view name;  ///< as the front ends spell it without their marks: "since", "quad-class"
  OptionKind kind;
  std::string_view values;  ///< what a value is, for a synopsis: "DATE", "person|state" ("" for a flag)
  std::string_view help;
  std::string_view fallback;  ///< the value when absent; empty: none
  bool required;
};

/// The options of one request as text, by name. Messages about them name each by `option_ref`,
/// which the front end spells (`--level` on the command line, `level` in a URL).
class Given {
 public:
  void add(std::string_view name, std::string value) { values_.emplace_back(name, std::move(value)); }
  /// The value given, else "".
  [[nodiscard]] std::string text(std::string_view name) const;
  /// Every value given, in order.
  [[nodiscard]] std::vector<std::string> list(std::string_view name) const;
  /// A switch: given empty, 1, true or yes; 0, false or no; absent: false. OptionError otherwise.
  [[nodiscard]] bool flag(std::string_view name) const;
  /// How many values the option was given.
  [[nodiscard]] std::size_t count(std::string_view name) const;
  /// The names given, in order (each once).
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

/// `met`: who met whom, or with `count` the pairs.
struct MetAsked {
  MetOptions options;
  bool count = false;
};

/// `actors`: the actors, best match for `search` first; at most `limit` (0: all).
struct ActorsAsked {
  std::string search;
  std::uint64_t limit = 0;
};

/// A question's options, read and checked.
using Asked = std::variant<MetAsked, RelationOptions, PathOptions, TimelineOptions, ActorsAsked,
                           EventsOptions, DyadsOptions, RepresentationOptions>;

/// A question's answer.
using Answered =
    std::variant<Answer<MetRow>, Answer<MetCount>, RelationReport, Answer<PathHop>, Answer<TimelineRow>,
                 Answer<ActorRow>, Answer<EventRow>, Answer<DyadRow>, Answer<RepresentationRow>>;

struct QuestionSpec {
  std::string_view name;     ///< `diplograph query NAME`, `/api/NAME`
  std::string_view summary;  ///< one line
  std::string_view formats;  ///< what the command line's --format takes, for its help
  std::vector<OptionSpec> options;
  /// Reads and checks the options given (fallbacks applied by `complete`); OptionError naming
  /// an option as the front end spells it.
  Asked (*read)(const Given& given);
};

/// Every question, in the order they are listed.
[[nodiscard]] const std::vector<QuestionSpec>& question_catalogue();
/// The question named so, or nullptr.
[[nodiscard]] const QuestionSpec* question_named(std::string_view name);
/// `given` with the fallback of every option it lacks; OptionError for a required one missing
/// (`usage` follows the message) or a single-valued one given more than once.
void complete(const QuestionSpec& spec, Given& given, std::string_view usage);
/// The names of the question's options, comma-separated ("actor, with, since, ...").
[[nodiscard]] std::string option_names(const QuestionSpec& spec);

/// What the question reads of the graphs (a load keeps only that).
[[nodiscard]] Question loads(const Asked& asked);
/// The question asked of a backend.
[[nodiscard]] Answered ask(const Questions& questions, const Asked& asked);

}  // namespace diplograph
