// The graph of an index file, read in place.
#include "indexfile/source.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
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

std::string_view FileSource::raw_entry(NodeId node) const {
  if (node == 0 || node > g_.terms) throw CorruptIndex("a term number past the last term");
  const std::uint64_t from = start(node - 1), to = start(node);
  if (from > to || to > g_.text.size()) throw CorruptIndex("a term's text past the end of the text");
  return g_.text.substr(from, to - from);
}

std::uint64_t FileSource::start(std::size_t i) const {
  return g_.term_starts[i / kStartBlock] + g_.term_offsets[i];  // the blocks' count checked on opening
}

Entry4 FileSource::entry(NodeId node) const {
  Entry4 e;
  if (!decode(raw_entry(node), e)) throw CorruptIndex("a malformed term");
  return e;
}

TermRef FileSource::term(NodeId node) const {
  if (node == 0) return {};
  const Entry4 e = entry(node);
  TermRef t{e.kind, e.value, {}, e.lang};
  if (e.datatype) t.datatype = entry(e.datatype).value;
  return t;
}

std::string_view FileSource::text(NodeId node) const {
  return node == 0 ? std::string_view() : entry(node).value;
}

int FileSource::compare(TermRef t, NodeId node) const {
  const Entry4 e = entry(node);
  if (const int r = kind_rank(t.kind) - kind_rank(e.kind)) return r;
  if (const int r = t.value.compare(e.value)) return r;
  const std::string_view dt = e.datatype ? entry(e.datatype).value : std::string_view();
  if (const int r = t.datatype.compare(dt)) return r;
  return t.lang.compare(e.lang);
}

// A binary search over the sorted terms: ~23 entries read at 7M terms, the first of them the
// same for every search (version 1's hash table of the terms took 2.9 bytes a statement).
NodeId FileSource::find(TermRef t) const {
  if (t.kind == TermKind::none) return 0;
  std::size_t lo = 1, hi = g_.terms + 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (compare(t, mid) > 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo <= g_.terms && compare(t, lo) == 0 ? lo : 0;
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
  idx::let_go(g_.term_offsets, (g_.terms + 1) * sizeof(std::uint32_t));
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
