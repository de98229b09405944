#include <cctype>
#include <cstring>
#include <memory>

#include "converters/lines.hpp"
#include "diplograph/text.hpp"

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
      error.message = "line longer than the limit of " + std::to_string(max_line_) + " bytes ({{max-line}})";
      return ReadStatus::bad;
    case Result::line:
      if (const auto nul = line.find('\0'); nul != std::string_view::npos) {
        error.where.column = static_cast<unsigned>(nul + 1);
        error.message = "a NUL character (no RDF term may hold one)";
        return ReadStatus::bad;
      }
      if (line.find_first_not_of(" \t") != std::string_view::npos) return ReadStatus::ok;
      break;
    }
  }
}

std::string lang_problem(std::string_view tag) {
  if (tag.empty() || tag.size() > 15)
    return "a language tag of 1 to 15 characters (\"en\", \"ps-AF\"), not \"" + std::string(tag) + "\"";
  std::size_t part = 0;
  for (std::size_t i = 0; i < tag.size(); ++i) {
    const auto c = static_cast<unsigned char>(tag[i]);
    const bool ok = std::isalpha(c) || (i > 0 && part > 0 && std::isdigit(c)) || c == '-';
    if (!ok || (c == '-' && (i == 0 || i + 1 == tag.size() || tag[i - 1] == '-')))
      return "not a language tag (\"en\", \"ps-AF\"): \"" + std::string(tag) + "\"";
    part = c == '-' ? part + 1 : part;
  }
  return {};
}

void inherit_lang(EventRecord& rec) {
  if (rec.lang.empty()) return;
  for (auto& p : rec.participants) {
    if (p.lang.empty()) p.lang = rec.lang;
  }
  if (rec.location && rec.location->lang.empty()) rec.location->lang = rec.lang;
}

std::string source_url_problem(const std::string& url) {
  if (url.empty()) return {};
  const std::string why = absolute_iri_problem(url);
  return why.empty() ? why : "\"" + url + "\" is not an absolute IRI: " + why;
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
