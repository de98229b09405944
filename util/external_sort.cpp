// The spill files of the external sort: buffered writes and reads of temporary files.
#include "diplograph/external_sort.hpp"

#include <stdexcept>

namespace diplograph {

SpillWriter::~SpillWriter() {
  try {
    flush();
  } catch (...) {  // NOLINT(bugprone-empty-catch): unwinding already; the first failure is the one reported
  }
}

void SpillWriter::flush() {
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
    temp_file_failed("write", " (set TMPDIR to a directory with more room)");
  buf_.clear();
}

void SpillWriter::write_through(const void* data, std::size_t n) {
  flush();
  if (std::fwrite(data, 1, n, f_) != n)
    temp_file_failed("write", " (set TMPDIR to a directory with more room)");
}

SpillReader::SpillReader(std::FILE* f) : f_(f) {
  if (std::fflush(f_) != 0) temp_file_failed("write", " (set TMPDIR to a directory with more room)");
  std::rewind(f_);
}

bool SpillReader::get_across(void* data, std::size_t n) {
  auto* out = static_cast<char*>(data);
  while (n > 0) {
    if (at_ == buf_.size() && !fill()) return false;
    const std::size_t k = std::min(n, buf_.size() - at_);
    std::memcpy(out, buf_.data() + at_, k);
    at_ += k;
    out += k;
    n -= k;
  }
  return true;
}

bool SpillReader::text(std::string& s) {
  std::uint32_t n = 0;
  if (!value(n)) return false;
  s.resize(n);
  need(s.data(), n);
  return true;
}

void SpillReader::need(void* data, std::size_t n) {
  if (!get(data, n)) throw std::logic_error("a temporary file of a sort cut short");
}

bool SpillReader::fill() {
  buf_.resize(kBuffer);
  buf_.resize(std::fread(buf_.data(), 1, kBuffer, f_));
  at_ = 0;
  if (std::ferror(f_)) temp_file_failed("read back");
  return !buf_.empty();
}

}  // namespace diplograph
