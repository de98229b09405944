#include "converters/sorter.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "diplograph/files.hpp"

namespace diplograph::detail {

namespace {

constexpr std::size_t kOverhead = 2 * sizeof(std::string);  // per pair, beside the text

[[noreturn]] void cannot(std::string_view what) {
  temp_file_failed(what, " (set TMPDIR to a directory with more room)");
}

bool put(std::FILE* f, const std::string& s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  return std::fwrite(&n, sizeof n, 1, f) == 1 && std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

bool get(std::FILE* f, std::string& s) {
  std::uint32_t n = 0;
  if (std::fread(&n, sizeof n, 1, f) != 1) return false;
  s.resize(n);
  return std::fread(s.data(), 1, n, f) == n;
}

}  // namespace

// One sorted run on disk, read back a pair at a time.
struct ExternalSorter::Run {
  FilePtr file;
  std::size_t left = 0;  // pairs not yet read
  std::string key, value;
  bool has = false;

  void advance() {
    has = left > 0;
    if (!has) return;
    --left;
    if (!get(file.get(), key) || !get(file.get(), value)) cannot("read back");
  }
};

ExternalSorter::ExternalSorter(std::size_t budget) : budget_(std::max<std::size_t>(budget, 1)) {}
ExternalSorter::~ExternalSorter() = default;

void ExternalSorter::add(std::string key, std::string value) {
  held_ += key.size() + value.size() + kOverhead;
  pairs_.emplace_back(std::move(key), std::move(value));
  if (held_ > budget_) spill();
}

void ExternalSorter::spill() {
  std::sort(pairs_.begin(), pairs_.end());
  auto run = std::make_unique<Run>();
  run->file = temp_file();
  for (const auto& [k, v] : pairs_) {
    if (!put(run->file.get(), k) || !put(run->file.get(), v)) cannot("write");
  }
  if (std::fflush(run->file.get()) != 0) cannot("write");
  run->left = pairs_.size();
  runs_.push_back(std::move(run));
  pairs_.clear();
  pairs_.shrink_to_fit();
  held_ = 0;
}

void ExternalSorter::finish() {
  merging_ = !runs_.empty();
  if (!merging_) {
    std::sort(pairs_.begin(), pairs_.end());
    return;
  }
  if (!pairs_.empty()) spill();
  for (auto& r : runs_) {
    std::rewind(r->file.get());
    r->advance();
  }
}

bool ExternalSorter::next(std::string& key, std::string& value) {
  if (!merging_) {
    if (at_ == pairs_.size()) return false;
    key = std::move(pairs_[at_].first);
    value = std::move(pairs_[at_].second);
    ++at_;
    return true;
  }
  // Few runs (input size / budget): a linear scan for the smallest head is enough.
  Run* best = nullptr;
  for (auto& r : runs_) {
    if (r->has && (!best || std::tie(r->key, r->value) < std::tie(best->key, best->value))) best = r.get();
  }
  if (!best) return false;
  key.swap(best->key);
  value.swap(best->value);
  best->advance();
  return true;
}

}  // namespace diplograph::detail
