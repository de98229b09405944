// Building an index file: the graphs streamed from Serd into a dictionary and a spool of
// numbered statements (never a store), the terms merged from sorted batches and written, the
// statements renumbered and sorted in bounded runs into their two orders, then the EventIndex
// built over the file so far (mapped) and its columns appended; the table and header last, the
// whole renamed into place.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "diplograph/index_file.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/vocab.hpp"
#include "indexfile/dictionary.hpp"
#include "indexfile/format.hpp"
#include "indexfile/layout.hpp"
#include "indexfile/sort.hpp"
#include "indexfile/source.hpp"

namespace diplograph {

namespace {

using idx::Triple;

// Receives the parsed statements: terms numbered (in the dictionary's current batch),
// statements spooled. A subject is usually the last one's, and the predicates are few: both are
// remembered, which spares most lookups, and forgotten when a batch is spilled.
class Intake : public QuadSink {
 public:
  Intake(idx::Dictionary& terms, idx::Spool& spool, const std::function<void()>& checkpoint)
      : terms_(terms), spool_(spool), checkpoint_(checkpoint) {}
  void quad(TermRef s, TermRef p, TermRef o, TermRef) override {
    if (terms_.batch() != batch_) {
      batch_ = terms_.batch();
      subject_kind_ = TermKind::none;
      predicates_.clear();
    }
    if (s.kind != subject_kind_ || s.value != subject_) {
      subject_kind_ = s.kind;
      subject_.assign(s.value);
      subject_id_ = terms_.add(s);
    }
    spool_.add({subject_id_, predicate(p), terms_.add(o)});
    terms_.statement_added(spool_.size());
    if ((spool_.size() & 0xFFFFFU) == 0 && checkpoint_) checkpoint_();
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

  idx::Dictionary& terms_;
  idx::Spool& spool_;
  const std::function<void()>& checkpoint_;
  std::size_t batch_ = 0;
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
  // No flush in the destructor: a write fails by throwing, which a destructor may not do.
  explicit PairOut(SectionWriter& w) : w_(w) {}
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
  explicit Build(const IndexOptions& o) : terms(o.batch_bytes), checkpoint(o.checkpoint) {}
  /// Between phases too.
  void check() const {
    if (checkpoint) checkpoint();
  }
  idx::Dictionary terms;
  idx::Spool spool;
  std::uint32_t documents = 0;
  std::function<void()> checkpoint;
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
  Intake in(b.terms, b.spool, b.checkpoint);
  const ReadOptions r = document_options(b, Syntax::turtle, std::string(ns::dg));
  std::vector<Diagnostic> errors;
  if (!read_rdf_string(ontology_turtle(), "diplomacy.ttl", r, in,
                       [&](const Diagnostic& d) { errors.push_back(d); }))
    throw std::logic_error("the built-in ontology does not parse");
}

void read_graph(Build& b, const std::string& file, const IndexOptions& o) {
  const auto syntax = o.syntax ? o.syntax : syntax_of_input(file);
  if (!syntax)
    throw InputError(
        {{file, 0, 0},
         "unknown RDF syntax (extension .ttl, .nt, .nq or .trig, or " + option_ref("syntax") + ")"});
  Intake in(b.terms, b.spool, b.checkpoint);
  std::vector<Diagnostic> errors;
  const ReadOptions r = document_options(b, syntax, o.base);
  if (!read_rdf_file_pipelined(file, r, in, [&](const Diagnostic& d) { errors.push_back(d); }))
    throw InputError(errors.empty() ? Diagnostic{{file, 0, 0}, "cannot be read"} : errors.front());
}

// Statements made by the caller from inputs that are not RDF, as one more document (the
// readers refuse what a store would not take from their Turtle: language tags past 15 characters).
void read_records(Build& b, const IndexOptions& o) {
  Intake in(b.terms, b.spool, b.checkpoint);
  ++b.documents;
  o.records(in);
}

// The index at `path` as the starting point: its statements spooled, its terms the first batch
// (already sorted, numbered NodeId - 1).
void read_old(Build& b, const std::string& path) {
  if (!is_index_file(path))
    throw InputError(
        {{path, 0, 0},
         "no index to append to: build it first with `diplograph index -o " + path + " GRAPH...`"});
  const auto old = IndexFile::open(path, IndexCheck::whole);
  const QuadSource& src = old->source();
  const IndexStats st = old->stats();
  src.match(0, 0, 0, [&](NodeId s, NodeId p, NodeId o) {
    const auto number = [](NodeId n) { return static_cast<std::uint32_t>(n - 1); };  // 0 wraps: refused later
    b.spool.add({number(s), number(p), number(o)});
    return true;
  });
  const auto* file = dynamic_cast<const idx::FileSource*>(&src);
  if (!file) throw std::logic_error("an index file's source is a FileSource");
  b.terms.add_sorted([&](const auto& fn) { file->each_term(fn); }, st.terms, b.spool.size());
  b.documents = st.documents;
}

// Writes the terms in the dictionary's order, front-coded in blocks, and where each block
// begins. Returns how many.
std::uint64_t write_terms(SectionWriter& w, idx::Dictionary& t, std::uint64_t statements) {
  const std::uint64_t n = t.merge(statements);
  std::vector<std::uint64_t> blocks;  // a u64 start per kFrontBlock terms (50 MB at 100M terms)
  std::string out, last;
  std::uint64_t i = 0, at = 0;
  w.begin(idx::Section::text, 1);
  t.entries([&](std::string_view entry) {
    idx::Entry4 e;
    if (!idx::decode(entry, e)) throw std::logic_error("the dictionary wrote a malformed entry");
    const bool first = i++ % idx::kFrontBlock == 0;
    if (first) blocks.push_back(at + out.size());
    idx::write_front(out, e, first ? 0 : idx::shared_prefix(last, e.value));
    last.assign(e.value);
    if (out.size() < std::size_t{1} << 20U) return;
    w.add(out.data(), out.size());
    at += out.size();
    out.clear();
  });
  w.add(out.data(), out.size());
  w.end();
  w.whole(idx::Section::term_starts, 8, blocks.data(), blocks.size() * 8);
  return n;
}

// The predicates met while statements are renumbered, each once: few, and mostly the last one's.
class Predicates {
 public:
  void add(std::uint32_t p) {
    if (p == last_) return;
    last_ = p;
    seen_.insert(p);
  }
  /// Ascending: a predicate's place in it is its place among the predicates (`pos_starts`).
  [[nodiscard]] std::vector<std::uint32_t> sorted() const {
    std::vector<std::uint32_t> out(seen_.begin(), seen_.end());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::uint32_t last_ = 0;
  std::unordered_set<std::uint32_t> seen_;
};

// Packed pairs written through a buffer.
class PackedOut {
 public:
  PackedOut(SectionWriter& w, unsigned width, unsigned place_bits)
      : w_(w), width_(width), place_bits_(place_bits) {}
  void add(std::uint32_t place, std::uint32_t object) {
    idx::pack(buf_, width_, place_bits_, place, object);
    if (buf_.size() >= std::size_t{1} << 20U) flush();
  }
  void flush() {
    w_.add(buf_.data(), buf_.size());
    buf_.clear();
  }

 private:
  SectionWriter& w_;
  unsigned width_, place_bits_;
  std::string buf_;
};

// The predicates in ascending order (a predicate's place in the by-subject pairs is its index
// here) and the number of statements of each.
struct PredicateCounts {
  std::vector<std::uint32_t> predicates;
  std::vector<std::uint64_t> statements;
  [[nodiscard]] std::uint64_t total() const {
    return std::accumulate(statements.begin(), statements.end(), std::uint64_t{0});
  }
};

// Writes the statements by subject: their pairs (packed) and each subject's start.
PredicateCounts write_spo(SectionWriter& w, idx::Spool& spool, idx::Dictionary& terms, std::uint64_t count,
                          std::size_t run) {
  idx::RunSorter spo(run);
  Predicates predicates;
  terms.renumber(spool, [&](const Triple& t) {
    predicates.add(t[1]);
    spo.add(t);
  });
  spool = {};
  PredicateCounts counted{predicates.sorted(), {}};
  const auto& sorted = counted.predicates;
  counted.statements.assign(sorted.size(), 0);
  const unsigned width = idx::pair_width(sorted.size(), count), bits = idx::place_bits(sorted.size());
  idx::BulkVector<std::uint32_t> starts(count + 1, 0);
  std::uint64_t n = 0;
  w.begin(idx::Section::spo, width);
  {
    PackedOut out(w, width, bits);
    std::uint32_t last = 0, place = 0;
    spo.finish([&](const Triple& t) {
      if (t[1] != last) {
        last = t[1];
        place =
            static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), t[1]) - sorted.begin());
      }
      out.add(place, t[2]);
      ++starts[t[0]];
      ++counted.statements[place];
      if (++n == UINT32_MAX)
        throw InputError({{"", 0, 0}, "more than 4,294,967,294 statements: beyond this index format"});
    });
    out.flush();
  }
  const std::string padding(idx::padding_pairs(width) * width, '\0');
  w.add(padding.data(), padding.size());
  w.end();
  std::partial_sum(starts.begin(), starts.end(), starts.begin());
  w.whole(idx::Section::spo_starts, 4, starts.data(), starts.size() * 4);
  return counted;
}

// Writes the statements of the predicates of few statements by predicate, read back from the
// by-subject pairs just written (mapped); every predicate gets its start.
void write_pos(SectionWriter& w, std::FILE* f, const PredicateCounts& counted, std::size_t run) {
  w.flush();
  const idx::Mapping map(fileno(f), w.at());
  const idx::Layout layout{map.bytes(), w.table()};
  const auto starts_bytes = layout.section(idx::Section::spo_starts, 4);
  const auto* starts = reinterpret_cast<const std::uint32_t*>(starts_bytes.data());
  const std::size_t terms = starts_bytes.size() / 4 - 1, statements = starts[terms];
  const auto& by_place = counted.predicates;
  idx::PackedPairs spo{nullptr, idx::pair_width(by_place.size(), terms), idx::place_bits(by_place.size())};
  spo.at = reinterpret_cast<const unsigned char*>(layout.section(idx::Section::spo, spo.width).data());
  std::vector<char> indexed_place(by_place.size());
  for (std::size_t i = 0; i < by_place.size(); ++i)
    indexed_place[i] = counted.statements[i] * idx::kPosShare <= statements ? 1 : 0;
  idx::RunSorter pos(run);
  for (std::uint32_t s = 1; s <= terms; ++s) {
    for (std::uint64_t i = starts[s - 1]; i < starts[s]; ++i) {
      const auto [place, o] = spo[i];
      if (indexed_place[place]) pos.add({by_place[place], o, s});
    }
    if (s % 65536 == 0) {  // the pairs read let go: a pass over all of them need not hold them
      idx::let_go(spo.at, std::size_t{starts[s]} * spo.width);
      idx::let_go(starts, std::size_t{s} * 4);
    }
  }
  std::vector<idx::PredicateStart> predicates;  // ascending, as their places are
  std::uint64_t at = 0;
  for (std::size_t i = 0; i < by_place.size(); ++i) {
    predicates.push_back({by_place[i], static_cast<std::uint32_t>(indexed_place[i]), at});
    if (indexed_place[i]) at += counted.statements[i];
  }
  w.begin(idx::Section::pos, 8);
  {
    PairOut out(w);
    pos.finish([&](const Triple& t) { out.add(t[1], t[2]); });
    out.flush();
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
  const EventIndex index(src, EventTexts::by_node);
  ColumnWriter columns(w);
  index.save(columns);
  return index.events();
}

}  // namespace

namespace {

IndexStats build_all(const std::string& path, const std::vector<std::string>& graphs,
                     const IndexOptions& opts) {
  Build b(opts);
  if (opts.append) {
    read_old(b, path);
  } else {
    read_ontology(b);
  }
  for (const auto& g : graphs) read_graph(b, g, opts);
  if (opts.records) read_records(b, opts);
  b.check();
  AtomicOutput out(path);
  SectionWriter w(out.file(), path);
  IndexStats st;
  st.terms = write_terms(w, b.terms, b.spool.size());
  b.check();
  const std::size_t run = std::max<std::size_t>(opts.run_statements, 1024);
  const PredicateCounts counted = write_spo(w, b.spool, b.terms, st.terms, run);
  st.statements = counted.total();
  b.check();
  write_pos(w, out.file(), counted, run);
  b.check();
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
  }
}

}  // namespace diplograph
