// The graph of an index file, read in place.
#include "indexfile/source.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <mutex>
#include <tuple>

#include "diplograph/query.hpp"

namespace diplograph::idx {

namespace {

using Pair = std::pair<std::uint32_t, std::uint32_t>;

Pair pair_at(const std::uint32_t* pairs, std::size_t i) {
  return {pairs[2 * i], pairs[2 * i + 1]};
}

// The first place in [from, to) whose pair's first number is not below `key`.
std::size_t lower(const std::uint32_t* pairs, std::size_t from, std::size_t to, std::uint32_t key) {
  while (from < to) {
    const std::size_t mid = from + (to - from) / 2;
    if (pairs[2 * mid] < key) {
      from = mid + 1;
    } else {
      to = mid;
    }
  }
  return from;
}

// The first place in [from, to) whose pair's predicate is not before the one at `place`.
std::size_t first_of_place(const PackedPairs& pairs, std::size_t from, std::size_t to, std::uint32_t place) {
  while (from < to) {
    const std::size_t mid = from + (to - from) / 2;
    if (pairs[mid].first < place) {
      from = mid + 1;
    } else {
      to = mid;
    }
  }
  return from;
}

}  // namespace

// A term as decoded once: its text in the source's own memory, its language in the mapping.
struct FileSource::Decoded {
  TermKind kind = TermKind::none;
  std::string_view value, datatype, lang;
};

// The terms decoded so far, by node, their text in chunks that never move: what term() and
// text() return stays valid as long as the source. A node's slot is found in a page of slots
// (pages made as needed), read without a lock; slots are filled under one, since serve's threads
// share a source. (A hash map of 3M decoded terms spent half of `query events` in its chains.)
class FileSource::Terms {
 public:
  explicit Terms(std::size_t terms) : pages_((terms >> kPageBits) + 1) {}

  const Decoded* find(NodeId n) const {
    if ((n >> kPageBits) >= pages_.size()) return nullptr;  // past the last term: refused when decoded
    const Page* page = pages_[n >> kPageBits].load(std::memory_order_acquire);
    return page ? (*page)[n & kSlotMask].load(std::memory_order_acquire) : nullptr;
  }
  const Decoded& keep(NodeId n, const Decoded& d) {
    const std::lock_guard lock(mu_);
    auto& slot = pages_[n >> kPageBits];
    Page* page = slot.load(std::memory_order_relaxed);
    if (!page) {
      page = owned_pages_.emplace_back(std::make_unique<Page>()).get();
      slot.store(page, std::memory_order_release);
    }
    auto& kept = (*page)[n & kSlotMask];
    if (const Decoded* already = kept.load(std::memory_order_relaxed)) return *already;
    const Decoded& made = decoded_.emplace_back(Decoded{d.kind, copy(d.value), d.datatype, d.lang});
    kept.store(&made, std::memory_order_release);
    return made;
  }

 private:
  static constexpr unsigned kPageBits = 8;  // 2 KiB a page: the nodes a question reads lie far apart
  static constexpr std::size_t kSlotMask = (std::size_t{1} << kPageBits) - 1;
  using Page = std::array<std::atomic<const Decoded*>, std::size_t{1} << kPageBits>;

  std::string_view copy(std::string_view v) {
    constexpr std::size_t kChunk = std::size_t{1} << 18U;
    if (v.empty()) return {};
    if (v.size() > left_) {
      const std::size_t size = std::max(kChunk, v.size());
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      at_ = chunks_.back().get();
      left_ = size;
    }
    std::memcpy(at_, v.data(), v.size());
    const std::string_view kept(at_, v.size());
    at_ += v.size();
    left_ -= v.size();
    return kept;
  }

  std::vector<std::atomic<Page*>> pages_;
  std::mutex mu_;  // over what follows, and the filling of slots
  std::vector<std::unique_ptr<Page>> owned_pages_;
  std::deque<Decoded> decoded_;  // never moved
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* at_ = nullptr;
  std::size_t left_ = 0;
};

FileSource::FileSource(const Graph& g) : g_(g), kept_(std::make_unique<Terms>(g.terms)) {}
FileSource::~FileSource() = default;

std::size_t FileSource::blocks() const {
  return (g_.terms + kFrontBlock - 1) / kFrontBlock;
}

std::string_view FileSource::block(std::size_t b) const {
  if (b >= blocks()) throw CorruptIndex("a term number past the last term");
  const std::uint64_t from = g_.term_starts[b],
                      to = b + 1 < blocks() ? g_.term_starts[b + 1] : g_.text.size();
  if (from > to || to > g_.text.size()) throw CorruptIndex("a block of terms past the end of the text");
  return g_.text.substr(from, to - from);
}

namespace {

// Reads the entry at `at` onto the value before it (`value`); CorruptIndex when malformed.
FrontEntry next_term(std::string_view block, std::size_t& at, std::string& value) {
  FrontEntry e;
  if (!read_front(block, at, e) || e.shared > value.size()) throw CorruptIndex("a malformed term");
  value.resize(e.shared);
  value.append(e.rest);
  return e;
}

}  // namespace

FrontEntry FileSource::decode_into(NodeId node, std::string& value) const {
  if (node == 0 || node > g_.terms) throw CorruptIndex("a term number past the last term");
  const std::size_t i = node - 1, b = i / kFrontBlock;
  const std::string_view bytes = block(b);
  std::size_t at = 0;
  value.clear();  // a block's first term shares nothing: anything else is malformed
  FrontEntry e;
  for (std::size_t k = b * kFrontBlock; k <= i; ++k) e = next_term(bytes, at, value);
  return e;
}

FrontEntry FileSource::first_of(std::size_t b) const {
  std::size_t at = 0;
  FrontEntry e;
  if (!read_front(block(b), at, e) || e.shared != 0) throw CorruptIndex("a malformed term");
  return e;
}

// A literal's datatype: an IRI (checked, so that a corrupt file cannot send the decoding round
// in circles), kept once decoded.
std::string_view FileSource::datatype_of(std::uint32_t datatype) const {
  if (datatype == 0) return {};
  if (const Decoded* d = kept_->find(datatype)) {
    if (d->kind != TermKind::iri) throw CorruptIndex("a literal's datatype is no IRI");
    return d->value;
  }
  std::string value;
  if (decode_into(datatype, value).kind != TermKind::iri)
    throw CorruptIndex("a literal's datatype is no IRI");
  return kept_->keep(datatype, {TermKind::iri, value, {}, {}}).value;
}

const FileSource::Decoded& FileSource::decoded(NodeId node) const {
  if (const Decoded* d = kept_->find(node)) return *d;
  std::string value;
  const FrontEntry e = decode_into(node, value);
  const std::string_view datatype =
      e.kind == TermKind::literal ? datatype_of(e.datatype) : std::string_view();
  return kept_->keep(node, {e.kind, value, datatype, e.lang});
}

TermRef FileSource::term(NodeId node) const {
  if (node == 0) return {};
  const Decoded& d = decoded(node);
  return {d.kind, d.value, d.datatype, d.lang};
}

std::string_view FileSource::text(NodeId node) const {
  return node == 0 ? std::string_view() : decoded(node).value;
}

int FileSource::compare(TermRef t, const FrontEntry& e, std::string_view value) const {
  if (const int r = kind_rank(t.kind) - kind_rank(e.kind)) return r;
  if (const int r = t.value.compare(value)) return r;
  const std::string_view dt = e.kind == TermKind::literal ? datatype_of(e.datatype) : std::string_view();
  if (const int r = t.datatype.compare(dt)) return r;
  return t.lang.compare(e.lang);
}

// A binary search over the blocks' first terms (read in place: ~19 at 7M terms), then a walk
// through the one block that may hold the term, decoding as it goes.
NodeId FileSource::find(TermRef t) const {
  if (t.kind == TermKind::none) return 0;
  std::size_t lo = 0, hi = blocks();  // the first block beginning after `t`
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const FrontEntry e = first_of(mid);
    if (compare(t, e, e.rest) < 0) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  if (lo == 0) return 0;
  const std::size_t b = lo - 1, last = std::min(g_.terms, (b + 1) * kFrontBlock);
  const std::string_view bytes = block(b);
  std::string value;
  std::size_t at = 0;
  for (std::size_t i = b * kFrontBlock; i < last; ++i) {
    const FrontEntry e = next_term(bytes, at, value);
    const int r = compare(t, e, value);
    if (r <= 0) return r == 0 ? i + 1 : 0;
  }
  return 0;
}

void FileSource::each_term(const std::function<void(const TermRef&)>& fn) const {
  std::string value;
  for (std::size_t b = 0; b < blocks(); ++b) {
    const std::string_view bytes = block(b);
    const std::size_t last = std::min(g_.terms, (b + 1) * kFrontBlock);
    std::size_t at = 0;
    value.clear();
    for (std::size_t i = b * kFrontBlock; i < last; ++i) {
      const FrontEntry e = next_term(bytes, at, value);
      fn({e.kind, value, e.kind == TermKind::literal ? datatype_of(e.datatype) : std::string_view(), e.lang});
    }
    if (b % 65536 == 65535) let_go();  // a pass over them all need not hold them
  }
}

std::pair<NodeId, NodeId> FileSource::spo_pair(std::size_t i) const {
  const auto [place, o] = g_.spo[i];
  if (place >= g_.predicates) throw CorruptIndex("a statement's predicate past the last predicate");
  return {g_.pos_starts[place].predicate, o};
}

std::optional<std::uint32_t> FileSource::place_of(NodeId p) const {
  const auto* end = g_.pos_starts + g_.predicates;
  const auto* it = std::lower_bound(g_.pos_starts, end, p,
                                    [](const PredicateStart& a, NodeId b) { return a.predicate < b; });
  if (it == end || it->predicate != p) return std::nullopt;
  return static_cast<std::uint32_t>(it - g_.pos_starts);
}

std::pair<std::size_t, std::size_t> FileSource::subject_run(NodeId s) const {
  if (s == 0 || s > g_.terms) return {0, 0};
  const std::size_t from = std::min<std::size_t>(g_.spo_starts[s - 1], g_.statements);
  return {from, std::clamp<std::size_t>(g_.spo_starts[s], from, g_.statements)};
}

std::optional<std::pair<std::size_t, std::size_t>> FileSource::predicate_run(NodeId p) const {
  const auto* end = g_.pos_starts + g_.predicates;
  const auto* it = std::lower_bound(g_.pos_starts, end, p,
                                    [](const PredicateStart& a, NodeId b) { return a.predicate < b; });
  if (it == end || it->predicate != p)
    return std::pair<std::size_t, std::size_t>{0, 0};  // no such statements
  if (!it->indexed) return std::nullopt;
  const std::size_t from = std::min<std::uint64_t>(it->start, g_.indexed);
  const std::uint64_t to = it + 1 == end ? g_.indexed : (it + 1)->start;
  return std::pair<std::size_t, std::size_t>{from, std::clamp<std::uint64_t>(to, from, g_.indexed)};
}

bool FileSource::match_subject(NodeId s, NodeId p, NodeId o,
                               const std::function<bool(NodeId, NodeId, NodeId)>& fn) const {
  auto [from, to] = subject_run(s);
  std::uint32_t place = 0;
  if (p) {
    const auto found = place_of(p);
    if (!found) return true;
    place = *found;
    from = first_of_place(g_.spo, from, to, place);
  }
  for (std::size_t i = from; i < to; ++i) {
    if (p && g_.spo[i].first != place) break;
    const auto [pi, oi] = spo_pair(i);
    if (o && oi != o) continue;
    if (!fn(s, pi, oi)) return false;
  }
  return true;
}

void FileSource::match(NodeId s, NodeId p, NodeId o,
                       const std::function<bool(NodeId, NodeId, NodeId)>& fn) const {
  if (s) {
    match_subject(s, p, o, fn);
    return;
  }
  const auto run = p ? predicate_run(p) : std::nullopt;
  if (!run) {  // by object alone, a predicate of many statements, or everything: every subject in turn
    for (NodeId subj = 1; subj <= g_.terms; ++subj) {
      if (!match_subject(subj, p, o, fn)) return;
    }
    return;
  }
  auto [from, to] = *run;
  if (o) from = lower(g_.pos, from, to, static_cast<std::uint32_t>(o));
  for (std::size_t i = from; i < to; ++i) {
    const auto [oi, si] = pair_at(g_.pos, i);
    if (o && oi != o) break;
    if (!fn(si, p, oi)) return;
  }
}

void FileSource::scan(const std::vector<NodeId>& predicates,
                      const std::function<void(NodeId, NodeId, NodeId)>& fn) const {
  std::size_t few = 0;
  for (NodeId p : predicates) {
    const auto run = predicate_run(p);
    few += run ? run->second - run->first : g_.statements;
  }
  if (few * 8 < g_.statements) {  // a few statements: gathered by predicate, then put in subject order
    std::vector<std::tuple<NodeId, NodeId, NodeId>> found;
    for (NodeId p : predicates) {
      match(0, p, 0, [&](NodeId s, NodeId pp, NodeId o) {
        found.emplace_back(s, pp, o);
        return true;
      });
    }
    std::sort(found.begin(), found.end());
    for (const auto& [s, p, o] : found) fn(s, p, o);
    return;
  }
  std::vector<char> wanted(g_.predicates, 0);  // by place
  for (NodeId p : predicates) {
    if (const auto place = place_of(p)) wanted[*place] = 1;
  }
  std::size_t released = 0;
  for (NodeId s = 1; s <= g_.terms; ++s) {
    const auto [from, to] = subject_run(s);
    for (std::size_t i = from; i < to; ++i) {
      const auto place = g_.spo[i].first;
      if (place < g_.predicates && !wanted[place]) continue;
      const auto [p, o] = spo_pair(i);  // a place past the predicates: CorruptIndex
      fn(s, p, o);
    }
    released = release_behind(s, from, released);
  }
  idx::let_go(g_.spo.at, g_.statements * g_.spo.width);  // the scan's last pages too
  idx::let_go(g_.spo_starts, (g_.terms + 1) * sizeof(std::uint32_t));
  let_go();
}

void let_go(const void* at, std::size_t bytes) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto from = (reinterpret_cast<std::uintptr_t>(at) + page - 1) / page * page;
  const auto to = (reinterpret_cast<std::uintptr_t>(at) + bytes) / page * page;
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

void FileSource::let_go() const {
  idx::let_go(g_.text.data(), g_.text.size());
  idx::let_go(g_.term_starts, blocks() * sizeof(std::uint64_t));
}

// A full scan reads the pairs once, in order: the mapped pages behind it are let go (they stay
// in the page cache, and come back if asked for), so that a scan of a big index does not hold
// the whole of it in this process's memory. So are, every so often, the pages of text the
// caller has read (an EventIndex built over the file keeps offsets, not the text). Returns the
// pairs let go so far.
std::size_t FileSource::release_behind(NodeId s, std::size_t at, std::size_t released) const {
  constexpr std::size_t kChunk = std::size_t{1} << 20U;  // pairs: 4-8 MiB
  if (at < released + 2 * kChunk) return released;
  idx::let_go(g_.spo.at + released * g_.spo.width, kChunk * g_.spo.width);
  idx::let_go(g_.spo_starts, (s - 1) * sizeof(std::uint32_t));
  let_go();
  return released + kChunk;
}

}  // namespace diplograph::idx
