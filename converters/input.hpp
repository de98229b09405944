// Private to the converters: record inputs as people download them. A plain file, standard
// input, a gzip file or each member of a zip archive becomes one stream of bytes, with its
// first bytes available for format detection and a UTF-8 byte order mark already skipped.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "diplograph/error.hpp"

namespace diplograph {

/// One stream of records. `name` is what diagnostics cite (`x.zip/member.csv`, `x.csv.gz`);
/// `source` is the plain file name provenance and graph names use (`member.csv`, `x.csv`), so a
/// compressed file converts to the same statements as the plain one.
class InputStream {
 public:
  virtual ~InputStream() = default;
  [[nodiscard]] virtual std::istream& stream() = 0;
  /// Up to the first 4 KiB of content, after any byte order mark.
  [[nodiscard]] virtual std::string_view head() const = 0;
  /// How much of the file on disk has been read, 0 to 1 (0 when unknown).
  [[nodiscard]] virtual double fraction_read() const = 0;
  /// What went wrong when the stream turned bad (corrupt compressed data), or empty.
  [[nodiscard]] virtual std::string failure() const = 0;
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& source() const { return source_; }

 protected:
  InputStream(std::string name, std::string source) : name_(std::move(name)), source_(std::move(source)) {}

 private:
  std::string name_;
  std::string source_;
};

/// Calls `each` for every stream in `path` ("-" is standard input): one for a plain or gzip
/// file, one per member for a zip archive, in archive order. Stops when `each` returns false.
/// Returns false, with a diagnostic to `errors`, when the file cannot be opened or the archive
/// cannot be read; returns what `each` returned otherwise.
bool for_each_input(const std::string& path, const std::function<bool(InputStream&)>& each,
                    const ErrorSink& errors);

}  // namespace diplograph
