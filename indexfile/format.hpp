// The index file's layout (version 1). All numbers little-endian, every section 8-byte aligned.
//
//   offset 0   Header (64 bytes): magic, version, sizes, the table's place and checksums
//   ...        sections, each a packed array of `element`-byte values
//   table      one Entry per section (id, element size, offset, bytes, checksum)
//
// Sections: the terms (their encoded text, and where each begins), sorted as Sord orders nodes
// (literals, then IRIs, then blank nodes; by text, datatype, language); the statements by
// subject (a start per term, then (predicate, object) pairs) and, for the predicates of few
// statements, by predicate (a start per predicate, then (object, subject) pairs); then the
// EventIndex's columns, 1000 + ColumnId. Terms and statements are numbered in 32 bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "diplograph/rdf.hpp"

namespace diplograph::idx {

inline constexpr char kMagic[8] = {'\x89', 'D', 'G', 'I', 'D', 'X', '\r', '\n'};
inline constexpr std::uint32_t kVersion = 1;
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
  text = 1,         ///< the terms' encoded entries, back to back
  term_starts = 2,  ///< u64 per term and one more: where each entry begins in `text`
  spo_starts = 3,   ///< u32 per term and one more: where each subject's pairs begin in `spo`
  spo = 4,          ///< (predicate, object) u32 pairs, by subject, predicate, object
  pos_starts = 5,   ///< (predicate, indexed, start) per predicate, ascending
  pos = 6,          ///< (object, subject) u32 pairs of the indexed predicates, by predicate, object, subject
  term_slots =
      7,  ///< a hash table of the terms (u32 NodeId per slot, 0 empty; a power of two, probed linearly)
  columns = 1000,  ///< + ColumnId: the EventIndex's columns
};

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

/// The slots of a hash table of `terms` entries: a power of two, at least twice as many.
[[nodiscard]] std::size_t slots_for(std::size_t terms);
/// Puts `value` in the first empty slot (0) from `entry`'s own (its checksum), probing linearly:
/// how the terms' table is filled. `count` is a power of two with an empty slot left.
void place(std::uint32_t* slots, std::size_t count, std::string_view entry, std::uint32_t value);

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
