// External sorting of statements for the index build.
#include "indexfile/sort.hpp"

#include <algorithm>
#include <queue>
#include <string>

namespace diplograph::idx {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 16U;  // triples read or written at once

void write_all(std::FILE* f, const Triple* data, std::size_t n) {
  if (n && std::fwrite(data, sizeof(Triple), n, f) != n) temp_file_failed("write");
}

// Reads one spilled file back a block at a time.
class Reader {
 public:
  explicit Reader(std::FILE* f) : f_(f) {
    std::rewind(f_);
    fill();
  }
  [[nodiscard]] bool done() const { return at_ == block_.size(); }
  [[nodiscard]] const Triple& front() const { return block_[at_]; }
  void pop() {
    if (++at_ == block_.size()) fill();
  }

 private:
  void fill() {
    block_.resize(kBlock);
    block_.resize(std::fread(block_.data(), sizeof(Triple), kBlock, f_));
    at_ = 0;
  }
  std::FILE* f_;
  std::vector<Triple> block_;
  std::size_t at_ = 0;
};

}  // namespace

void Spool::add(const Triple& t) {
  block_.push_back(t);
  ++count_;
  if (block_.size() == kBlock * 16) spill();
}

void Spool::spill() {
  if (!file_) file_ = temp_file();
  write_all(file_.get(), block_.data(), block_.size());
  block_.clear();
}

void Spool::each(const std::function<void(const Triple&)>& fn) {
  if (file_) {
    spill();
    for (Reader r(file_.get()); !r.done(); r.pop()) fn(r.front());
    return;
  }
  for (const Triple& t : block_) fn(t);
}

void RunSorter::add(const Triple& t) {
  if (buffer_.size() == buffer_.capacity())  // grown by doubling, never past the bound
    buffer_.reserve(std::min(capacity_, std::max<std::size_t>(1024, 2 * buffer_.size())));
  buffer_.push_back(t);
  if (buffer_.size() >= capacity_) spill();
}

void RunSorter::spill() {
  std::sort(buffer_.begin(), buffer_.end());
  buffer_.erase(std::unique(buffer_.begin(), buffer_.end()), buffer_.end());
  runs_.push_back(temp_file());
  write_all(runs_.back().get(), buffer_.data(), buffer_.size());
  buffer_.clear();
}

void RunSorter::finish(const std::function<void(const Triple&)>& out) {
  if (runs_.empty()) {  // all of it fits in memory: one sort, no files
    std::sort(buffer_.begin(), buffer_.end());
    buffer_.erase(std::unique(buffer_.begin(), buffer_.end()), buffer_.end());
    for (const Triple& t : buffer_) out(t);
    BulkVector<Triple>().swap(buffer_);  // its memory back, not only its size
    return;
  }
  if (!buffer_.empty()) spill();
  BulkVector<Triple>().swap(buffer_);
  std::vector<Reader> readers;
  for (auto& f : runs_) readers.emplace_back(f.get());
  using Head = std::pair<Triple, std::size_t>;
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
  for (std::size_t i = 0; i < readers.size(); ++i) {
    if (!readers[i].done()) heads.emplace(readers[i].front(), i);
  }
  bool any = false;
  Triple last{};
  while (!heads.empty()) {
    const auto [t, i] = heads.top();
    heads.pop();
    if (!any || t != last) out(t);
    any = true;
    last = t;
    readers[i].pop();
    if (!readers[i].done()) heads.emplace(readers[i].front(), i);
  }
  runs_.clear();
}

}  // namespace diplograph::idx
