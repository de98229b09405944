// Temporary files: in $TMPDIR (std::tmpfile ignores it), unlinked as they are made.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "diplograph/error.hpp"
#include "diplograph/files.hpp"

namespace diplograph {

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

FilePtr temp_file() {
  const std::string dir = temp_dir();
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);  // never has a name
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    std::string path = dir + "/diplograph-XXXXXX";  // a file system without O_TMPFILE
    fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(path.c_str());
  }
  if (fd < 0) temp_file_failed("create", " (TMPDIR names where they go)");
  FilePtr f(::fdopen(fd, "w+b"));
  if (!f) {
    const int why = errno;
    ::close(fd);
    errno = why;
    temp_file_failed("open");
  }
  return f;
}

void temp_file_failed(std::string_view what, std::string_view hint) {
  throw InputError({{temp_dir(), 0, 0},
                    "cannot " + std::string(what) + " a temporary file here: " + std::strerror(errno) +
                        std::string(hint)});
}

}  // namespace diplograph
