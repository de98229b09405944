// A question's options as the command line takes them, declared from its catalogue entry
// (diplograph/catalogue.hpp): Boost options with the entry's help and fallbacks, and the usage
// line. `diplograph query` and `diplograph actors` declare theirs so.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/catalogue.hpp"

namespace diplograph::cli {

class Declared {
 public:
  /// The options of `spec` but `positional` (an option the command takes as a word instead).
  explicit Declared(const QuestionSpec& spec, std::string_view positional = {});

  void add(boost::program_options::options_description& opts);
  /// What the command line gave (with the fallbacks Boost filled in).
  [[nodiscard]] Given given() const;

 private:
  void add_one(boost::program_options::options_description& opts, std::size_t i);

  const QuestionSpec& spec_;
  std::string_view positional_;
  std::vector<std::string> values_;
  std::vector<std::vector<std::string>> lists_;
  std::unique_ptr<bool[]> flags_;
};

/// `diplograph query relation --between A --and B [--at DATE] GRAPH...`.
[[nodiscard]] std::string synopsis(const QuestionSpec& spec);

}  // namespace diplograph::cli
