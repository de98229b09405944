// Atomic output: a temporary file beside the target, renamed over it when complete.
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "diplograph/rdf.hpp"

namespace diplograph {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
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
  const std::filesystem::path target(path_);
  std::string tmpl = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                     ("." + target.filename().string() + ".XXXXXX");
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  }
  tmp_ = tmpl;
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  }
}

void AtomicOutput::open_stream() {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
  stream_ = true;
}

AtomicOutput::~AtomicOutput() {
  if (file_ && file_ != stdout) std::fclose(file_);
  if (!committed_ && !tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicOutput::commit() {
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0) throw InputError({{"-", 0, 0}, "cannot write to standard output"});
    committed_ = true;
    return;
  }
  const bool ok =
      std::fflush(file_) == 0 && (stream_ || ::fsync(::fileno(file_)) == 0) && !std::ferror(file_);
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (!ok || closed != 0) {
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
