// Naming actors as people type them (cli.md, "An actor is named"): by IRI; a state's code in any
// scheme we ship or its Wikidata item; an exact label; the label normalised (case, diacritics,
// punctuation); a state's common English name; a whole-word part of a label. Nothing found: the
// closest labels are suggested. Looked up in the EventIndex (the store need not index objects).
#include <algorithm>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

using Impl = EventIndex::Impl;

bool eligible(const Impl& x, Id a, bool states) {
  return states ? x.actor_state[a] == a : x.actor_typed[a];
}

Id state_with_code(const Impl& x, std::string_view iso3) {
  for (const auto& [c, a] : x.codes) {
    if (c == iso3) return a;
  }
  return no_id;
}

// A state of its time named by its COW number ("260": the German Federal Republic), which no
// state today has: the state whose own code it is (not one that held it for a span, as Germany
// held 260 in COW's list until 1990).
Id state_with_cow_number(const Impl& x, std::string_view number) {
  for (const auto& s : x.systems) {
    if (s.system == Impl::cow && s.now && x.str(s.code) == number) return s.state;
  }
  return no_id;
}

// The state a code names: today's (alpha-3, alpha-2, CAMEO, COW, Wikidata), else a state of its
// time by its COW number.
Id state_by_code(const Impl& x, std::string_view name);

bool all_of(std::string_view s, bool (*pred)(unsigned char)) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); });
}
bool upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// ISO alpha-3 or alpha-2, CAMEO, COW (number or letters), or a Wikidata item (Q889, wd:Q889).
const Country* country_by_code(std::string_view name) {
  const Countries& t = Countries::builtin();
  if (name.starts_with("wd:")) name.remove_prefix(3);
  if (name.size() > 1 && name[0] == 'Q' && all_of(name.substr(1), digit)) return t.by_wikidata(name);
  if (name.size() <= 3 && all_of(name, digit)) return t.by_cow(name);
  if ((name.size() == 2 || name.size() == 3) && all_of(name, upper)) {
    const Country* c = t.by_code(name);
    return c ? c : t.by_cow(name);
  }
  return nullptr;
}

Id state_by_code(const Impl& x, std::string_view name) {
  if (const Country* c = country_by_code(name)) {
    if (const Id a = state_with_code(x, c->iso3); a != no_id) return a;
  }
  if (name.size() <= 3 && all_of(name, digit)) return state_with_cow_number(x, name);
  return no_id;
}

// Latin letters with diacritics (two UTF-8 bytes, U+00C0 to U+017F) and their base letters.
char fold_latin(unsigned cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo ouuuuyty";
  static constexpr std::string_view kExtendedA =  // U+0100 .. U+017F
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
      "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtendedA[cp - 0x100];
  return 0;
}

// A combining mark (U+0300 to U+036F: two UTF-8 bytes, CC 80 to CD AF) at s[i].
bool combining_mark(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[i]), d = static_cast<unsigned char>(s[i + 1]);
  return c == 0xCC || (c == 0xCD && d <= 0xAF);
}

// NFC, lower case, Latin diacritics folded (a combining mark NFC leaves is dropped), anything
// else that is no letter or digit a space: "José" typed or stored decomposed is "jose".
std::string normalise_name(std::string_view typed) {
  const std::string composed = text::nfc(typed);
  const std::string_view s = composed;
  std::string out;
  bool space = true;  // no leading space
  const auto put = [&](char c) {
    if (c == ' ') {
      if (!space) out += ' ';
      space = true;
      return;
    }
    out += c;
    space = false;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      put(std::isalnum(c) ? static_cast<char>(std::tolower(c)) : ' ');
    } else if (combining_mark(s, i)) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xC5 && i + 1 < s.size()) {  // two-byte Latin letters
      const unsigned cp = ((c & 0x1FU) << 6U) | (static_cast<unsigned char>(s[i + 1]) & 0x3FU);
      const char base = fold_latin(cp);
      if (base && base != ' ') {
        put(base);
      } else {
        out.append(s.substr(i, 2));
        space = false;
      }
      ++i;
    } else {
      out += static_cast<char>(c);  // other scripts are kept as they are
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// How closely a label matches what was typed (normalised): 0 the same, 1 the whole words of a
// part, 2 every word typed in the label in that order ("antonio guterres" in "antonio manuel de
// oliveira guterres": people shorten names), 3 a part of a word, 4 + distance a misspelling,
// none otherwise.
constexpr unsigned kNoMatch = 1000;
constexpr unsigned kInOrder = 2, kPartOfWord = 3, kMisspelt = 4;

std::size_t words_in(std::string_view s) {
  return s.empty() ? 0 : static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

// The smallest edit distance from `needle` to the whole label or any run of as many words.
std::size_t closest(std::string_view needle, std::string_view label) {
  std::size_t best = edit_distance(needle, label);
  const std::size_t n = words_in(needle);
  if (n == 0) return best;  // a name of punctuation only ("?"): no run of words to compare
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == ' ') starts.push_back(i + 1);
  }
  for (std::size_t w = 0; w + n <= starts.size(); ++w) {
    const std::size_t end = w + n < starts.size() ? starts[w + n] - 1 : label.size();
    best = std::min(best, edit_distance(needle, label.substr(starts[w], end - starts[w])));
  }
  return best;
}

// Whether the words of `needle` (two or more) stand in `label` as whole words, in that order.
bool words_in_order(std::string_view needle, std::string_view label) {
  if (words_in(needle) < 2) return false;
  std::size_t at = 0;
  for (std::size_t start = 0; start <= needle.size();) {
    const std::size_t end = std::min(needle.find(' ', start), needle.size());
    const std::string word = " " + std::string(needle.substr(start, end - start)) + " ";
    const std::string padded = " " + std::string(label) + " ";
    const std::size_t found = padded.find(word, at);
    if (found == std::string::npos) return false;
    at = found + word.size() - 1;
    start = end + 1;
  }
  return true;
}

// `fuzzy`: misspellings too (edit distances for every label: only when they are wanted).
unsigned match(std::string_view needle, std::string_view label, bool fuzzy) {
  if (label == needle) return 0;
  if ((" " + std::string(label) + " ").find(" " + std::string(needle) + " ") != std::string::npos) return 1;
  if (words_in_order(needle, label)) return kInOrder;
  if (needle.size() >= 3 && label.find(needle) != std::string_view::npos) return kPartOfWord;
  if (!fuzzy) return kNoMatch;
  const std::size_t limit = std::max<std::size_t>(1, needle.size() / 4);
  const std::size_t d = closest(needle, label);
  return d <= limit ? kMisspelt + static_cast<unsigned>(d) : kNoMatch;
}

struct Scored {
  Id actor;
  unsigned score;
};

// Every eligible actor's best score over its labels (actors that do not match left out).
std::vector<Scored> score_all(const Impl& x, std::string_view needle, bool states, bool fuzzy) {
  std::vector<unsigned> best(x.actor_node.size(), kNoMatch);
  for (const auto& [a, label] : x.labels) {
    if (eligible(x, a, states)) best[a] = std::min(best[a], match(needle, normalise_name(label), fuzzy));
  }
  std::vector<Scored> out;
  for (Id a = 0; a < best.size(); ++a) {
    if (best[a] != kNoMatch) out.push_back({a, best[a]});
  }
  return out;
}

// Best match first, then more events, then IRI.
void rank(const Impl& x, std::vector<Scored>& s) {
  std::sort(s.begin(), s.end(), [&](const Scored& a, const Scored& b) {
    const auto ea = x.actor_events[a.actor].size(), eb = x.actor_events[b.actor].size();
    return std::tuple(a.score, eb, x.actor_iri[a.actor]) < std::tuple(b.score, ea, x.actor_iri[b.actor]);
  });
}

std::string listed(const Impl& x, const std::vector<Id>& pool) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(pool.size(), 20);
  for (std::size_t i = 0; i < shown; ++i)
    out += "\n  " + std::string(x.actor_iri[pool[i]]) + "  " + std::string(x.actor_label[pool[i]]);
  if (pool.size() > shown) out += "\n  ... and " + std::to_string(pool.size() - shown) + " more";
  return out;
}

std::vector<NameError::Candidate> candidates(const Impl& x, const std::vector<Id>& pool, std::size_t most) {
  std::vector<NameError::Candidate> out;
  for (std::size_t i = 0; i < std::min(pool.size(), most); ++i)
    out.push_back({std::string(x.actor_iri[pool[i]]), std::string(x.actor_label[pool[i]])});
  return out;
}

NodeId one_of(const Impl& x, std::vector<Id> pool, std::string_view name) {
  if (pool.size() == 1) return x.actor_node[pool.front()];
  std::sort(pool.begin(), pool.end(), [&](Id a, Id b) {
    const auto ea = x.actor_events[a].size(), eb = x.actor_events[b].size();
    return std::tuple(eb, x.actor_iri[a]) < std::tuple(ea, x.actor_iri[b]);
  });
  throw NameError(NameError::Kind::ambiguous,
                  "\"" + std::string(name) +
                      "\" is ambiguous (name one by its IRI or a longer part of its label)" +
                      "; candidates:" + listed(x, pool),
                  candidates(x, pool, 20));
}

std::vector<Id> with_score(const std::vector<Scored>& scored, unsigned score) {
  std::vector<Id> out;
  for (const auto& s : scored) {
    if (s.score == score) out.push_back(s.actor);
  }
  return out;
}

[[noreturn]] void nothing_matches(const Impl& x, std::string_view name, bool states) {
  auto scored = score_all(x, normalise_name(name), states, true);  // only the misspellings are left
  std::erase_if(scored, [](const Scored& s) { return s.score < kMisspelt; });
  rank(x, scored);
  std::string msg =
      "no " + std::string(states ? "state" : "actor") + " matches \"" + std::string(name) + "\"";
  if (!scored.empty()) {
    msg += "; did you mean";
    for (std::size_t i = 0; i < std::min<std::size_t>(scored.size(), 5); ++i)
      msg += std::string(i ? "," : "") + " \"" + std::string(x.actor_label[scored[i].actor]) + "\"";
    msg += "?";
  }
  msg += " ({{actors-search}})";
  std::vector<Id> meant;
  for (std::size_t i = 0; i < std::min<std::size_t>(scored.size(), 5); ++i) meant.push_back(scored[i].actor);
  throw NameError(NameError::Kind::unknown, msg, candidates(x, meant, 5));
}

NodeId by_iri(const Impl& x, std::string_view name, bool states) {
  const Id a = x.actor(x.schema.src.iri(name));
  if (a != no_id && eligible(x, a, states)) return x.actor_node[a];
  throw NameError(
      NameError::Kind::unknown,
      "no " + std::string(states ? "state" : "actor") + " with IRI <" + std::string(name) + "> ({{actors}})",
      {});
}

NodeId resolve(const Impl& x, std::string_view name, bool states) {
  if (name.find("://") != std::string_view::npos || name.starts_with("urn:")) return by_iri(x, name, states);
  if (const Id a = state_by_code(x, name); a != no_id) return x.actor_node[a];
  std::vector<Id> exact;
  for (const Id a : x.with_label(name)) {
    if (eligible(x, a, states) && std::find(exact.begin(), exact.end(), a) == exact.end()) exact.push_back(a);
  }
  if (!exact.empty()) return one_of(x, exact, name);
  const std::string needle = normalise_name(name);
  const auto scored = score_all(x, needle, states, false);
  if (auto same = with_score(scored, 0); !same.empty()) return one_of(x, same, name);
  if (const Country* c = Countries::builtin().by_name(name)) {
    if (const Id a = state_with_code(x, c->iso3); a != no_id) return x.actor_node[a];
  }
  if (auto part = with_score(scored, 1); !part.empty()) return one_of(x, part, name);
  if (auto shortened = with_score(scored, kInOrder); !shortened.empty()) return one_of(x, shortened, name);
  nothing_matches(x, name, states);
}

}  // namespace

NodeId resolve_actor(const EventIndex& index, std::string_view name) {
  return resolve(index.impl(), name, false);
}

NodeId resolve_state(const EventIndex& index, std::string_view name) {
  return resolve(index.impl(), name, true);
}

NodeId resolve_at_level(const EventIndex& index, std::string_view name, bool state_level,
                        std::string_view option) {
  const NodeId n = resolve_actor(index, name);
  if (!state_level) return n;
  if (const NodeId state = index.impl().state_of(n)) return state;
  throw UsageError("with " + option_ref("level", "state") + ", " + option_ref(option) +
                   " must name a state or an actor that represents one");
}

std::optional<NodeId> resolve_exactly(const EventIndex& index, std::string_view name, bool states) {
  const auto& x = index.impl();
  if (name.find("://") != std::string_view::npos || name.starts_with("urn:")) {
    const Id a = x.actor(x.schema.src.iri(name));
    if (a != no_id && eligible(x, a, states)) return x.actor_node[a];
    return std::nullopt;
  }
  if (const Id a = state_by_code(x, name); a != no_id) return x.actor_node[a];
  std::vector<Id> exact;
  for (const Id a : x.with_label(name)) {
    if (eligible(x, a, states) && std::find(exact.begin(), exact.end(), a) == exact.end()) exact.push_back(a);
  }
  if (exact.size() == 1) return x.actor_node[exact.front()];
  return std::nullopt;
}

std::string state_code_named(std::string_view name) {
  const Country* c = country_by_code(name);
  return c ? std::string(c->iso3) : std::string();
}

NodeId state_of(const EventIndex& index, NodeId actor) {
  return index.impl().state_of(actor);
}

Answer<ActorRow> query_actors(const EventIndex& index, std::string_view search) {
  const auto& x = index.impl();
  std::vector<Scored> found;
  if (search.empty()) {
    for (Id a = 0; a < x.actor_node.size(); ++a) {
      if (x.actor_typed[a]) found.push_back({a, 0});
    }
  } else {
    found = score_all(x, normalise_name(search), false, true);
    try {  // what --actor would take first, whatever its score
      const Id named = x.actor(resolve(x, search, false));
      for (auto& s : found) s.score = s.actor == named ? 0 : s.score + 1;
      if (std::none_of(found.begin(), found.end(), [&](const Scored& s) { return s.actor == named; }))
        found.push_back({named, 0});
    } catch (const UsageError&) {
    }
  }
  rank(x, found);
  Answer<ActorRow> t;
  for (const auto& s : found) {
    const Id a = s.actor;
    const Id st = x.actor_state[a];
    t.rows.push_back({std::string(x.actor_iri[a]), std::string(x.actor_label[a]), x.actor_kind[a],
                      std::string(st == no_id ? std::string_view() : x.state_code(st)),
                      x.actor_events[a].size()});
  }
  return t;
}

Answer<ActorRow> query_actors(const QuadSource& src, std::string_view search) {
  return query_actors(EventIndex(src), search);
}

}  // namespace diplograph
