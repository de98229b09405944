// diplograph/files.hpp: paths, and temporary files for the work that spills to disk (sorts,
// index builds).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace diplograph {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
/// An open file, closed when let go.
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

/// The file name without its directories (what graph names and dg:sourceRecord use).
[[nodiscard]] inline std::string_view base_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// Where temporary files go: $TMPDIR, else /tmp.
[[nodiscard]] std::string temp_dir();

/// A new temporary file in temp_dir(), open for reading and writing, that no other process can
/// open and that is gone when closed (or when the process dies, however it dies). Throws
/// InputError naming the directory when it cannot be made.
[[nodiscard]] FilePtr temp_file();

/// Throws the InputError of a temporary file that could not be used: `DIR: cannot WHAT a
/// temporary file here: REASON` (errno's), then `hint`. Every spill to disk reports so.
[[noreturn]] void temp_file_failed(std::string_view what, std::string_view hint = {});

}  // namespace diplograph
