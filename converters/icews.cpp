// ICEWS coded events (records.md section 4). ICEWS writes a symmetric interaction twice, once
// from each side, with the same Story ID and Sentence Number: the two rows become one event with
// both Event IDs, wherever they stand in the file. Rows that could have a twin are sorted by
// what makes two rows one event (an external sort: memory stays bounded on any file size) and
// paired in a fixed order, so that the graph does not depend on the order of the rows.
#include <algorithm>
#include <array>
#include <deque>
#include <map>

#include "converters/coded.hpp"
#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/external_sort.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

constexpr std::array<std::string_view, 20> kHeader{
    "Event ID",       "Event Date", "Source Name",     "Source Sectors", "Source Country",
    "Event Text",     "CAMEO Code", "Intensity",       "Target Name",    "Target Sectors",
    "Target Country", "Story ID",   "Sentence Number", "Publisher",      "City",
    "District",       "Province",   "Country",         "Latitude",       "Longitude"};

using detail::BadRecord;

std::string identity(const Participant& p) {
  return p.name + "\t" + p.state;
}

// What two mirrored rows share: story, sentence, date, code (042 and 043 as one) and the pair
// of actors in either order. Fields hold no tabs, so tabs separate them.
std::string mirror_key(const EventRecord& r, std::string_view sentence) {
  std::string a = identity(r.participants[0]), b = identity(r.participants[1]);
  if (b < a) std::swap(a, b);
  const std::string code = r.cameo_code == "043" ? std::string("042") : r.cameo_code;
  return r.story_id + "\t" + std::string(sentence) + "\t" + r.date.text() + "\t" + code + "\t" + a + "\t" + b;
}

// Event IDs in numeric order as text: zero-padded to 20 digits.
std::string padded(std::string_view id) {
  return std::string(id.size() < 20 ? 20 - id.size() : 0, '0') + std::string(id);
}

// One row as read: its record, and what the merge keys on besides.
struct Row {
  EventRecord rec;
  std::string sentence;
  std::string event_id;
};

class IcewsReader : public RecordReader {
 public:
  IcewsReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    while (!eof_) {
      bool held = false;
      const ReadStatus s = read_row(out, held, error);
      if (s == ReadStatus::end) eof_ = true;
      if (s != ReadStatus::end && (!held || s != ReadStatus::ok)) return s;
    }
    return next_merged(out, error);
  }

  std::uint64_t merged() const override { return merged_; }

 private:
  // The next row: `out` when no other row can be its twin, else held for the merge.
  ReadStatus read_row(EventRecord& out, bool& held, Diagnostic& error) {
    for (;;) {
      std::string_view line;
      if (const ReadStatus s = lines_.next_record(line, error, ctx_.file); s != ReadStatus::ok) return s;
      try {
        if (!text::valid_unicode(line)) throw BadRecord{"not valid UTF-8"};
        detail::split_tabs(line, f_);
        if (columns_.empty()) {
          if (!header(error)) return ReadStatus::fatal;
          continue;
        }
        Row row = parse();
        if (!may_have_twin(row.rec)) {
          out = std::move(row.rec);
          return ReadStatus::ok;
        }
        held = true;
        return hold(row, line, error);
      } catch (const BadRecord& e) {
        error.message = e.message;
        return ReadStatus::bad;
      }
    }
  }

  bool may_have_twin(const EventRecord& r) const {
    return r.participants.size() == 2 && !r.story_id.empty() &&
           ctx_.vocabulary->is_interaction_class(r.event_class);
  }

  ReadStatus hold(const Row& row, std::string_view line, Diagnostic& error) {
    std::string key =
        mirror_key(row.rec, row.sentence) + "\n" + padded(row.event_id) + "-" + row.rec.date.text();
    try {
      sorter_.add({std::move(key), std::string(line)});
      return ReadStatus::ok;
    } catch (const InputError& e) {  // the spill's temporary file: the reader's fatal error
      return fail(e.diagnostic().str(), error);
    }
  }

  // The held rows, a group of rows with one key at a time, each paired with its twin.
  ReadStatus next_merged(EventRecord& out, Diagnostic& error) {
    error = {{ctx_.file, 0, 0}, {}};  // the caller's diagnostic may hold an earlier row's message
    try {
      if (!sorting_started_) {
        sorting_started_ = true;
        sorter_.finish();
        has_ahead_ = sorter_.next(ahead_);
      }
      while (ready_.empty()) {
        if (!has_ahead_) return ReadStatus::end;
        if (!read_group(error)) return ReadStatus::fatal;
      }
    } catch (const InputError& e) {  // a temporary file of the merge
      return fail(e.diagnostic().str(), error);
    }
    out = std::move(ready_.front());
    ready_.pop_front();
    return ReadStatus::ok;
  }

  ReadStatus fail(const std::string& why, Diagnostic& error) {
    error.message = why;
    return ReadStatus::fatal;
  }

  // Reads the rows of the next key; pairs them into ready_.
  bool read_group(Diagnostic& error) {
    const std::string group = ahead_.first.substr(0, ahead_.first.find('\n'));
    std::vector<EventRecord> one_way, other_way;
    while (has_ahead_ && std::string_view(ahead_.first).substr(0, ahead_.first.find('\n')) == group) {
      split_tabs_copy(ahead_.second);
      Row row;
      try {
        row = parse();
      } catch (const BadRecord& e) {  // it parsed when first read
        error.message = "internal error: a held row no longer parses: " + e.message;
        return false;
      }
      const bool first_way = identity(row.rec.participants[0]) <= identity(row.rec.participants[1]);
      (first_way ? one_way : other_way).push_back(std::move(row.rec));
      has_ahead_ = sorter_.next(ahead_);
    }
    pair_up(one_way, other_way);
    return true;
  }

  // Rows of one key in Event ID order: the i-th of one direction with the i-th of the other
  // (an actor with itself: consecutive rows); the lower Event ID stands for the event.
  void pair_up(std::vector<EventRecord>& one_way, std::vector<EventRecord>& other_way) {
    const bool self =
        !one_way.empty() && identity(one_way[0].participants[0]) == identity(one_way[0].participants[1]);
    if (self) {
      for (std::size_t i = 0; i < one_way.size(); i += 2) {
        if (i + 1 < one_way.size()) join(one_way[i], one_way[i + 1]);
        ready_.push_back(std::move(one_way[i]));
      }
      return;
    }
    for (std::size_t i = 0; i < std::max(one_way.size(), other_way.size()); ++i) {
      if (i < one_way.size() && i < other_way.size()) {
        EventRecord& first = lower_id(one_way[i], other_way[i]) ? one_way[i] : other_way[i];
        join(first, &first == &one_way[i] ? other_way[i] : one_way[i]);
        ready_.push_back(std::move(first));
      } else {
        ready_.push_back(std::move(i < one_way.size() ? one_way[i] : other_way[i]));
      }
    }
  }

  static bool lower_id(const EventRecord& a, const EventRecord& b) {
    return std::make_pair(padded(a.id), a.date) < std::make_pair(padded(b.id), b.date);
  }

  // Two rows written from each side: the event has no direction (no source or target role).
  void join(EventRecord& into, const EventRecord& twin) {
    into.source_records.push_back(twin.source_records.front());
    for (auto& p : into.participants) {
      if (p.role == side_name(p.side)) p.role.clear();
      p.side = Side::none;
    }
    ++merged_;
  }

  void split_tabs_copy(const std::string& line) {
    held_line_ = line;
    detail::split_tabs(held_line_, f_);
  }

  bool header(Diagnostic& error) {
    for (std::size_t i = 0; i < f_.size(); ++i) columns_.emplace(std::string(f_[i]), i);
    for (auto name : kHeader) {
      if (!columns_.count(std::string(name))) {
        error.message = "header: ICEWS column \"" + std::string(name) + "\" missing";
        return false;
      }
    }
    width_ = f_.size();
    return true;
  }

  std::string_view get(std::string_view column) const {
    const std::string_view v = f_[columns_.at(std::string(column))];
    return v == "NA" ? std::string_view() : v;
  }

  const Country* country(std::string_view column) const {
    const std::string_view name = get(column);
    if (name.empty()) return nullptr;
    const Country* c = ctx_.countries->by_name(name);
    if (!c)
      throw BadRecord{"column " + std::string(column) + ": unknown country \"" + std::string(name) + "\""};
    return c;
  }

  // The kind of an ICEWS actor, from the evidence its row carries (README, "ICEWS actor kinds"):
  // a country's own name is the state; a region's name a dg:Region; "Foreign Affairs (Bangladesh)"
  // an agent of its country, a body or a group of people; any other name a person when it reads
  // as a person's name, else an organization (or, with neither country nor sector, an actor).
  void actor(const char* side, EventRecord& rec) const {
    const std::string prefix(side);
    const std::string_view name = get(prefix + " Name");
    if (name.empty()) return;
    Participant p;
    p.name = std::string(name);
    for (auto sector : split_sectors(get(prefix + " Sectors"))) p.sectors.emplace_back(sector);
    const Country* c = country(prefix + " Country");
    if (c) p.state = c->iso3;
    const ActorCodePart* region = c ? nullptr : ctx_.actors->region_named(name);
    if (c && ctx_.countries->by_name(name) == c) {
      p.kind = ActorKind::state;
      p.name = c->name;
    } else if (region) {
      p.kind = ActorKind::region;
      p.id = region->code;
    } else if (name.back() == ')' && name.find(" (") != std::string_view::npos) {
      p.kind = agent_kind(name.substr(0, name.find(" (")));
    } else {
      p.kind = detail::name_kind(name, c || !get(prefix + " Sectors").empty(), *ctx_.words);
    }
    rec.participants.push_back(std::move(p));
  }

  // "Executive,Foreign Ministry,Government": sorted, each once.
  static std::vector<std::string_view> split_sectors(std::string_view list) {
    auto out = detail::split_any(list, ",");
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // The words a name's kind is read from ("Military Personnel - Special" -> Military, ...).
  static std::vector<std::string_view> words_of(std::string_view name) {
    return detail::split_any(name, " /,-");
  }

  // "Government" is a body; "Government Official", "Military Personnel", "Citizen" are people.
  ActorKind agent_kind(std::string_view agent) const {
    bool body = false;
    for (auto w : words_of(agent)) {
      const auto e = ctx_.words->evidence(w);
      if (e == "holder") return ActorKind::actor;
      body = body || e == "body";
    }
    return body ? ActorKind::organization : ActorKind::actor;
  }

  Row parse() {
    if (f_.size() != width_) {
      throw BadRecord{std::to_string(f_.size()) + " columns where the header has " + std::to_string(width_)};
    }
    EventRecord rec;
    rec.id_space = "icews";
    const std::string id(get("Event ID"));
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
      throw BadRecord{"column Event ID: \"" + id + "\" is not a number"};
    }
    const std::string date(get("Event Date"));
    if (date_datatype(date) != "date") {
      const std::string why = date_problem(date);
      throw BadRecord{"column Event Date: \"" + date + "\" " + (why.empty() ? "is not a whole day" : why)};
    }
    rec.date = Date(date);
    rec.id = id + "-" + date;  // Event IDs recur with other dates: those are other events
    if (id.size() > 20) throw BadRecord{"column Event ID: \"" + id + "\" is too long"};
    actor("Source", rec);
    actor("Target", rec);
    const std::string_view code = get("CAMEO Code");
    if (!detail::apply_cameo(code, *ctx_.cameo, rec)) {
      throw BadRecord{"column CAMEO Code: unknown CAMEO code \"" + std::string(code) + "\""};
    }
    detail::coded_roles(rec);
    const std::string_view intensity = get("Intensity");
    rec.intensity = Decimal::parse(intensity);
    if (!intensity.empty() && !rec.intensity) {
      throw BadRecord{"column Intensity: \"" + std::string(intensity) + "\" is not a number"};
    }
    rec.story_id = std::string(get("Story ID"));
    rec.publisher = std::string(get("Publisher"));
    location(rec);
    rec.source_records.push_back("icews:" + std::string(ctx_.source_name()) + "#" + id);
    return {std::move(rec), std::string(get("Sentence Number")), id};
  }

  void location(EventRecord& rec) const {
    std::string_view name = get("City");
    if (name.empty()) name = get("District");
    if (name.empty()) name = get("Province");
    const Country* c = country("Country");
    if (name.empty() && !c) return;
    Location loc;
    // Only a country: ICEWS gives coordinates somewhere in it, which differ from row to row, so
    // the place is the event's own (labelled with the country's name by the mapper).
    loc.name = std::string(name);
    if (c) loc.country = c->iso3;
    const std::string lat(get("Latitude")), lon(get("Longitude"));
    char* end = nullptr;
    if (!lat.empty() && !lon.empty()) {
      const double a = std::strtod(lat.c_str(), &end);
      const bool lat_ok = end == lat.c_str() + lat.size();
      const double b = std::strtod(lon.c_str(), &end);
      if (lat_ok && end == lon.c_str() + lon.size() && a >= -90 && a <= 90 && b >= -180 && b <= 180) {
        loc.lat = a;
        loc.lon = b;
      }
    }
    rec.location = std::move(loc);
  }

  const ReaderContext& ctx_;
  detail::LineReader lines_;
  std::map<std::string, std::size_t> columns_;
  std::size_t width_ = 0;
  std::vector<std::string_view> f_;
  ExternalSort<std::pair<std::string, std::string>> sorter_{ctx_.limits.merge_memory};  // (key, row)
  bool sorting_started_ = false;
  bool has_ahead_ = false;
  std::pair<std::string, std::string> ahead_;  // the next held (key, row)
  std::string held_line_;
  std::deque<EventRecord> ready_;
  std::uint64_t merged_ = 0;
  bool eof_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> open_icews(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<IcewsReader>(in, ctx);
}

// POLECAT's header starts the same way: ICEWS's names a Source, POLECAT's an Actor.
bool sniff_icews(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto first = head.substr(0, head.find('\n'));
  return first.starts_with("Event ID\tEvent Date\t") &&
         first.find("\tSource Name\t") != std::string_view::npos;
}

}  // namespace diplograph
