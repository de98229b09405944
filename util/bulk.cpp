// Bulk buffers in huge pages: mmap, madvise(MADV_HUGEPAGE), munmap.
#include "diplograph/bulk.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace diplograph {

namespace {

constexpr std::size_t kBulk = std::size_t{4} << 20U;  // smaller ones are not worth a mapping
constexpr std::size_t kHuge = std::size_t{2} << 20U;

std::size_t mapped_size(std::size_t bytes) {
  return (bytes + kHuge - 1) / kHuge * kHuge;
}

}  // namespace

// Mapped 2 MiB more than asked, then trimmed to start on a 2 MiB boundary: a huge page covers
// an aligned 2 MiB only.
void* bulk_allocate(std::size_t bytes) {
  if (bytes < kBulk) return ::operator new(bytes);
  const std::size_t size = mapped_size(bytes);
  void* raw = mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  auto* const first = static_cast<char*>(raw);
  const auto misaligned =
      reinterpret_cast<std::uintptr_t>(first) % kHuge;  // NOLINT(performance-no-int-to-ptr)
  char* const at = first + (misaligned ? kHuge - misaligned : 0);
  if (at > first) (void)munmap(first, static_cast<std::size_t>(at - first));
  if (at + size < first + size + kHuge)
    (void)munmap(at + size, static_cast<std::size_t>(first + size + kHuge - (at + size)));
  (void)madvise(at, size, MADV_HUGEPAGE);  // a hint: without it, 4 KiB pages
  return at;
}

void advise_huge_pages(void* data, std::size_t bytes) noexcept {
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

void bulk_free(void* at, std::size_t bytes) noexcept {
  if (!at) return;
  if (bytes < kBulk) return ::operator delete(at);
  (void)munmap(at, mapped_size(bytes));
}

}  // namespace diplograph
