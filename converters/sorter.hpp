// Private to the converters: an external sort of (key, value) strings in bounded memory, for
// readers that must bring together rows wherever they stand in a file (the ICEWS mirrors).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace diplograph::detail {

/// Collects pairs, holding at most about `budget` bytes in memory (the rest is sorted into
/// runs in unnamed temporary files, in $TMPDIR or /tmp), and hands them back sorted by key,
/// then value. A temporary file that cannot be made, written or read back throws InputError
/// naming the directory (temp_dir()).
class ExternalSorter {
 public:
  explicit ExternalSorter(std::size_t budget);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  /// Adds a pair.
  void add(std::string key, std::string value);
  /// Ends adding and starts handing back.
  void finish();
  /// The next pair in order: true with `key` and `value` set, false at the end.
  bool next(std::string& key, std::string& value);
  /// Runs written to temporary files so far (0 while everything fits in memory).
  [[nodiscard]] std::size_t runs() const { return runs_.size(); }

 private:
  struct Run;
  void spill();
  std::size_t budget_;
  std::size_t held_ = 0;
  std::vector<std::pair<std::string, std::string>> pairs_;
  std::size_t at_ = 0;  // next pair handed back from memory
  std::vector<std::unique_ptr<Run>> runs_;
  bool merging_ = false;
};

}  // namespace diplograph::detail
