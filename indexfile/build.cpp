// Building an index file: the graphs streamed from Serd into a term table and a spool of
// numbered statements (never a store), the terms sorted and written, the statements sorted in
// bounded runs into their two orders, then the EventIndex built over the file so far (mapped)
// and its columns appended; the table and header last, the whole renamed into place.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "diplograph/index_file.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"
#include "indexfile/format.hpp"
#include "indexfile/layout.hpp"
#include "indexfile/sort.hpp"

namespace diplograph {

namespace {

using idx::Triple;

// The distinct terms met, numbered in order of arrival, each kept once as its encoded entry.
class Terms {
 public:
  Terms() : slots_(1U << 16U, 0) { starts_.push_back(0); }

  std::uint32_t add(TermRef t) {
    const std::uint32_t dt =
        t.kind == TermKind::literal && !t.datatype.empty() ? add(TermRef::iri(t.datatype)) + 1 : 0;
    key_.clear();
    idx::encode(key_, t.kind, dt, t.lang, t.value);
    const std::uint64_t h = idx::checksum(key_.data(), key_.size());
    std::size_t i = h & (slots_.size() - 1);
    for (; slots_[i]; i = (i + 1) & (slots_.size() - 1)) {
      if (entry(slots_[i] - 1) == key_) return slots_[i] - 1;
    }
    if (size() >= UINT32_MAX - 1)
      throw InputError({{"", 0, 0}, "more than 4,294,967,294 terms: beyond this index format"});
    const auto id = static_cast<std::uint32_t>(size());
    arena_ += key_;
    starts_.push_back(arena_.size());
    slots_[i] = id + 1;
    if (size() * 2 > slots_.size()) grow();
    return id;
  }

  [[nodiscard]] std::size_t size() const { return starts_.size() - 1; }
  [[nodiscard]] std::string_view entry(std::size_t i) const {
    return std::string_view(arena_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  [[nodiscard]] idx::Entry4 decoded(std::size_t i) const {
    idx::Entry4 e;
    (void)idx::decode(entry(i), e);
    return e;
  }
  /// Frees the hash table: no term is added after this (the terms stay readable).
  void seal() { idx::BulkVector<std::uint32_t>().swap(slots_); }
  void release() {
    // Swapped with empty ones: assigning {} would empty them and keep their memory.
    idx::BulkString().swap(arena_);
    idx::BulkVector<std::uint64_t>().swap(starts_);
    idx::BulkVector<std::uint32_t>().swap(slots_);
  }

 private:
  void grow() {
    idx::BulkVector<std::uint32_t> bigger(slots_.size() * 2, 0);
    for (std::uint32_t id = 0; id < size(); ++id) {
      const auto e = entry(id);
      std::size_t i = idx::checksum(e.data(), e.size()) & (bigger.size() - 1);
      while (bigger[i]) i = (i + 1) & (bigger.size() - 1);
      bigger[i] = id + 1;
    }
    slots_.swap(bigger);
  }

  idx::BulkString arena_;  // the big buffers in huge pages (indexfile/bulk.hpp)
  std::string key_;
  idx::BulkVector<std::uint64_t> starts_;
  idx::BulkVector<std::uint32_t> slots_;  // term number + 1, 0 empty
};

// Receives the parsed statements: terms numbered, statements spooled. A subject is usually the
// last one's, and the predicates are few: both are remembered, which spares most lookups.
class Intake : public QuadSink {
 public:
  Intake(Terms& terms, idx::Spool& spool) : terms_(terms), spool_(spool) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef) override {
    if (s.kind != subject_kind_ || s.value != subject_) {
      subject_kind_ = s.kind;
      subject_.assign(s.value);
      subject_id_ = terms_.add(s);
    }
    spool_.add({subject_id_, predicate(p), terms_.add(o)});
  }

 private:
  std::uint32_t predicate(TermRef p) {
    for (const auto& [iri, id] : predicates_) {
      if (iri == p.value) return id;
    }
    const std::uint32_t id = terms_.add(p);
    if (predicates_.size() < 64) predicates_.emplace_back(std::string(p.value), id);
    return id;
  }

  Terms& terms_;
  idx::Spool& spool_;
  TermKind subject_kind_ = TermKind::none;
  std::string subject_;
  std::uint32_t subject_id_ = 0;
  std::vector<std::pair<std::string, std::uint32_t>> predicates_;
};

// Writes sections one after another, each 8-byte aligned and checksummed, then the table and
// the header.
class SectionWriter {
 public:
  SectionWriter(std::FILE* f, std::string path) : f_(f), path_(std::move(path)) {
    const idx::Header blank{};
    put(&blank, sizeof blank);
  }
  void begin(std::uint32_t id, std::size_t element) {
    static const char zeros[8] = {};
    put(zeros, (8 - at_ % 8) % 8);
    open_ = {id, static_cast<std::uint32_t>(element), at_, 0, 0};
    sum_ = {};
  }
  void add(const void* data, std::size_t n) {
    put(data, n);
    sum_.add(data, n);
  }
  void end() {
    open_.bytes = at_ - open_.offset;
    open_.checksum = sum_.value();
    table_.push_back(open_);
  }
  void whole(std::uint32_t id, std::size_t element, const void* data, std::size_t n) {
    begin(id, element);
    add(data, n);
    end();
  }
  [[nodiscard]] const std::vector<idx::Entry>& table() const { return table_; }
  [[nodiscard]] std::uint64_t at() const { return at_; }
  void flush() {
    if (std::fflush(f_) != 0) fail();
  }
  void finish(std::uint32_t documents, std::uint64_t statements);

 private:
  void put(const void* data, std::size_t n) {
    if (n && std::fwrite(data, 1, n, f_) != n) fail();
    at_ += n;
  }
  [[noreturn]] void fail() const {
    throw InputError({{path_, 0, 0}, std::string("cannot write the index: ") + std::strerror(errno)});
  }
  std::FILE* f_;
  std::string path_;
  std::uint64_t at_ = 0;
  idx::Entry open_{};
  idx::Checksum sum_;
  std::vector<idx::Entry> table_;
};

void SectionWriter::finish(std::uint32_t documents, std::uint64_t statements) {
  begin(0, 1);  // aligns the table
  const std::uint64_t table_at = at_;
  put(table_.data(), table_.size() * sizeof(idx::Entry));
  idx::Header h{};
  std::memcpy(h.magic, idx::kMagic, sizeof h.magic);
  h.version = idx::kVersion;
  h.endian = idx::kEndian;
  h.file_size = at_;
  h.table_offset = table_at;
  h.sections = static_cast<std::uint32_t>(table_.size());
  h.documents = documents;
  h.statements = statements;
  h.table_checksum = idx::checksum(table_.data(), table_.size() * sizeof(idx::Entry));
  h.header_checksum = idx::checksum(&h, offsetof(idx::Header, header_checksum));
  if (std::fseek(f_, 0, SEEK_SET) != 0 || std::fwrite(&h, sizeof h, 1, f_) != 1) fail();
  flush();
}

// The EventIndex's columns, written as sections.
class ColumnWriter : public ColumnSink {
 public:
  explicit ColumnWriter(SectionWriter& w) : w_(w) {}
  void column(std::uint32_t id, const void* data, std::size_t bytes, std::size_t element) override {
    w_.whole(idx::Section::columns + id, element, data, bytes);
  }

 private:
  SectionWriter& w_;
};

// Pairs written through a buffer (one fwrite per pair would cost more than the sort).
class PairOut {
 public:
  explicit PairOut(SectionWriter& w) : w_(w) {}
  ~PairOut() { flush(); }
  PairOut(const PairOut&) = delete;
  PairOut& operator=(const PairOut&) = delete;
  void add(std::uint32_t a, std::uint32_t b) {
    buf_.push_back(a);
    buf_.push_back(b);
    if (buf_.size() >= 1U << 17U) flush();
  }
  void flush() {
    w_.add(buf_.data(), buf_.size() * sizeof(std::uint32_t));
    buf_.clear();
  }

 private:
  SectionWriter& w_;
  std::vector<std::uint32_t> buf_;
};

// What the build has read: the terms, the statements and how many documents.
struct Build {
  Terms terms;
  idx::Spool spool;
  std::uint32_t documents = 0;
};

// The options every document is read with, as the store reads it (cli.md: same answers).
ReadOptions document_options(Build& b, std::optional<Syntax> syntax, std::string base) {
  ReadOptions r;
  r.syntax = syntax;
  r.base = std::move(base);
  r.blank_prefix = "d" + std::to_string(++b.documents) + "_";
  r.max_language_tag = 15;  // Sord's limit: the store refuses longer tags, so must the index
  r.refuse_nul = true;
  return r;
}

void read_ontology(Build& b) {
  Intake in(b.terms, b.spool);
  const ReadOptions r = document_options(b, Syntax::turtle, std::string(ns::dg));
  std::vector<Diagnostic> errors;
  if (!read_rdf_string(ontology_turtle(), "diplomacy.ttl", r, in,
                       [&](const Diagnostic& d) { errors.push_back(d); }))
    throw std::logic_error("the built-in ontology does not parse");
}

void read_graph(Build& b, const std::string& file, const IndexOptions& o) {
  const auto syntax = o.syntax ? o.syntax : syntax_from_path(file);
  if (!syntax)
    throw InputError({{file, 0, 0}, "unknown RDF syntax (extension .ttl, .nt, .nq or .trig, or --syntax)"});
  Intake in(b.terms, b.spool);
  std::vector<Diagnostic> errors;
  const ReadOptions r = document_options(b, syntax, o.base);
  if (!read_rdf_file_pipelined(file, r, in, [&](const Diagnostic& d) { errors.push_back(d); }))
    throw InputError(errors.empty() ? Diagnostic{{file, 0, 0}, "cannot be read"} : errors.front());
}

// The index at `path` as the starting point: its terms and statements, renumbered.
void read_old(Build& b, const std::string& path) {
  if (!is_index_file(path))
    throw InputError(
        {{path, 0, 0},
         "no index to append to: build it first with `diplograph index -o " + path + " GRAPH...`"});
  const auto old = IndexFile::open(path, IndexCheck::whole);
  const QuadSource& src = old->source();
  const IndexStats st = old->stats();
  std::vector<std::uint32_t> number(st.terms);
  for (NodeId n = 1; n <= st.terms; ++n) number[n - 1] = b.terms.add(src.term(n));
  src.match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
    b.spool.add({number.at(s - 1), number.at(p - 1), number.at(o - 1)});
    return true;
  });
  b.documents = st.documents;
}

// Sorting the terms. Sord's order of two terms is the byte order of their "sort strings":
// kind rank, value, NUL, datatype IRI, NUL, language (a term holds no NUL). Comparing whole
// terms in a sort of millions jumps across the table at every comparison; instead each term's
// next 8 bytes are read once per round into a key, the keys sorted, and only the runs of equal
// keys go on to the next 8 bytes (a most-significant-digit radix sort by words).
class TermSorter {
 public:
  explicit TermSorter(const Terms& t) : t_(t) {}

  std::vector<std::uint32_t> sorted() {
    idx::BulkVector<Item> items(t_.size());
    for (std::uint32_t i = 0; i < items.size(); ++i) items[i].id = i;
    level(items, 0, items.size(), 0);
    // The runs of the first round are sorted on, the first half of the array on a second thread.
    std::size_t middle = items.size() / 2;
    while (middle > 0 && middle < items.size() && same(items[middle - 1], items[middle])) ++middle;
    std::thread half([&] { runs(items, 0, middle, 8); });
    runs(items, middle, items.size(), 8);
    half.join();
    std::vector<std::uint32_t> order(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) order[i] = items[i].id;
    return order;
  }

 private:
  struct Item {
    std::uint64_t key = 0;
    std::uint32_t id = 0;
    std::uint32_t more = 0;  // 1 when the sort string goes on past this key
  };

  static bool same(const Item& a, const Item& b) { return a.key == b.key && a.more == b.more; }

  // One round: [lo, hi) by bytes [offset, offset + 8).
  void level(idx::BulkVector<Item>& v, std::size_t lo, std::size_t hi, std::size_t offset) const {
    for (std::size_t i = lo; i < hi; ++i) key(v[i], offset);
    const auto first = v.begin() + static_cast<std::ptrdiff_t>(lo),
               last = v.begin() + static_cast<std::ptrdiff_t>(hi);
    std::sort(first, last,
              [](const Item& a, const Item& b) { return std::tie(a.key, a.more) < std::tie(b.key, b.more); });
  }

  // The runs of equal keys in [lo, hi) that go on, each by its next bytes.
  void runs(idx::BulkVector<Item>& v, std::size_t lo, std::size_t hi, std::size_t offset) const {
    for (std::size_t i = lo; i < hi;) {
      std::size_t j = i + 1;
      while (j < hi && same(v[j], v[i])) ++j;
      if (v[i].more && j - i > 1) {
        level(v, i, j, offset);
        runs(v, i, j, offset + 8);
      }
      i = j;
    }
  }

  // Bytes [offset, offset + 8) of the term's sort string, big-endian, zero past its end.
  void key(Item& item, std::size_t offset) const {
    const auto e = t_.decoded(item.id);
    if (offset >= 1 && offset + 8 < 1 + e.value.size()) {  // inside the value, and more after it
      std::uint64_t k = 0;
      std::memcpy(&k, e.value.data() + offset - 1, 8);
      item.key = __builtin_bswap64(k);  // big-endian: byte order is number order
      item.more = 1;
      return;
    }
    const std::string_view dt = e.datatype ? t_.decoded(e.datatype - 1).value : std::string_view();
    const std::string_view parts[] = {
        std::string_view(&kRanks[idx::kind_rank(e.kind)], 1), e.value, kNul, dt, kNul, e.lang};
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    std::uint64_t k = 0;
    std::size_t at = offset;
    for (int n = 0; n < 8; ++n, ++at) k = k << 8U | byte_at(parts, at);
    item.key = k;
    item.more = total > offset + 8 ? 1 : 0;
  }

  static unsigned byte_at(const std::string_view (&parts)[6], std::size_t at) {
    for (const auto& p : parts) {
      if (at < p.size()) return static_cast<unsigned char>(p[at]);
      at -= p.size();
    }
    return 0;
  }

  static constexpr char kRanks[3] = {'\x01', '\x02', '\x03'};
  static constexpr std::string_view kNul{"\0", 1};
  const Terms& t_;
};

// Writes the terms in `order`; returns each term's new number + 1 (its NodeId), by old number.
std::vector<std::uint32_t> write_terms(SectionWriter& w, Terms& t) {
  t.seal();
  const auto order = TermSorter(t).sorted();
  std::vector<std::uint32_t> node(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) node[order[i]] = i + 1;
  idx::BulkVector<std::uint64_t> starts{0};
  idx::BulkVector<std::uint32_t> slots(idx::slots_for(order.size()), 0);
  std::string entry;
  w.begin(idx::Section::text, 1);
  for (std::uint32_t old : order) {
    const auto e = t.decoded(old);
    entry.clear();
    idx::encode(entry, e.kind, e.datatype ? node[e.datatype - 1] : 0, e.lang, e.value);
    w.add(entry.data(), entry.size());
    starts.push_back(starts.back() + entry.size());
    std::size_t i = idx::checksum(entry.data(), entry.size()) & (slots.size() - 1);
    while (slots[i]) i = (i + 1) & (slots.size() - 1);
    slots[i] = static_cast<std::uint32_t>(starts.size() - 1);  // the term's NodeId
  }
  w.end();
  w.whole(idx::Section::term_starts, 8, starts.data(), starts.size() * 8);
  w.whole(idx::Section::term_slots, 4, slots.data(), slots.size() * 4);
  t.release();
  return node;
}

// Writes the statements by subject: their pairs and each subject's start. Returns the number of
// statements of each predicate.
std::unordered_map<std::uint32_t, std::uint64_t> write_spo(SectionWriter& w, idx::Spool& spool,
                                                           const std::vector<std::uint32_t>& node,
                                                           std::size_t run) {
  idx::RunSorter spo(run);
  spool.each([&](const Triple& t) { spo.add({node[t[0]], node[t[1]], node[t[2]]}); });
  spool = {};
  idx::BulkVector<std::uint32_t> starts(node.size() + 1, 0);
  std::unordered_map<std::uint32_t, std::uint64_t> per_predicate;
  std::uint64_t n = 0;
  w.begin(idx::Section::spo, 8);
  {
    PairOut out(w);
    spo.finish([&](const Triple& t) {
      out.add(t[1], t[2]);
      ++starts[t[0]];
      ++per_predicate[t[1]];
      if (++n == UINT32_MAX)
        throw InputError({{"", 0, 0}, "more than 4,294,967,294 statements: beyond this index format"});
    });
  }
  w.end();
  std::partial_sum(starts.begin(), starts.end(), starts.begin());
  w.whole(idx::Section::spo_starts, 4, starts.data(), starts.size() * 4);
  return per_predicate;
}

// Writes the statements of the predicates of few statements by predicate, read back from the
// by-subject pairs just written (mapped); every predicate gets its start.
void write_pos(SectionWriter& w, std::FILE* f,
               const std::unordered_map<std::uint32_t, std::uint64_t>& per_predicate, std::size_t run) {
  w.flush();
  const idx::Mapping map(fileno(f), w.at());
  const idx::Layout layout{map.bytes(), w.table()};
  const auto starts_bytes = layout.section(idx::Section::spo_starts, 4);
  const auto* starts = reinterpret_cast<const std::uint32_t*>(starts_bytes.data());
  const auto* spo = reinterpret_cast<const std::uint32_t*>(layout.section(idx::Section::spo, 8).data());
  const std::size_t terms = starts_bytes.size() / 4 - 1, statements = starts[terms];
  const auto indexed = [&](std::uint32_t p) { return per_predicate.at(p) * idx::kPosShare <= statements; };
  idx::RunSorter pos(run);
  for (std::uint32_t s = 1; s <= terms; ++s) {
    for (std::uint64_t i = starts[s - 1]; i < starts[s]; ++i) {
      if (indexed(spo[2 * i])) pos.add({spo[2 * i], spo[2 * i + 1], s});
    }
  }
  std::vector<idx::PredicateStart> predicates;
  for (const auto& [p, count] : per_predicate) predicates.push_back({p, indexed(p) ? 1U : 0U, 0});
  std::sort(predicates.begin(), predicates.end(),
            [](const auto& a, const auto& b) { return a.predicate < b.predicate; });
  std::uint64_t at = 0;
  for (auto& p : predicates) {
    p.start = at;
    if (p.indexed) at += per_predicate.at(p.predicate);
  }
  w.begin(idx::Section::pos, 8);
  {
    PairOut out(w);
    pos.finish([&](const Triple& t) { out.add(t[1], t[2]); });
  }
  w.end();
  w.whole(idx::Section::pos_starts, sizeof(idx::PredicateStart), predicates.data(),
          predicates.size() * sizeof(idx::PredicateStart));
}

// Builds the EventIndex over what is written so far (mapped) and appends its columns.
std::uint64_t write_columns(SectionWriter& w, std::FILE* f) {
  w.flush();
  const idx::Mapping map(fileno(f), w.at());
  const idx::Layout layout{map.bytes(), w.table()};
  const idx::FileSource src(layout.graph());
  const EventIndex index(src, layout.section(idx::Section::text, 1));
  ColumnWriter columns(w);
  index.save(columns);
  return index.events();
}

}  // namespace

namespace {

IndexStats build_all(const std::string& path, const std::vector<std::string>& graphs,
                     const IndexOptions& opts) {
  Build b;
  if (opts.append) {
    read_old(b, path);
  } else {
    read_ontology(b);
  }
  for (const auto& g : graphs) read_graph(b, g, opts);
  AtomicOutput out(path);
  SectionWriter w(out.file(), path);
  IndexStats st;
  st.terms = b.terms.size();
  const std::size_t run = std::max<std::size_t>(opts.run_statements, 1024);
  const auto per_predicate =
      write_spo(w, b.spool, write_terms(w, b.terms), run);  // the numbering dropped after
  for (const auto& [p, count] : per_predicate) st.statements += count;
  write_pos(w, out.file(), per_predicate, run);
  st.events = write_columns(w, out.file());
  w.finish(b.documents, st.statements);
  st.bytes = w.at();
  st.documents = b.documents;
  out.commit();
  return st;
}

}  // namespace

IndexStats build_index(const std::string& path, const std::vector<std::string>& graphs,
                       const IndexOptions& opts) {
  if (path == "-") throw UsageError("an index is written to a file (-o FILE), not to standard output");
  try {
    return build_all(path, graphs, opts);
  } catch (const std::length_error& e) {  // more terms or statements than 32-bit numbers hold
    throw InputError({{path, 0, 0}, e.what()});
  } catch (const CorruptIndex& e) {  // the index appended to holds what its checksums vouch for, but no index
    throw InputError({{path, 0, 0}, std::string("corrupt index: ") + e.what() + "; build it again"});
  } catch (const std::out_of_range&) {
    throw InputError({{path, 0, 0}, "corrupt index: a term number past the last term; build it again"});
  }
}

}  // namespace diplograph
