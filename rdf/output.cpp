// Atomic output: a temporary file beside the target, renamed over it when complete.
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <zlib.h>

#include "diplograph/rdf.hpp"

namespace diplograph {

namespace {

// A FILE* whose bytes go through zlib's gzip stream (glibc's fopencookie): the writers keep
// writing to a FILE*; a failed write (a full disk) sets its error flag as a plain file's would.
ssize_t gz_write(void* gz, const char* data, std::size_t size) {
  if (size == 0) return 0;
  const int n = gzwrite(static_cast<gzFile>(gz), data, static_cast<unsigned>(size));
  return n <= 0 ? -1 : n;
}

int gz_close(void* gz) {
  return gzclose(static_cast<gzFile>(gz)) == Z_OK ? 0 : -1;
}

// The process that wrote a temporary named `.NAME.PID.XXXXXX` is gone: no process has that
// number, or the one that has it started after the file was last written (the number reused).
bool writer_gone(const std::string& pid, const struct stat& file) {
  if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) return false;
  struct stat proc {};
  if (::stat(("/proc/" + pid).c_str(), &proc) != 0) return errno == ENOENT;
  return proc.st_ctime > file.st_mtime + 1;
}

}  // namespace

std::vector<std::string> stale_temporaries(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".";
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const auto last = name.rfind('.');
    if (!name.starts_with(prefix) || last < prefix.size() || name.size() - last != 7) continue;
    struct stat st {};
    if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
    if (writer_gone(name.substr(prefix.size(), last - prefix.size()), st))
      out.push_back(entry.path().string());
  }
  return out;
}

AtomicOutput::AtomicOutput(std::string path, bool gzip) : path_(std::move(path)) {
  if (path_ == "-") {
    file_ = stdout;
    return;
  }
  std::error_code ec;
  const auto st = std::filesystem::status(path_, ec);  // through symbolic links
  if (std::filesystem::is_directory(st)) throw InputError({{path_, 0, 0}, "is a directory"});
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    open_stream();  // renaming over /dev/null would replace the device with a file
    return;
  }
  // A symbolic link keeps pointing where it did: the file it names is replaced, not the link.
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path_, ec))) {
    const auto real = std::filesystem::canonical(path_, ec);
    if (!ec) path_ = real.string();
  }
  for (const auto& stale : stale_temporaries(path_)) ::unlink(stale.c_str());
  const std::filesystem::path target(path_);
  std::string tmpl = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                     ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".XXXXXX");
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  }
  tmp_ = tmpl;
  if (gzip) {
    compress(fd);
    return;
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  }
}

void AtomicOutput::compress(int fd) {
  sync_fd_ = ::dup(fd);
  gzFile gz = sync_fd_ < 0 ? nullptr : gzdopen(fd, "wb6");
  if (gz) {
    gzbuffer(gz, 1U << 17U);
    file_ = ::fopencookie(gz, "wb", cookie_io_functions_t{nullptr, gz_write, nullptr, gz_close});
    if (file_) return;
    gzclose(gz);
  } else {
    ::close(fd);
  }
  ::unlink(tmp_.c_str());
  throw InputError({{path_, 0, 0}, "cannot write: cannot start gzip compression"});
}

void AtomicOutput::open_stream() {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  stream_ = true;
}

AtomicOutput::~AtomicOutput() {
  if (file_ && file_ != stdout) std::fclose(file_);
  if (sync_fd_ >= 0) ::close(sync_fd_);
  if (!committed_ && !tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicOutput::commit() {
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0) throw InputError({{"-", 0, 0}, "cannot write to standard output"});
    committed_ = true;
    return;
  }
  const bool gz = sync_fd_ >= 0;
  const bool ok =
      std::fflush(file_) == 0 && (stream_ || gz || ::fsync(::fileno(file_)) == 0) && !std::ferror(file_);
  const int closed = std::fclose(file_);  // with gzip: the stream's end written
  file_ = nullptr;
  const bool synced = !gz || ::fsync(sync_fd_) == 0;
  if (gz) ::close(sync_fd_);
  sync_fd_ = -1;
  if (!ok || closed != 0 || !synced) {
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  }
  if (stream_) {
    committed_ = true;
    return;
  }
  // mkstemp creates the file 0600; give it the permissions a plain fopen would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp_.c_str(), 0666 & ~mask);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    throw InputError({{path_, 0, 0}, std::string("cannot rename into place: ") + std::strerror(errno)});
  }
  committed_ = true;
}

}  // namespace diplograph
