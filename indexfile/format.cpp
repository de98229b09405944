// The index file's checksum and term entries.
#include "indexfile/format.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace diplograph::idx {

void Checksum::word(std::uint64_t w) {
  h_ ^= w * 0x87C37B91114253D5ULL;
  h_ = std::rotl(h_, 31) * 0x4CF5AD432745937FULL;
}

void Checksum::add(const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  length_ += n;
  while (n > 0 && have_ > 0) {  // finish a word begun in an earlier piece
    pending_ |= std::uint64_t{*p++} << (8U * have_);
    --n;
    if (++have_ == 8) {
      word(pending_);
      pending_ = 0;
      have_ = 0;
    }
  }
  for (; n >= 8; n -= 8, p += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    word(w);
  }
  for (; n > 0; --n) pending_ |= std::uint64_t{*p++} << (8U * have_++);
}

std::uint64_t Checksum::value() const {
  std::uint64_t h = h_ ^ pending_ ^ length_;
  h ^= h >> 33U;
  h *= 0xFF51AFD7ED558CCDULL;
  return h ^ (h >> 33U);
}

std::uint64_t checksum(const void* data, std::size_t n) {
  Checksum c;
  c.add(data, n);
  return c.value();
}

unsigned place_bits(std::size_t predicates) {
  return std::max(1U, static_cast<unsigned>(std::bit_width(predicates > 1 ? predicates - 1 : 1)));
}

unsigned pair_width(std::size_t predicates, std::size_t terms) {
  return (place_bits(predicates) + static_cast<unsigned>(std::bit_width(terms)) + 7) / 8;
}

void pack(std::string& out, unsigned width, unsigned place_bits, std::uint32_t place, std::uint32_t object) {
  const std::uint64_t v = std::uint64_t{place} | std::uint64_t{object} << place_bits;
  char bytes[8];
  std::memcpy(bytes, &v, 8);  // little-endian: the header's endian mark says so
  out.append(bytes, width);
}

bool decode(std::string_view entry, Entry4& out) {
  if (entry.size() < kEntryHead) return false;
  const auto kind = static_cast<unsigned char>(entry[0]);
  const auto lang = static_cast<unsigned char>(entry[1]);
  if (kind < 1 || kind > 3 || entry.size() < kEntryHead + lang) return false;
  out.kind = static_cast<TermKind>(kind);
  std::memcpy(&out.datatype, entry.data() + 2, 4);
  out.lang = entry.substr(kEntryHead, lang);
  out.value = entry.substr(kEntryHead + lang);
  return true;
}

void encode(std::string& out, TermKind kind, std::uint32_t datatype, std::string_view lang,
            std::string_view value) {
  char head[kEntryHead];
  head[0] = static_cast<char>(kind);
  head[1] = static_cast<char>(lang.size());
  std::memcpy(head + 2, &datatype, 4);
  out.append(head, kEntryHead);
  out.append(lang);
  out.append(value);
}

namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80U));
    v >>= 7U;
  }
  out.push_back(static_cast<char>(v));
}

// Reads a varint of at most 35 bits at `at`; false when cut short or longer.
bool get_varint(std::string_view in, std::size_t& at, std::uint64_t& v) {
  v = 0;
  for (unsigned shift = 0; shift < 35; shift += 7) {
    if (at >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[at++]);
    v |= std::uint64_t{byte & 0x7FU} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

}  // namespace

std::size_t shared_prefix(std::string_view a, std::string_view b) {
  const auto [ia, ib] = std::mismatch(
      a.begin(), a.begin() + static_cast<std::ptrdiff_t>(std::min(a.size(), b.size())), b.begin());
  return static_cast<std::size_t>(ia - a.begin());
}

void write_front(std::string& out, const Entry4& e, std::size_t shared) {
  put_varint(out, std::uint64_t{shared} << 3U | (e.lang.empty() ? 0U : 4U) | static_cast<unsigned>(e.kind));
  put_varint(out, e.value.size() - shared);
  out.append(e.value.substr(shared));
  if (e.kind == TermKind::literal) put_varint(out, e.datatype);
  if (e.lang.empty()) return;
  out.push_back(static_cast<char>(e.lang.size()));
  out.append(e.lang);
}

bool read_front(std::string_view block, std::size_t& at, FrontEntry& out) {
  std::uint64_t head = 0, rest = 0, datatype = 0;
  if (!get_varint(block, at, head) || !get_varint(block, at, rest) || rest > block.size() - at) return false;
  const unsigned kind = head & 3U;
  if (kind < 1 || kind > 3) return false;
  out.kind = static_cast<TermKind>(kind);
  out.shared = static_cast<std::size_t>(head >> 3U);
  out.rest = block.substr(at, rest);
  at += rest;
  if (out.kind == TermKind::literal && (!get_varint(block, at, datatype) || datatype > UINT32_MAX))
    return false;
  out.datatype = static_cast<std::uint32_t>(datatype);
  out.lang = {};
  if ((head & 4U) == 0) return true;
  if (at >= block.size()) return false;
  const auto lang = static_cast<unsigned char>(block[at++]);
  if (lang > block.size() - at) return false;
  out.lang = block.substr(at, lang);
  at += lang;
  return true;
}

int kind_rank(TermKind k) {
  return k == TermKind::literal ? 0 : k == TermKind::iri ? 1 : 2;
}

}  // namespace diplograph::idx
