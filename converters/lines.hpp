// Private to the converters: line reading with limits, and tab-separated fields.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/convert.hpp"
#include "diplograph/text.hpp"

namespace diplograph::detail {

using text::ascii_lower;
using text::csv_record_complete;
using text::has_scheme;
using text::percent_encode;
using text::split_csv;
using text::valid_unicode;

/// Reads lines from a stream through a buffer; strips "\n" and "\r\n". A line longer than
/// `max_line` is reported as too long (and skipped to its end, so reading can go on).
class LineReader {
 public:
  enum class Result : std::uint8_t { line, end, too_long, error };

  LineReader(std::istream& in, std::size_t max_line);
  Result next(std::string_view& line);
  /// The next line that is not blank (spaces and tabs only), as the line-per-record readers
  /// want it: `ok`, `end`, or `bad` (too long, skipped) / `fatal` with `error` set and positioned.
  ReadStatus next_record(std::string_view& line, Diagnostic& error, const std::string& file);
  /// 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t line_number() const { return line_no_; }

 private:
  bool fill();
  std::istream& in_;
  std::size_t max_line_;
  std::unique_ptr<char[]> buf_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::string line_;
  std::uint64_t line_no_ = 0;
  bool eof_ = false;
};

/// Thrown by a reader's parsing of one record: what is wrong with it (the record is skipped).
struct BadRecord {
  std::string message;
};

/// The record `parse` returns (`ok`), or what is wrong with it (`bad`, said in `error`) when
/// it throws BadRecord.
template <class Parse>
ReadStatus parsed(EventRecord& out, Diagnostic& error, Parse parse) {
  try {
    out = parse();
    return ReadStatus::ok;
  } catch (const BadRecord& e) {
    error.message = e.message;
    return ReadStatus::bad;
  }
}

/// The next record of a line-per-record reader: reads a line, hands it to `parse` (which
/// returns the record or throws BadRecord), and reports as a RecordReader::next does.
template <class Parse>
ReadStatus next_line_record(LineReader& lines, const std::string& file, EventRecord& out, Diagnostic& error,
                            Parse parse) {
  std::string_view line;
  if (const ReadStatus s = lines.next_record(line, error, file); s != ReadStatus::ok) return s;
  return parsed(out, error, [&] { return parse(line); });
}

/// Why a record's source URL cannot be written as an IRI (`"x y" is not an absolute IRI: it
/// holds a space ...`), or empty when it can (or is empty). One rule for every format.
[[nodiscard]] std::string source_url_problem(const std::string& url);

/// What is wrong with a language tag (BCP 47: "en", "ps-AF", "zh-Hant"), or empty when it is
/// one. Tags longer than 15 characters are refused: Serd would cut them short.
[[nodiscard]] std::string lang_problem(std::string_view tag);

/// The record's language, given to its participants' names and titles and its place's name
/// where they do not say their own.
void inherit_lang(EventRecord& rec);

/// Splits on tabs (no quoting), into views of `line`.
void split_tabs(std::string_view line, std::vector<std::string_view>& fields);

}  // namespace diplograph::detail
