#include <cctype>
#include <cstring>
#include <memory>

#include "converters/text.hpp"
#include "rdf/text.hpp"

namespace diplograph::detail {

namespace {
// Large enough that reading costs little per line; small enough that opening a reader is cheap.
constexpr std::size_t kChunk = 256U << 10U;
}  // namespace

LineReader::LineReader(std::istream& in, std::size_t max_line) : in_(in), max_line_(max_line) {
  buf_ = std::make_unique_for_overwrite<char[]>(kChunk);
}

bool LineReader::fill() {
  if (eof_) return false;
  in_.read(buf_.get(), static_cast<std::streamsize>(kChunk));
  end_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

LineReader::Result LineReader::next(std::string_view& line) {
  line_.clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (in_.bad()) return Result::error;
      if (!any) return Result::end;
      break;  // a last line without its newline
    }
    any = true;
    const char* start = buf_.get() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
    if (!too_long && line_.size() + n <= max_line_) {
      line_.append(start, n);
    } else {
      too_long = true;
      line_.clear();
    }
    pos_ += n + (nl ? 1 : 0);
    if (nl) break;
  }
  ++line_no_;
  if (too_long) return Result::too_long;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  line = line_;
  return Result::line;
}

ReadStatus LineReader::next_record(std::string_view& line, Diagnostic& error, const std::string& file) {
  for (;;) {
    const Result r = next(line);
    error.where = {file, static_cast<unsigned>(line_no_), 0};
    switch (r) {
    case Result::end:
      return ReadStatus::end;
    case Result::error:
      error.message = "read error";
      return ReadStatus::fatal;
    case Result::too_long:
      error.message = "line longer than the limit of " + std::to_string(max_line_) + " bytes (--max-line)";
      return ReadStatus::bad;
    case Result::line:
      if (line.find_first_not_of(" \t") != std::string_view::npos) return ReadStatus::ok;
      break;
    }
  }
}

bool csv_record_complete(std::string_view record) {
  std::size_t quotes = 0;
  for (char c : record) quotes += c == '"' ? 1 : 0;
  return quotes % 2 == 0;
}

std::string split_csv(std::string_view record, std::vector<std::string>& fields, char delimiter) {
  fields.clear();
  fields.emplace_back();
  std::size_t i = 0;
  while (i <= record.size()) {
    std::string& field = fields.back();
    if (i < record.size() && record[i] == '"') {
      // Quoted field: "" is a quote; the field ends at the closing quote.
      for (++i;; ++i) {
        if (i >= record.size()) return "unbalanced quotes (a quoted field is not closed)";
        if (record[i] != '"') {
          field += record[i];
        } else if (i + 1 < record.size() && record[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
      if (i < record.size() && record[i] != delimiter) {
        return "text after a closing quote in field " + std::to_string(fields.size());
      }
    } else {
      const auto comma = record.find(delimiter, i);
      const auto stop = comma == std::string_view::npos ? record.size() : comma;
      const auto text = record.substr(i, stop - i);
      if (text.find('"') != std::string_view::npos) {
        return "a quote inside an unquoted field " + std::to_string(fields.size());
      }
      field.assign(text);
      i = stop;
    }
    if (i >= record.size()) break;
    ++i;  // the delimiter
    fields.emplace_back();
    if (i == record.size()) break;
  }
  return {};
}

void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace diplograph::detail
