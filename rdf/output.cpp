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
  const std::filesystem::path target(path_);
  if (std::filesystem::is_directory(target)) {
    throw InputError({{path_, 0, 0}, "is a directory"});
  }
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
  const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0 && !std::ferror(file_);
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (!ok || closed != 0) {
    throw InputError({{path_, 0, 0}, std::string("cannot write: ") + std::strerror(errno)});
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
