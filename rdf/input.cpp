// Graph files opened for reading: plain or gzipped alike, read whole for positioning errors.
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "rdf/text.hpp"

namespace diplograph::detail {

namespace {

// zlib's gzip stream as a FILE* (glibc's fopencookie), as rdf/output.cpp writes one.
ssize_t gz_read(void* gz, char* buf, std::size_t size) {
  const int n =
      gzread(static_cast<gzFile>(gz), buf, static_cast<unsigned>(std::min<std::size_t>(size, 1U << 30U)));
  if (n < 0) return -1;
  int status = Z_OK;
  if (n == 0) gzerror(static_cast<gzFile>(gz), &status);
  if (status == Z_BUF_ERROR) {  // the input ended inside the stream: cut short, not the end
    errno = EIO;
    return -1;
  }
  return n;
}

int gz_close(void* gz) {
  return gzclose(static_cast<gzFile>(gz)) == Z_OK ? 0 : -1;
}

bool gzipped(std::FILE* f) {
  std::array<unsigned char, 2> magic{};
  const std::size_t n = std::fread(magic.data(), 1, magic.size(), f);
  std::rewind(f);
  return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

}  // namespace

FilePtr open_graph_file(const std::string& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return f;
  const bool seekable = std::fseek(f.get(), 0, SEEK_CUR) == 0;
  if (seekable && !gzipped(f.get())) return f;
  // Gzipped, or a pipe (/dev/stdin, a FIFO) whose first bytes cannot be peeked at and put back:
  // zlib reads both, passing bytes that are no gzip stream through as they are.
  const int fd = ::dup(::fileno(f.get()));
  if (fd >= 0 && seekable) ::lseek(fd, 0, SEEK_SET);  // the peek's buffered read moved the shared offset
  gzFile gz = fd < 0 ? nullptr : gzdopen(fd, "rb");
  if (!gz) {
    if (fd >= 0) ::close(fd);
    return {nullptr, std::fclose};
  }
  gzbuffer(gz, 1U << 17U);
  std::FILE* stream = ::fopencookie(gz, "rb", cookie_io_functions_t{gz_read, nullptr, nullptr, gz_close});
  if (!stream) gzclose(gz);
  return {stream, std::fclose};
}

std::string slurp(const std::string& path) {
  const FilePtr f = open_graph_file(path);
  std::string text;
  if (!f) return text;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f.get())) > 0;) text.append(buf, n);
  return text;
}

std::pair<unsigned, unsigned> locate_in_file(const std::string& path, std::string_view needle) {
  return locate_in_text(slurp(path), needle);
}

}  // namespace diplograph::detail
