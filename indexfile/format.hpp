// The index file's layout (version 2). All numbers little-endian, every section 8-byte aligned.
//
//   offset 0   Header (64 bytes): magic, version, sizes, the table's place and checksums
//   ...        sections, each a packed array of `element`-byte values
//   table      one Entry per section (id, element size, offset, bytes, checksum)
//
// Sections: the terms (their encoded text, and where each begins), sorted as Sord orders nodes
// (literals, then IRIs, then blank nodes; by text, datatype, language), found by binary search;
// the statements by subject (a start per term, then (predicate, object) pairs packed in as few
// bytes as the numbers need) and, for the predicates of few statements, by predicate (a start per
// predicate, then (object, subject) pairs); then the EventIndex's columns, 1000 + ColumnId.
// Terms and statements are numbered in 32 bits. Version 1 (u32 pairs and a hash table of the
// terms, a u64 start per term: 37.6 bytes a statement at 1M events against 29.5) is refused:
// build it again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "diplograph/rdf.hpp"

namespace diplograph::idx {

inline constexpr char kMagic[8] = {'\x89', 'D', 'G', 'I', 'D', 'X', '\r', '\n'};
inline constexpr std::uint32_t kVersion = 2;
inline constexpr std::uint32_t kEndian = 0x01020304;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t endian;
  std::uint64_t file_size;
  std::uint64_t table_offset;
  std::uint32_t sections;
  std::uint32_t
      documents;  ///< RDF documents read, the ontology first: the next's blank nodes are d{documents + 1}_
  std::uint64_t statements;
  std::uint64_t table_checksum;
  std::uint64_t header_checksum;  ///< of the bytes before it
};
static_assert(sizeof(Header) == 64);

struct Entry {
  std::uint32_t id;
  std::uint32_t element;
  std::uint64_t offset;
  std::uint64_t bytes;
  std::uint64_t checksum;
};
static_assert(sizeof(Entry) == 32);

enum Section : std::uint32_t {
  text = 1,          ///< the terms' encoded entries, back to back
  term_starts = 2,   ///< u64 per kStartBlock starts: where the block's first entry begins in `text`
  term_offsets = 8,  ///< u32 per term and one more: where each entry begins, from its block's start
  spo_starts = 3,    ///< u32 per term and one more: where each subject's pairs begin in `spo`
  spo = 4,           ///< (predicate, object) pairs packed (PackedPairs), by subject, predicate, object
  pos_starts = 5,    ///< (predicate, indexed, start) per predicate, ascending
  pos = 6,           ///< (object, subject) u32 pairs of the indexed predicates, by predicate, object, subject
  // 7: version 1's hash table of the terms
  columns = 1000,  ///< + ColumnId: the EventIndex's columns
};

/// Terms per block of starts: entry i begins at term_starts[i / kStartBlock] + term_offsets[i].
inline constexpr std::size_t kStartBlock = 64;

/// One predicate's run in `pos`. Only the predicates of few statements (at most one in
/// kPosShare of all) are indexed there: a question looks those up by object (the class tree,
/// owl:sameAs); the rest are found through their subjects, and their pairs would double the file.
struct PredicateStart {
  std::uint32_t predicate;
  std::uint32_t indexed;  ///< 1 when its statements are in `pos`, else 0 (and none are)
  std::uint64_t start;
};
inline constexpr std::uint64_t kPosShare = 64;

/// A 64-bit checksum, fed in pieces of any size (a section is written in many).
class Checksum {
 public:
  void add(const void* data, std::size_t n);
  [[nodiscard]] std::uint64_t value() const;

 private:
  void word(std::uint64_t w);
  std::uint64_t h_ = 0x9E3779B97F4A7C15ULL;
  std::uint64_t pending_ = 0;
  unsigned have_ = 0;  // bytes in pending_
  std::uint64_t length_ = 0;
};
[[nodiscard]] std::uint64_t checksum(const void* data, std::size_t n);

// ------------------------------------------------------------------------- statements

/// The statements by subject, packed: each pair the predicate's place among the predicates (in
/// `pos_starts`, ascending) in the low `place_bits` bits and the object above it, in `width`
/// bytes, little-endian; padding pairs (zero) after the last, at least 8 bytes of them, so that
/// every pair is read with one 8-byte load. At 1M events (7M terms, some 100 predicates) a pair takes 4
/// bytes.
struct PackedPairs {
  const unsigned char* at = nullptr;
  unsigned width = 8, place_bits = 32;

  /// Pair `i`'s place and object (the caller keeps `i` below the pairs' count).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> operator[](std::size_t i) const {
    std::uint64_t v = 0;
    std::memcpy(&v, at + i * width, 8);
    if (width < 8) v &= (std::uint64_t{1} << (8 * width)) - 1;
    return {static_cast<std::uint32_t>(v & ((std::uint64_t{1} << place_bits) - 1)),
            static_cast<std::uint32_t>(v >> place_bits)};
  }
};
/// The zero pairs after the last (a section holds whole pairs: its bytes divide by `width`).
[[nodiscard]] constexpr std::size_t padding_pairs(unsigned width) {
  return (8 + width - 1) / width;
}
/// Bits for the places of `predicates` predicates (at least 1).
[[nodiscard]] unsigned place_bits(std::size_t predicates);
/// Bytes a packed pair takes among `predicates` predicates and `terms` terms.
[[nodiscard]] unsigned pair_width(std::size_t predicates, std::size_t terms);
/// Appends a packed pair.
void pack(std::string& out, unsigned width, unsigned place_bits, std::uint32_t place, std::uint32_t object);

// ------------------------------------------------------------------------- terms

/// A term's entry in `text`: kind (1 byte), language length (1), datatype (u32, term number + 1,
/// 0 for none), the language, the value.
inline constexpr std::size_t kEntryHead = 6;

/// A term read from its entry, its datatype still a term number.
struct Entry4 {
  TermKind kind = TermKind::none;
  std::uint32_t datatype = 0;  ///< term number + 1, or 0
  std::string_view lang, value;
};
/// Decodes one entry; false when it is malformed.
[[nodiscard]] bool decode(std::string_view entry, Entry4& out);
/// Appends the entry of a term whose datatype is term number `datatype` - 1 (0: none).
void encode(std::string& out, TermKind kind, std::uint32_t datatype, std::string_view lang,
            std::string_view value);

/// The index's terms follow Sord's order of nodes: literals, IRIs, blank nodes (this rank);
/// then by value, datatype IRI, language (the build's TermSorter).
[[nodiscard]] int kind_rank(TermKind k);

}  // namespace diplograph::idx
