// diplograph/slot_table.hpp: the one flat hash table. It holds 32-bit places into a sequence its
// owner keeps (entries in the order they came, so that numbering by arrival is free): linear
// probing, at most half full, no allocation per key, its slots in bulk memory (huge pages). The
// dyads' tallies and the index build's term batches find their entries through it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "diplograph/bulk.hpp"

namespace diplograph {

class SlotTable {
 public:
  /// Room for `slots` slots, rounded up to a power of two (at least 1,024).
  explicit SlotTable(std::size_t slots = 1024) : slots_(round_up(slots), kEmpty) {}

  /// The place that `same(place)` accepts among those `hash` leads to; else `fresh`, placed.
  template <class Same>
  std::uint32_t find_or_place(std::uint64_t hash, const Same& same, std::uint32_t fresh) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
      if (same(slots_[i])) return slots_[i];
    }
    slots_[i] = fresh;
    return fresh;
  }

  /// Whether `entries` would fill it past half (then `rehash` before placing more).
  [[nodiscard]] bool full(std::size_t entries) const { return entries * 2 > slots_.size(); }
  [[nodiscard]] std::size_t slots() const { return slots_.size(); }

  /// At least `slots` slots, holding places 0..n-1 again, each at `hash_of(place)`.
  template <class HashOf>
  void rehash(std::size_t slots, std::uint32_t n, const HashOf& hash_of) {
    BulkVector<std::uint32_t>().swap(slots_);  // the old memory back before the new is asked for
    slots_.assign(round_up(slots), kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t p = 0; p < n; ++p) {
      std::size_t i = hash_of(p) & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = p;
    }
  }

  /// Every slot empty again (its size kept).
  void clear() { std::fill(slots_.begin(), slots_.end(), kEmpty); }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static std::size_t round_up(std::size_t n) {
    std::size_t slots = 1024;
    while (slots < n) slots *= 2;
    return slots;
  }
  BulkVector<std::uint32_t> slots_;
};

}  // namespace diplograph
