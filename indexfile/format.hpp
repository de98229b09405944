// The index file's layout (version 3). All numbers little-endian, every section 8-byte aligned.
//
//   offset 0   Header (64 bytes): magic, version, sizes, the table's place and checksums
//   ...        sections, each a packed array of `element`-byte values
//   table      one Entry per section (id, element size, offset, bytes, checksum)
//
// Sections: the terms, sorted as Sord orders nodes (literals, then IRIs, then blank nodes; by
// text, datatype, language) and front-coded in blocks of kFrontBlock (each term's text the
// bytes it shares with the one before and the rest), found by binary search over the blocks;
// the statements by subject (a start per term, then (predicate, object) pairs packed in as few
// bytes as the numbers need) and, for the predicates of few statements, by predicate (a start per
// predicate, then (object, subject) pairs); then the EventIndex's columns, 1000 + ColumnId, and
// its own text (the events' labels and sources it names by their terms). Terms and statements
// are numbered in 32 bits. Versions 1 (u32 pairs, a hash table of the terms: 37.6 bytes a
// statement at 1M events) and 2 (each term written whole, a u32 start each: 28.4) are refused:
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
inline constexpr std::uint32_t kVersion = 3;
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
  text = 1,         ///< the terms' front-coded entries, in blocks of kFrontBlock
  term_starts = 2,  ///< u64 per block: where its first entry begins in `text`
  spo_starts = 3,   ///< u32 per term and one more: where each subject's pairs begin in `spo`
  spo = 4,          ///< (predicate, object) pairs packed (PackedPairs), by subject, predicate, object
  pos_starts = 5,   ///< (predicate, indexed, start) per predicate, ascending
  pos = 6,          ///< (object, subject) u32 pairs of the indexed predicates, by predicate, object, subject
  // 7: version 1's hash table of the terms; 8: version 2's u32 start per term
  columns = 1000,  ///< + ColumnId: the EventIndex's columns
};

/// Terms per front-coded block: term i (from 0) is read from the start of block i / kFrontBlock.
inline constexpr std::size_t kFrontBlock = 16;

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

/// A term as the build's dictionary spills and merges it: kind (1 byte), language length (1),
/// datatype (u32, term number + 1, 0 for none), the language, the value.
inline constexpr std::size_t kEntryHead = 6;

/// A term read from an entry, its datatype still a term number.
struct Entry4 {
  TermKind kind = TermKind::none;
  std::uint32_t datatype = 0;  ///< term number + 1, or 0
  std::string_view lang, value;
};
/// Decodes one of the dictionary's entries; false when it is malformed.
[[nodiscard]] bool decode(std::string_view entry, Entry4& out);
/// Appends the dictionary's entry of a term whose datatype is term number `datatype` - 1 (0: none).
void encode(std::string& out, TermKind kind, std::uint32_t datatype, std::string_view lang,
            std::string_view value);

/// A term's front-coded entry in the `text` section: a varint of (shared << 3 | has language << 2
/// | kind), where `shared` is how many of the value's first bytes are the previous term's (0 for
/// a block's first); a varint of the rest's length and the rest; for a literal a varint of its
/// datatype (term number + 1, 0 for none); with a language its length (1 byte) and the language.
struct FrontEntry {
  TermKind kind = TermKind::none;
  std::uint32_t datatype = 0;  ///< term number + 1, or 0
  std::size_t shared = 0;
  std::string_view rest, lang;
};
/// Reads the entry at `at` in `block` and moves `at` past it; false when it is malformed.
[[nodiscard]] bool read_front(std::string_view block, std::size_t& at, FrontEntry& out);
/// Appends the entry of `e` sharing `shared` bytes with the value before it.
void write_front(std::string& out, const Entry4& e, std::size_t shared);
/// How many first bytes `a` and `b` share.
[[nodiscard]] std::size_t shared_prefix(std::string_view a, std::string_view b);

/// The index's terms follow Sord's order of nodes: literals, IRIs, blank nodes (this rank);
/// then by value, datatype IRI, language (the build's TermSorter).
[[nodiscard]] int kind_rank(TermKind k);

}  // namespace diplograph::idx
