// diplograph/external_sort.hpp: sorting more than memory holds. Records are held up to a budget,
// sorted and spilled to runs in temporary files (diplograph/files.hpp), and merged back in
// order; the spill files are read and written a block at a time. One sort for every user: the
// ICEWS mirror merge's string pairs, the index build's statements, its dictionary's term runs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "diplograph/bulk.hpp"
#include "diplograph/files.hpp"

namespace diplograph {

// ------------------------------------------------------------------------- spill files

/// Writes to a temporary file through a buffer of its own (stdio's is 4 KiB). A write that
/// fails throws InputError naming the directory (temp_file_failed).
class SpillWriter {
 public:
  explicit SpillWriter(std::FILE* f, std::size_t buffer = std::size_t{1} << 20U) : f_(f), size_(buffer) {}
  /// Flushed by its owner (flush() throws on failure); here only when unwinding, when a
  /// failure adds nothing.
  ~SpillWriter();
  SpillWriter(const SpillWriter&) = delete;
  SpillWriter& operator=(const SpillWriter&) = delete;

  void put(const void* data, std::size_t n) {
    if (n >= size_) return write_through(data, n);
    buf_.append(static_cast<const char*>(data), n);
    if (buf_.size() >= size_) flush();
  }
  /// A value of a trivially copyable type, as its bytes.
  template <class T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(&v, sizeof v);
  }
  /// Text, its length first (u32).
  void text(std::string_view s) {
    value(static_cast<std::uint32_t>(s.size()));
    put(s.data(), s.size());
  }
  void flush();

 private:
  void write_through(const void* data, std::size_t n);  // a block past the buffer's size, unbuffered
  std::FILE* f_;
  std::size_t size_;
  std::string buf_;
};

/// Reads a temporary file from its start, a block at a time.
class SpillReader {
 public:
  explicit SpillReader(std::FILE* f);
  /// False at the end of the file; a record cut short is an error.
  bool get(void* data, std::size_t n) {
    if (buf_.size() - at_ < n) return get_across(data, n);
    std::memcpy(data, buf_.data() + at_, n);
    at_ += n;
    return true;
  }
  template <class T>
  bool value(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return get(&v, sizeof v);
  }
  /// Text written by SpillWriter::text; false at the end of the file.
  bool text(std::string& s);
  /// Bytes that must be there (the rest of a record begun): std::logic_error when they are not.
  void need(void* data, std::size_t n);

 private:
  bool get_across(void* data, std::size_t n);  // a record across the buffer's end
  bool fill();
  static constexpr std::size_t kBuffer = std::size_t{1} << 18U;
  std::FILE* f_;
  std::string buf_;
  std::size_t at_ = 0;
};

/// How ExternalSort spills a record: a trivially copyable one as its bytes.
template <class T>
struct SpillCodec {
  static void write(SpillWriter& out, const T& v) { out.value(v); }
  static bool read(SpillReader& in, T& v) { return in.value(v); }
  static std::size_t bytes(const T&) { return sizeof(T); }
};

/// A pair of strings (key, value) as two texts.
template <>
struct SpillCodec<std::pair<std::string, std::string>> {
  using Pair = std::pair<std::string, std::string>;
  static void write(SpillWriter& out, const Pair& p) {
    out.text(p.first);
    out.text(p.second);
  }
  static bool read(SpillReader& in, Pair& p) {
    if (!in.text(p.first)) return false;
    if (!in.text(p.second)) throw std::logic_error("a temporary file of a sort cut short");
    return true;
  }
  static std::size_t bytes(const Pair& p) {
    return p.first.size() + p.second.size() + 2 * sizeof(std::string);
  }
};

// ------------------------------------------------------------------------- merging

/// The k-way merge of sorted sources: their heads, the smallest handed out first (ties by
/// source number, so equal records come in the order of their sources).
template <class T, class Less = std::less<T>>
class KWayMerge {
 public:
  explicit KWayMerge(Less less = Less()) : later_{less} {}
  void push(T head, std::size_t source) {
    heads_.emplace_back(std::move(head), source);
    std::push_heap(heads_.begin(), heads_.end(), later_);
  }
  [[nodiscard]] bool empty() const { return heads_.empty(); }
  /// The smallest head and its source, taken out.
  std::pair<T, std::size_t> pop() {
    std::pop_heap(heads_.begin(), heads_.end(), later_);
    std::pair<T, std::size_t> top = std::move(heads_.back());
    heads_.pop_back();
    return top;
  }

 private:
  using Head = std::pair<T, std::size_t>;
  struct Later {
    Less less;
    bool operator()(const Head& a, const Head& b) const {
      if (less(b.first, a.first)) return true;
      if (less(a.first, b.first)) return false;
      return b.second < a.second;
    }
  };
  Later later_;
  std::vector<Head> heads_;
};

// ------------------------------------------------------------------------- sorting

enum class Repeats : std::uint8_t { keep, drop };

/// Records sorted in about `budget` bytes of memory (as Codec::bytes counts them): past it, the
/// records held are sorted and spilled to a run in a temporary file; finish() merges the runs.
/// With Repeats::drop each distinct record is handed back once.
template <class T, class Codec = SpillCodec<T>>
class ExternalSort {
 public:
  explicit ExternalSort(std::size_t budget, Repeats repeats = Repeats::keep)
      : budget_(std::max<std::size_t>(budget, 1)), repeats_(repeats) {}

  void add(T record) {
    held_bytes_ += Codec::bytes(record);
    if (held_.size() == held_.capacity())  // grown by doubling, never far past the budget
      held_.reserve(std::max<std::size_t>(1024, 2 * held_.size()));
    held_.push_back(std::move(record));
    if (held_bytes_ >= budget_) spill();
  }

  /// Ends adding and starts handing back: sorted in memory when nothing was spilled.
  void finish() {
    if (runs_.empty()) {
      sort_held();
      return;
    }
    if (!held_.empty()) spill();
    BulkVector<T>().swap(held_);  // its memory back, not only its size
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      readers_.emplace_back(runs_[i].get());
      advance(i);
    }
  }

  /// The next record in order: true with `out` set, false at the end.
  bool next(T& out) {
    while (pull(out)) {
      if (repeats_ == Repeats::keep || !any_ || !(out == last_)) {
        if (repeats_ == Repeats::drop) last_ = out;
        any_ = true;
        return true;
      }
    }
    return false;
  }

  /// Calls `fn` for every record in order (finish() first).
  void each(const std::function<void(const T&)>& fn) {
    finish();
    for (T r; next(r);) fn(r);
  }

  /// Runs spilled to temporary files so far (0 while everything fits in memory).
  [[nodiscard]] std::size_t runs() const { return runs_.size(); }

 private:
  void sort_held() {
    std::sort(held_.begin(), held_.end());
    if (repeats_ == Repeats::drop) held_.erase(std::unique(held_.begin(), held_.end()), held_.end());
  }

  void spill() {
    sort_held();
    runs_.push_back(temp_file());
    SpillWriter out(runs_.back().get());
    for (const T& r : held_) Codec::write(out, r);
    out.flush();
    held_.clear();
    held_bytes_ = 0;
  }

  void advance(std::size_t run) {
    T head;
    if (Codec::read(readers_[run], head)) merge_.push(std::move(head), run);
  }

  bool pull(T& out) {
    if (runs_.empty()) {
      if (at_ == held_.size()) return false;
      out = std::move(held_[at_++]);
      return true;
    }
    if (merge_.empty()) return false;
    auto [head, run] = merge_.pop();
    out = std::move(head);
    advance(run);
    return true;
  }

  std::size_t budget_;
  Repeats repeats_;
  std::size_t held_bytes_ = 0;
  BulkVector<T> held_;
  std::size_t at_ = 0;  // next record handed back from memory
  std::vector<FilePtr> runs_;
  std::vector<SpillReader> readers_;
  KWayMerge<T> merge_;
  T last_{};
  bool any_ = false;
};

}  // namespace diplograph
