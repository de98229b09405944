// Shared by the tests: collecting triples, canonical N-Triples, running the CLI.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/convert.hpp"
#include "diplograph/rdf.hpp"

namespace test {

/// Collects statements as N-Triples lines (a set: order and duplicates do not matter).
struct Collect : diplograph::QuadSink {
  std::set<std::string> lines;
  void quad(diplograph::TermRef s, diplograph::TermRef p, diplograph::TermRef o,
            diplograph::TermRef g) override {
    std::string line = to_ntriples(s) + " " + to_ntriples(p) + " " + to_ntriples(o);
    if (!g.empty()) line += " " + to_ntriples(g);
    lines.insert(line);
  }
};

/// Collects diagnostics as strings.
struct Errors {
  std::vector<std::string> all;
  diplograph::ErrorSink sink() {
    return [this](const diplograph::Diagnostic& d) { all.push_back(d.str()); };
  }
};

inline std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// A fresh directory under the build tree for one test.
/// The scratch directories a test process made, removed when it exits (kept when the
/// environment sets DIPLOGRAPH_KEEP_SCRATCH, to look at what a failing test wrote).
struct ScratchDirs {
  std::vector<std::filesystem::path> dirs;
  ScratchDirs() = default;
  ScratchDirs(const ScratchDirs&) = delete;
  ScratchDirs& operator=(const ScratchDirs&) = delete;
  ~ScratchDirs() {
    if (std::getenv("DIPLOGRAPH_KEEP_SCRATCH")) return;
    std::error_code ignored;
    for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
  }
};

inline std::string scratch(const std::string& name) {
  static ScratchDirs made;
  // One directory per process: ctest runs tests in parallel, each in its own process.
  auto dir =
      std::filesystem::temp_directory_path() / ("diplograph-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (std::find(made.dirs.begin(), made.dirs.end(), dir) == made.dirs.end()) made.dirs.push_back(dir);
  return dir.string();
}

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs `diplograph ARGS` through the shell, capturing stdout and stderr.
inline Run run(const std::string& args, const std::string& dir = scratch("run")) {
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const std::string cmd = std::string(DIPLOGRAPH_EXE) + " " + args + " >" + out + " 2>" + err;
  const int rc = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read(out);
  r.err = read(err);
  return r;
}

/// The dynamic loader's trace of the libraries `diplograph ARGS` loaded (LD_DEBUG=libs): each
/// as "find library=NAME".
inline std::string loaded_libraries(const std::string& args, const std::string& dir = scratch("libs")) {
  const std::string cmd =
      "LD_DEBUG=libs " + std::string(DIPLOGRAPH_EXE) + " " + args + " >/dev/null 2>" + dir + "/trace";
  (void)std::system(cmd.c_str());
  return read(dir + "/trace");
}

/// A run that failed with `status` and said `message` on stderr.
inline void expect_error(const Run& r, int status, const std::string& message) {
  EXPECT_EQ(r.status, status) << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << "stderr was: " << r.err;
}

/// `diplograph convert INPUTS` into a scratch directory of its own; the Turtle file's path.
inline std::string converted(const std::string& inputs, const std::string& name) {
  const std::string dir = scratch("converted-" + name);
  const auto r = run("convert --no-progress " + inputs + " -o " + dir + "/g.ttl", dir);
  EXPECT_EQ(r.status, 0) << inputs << ": " << r.err;
  return dir + "/g.ttl";
}

/// Everything one record reader makes of an input: records, diagnostics, warnings.
struct Records {
  std::vector<diplograph::EventRecord> records;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::uint64_t merged = 0;
};

inline Records read_records(const std::string& format, std::istream& in, const std::string& name) {
  using namespace diplograph;
  ReaderContext ctx;
  ctx.file = name;
  auto reader = input_format(format)->open(in, ctx);
  Records r;
  reader->set_warning_sink([&](const Diagnostic& d) { r.warnings.push_back(d.str()); });
  EventRecord rec;
  Diagnostic d;
  for (;;) {
    const auto s = reader->next(rec, d);
    if (s == ReadStatus::end) break;
    if (s == ReadStatus::ok) {
      r.records.push_back(rec);
    } else {
      r.errors.push_back(d.str());
    }
    if (s == ReadStatus::fatal) break;
  }
  r.merged = reader->merged();
  return r;
}

/// The non-empty lines of a text, without their "\r".
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

/// The fields of one RFC 4180 record on one line ("" for "" within quotes).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

inline std::string samples() {
  return std::string(SOURCE_DIR) + "/samples";
}
inline std::string shared() {
  return SHARED_DATA;
}

/// One JSON Lines meeting record: its id, date, participants as {name, state} (names and states
/// written as given, so they may hold any UTF-8), and `extra` keys ("\"lang\":\"fr\"") if any.
inline std::string meeting(const std::string& id, const std::string& date,
                           const std::vector<std::pair<std::string, std::string>>& people,
                           const std::string& extra = "") {
  std::string line = "{\"id\":\"" + id + "\",\"type\":\"meeting\",\"date\":\"" + date + "\",";
  if (!extra.empty()) line += extra + ",";
  line += "\"participants\":[";
  for (std::size_t i = 0; i < people.size(); ++i) {
    line += std::string(i ? "," : "") + "{\"name\":\"" + people[i].first + "\",\"state\":\"" +
            people[i].second + "\"}";
  }
  return line + "]}\n";
}

}  // namespace test
