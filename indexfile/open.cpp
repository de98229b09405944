// Opening an index file: mapped, checked, used in place.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "diplograph/index_file.hpp"
#include "indexfile/layout.hpp"

namespace diplograph {

namespace {

constexpr std::uint64_t kCheckedWhole = std::uint64_t{64}
                                        << 20U;  // files smaller are checksummed whole at every open

const char* const kRebuild = ": build it again with `diplograph index -o FILE INPUT...`";

// A file descriptor, closed when done.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Why the header cannot be trusted, or empty.
std::string header_problem(std::string_view file, idx::Header& h) {
  if (file.size() < sizeof idx::kMagic || std::memcmp(file.data(), idx::kMagic, sizeof idx::kMagic) != 0)
    return "not a diplograph index (no index header)";
  if (file.size() < sizeof h)
    return "truncated index: " + std::to_string(file.size()) + " bytes, not even its header" + kRebuild;
  std::memcpy(&h, file.data(), sizeof h);
  if (h.endian != idx::kEndian) return "an index written with the other byte order" + std::string(kRebuild);
  if (h.version != idx::kVersion)
    return "an index of format version " + std::to_string(h.version) + "; this diplograph reads version " +
           std::to_string(idx::kVersion) + kRebuild;
  if (idx::checksum(&h, offsetof(idx::Header, header_checksum)) != h.header_checksum)
    return "corrupt index: its header does not match its checksum" + std::string(kRebuild);
  if (h.file_size != file.size())
    return "truncated or extended index: the header says " + std::to_string(h.file_size) +
           " bytes, the file has " + std::to_string(file.size()) + kRebuild;
  return {};
}

// Why the table or a section cannot be trusted, or empty; reads the table into `table`.
std::string table_problem(std::string_view file, const idx::Header& h, bool verify,
                          std::vector<idx::Entry>& table) {
  const std::uint64_t bytes = std::uint64_t{h.sections} * sizeof(idx::Entry);
  if (h.table_offset < sizeof h || h.table_offset % 8 || h.table_offset > file.size() ||
      bytes > file.size() - h.table_offset)
    return "corrupt index: its table lies outside the file" + std::string(kRebuild);
  if (idx::checksum(file.data() + h.table_offset, bytes) != h.table_checksum)
    return "corrupt index: its table does not match its checksum" + std::string(kRebuild);
  table.resize(h.sections);
  std::memcpy(table.data(), file.data() + h.table_offset, bytes);
  for (const idx::Entry& e : table) {
    if (e.offset < sizeof h || e.offset % 8 || e.offset > h.table_offset ||
        e.bytes > h.table_offset - e.offset || e.element == 0 || e.bytes % e.element)
      return "corrupt index: section " + std::to_string(e.id) + " lies outside the file" + kRebuild;
    if (verify && idx::checksum(file.data() + e.offset, e.bytes) != e.checksum)
      return "corrupt index: section " + std::to_string(e.id) + " does not match its checksum" + kRebuild;
  }
  return {};
}

}  // namespace

struct IndexFile::Impl {
  std::string path;
  std::unique_ptr<idx::Mapping> map;
  idx::Header header{};
  idx::Layout layout;
  std::unique_ptr<idx::FileSource> source;
  std::unique_ptr<EventIndex> index;
};

bool is_index_file(const std::string& path) {
  std::error_code ec;  // only a regular file: reading a pipe's first bytes would lose them
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  char head[sizeof idx::kMagic] = {};
  std::ifstream in(path, std::ios::binary);
  return in.read(head, sizeof head) && std::memcmp(head, idx::kMagic, sizeof head) == 0;
}

std::unique_ptr<IndexFile> IndexFile::open(const std::string& path, IndexCheck check) {
  auto x = std::make_unique<Impl>();
  x->path = path;
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) throw InputError({{path, 0, 0}, std::strerror(errno)});
  if (!S_ISREG(st.st_mode))
    throw InputError({{path, 0, 0}, "not a file: an index is a file written by `diplograph index`"});
  try {
    x->map = std::make_unique<idx::Mapping>(f.fd, static_cast<std::size_t>(st.st_size));
  } catch (const std::runtime_error& e) {
    throw InputError({{path, 0, 0}, e.what()});
  }
  const std::string_view file = x->map->bytes();
  std::string problem = header_problem(file, x->header);
  if (problem.empty())
    problem = table_problem(
        file, x->header,
        check == IndexCheck::whole || (check == IndexCheck::automatic && file.size() < kCheckedWhole),
        x->layout.table);
  if (!problem.empty()) throw InputError({{path, 0, 0}, problem});
  x->layout.file = file;
  try {
    x->source = std::make_unique<idx::FileSource>(x->layout.graph());
    x->index = std::make_unique<EventIndex>(*x->source, idx::LayoutColumns(x->layout));
  } catch (const CorruptIndex& e) {
    throw InputError({{path, 0, 0}, "corrupt index: " + std::string(e.what()) + kRebuild});
  }
  return std::unique_ptr<IndexFile>(new IndexFile(std::move(x)));
}

IndexFile::IndexFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexFile::~IndexFile() = default;

const QuadSource& IndexFile::source() const {
  return *impl_->source;
}

const EventIndex& IndexFile::index() const {
  return *impl_->index;
}

std::unique_ptr<Questions> IndexFile::questions() const {
  return questions_over(*impl_->index, [path = impl_->path](const CorruptIndex& e) {
    throw InputError({{path, 0, 0}, "corrupt index: " + std::string(e.what()) + kRebuild});
  });
}

IndexStats IndexFile::stats() const {
  IndexStats s;
  s.statements = impl_->header.statements;
  s.terms = impl_->source ? impl_->layout.graph().terms : 0;
  s.events = impl_->index->events();
  s.bytes = impl_->header.file_size;
  s.documents = impl_->header.documents;
  return s;
}

}  // namespace diplograph
