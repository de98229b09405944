// The representation panel: per directed dyad-year, the level at which each side was represented
// in the other's capital, from observations (the COW Diplomatic Exchange) and effective recorded
// changes, as a researcher joins it with event counts.
#include <algorithm>
#include <map>
#include <set>

#include "diplograph/query.hpp"
#include "diplograph/tables.hpp"
#include "diplograph/text.hpp"
#include "diplograph/vocab.hpp"
#include "query/index.hpp"

namespace diplograph {

namespace {

int year_of(std::string_view date) {
  return date.size() < 4 ? 0 : text::number_of<int>(date.substr(0, 4)).value_or(0);
}

// Text that is a whole number sorts as a number ("20" after "2", before "100").
bool code_less(const std::string& a, const std::string& b) {
  const auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (digits(a) && digits(b) && a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

// What is known of one direction in one year: the level observed, else the last effective change.
struct Evidence {
  Level level = Level::unknown;
  std::string date;
  bool observed = false, recorded = false;
  std::set<std::string> sources;
};

using Key = std::tuple<NodeId, NodeId, int>;  // receiving, sending, year

class Panel {
 public:
  Panel(const EventIndex::Impl& x, const RepresentationOptions& o, NodeId a, NodeId b)
      : x_(x), s_(x.schema), o_(o), a_(a), b_(b) {}

  void collect() {
    Notations names(s_);
    for (const auto c : x_.changes) {
      const LevelEvidence evidence = evidence_of(c, s_, names);
      if (evidence == LevelEvidence::none) continue;
      const bool observed = evidence == LevelEvidence::observed;
      const int year = year_of(c.date);
      if (!year || (o_.since && year < o_.since) || (o_.until && year > o_.until) || !wanted(c)) continue;
      Evidence& e = known_[{c.receiving, c.sending, year}];
      const Level level = level_named(names(c.level)).value_or(Level::unknown);
      if (observed) {
        e.level = level;
      } else if (!e.observed && c.date >= e.date) {
        e.level = level;
        e.date = std::string(c.date);
      }
      (observed ? e.observed : e.recorded) = true;
      if (!c.source.empty()) e.sources.emplace(c.source);
    }
  }

  Answer<RepresentationRow> rows() const {
    Answer<RepresentationRow> out;
    std::set<Key> dyad_years;  // each pair once, the smaller node first
    for (const auto& [k, e] : known_) {
      const auto [r, s, y] = k;
      dyad_years.emplace(std::min(r, s), std::max(r, s), y);
    }
    for (const auto& [one, two, year] : dyad_years) {
      out.rows.push_back(row(one, two, year));
      out.rows.push_back(row(two, one, year));
    }
    std::sort(out.rows.begin(), out.rows.end(), [](const RepresentationRow& l, const RepresentationRow& r) {
      if (l.side1 != r.side1) return code_less(l.side1, r.side1);
      if (l.side2 != r.side2) return code_less(l.side2, r.side2);
      return l.year < r.year;
    });
    if (out.rows.empty())
      out.notes.emplace_back(
          "no observed level and no effective change of representation in these years: the graph holds "
          "none (convert -f cow-dipex reads the COW Diplomatic Exchange)");
    return out;
  }

 private:
  [[nodiscard]] bool wanted(const EventIndex::Impl::Change& c) const {
    if (!a_) return true;
    const bool has_a = c.sending == a_ || c.receiving == a_;
    if (!b_) return has_a;
    return has_a && (c.sending == b_ || c.receiving == b_);
  }

  RepresentationRow row(NodeId one, NodeId two, int year) const {
    RepresentationRow r;
    r.year = year;
    r.side1 = code(one, year);
    r.side2 = code(two, year);
    r.side1_label = label(one);
    r.side2_label = label(two);
    r.codes = o_.codes;
    std::set<std::string> sources;  // each once, sorted
    const auto level = [&](NodeId receiving, NodeId sending) -> std::optional<Level> {
      const auto it = known_.find({receiving, sending, year});
      if (it == known_.end()) return std::nullopt;
      const Evidence& e = it->second;
      r.observed = r.observed || e.observed;
      r.recorded = r.recorded || e.recorded;
      sources.insert(e.sources.begin(), e.sources.end());
      return e.level;
    };
    r.level_at_1 = level(one, two);
    r.level_at_2 = level(two, one);
    r.sources.assign(sources.begin(), sources.end());
    return r;
  }

  // The state's code in the scheme asked for, of that year (its code today where it had none
  // then, e.g. a year-end panel's first year); its IRI's last segment where it has no code.
  std::string code(NodeId state, int year) const {
    const Id a = x_.actor(state);
    std::string_view c;
    if (a != no_id && o_.codes == CodeScheme::iso3) c = x_.state_code(a);
    if (a != no_id && o_.codes != CodeScheme::iso3) {
      const auto system = o_.codes == CodeScheme::cow ? EventIndex::Impl::cow : EventIndex::Impl::gw;
      c = x_.system_code(a, system, year);
      if (c.empty()) c = x_.system_code(a, system, 0);
    }
    return c.empty() ? std::string(local_name(s_.src.term(state).value)) : std::string(c);
  }

  std::string label(NodeId state) const {
    const Id a = x_.actor(state);
    return a == no_id ? std::string() : std::string(x_.actor_label[a]);
  }

  const EventIndex::Impl& x_;
  const Schema& s_;
  const RepresentationOptions& o_;
  NodeId a_, b_;
  std::map<Key, Evidence> known_;
};

}  // namespace

Answer<RepresentationRow> query_representation(const EventIndex& index, const RepresentationOptions& opts) {
  const auto& x = index.impl();
  const NodeId a = opts.a.empty() ? 0 : resolve_state(index, opts.a);
  const NodeId b = opts.b.empty() ? 0 : resolve_state(index, opts.b);
  if (!opts.b.empty() && opts.a.empty())
    throw UsageError(option_ref("and") + " goes with " + option_ref("between"));
  if (a && a == b)
    throw UsageError(option_ref("between") + " and " + option_ref("and") + " name the same state");
  Panel p(x, opts, a, b);
  p.collect();
  return p.rows();
}

}  // namespace diplograph
