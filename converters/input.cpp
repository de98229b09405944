// Record inputs as they are downloaded: plain files and standard input are read directly;
// gzip (and bzip2, xz, zstd) files and zip archives through libarchive, member by member.
#include "converters/input.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <streambuf>

#include "diplograph/convert.hpp"
#include "diplograph/files.hpp"
#include "diplograph/library.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

constexpr std::size_t kChunk = 256U << 10U;
constexpr std::size_t kHead = 4096;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Thrown from underflow(): the istream reading it turns bad, as on any read error.
struct ReadFailure {};

// A stream buffer over some source of bytes, whose first bytes are read ahead for detection.
class ChunkBuf : public std::streambuf {
 public:
  ChunkBuf() : buf_(std::make_unique_for_overwrite<char[]>(kChunk)) {}

  // Reads the first bytes (at least kHead where there are so many) and skips a byte order mark.
  void prime() {
    std::size_t got = 0;
    while (got < kHead && !failed_) {
      const std::ptrdiff_t n = read_some(buf_.get() + got, kChunk - got);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    const std::size_t skip = std::string_view(buf_.get(), got).starts_with(kBom) ? kBom.size() : 0;
    head_.assign(buf_.get() + skip, std::min(got - skip, kHead));
    setg(buf_.get(), buf_.get() + skip, buf_.get() + got);
  }
  [[nodiscard]] std::string_view head() const { return head_; }
  [[nodiscard]] const std::string& failure() const { return failure_; }
  /// Bytes of the file on disk read so far.
  [[nodiscard]] virtual double consumed() const = 0;

 protected:
  // Bytes read into `to`, 0 at the end, -1 on failure (with fail() called).
  virtual std::ptrdiff_t read_some(char* to, std::size_t n) = 0;
  void fail(std::string why) {
    failed_ = true;
    failure_ = std::move(why);
  }

  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (failed_) throw ReadFailure{};
    const std::ptrdiff_t n = read_some(buf_.get(), kChunk);
    if (n < 0) throw ReadFailure{};
    if (n == 0) return traits_type::eof();
    setg(buf_.get(), buf_.get(), buf_.get() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::unique_ptr<char[]> buf_;
  std::string head_;
  std::string failure_;
  bool failed_ = false;
};

class FdBuf : public ChunkBuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) {}
  ~FdBuf() override {
    if (fd_ > 0) ::close(fd_);
  }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;
  [[nodiscard]] double consumed() const override { return static_cast<double>(consumed_); }

 protected:
  std::ptrdiff_t read_some(char* to, std::size_t n) override {
    for (;;) {
      const ssize_t r = ::read(fd_, to, n);
      if (r >= 0) {
        consumed_ += static_cast<std::uint64_t>(r);
        return r;
      }
      if (errno == EINTR) continue;
      fail(std::string("read error: ") + std::strerror(errno));
      return -1;
    }
  }

 private:
  int fd_;
  std::uint64_t consumed_ = 0;
};

// libarchive, opened when a packed file is first read (dlopen): with the compression libraries
// it links it cost every command ~5 ms of its start, and most read plain files.
struct LibArchive {
  decltype(&archive_entry_filetype) entry_filetype = nullptr;
  decltype(&archive_entry_pathname) entry_pathname = nullptr;
  decltype(&archive_error_string) error_string = nullptr;
  decltype(&archive_filter_bytes) filter_bytes = nullptr;
  decltype(&archive_format) format = nullptr;
  decltype(&archive_read_data) read_data = nullptr;
  decltype(&archive_read_free) read_free = nullptr;
  decltype(&archive_read_new) read_new = nullptr;
  decltype(&archive_read_next_header) read_next_header = nullptr;
  decltype(&archive_read_open_filename) read_open_filename = nullptr;
  decltype(&archive_read_support_filter_all) read_support_filter_all = nullptr;
  decltype(&archive_read_support_format_empty) read_support_format_empty = nullptr;
  decltype(&archive_read_support_format_raw) read_support_format_raw = nullptr;
  decltype(&archive_read_support_format_zip) read_support_format_zip = nullptr;
};

LibArchive open_libarchive() {
  const SharedLibrary lib("libarchive.so.13", "libarchive13");
  LibArchive a;
  lib.bind(a.entry_filetype, "archive_entry_filetype");
  lib.bind(a.entry_pathname, "archive_entry_pathname");
  lib.bind(a.error_string, "archive_error_string");
  lib.bind(a.filter_bytes, "archive_filter_bytes");
  lib.bind(a.format, "archive_format");
  lib.bind(a.read_data, "archive_read_data");
  lib.bind(a.read_free, "archive_read_free");
  lib.bind(a.read_new, "archive_read_new");
  lib.bind(a.read_next_header, "archive_read_next_header");
  lib.bind(a.read_open_filename, "archive_read_open_filename");
  lib.bind(a.read_support_filter_all, "archive_read_support_filter_all");
  lib.bind(a.read_support_format_empty, "archive_read_support_format_empty");
  lib.bind(a.read_support_format_raw, "archive_read_support_format_raw");
  lib.bind(a.read_support_format_zip, "archive_read_support_format_zip");
  return a;
}

// libarchive, opened once (thread-safe); std::runtime_error saying what to install otherwise.
const LibArchive& la() {
  static const LibArchive api = open_libarchive();
  return api;
}

struct ArchiveFree {
  void operator()(archive* a) const { la().read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

// The data of the current entry of an archive being read.
class ArchiveBuf : public ChunkBuf {
 public:
  ArchiveBuf(archive* a, std::string what) : a_(a), what_(std::move(what)) {}
  [[nodiscard]] double consumed() const override { return static_cast<double>(la().filter_bytes(a_, -1)); }

 protected:
  std::ptrdiff_t read_some(char* to, std::size_t n) override {
    const la_ssize_t r = la().read_data(a_, to, n);
    if (r >= 0) return r;
    const char* msg = la().error_string(a_);
    fail("corrupt " + what_ + " data: " + (msg ? msg : "unreadable"));
    return -1;
  }

 private:
  archive* a_;
  std::string what_;
};

template <class Buf>
class BufStream : public InputStream {
 public:
  template <class... Args>
  BufStream(std::string name, std::string source, double size, Args&&... args)
      : InputStream(std::move(name), std::move(source)), buf_(std::forward<Args>(args)...), size_(size) {
    buf_.prime();
  }
  std::istream& stream() override { return in_; }
  [[nodiscard]] std::string_view head() const override { return buf_.head(); }
  [[nodiscard]] std::string failure() const override { return buf_.failure(); }
  [[nodiscard]] double fraction_read() const override { return size_ > 0 ? buf_.consumed() / size_ : 0.0; }

 private:
  Buf buf_;
  std::istream in_{&buf_};
  double size_;
};

enum class Packing : std::uint8_t { plain, compressed, zip };

// The names compressed files end in (libarchive's filters read each).
constexpr std::array<std::string_view, 4> kCompressed{".gz", ".bz2", ".xz", ".zst"};

bool compressed_magic(std::string_view magic) {
  const bool bzip2 = magic.size() > 3 && magic.starts_with("BZh") && magic[3] >= '1' && magic[3] <= '9';
  return bzip2 || magic.starts_with("\x1F\x8B") ||
         magic.starts_with(
             "\xFD"
             "7zXZ") ||
         magic.starts_with("\x28\xB5\x2F\xFD");
}

// By the first bytes, else by the name (a file named .gz that is not gzip is then reported).
Packing packing_of(std::string_view path, std::string_view magic) {
  if (magic.starts_with("PK\x03\x04") || magic.starts_with("PK\x05\x06")) return Packing::zip;
  if (compressed_magic(magic)) return Packing::compressed;
  const std::string p = text::ascii_lower(path);
  if (p.ends_with(".zip")) return Packing::zip;
  const bool named =
      std::any_of(kCompressed.begin(), kCompressed.end(), [&](auto ext) { return p.ends_with(ext); });
  return named ? Packing::compressed : Packing::plain;
}

// "x.export.CSV.gz" -> "x.export.CSV"
std::string without_compression(std::string_view name) {
  const std::string lower = text::ascii_lower(name);
  for (std::string_view ext : kCompressed) {
    if (lower.ends_with(ext)) return std::string(name.substr(0, name.size() - ext.size()));
  }
  return std::string(name);
}

std::string archive_message(archive* a) {
  const char* msg = la().error_string(a);
  return msg ? msg : "unreadable";
}

ArchivePtr open_archive(const std::string& path, Packing packing, const ErrorSink& errors) {
  try {
    (void)la();
  } catch (const std::runtime_error& e) {
    errors({{path, 0, 0}, std::string("cannot read this packed file: ") + e.what()});
    return nullptr;
  }
  ArchivePtr a(la().read_new());
  la().read_support_filter_all(a.get());
  if (packing != Packing::compressed) la().read_support_format_zip(a.get());
  if (packing != Packing::zip) {
    la().read_support_format_raw(a.get());
    la().read_support_format_empty(a.get());  // empty standard input is no error
  }
  const char* file = path == "-" ? nullptr : path.c_str();
  if (la().read_open_filename(a.get(), file, kChunk) != ARCHIVE_OK) {
    errors({{path, 0, 0}, "cannot read: " + archive_message(a.get())});
    return nullptr;
  }
  return a;
}

bool is_member_file(archive_entry* e) {
  const char* name = la().entry_pathname(e);
  return la().entry_filetype(e) != AE_IFDIR && name && !std::string_view(name).starts_with("__MACOSX/");
}

// Every stream of an archive: the one stream of a compressed file, or each file of a zip.
bool for_each_member(const std::string& path, Packing packing, double size,
                     const std::function<bool(InputStream&)>& each, const ErrorSink& errors) {
  const ArchivePtr a = open_archive(path, packing, errors);
  if (!a) return false;
  std::size_t members = 0;
  for (;;) {
    archive_entry* e = nullptr;
    const int r = la().read_next_header(a.get(), &e);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      errors({{path, 0, 0}, "cannot read: " + archive_message(a.get())});
      return false;
    }
    const bool zip = (la().format(a.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
    if (zip && !is_member_file(e)) continue;
    ++members;
    const std::string what = zip ? "zip" : "compressed";
    const std::string member = zip ? la().entry_pathname(e) : "";
    const std::string name = member.empty() ? path : path + "/" + member;
    const std::string source =
        member.empty() ? without_compression(base_name(path)) : std::string(base_name(member));
    BufStream<ArchiveBuf> in(name, source, size, a.get(), what);
    if (!each(in)) return false;
  }
  if (members > 0 || (la().format(a.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_EMPTY) return true;
  errors({{path, 0, 0}, "the archive holds no file to read"});
  return false;
}

int open_plain(const std::string& path, double& size, const ErrorSink& errors) {
  if (path == "-") return STDIN_FILENO;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    errors({{path, 0, 0}, "cannot open: " + std::string(std::strerror(errno))});
    if (fd >= 0) ::close(fd);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    errors({{path, 0, 0}, "cannot open: is a directory"});
    ::close(fd);
    return -1;
  }
  size = S_ISREG(st.st_mode) ? static_cast<double>(st.st_size) : 0.0;
  return fd;
}

std::string magic_of(int fd) {
  char magic[8] = {};
  const ssize_t n = ::pread(fd, magic, sizeof magic, 0);
  return n > 0 ? std::string(magic, static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

bool for_each_input(const std::string& path, const std::function<bool(InputStream&)>& each,
                    const ErrorSink& errors) {
  double size = 0;
  const int fd = open_plain(path, size, errors);
  if (fd < 0) return false;
  // Standard input cannot be looked at twice: libarchive tells plain from packed there.
  const Packing packing = path == "-" ? Packing::compressed : packing_of(path, magic_of(fd));
  if (path == "-" || packing != Packing::plain) {
    if (fd != STDIN_FILENO) ::close(fd);
    return for_each_member(path, path == "-" ? Packing::plain : packing, size, each, errors);
  }
  BufStream<FdBuf> in(path, std::string(base_name(path)), size, fd);
  return each(in);
}

}  // namespace diplograph
