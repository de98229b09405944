// diplograph/bulk.hpp: memory for bulk buffers (the index build's term table, sorts' runs and
// keys, offsets; the dyads' tallies): from 4 MiB up, mapped apart and asked for in 2 MiB pages
// (transparent huge pages, madvise). The index build writes about two gigabytes of fresh memory
// at 1M events; in 4 KiB pages that was half a million page faults, a fifth of its time here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace diplograph {

/// `bytes` of memory: operator new below 4 MiB, else an anonymous mapping advised for huge pages
/// (std::bad_alloc when none can be had).
[[nodiscard]] void* bulk_allocate(std::size_t bytes);
/// Gives back what bulk_allocate(bytes) returned.
void bulk_free(void* at, std::size_t bytes) noexcept;
/// Asks the kernel to back a large buffer allocated elsewhere (a std::vector's reserve) with huge
/// pages, for the 2 MiB-aligned part of it: only a hint, nothing depends on it.
void advise_huge_pages(void* data, std::size_t bytes) noexcept;

template <class T>
struct BulkAllocator {
  using value_type = T;
  BulkAllocator() = default;
  template <class U>
  BulkAllocator(const BulkAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  [[nodiscard]] T* allocate(std::size_t n) { return static_cast<T*>(bulk_allocate(n * sizeof(T))); }
  void deallocate(T* at, std::size_t n) noexcept { bulk_free(at, n * sizeof(T)); }
  friend bool operator==(const BulkAllocator&, const BulkAllocator&) { return true; }
};

template <class T>
using BulkVector = std::vector<T, BulkAllocator<T>>;
using BulkString = std::basic_string<char, std::char_traits<char>, BulkAllocator<char>>;

namespace idx {  // where the index build first had them
using diplograph::BulkString;
using diplograph::BulkVector;
}  // namespace idx

}  // namespace diplograph
