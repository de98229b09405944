// diplograph/files.hpp: temporary files, for the work that spills to disk (sorts, index builds).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace diplograph {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
/// An open file, closed when let go.
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

/// Where temporary files go: $TMPDIR, else /tmp.
[[nodiscard]] std::string temp_dir();

/// A new temporary file in temp_dir(), open for reading and writing, that no other process can
/// open and that is gone when closed (or when the process dies, however it dies). Throws
/// InputError naming the directory when it cannot be made.
[[nodiscard]] FilePtr temp_file();

}  // namespace diplograph
