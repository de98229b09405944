// The spool of statements in order of arrival.
#include "indexfile/sort.hpp"

namespace diplograph::idx {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20U;  // triples held before they go to the file

}  // namespace

void Spool::add(const Triple& t) {
  block_.push_back(t);
  ++count_;
  if (block_.size() == kBlock) spill();
}

void Spool::spill() {
  if (!file_) file_ = temp_file();
  SpillWriter out(file_.get());
  out.put(block_.data(), block_.size() * sizeof(Triple));
  out.flush();
  block_.clear();
}

void Spool::each(const std::function<void(const Triple&)>& fn) {
  if (!file_) {
    for (const Triple& t : block_) fn(t);
    return;
  }
  spill();
  SpillReader in(file_.get());
  for (Triple t{}; in.value(t);) fn(t);
}

}  // namespace diplograph::idx
