// The index build's dictionary: batches of terms sorted and spilled, merged into the file's
// numbering, each batch's statements renumbered by the map the merge wrote for it.
#include "indexfile/dictionary.hpp"

#include <cstring>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "diplograph/error.hpp"
#include "diplograph/query.hpp"
#include "diplograph/slot_table.hpp"
#include "indexfile/format.hpp"

namespace diplograph::idx {

namespace {

using Out = SpillWriter;
using In = SpillReader;

constexpr char kRanks[3] = {'\x01', '\x02', '\x03'};  // by kind_rank: literal, IRI, blank node

// Sord's order of two terms is the byte order of their sort strings: kind rank, value, NUL,
// datatype IRI, NUL, language (a term holds no NUL).
void sort_string(std::string& out, TermKind kind, std::string_view value, std::string_view datatype,
                 std::string_view lang) {
  out.assign(1, kRanks[kind_rank(kind)]);
  out.append(value).append(1, '\0').append(datatype).append(1, '\0').append(lang);
}

// A sort string's parts again.
struct Parts {
  TermKind kind = TermKind::none;
  std::string_view value, datatype, lang;
};
Parts parts_of(std::string_view key) {
  Parts p;
  p.kind = key[0] == kRanks[0] ? TermKind::literal : key[0] == kRanks[1] ? TermKind::iri : TermKind::blank;
  const std::size_t a = key.find('\0', 1), b = key.find('\0', a + 1);
  p.value = key.substr(1, a - 1);
  p.datatype = key.substr(a + 1, b - a - 1);
  p.lang = key.substr(b + 1);
  return p;
}

void put_record(Out& out, std::string_view key, std::uint32_t local) {
  out.text(key);
  out.value(local);
}

bool get_record(In& in, std::string& key, std::uint32_t& local) {
  if (!in.text(key)) return false;
  in.need(&local, 4);
  return true;
}

}  // namespace

// The distinct terms of one batch, numbered in order of arrival, each kept once as its encoded
// entry, found again by a hash table.
class Dictionary::Batch {
 public:
  Batch() : table_(1U << 16U) { starts_.push_back(0); }

  std::uint32_t add(TermRef t) {
    const std::uint32_t dt =
        t.kind == TermKind::literal && !t.datatype.empty() ? add(TermRef::iri(t.datatype)) + 1 : 0;
    key_.clear();
    encode(key_, t.kind, dt, t.lang, t.value);
    if (size() >= UINT32_MAX - 1)
      throw InputError({{"", 0, 0}, "more than 4,294,967,294 terms: beyond this index format"});
    const auto id = static_cast<std::uint32_t>(size());
    const std::uint32_t found = table_.find_or_place(
        checksum(key_.data(), key_.size()), [&](std::uint32_t p) { return entry(p) == key_; }, id);
    if (found != id) return found;
    arena_ += key_;
    starts_.push_back(arena_.size());
    if (table_.full(size())) {
      table_.rehash(table_.slots() * 2, id + 1, [&](std::uint32_t p) {
        const std::string_view e = entry(p);
        return checksum(e.data(), e.size());
      });
    }
    return id;
  }

  [[nodiscard]] std::size_t size() const { return starts_.size() - 1; }
  [[nodiscard]] std::size_t bytes() const { return arena_.size(); }
  [[nodiscard]] std::string_view entry(std::size_t i) const {
    return std::string_view(arena_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  [[nodiscard]] Entry4 decoded(std::size_t i) const {
    Entry4 e;
    (void)decode(entry(i), e);
    return e;
  }
  void sort_string_of(std::size_t i, std::string& out) const {
    const Entry4 e = decoded(i);
    sort_string(out, e.kind, e.value, e.datatype ? decoded(e.datatype - 1).value : std::string_view(),
                e.lang);
  }
  /// Room for `bytes` of entries: a batch grows without copying (pages untouched cost nothing).
  void reserve(std::size_t bytes) { arena_.reserve(bytes); }
  /// Empty again, for the next batch (its buffers kept).
  void clear() {
    arena_.clear();
    starts_.resize(1);
    table_.clear();
  }

 private:
  BulkString arena_;  // the big buffers in huge pages (indexfile/bulk.hpp)
  std::string key_;
  BulkVector<std::uint64_t> starts_;
  SlotTable table_;  // the terms by their entries
};

namespace {

// Sorting a batch's terms by their sort strings. Comparing whole terms in a sort of millions
// jumps across the batch at every comparison; instead each term's next 8 bytes are read once
// per round into a key, the keys sorted, and only the runs of equal keys go on to the next 8
// bytes (a most-significant-digit radix sort by words).
template <class Terms>
class TermSorter {
 public:
  explicit TermSorter(const Terms& t) : t_(t) {}

  std::vector<std::uint32_t> sorted() {
    BulkVector<Item> items(t_.size());
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
  void level(BulkVector<Item>& v, std::size_t lo, std::size_t hi, std::size_t offset) const {
    for (std::size_t i = lo; i < hi; ++i) key(v[i], offset);
    const auto first = v.begin() + static_cast<std::ptrdiff_t>(lo),
               last = v.begin() + static_cast<std::ptrdiff_t>(hi);
    std::sort(first, last,
              [](const Item& a, const Item& b) { return std::tie(a.key, a.more) < std::tie(b.key, b.more); });
  }

  // The runs of equal keys in [lo, hi) that go on, each by its next bytes.
  void runs(BulkVector<Item>& v, std::size_t lo, std::size_t hi, std::size_t offset) const {
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
        std::string_view(&kRanks[kind_rank(e.kind)], 1), e.value, kNul, dt, kNul, e.lang};
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

  static constexpr std::string_view kNul{"\0", 1};
  const Terms& t_;
};

}  // namespace

// A spilled batch: its terms by sort string (records: length, sort string, batch number), the
// map the merge writes for it (pairs: batch number, NodeId), and where its statements end.
struct Dictionary::Run {
  TempFile terms{temp_file()};
  TempFile map{temp_file()};
  std::uint32_t size = 0;
  std::uint64_t end = 0;
};

Dictionary::Dictionary(std::size_t batch_bytes)
    : batch_(std::make_unique<Batch>()), batch_bytes_(std::max<std::size_t>(batch_bytes, 1)) {
  batch_->reserve(std::min<std::size_t>(batch_bytes_, std::size_t{1} << 30U) + (std::size_t{1} << 20U));
}
Dictionary::~Dictionary() = default;

std::uint32_t Dictionary::add(TermRef t) {
  return batch_->add(t);
}

std::size_t Dictionary::batch() const {
  return runs_.size();
}

void Dictionary::statement_added(std::uint64_t statements) {
  if (batch_->bytes() >= batch_bytes_) spill(statements);
}

void Dictionary::spill(std::uint64_t statements) {
  if (batch_->size() == 0) return;
  const auto order = TermSorter<Batch>(*batch_).sorted();
  Run& r = runs_.emplace_back();
  {
    Out out(r.terms.get());
    std::string key;
    for (std::uint32_t id : order) {
      batch_->sort_string_of(id, key);
      put_record(out, key, id);
    }
    out.flush();
  }
  r.size = static_cast<std::uint32_t>(batch_->size());
  r.end = statements;
  batch_->clear();
  // Each run holds two files open: past a few hundred, bigger batches rather than more files.
  if (runs_.size() % 128 == 0) batch_bytes_ *= 2;
}

void Dictionary::add_sorted(const TermWalk& walk, std::size_t terms, std::uint64_t statements) {
  if (batch_->size() != 0) throw std::logic_error("an index appended to is read first");
  Run& r = runs_.emplace_back();
  Out out(r.terms.get());
  std::string key, last;
  std::uint32_t n = 0;
  walk([&](const TermRef& t) {
    sort_string(key, t.kind, t.value, t.datatype, t.lang);
    if (n > 0 && !(last < key)) throw CorruptIndex("its terms are not in order");
    put_record(out, key, n++);
    last.swap(key);
  });
  if (n != terms) throw CorruptIndex("its terms and its statements' starts disagree in number");
  out.flush();
  r.size = static_cast<std::uint32_t>(terms);
  r.end = statements;
}

// The k-way merge of the runs: each distinct sort string numbered, its entry written to
// `merged` (length, entry; a literal's datatype given a provisional number, as literals sort
// before the IRIs that number them), each run's records mapped to the numbers.
class Dictionary::Merger {
 public:
  Merger(std::vector<Run>& runs, std::FILE* merged) : runs_(runs), out_(merged) {}

  std::uint64_t merge() {
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      ins_.emplace_back(std::make_unique<In>(runs_[i].terms.get()));
      maps_.emplace_back(std::make_unique<Out>(runs_[i].map.get(), std::size_t{1} << 16U));
      advance(i);
    }
    std::string last;
    std::uint64_t n = 0;
    while (!heads_.empty()) {
      auto [head, i] = heads_.pop();
      if (n > 0 && head.key < last) throw std::logic_error("a batch of terms out of order");
      if (n == 0 || head.key != last) {
        if (++n >= UINT32_MAX)
          throw InputError({{"", 0, 0}, "more than 4,294,967,294 terms: beyond this index format"});
        term(head.key, static_cast<std::uint32_t>(n));
        last.swap(head.key);
      }
      maps_[i]->value(head.local);
      maps_[i]->value(static_cast<std::uint32_t>(n));
      advance(i);
    }
    for (auto& m : maps_) m->flush();
    out_.flush();
    return n;
  }

  /// NodeId of each provisional datatype number - 1.
  std::vector<std::uint32_t> datatypes() const {
    std::vector<std::uint32_t> out(datatype_ids_.size(), 0);
    for (const auto& [iri, provisional] : datatype_ids_) {
      const auto it = datatype_nodes_.find(provisional);
      if (it == datatype_nodes_.end()) throw CorruptIndex("a literal's datatype is not among its terms");
      out[provisional] = it->second;
    }
    return out;
  }

 private:
  struct Head {
    std::string key;
    std::uint32_t local = 0;
  };

  void term(std::string_view key, std::uint32_t node) {
    const Parts p = parts_of(key);
    std::uint32_t dt = 0;
    if (p.kind == TermKind::literal && !p.datatype.empty()) {
      scratch_.assign(p.datatype);  // a key reused: millions of typed literals, a few datatypes
      const auto [it, added] =
          datatype_ids_.try_emplace(scratch_, static_cast<std::uint32_t>(datatype_ids_.size()));
      dt = it->second + 1;
    } else if (p.kind == TermKind::iri) {
      scratch_.assign(p.value);
      const auto it = datatype_ids_.find(scratch_);
      if (it != datatype_ids_.end()) datatype_nodes_.emplace(it->second, node);
    }
    entry_.clear();
    encode(entry_, p.kind, dt, p.lang, p.value);
    out_.value<std::uint32_t>(static_cast<std::uint32_t>(entry_.size()));
    out_.put(entry_.data(), entry_.size());
  }

  // The next record of run `i`, among the heads.
  void advance(std::size_t i) {
    Head h;
    if (get_record(*ins_[i], h.key, h.local)) heads_.push(std::move(h), i);
  }

  struct ByKey {
    bool operator()(const Head& a, const Head& b) const { return a.key < b.key; }
  };

  std::vector<Run>& runs_;
  Out out_;
  std::vector<std::unique_ptr<In>> ins_;
  std::vector<std::unique_ptr<Out>> maps_;
  KWayMerge<Head, ByKey> heads_;
  std::unordered_map<std::string, std::uint32_t> datatype_ids_;      // datatype IRI -> provisional
  std::unordered_map<std::uint32_t, std::uint32_t> datatype_nodes_;  // provisional -> NodeId
  std::string entry_, scratch_;
};

std::uint64_t Dictionary::merge(std::uint64_t statements) {
  spill(statements);
  batch_.reset();  // its buffers back
  merged_ = temp_file();
  std::uint64_t n = 0;
  {
    Merger m(runs_, merged_.get());
    n = m.merge();
    datatypes_ = m.datatypes();
  }
  for (Run& r : runs_) r.terms.reset();
  return n;
}

void Dictionary::entries(const std::function<void(std::string_view)>& fn) {
  In in(merged_.get());
  std::string entry;
  for (std::uint32_t n = 0; in.value(n);) {
    entry.resize(n);
    in.need(entry.data(), n);
    std::uint32_t dt = 0;
    std::memcpy(&dt, entry.data() + 2, 4);
    if (dt) {  // a literal's datatype, by its number among the datatypes (an appended index's own)
      if (dt > datatypes_.size()) throw CorruptIndex("a literal's datatype past the last datatype");
      dt = datatypes_[dt - 1];
      std::memcpy(entry.data() + 2, &dt, 4);
    }
    fn(entry);
  }
  merged_.reset();
}

void Dictionary::renumber(Spool& spool, const std::function<void(const Triple&)>& out) {
  std::vector<std::uint32_t> map;
  std::size_t run = 0;
  std::uint64_t at = 0, end = 0;
  const auto next = [&] {  // the map of the run whose statements come next
    while (at == end) {
      if (run == runs_.size()) throw std::logic_error("statements past the last batch of terms");
      Run& r = runs_[run++];
      map.assign(r.size, 0);
      In in(r.map.get());
      for (std::uint32_t local = 0, node = 0; in.value(local);) {
        in.need(&node, 4);
        map.at(local) = node;  // the map this build wrote: a number past its run is our bug (exit 70)
      }
      r.map.reset();
      end = r.end;
    }
  };
  spool.each([&](const Triple& t) {
    next();
    ++at;
    for (const std::uint32_t term : t) {  // an appended index's statements name its own terms
      if (term >= map.size()) throw CorruptIndex("a term number past the last term");
    }
    out({map[t[0]], map[t[1]], map[t[2]]});
  });
}

}  // namespace diplograph::idx
