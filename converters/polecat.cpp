// POLECAT coded events (records.md section 7): ICEWS's successor, coded in PLOVER, published as
// weekly tab-separated files. Columns are found by their header names (both names of the
// intensity column; extra names some files carry are ignored); several actors or recipients come
// as parallel lists joined by "; ", and every one of them takes part.
#include <algorithm>
#include <map>
#include <optional>

#include "converters/coded.hpp"
#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

using detail::BadRecord;

constexpr std::string_view kNull = "None";

// The columns read, by the names the header gives them (the first that is present).
enum Col : std::uint8_t {
  id,
  date,
  type,
  mode,
  intensity,
  quad,
  contexts,
  placename,
  country,
  lat,
  lon,
  geonames,
  source,
  published,
  kColumns
};
constexpr std::array<std::array<std::string_view, 2>, kColumns> kColumnNames{
    {{"Event ID", ""},
     {"Event Date", ""},
     {"Event Type", ""},
     {"Event Mode", ""},
     {"Event Intensity", "Intensity"},
     {"Quad Code", ""},
     {"Contexts", ""},
     {"Placename", ""},
     {"Country", ""},
     {"Latitude", ""},
     {"Longitude", ""},
     {"GeoNames ID", ""},
     {"Source", ""},
     {"Publication Date", ""}}};

// One side's parallel columns: "Actor Name", "Actor Country", ... and the same for "Recipient".
constexpr std::array<std::string_view, 7> kSideColumns{
    "Name", "Country", "COW", "Sectors", "Title", "Name Raw", "Wikipedia %s ID"};

// Every column of a POLECAT file (README of ../shared/data; older releases: "Intensity"). A
// header may name more (Headline, Event Text, Feed, Story ID) that rows do not all carry.
constexpr std::array<std::string_view, 41> kDocumented{"Event ID",
                                                       "Event Date",
                                                       "Event Type",
                                                       "Event Mode",
                                                       "Event Intensity",
                                                       "Intensity",
                                                       "Quad Code",
                                                       "Contexts",
                                                       "Actor Name",
                                                       "Actor Country",
                                                       "Actor COW",
                                                       "Primary Actor Sector",
                                                       "Actor Sectors",
                                                       "Actor Title",
                                                       "Actor Name Raw",
                                                       "Wikipedia Actor ID",
                                                       "Recipient Name",
                                                       "Recipient Country",
                                                       "Recipient COW",
                                                       "Primary Recipient Sector",
                                                       "Recipient Sectors",
                                                       "Recipient Title",
                                                       "Recipient Name Raw",
                                                       "Wikipedia Recipient ID",
                                                       "Placename",
                                                       "City",
                                                       "District",
                                                       "Province",
                                                       "Country",
                                                       "Latitude",
                                                       "Longitude",
                                                       "GeoNames ID",
                                                       "Raw Placename",
                                                       "Feature Type",
                                                       "Source",
                                                       "Publication Date",
                                                       "Story People",
                                                       "Story Organizations",
                                                       "Story Locations",
                                                       "Language",
                                                       "Version"};

bool null(std::string_view v) {
  return v.empty() || v == kNull || v == "NA";
}

std::string trimmed(std::string_view s) {
  return std::string(text::trim_blanks(s));
}

// "a; b; c" as its parts (one part for a value without "; ").
std::vector<std::string> parts(std::string_view v) {
  std::vector<std::string> out;
  for (;;) {
    const auto at = v.find("; ");
    out.push_back(trimmed(v.substr(0, at)));
    if (at == std::string_view::npos) return out;
    v.remove_prefix(at + 2);
  }
}

// "economic | military " (a trailing space): the values, each once.
std::vector<std::string> bar_list(std::string_view v) {
  std::vector<std::string> out;
  if (null(trimmed(v))) return out;
  for (auto p : detail::split_any(v, "|")) {
    std::string t = trimmed(p);
    if (!null(t) && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

// "VERBAL COOPERATION" ... "MATERIAL CONFLICT": 1 to 4.
std::uint8_t quad_number(std::string_view q) {
  static constexpr std::array<std::string_view, 4> kQuads{"VERBAL COOPERATION", "MATERIAL COOPERATION",
                                                          "VERBAL CONFLICT", "MATERIAL CONFLICT"};
  for (std::size_t i = 0; i < kQuads.size(); ++i) {
    if (q == kQuads[i]) return static_cast<std::uint8_t>(i + 1);
  }
  return 0;
}

// A Wikipedia article title as its English Wikipedia IRI ("Narendra Modi" ->
// https://en.wikipedia.org/wiki/Narendra_Modi), the link pipelines merge on.
std::string wikipedia_iri(std::string_view title) {
  std::string t(title);
  std::replace(t.begin(), t.end(), ' ', '_');
  return "https://en.wikipedia.org/wiki/" + text::iri_segment(text::nfc(t), "-_.~()',!:");
}

class PolecatReader : public RecordReader {
 public:
  PolecatReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    for (;;) {
      std::string_view line;
      const ReadStatus s = lines_.next_record(line, error, ctx_.file);
      if (s != ReadStatus::ok) return s;
      error.where = {ctx_.file, static_cast<unsigned>(lines_.line_number()), 0};
      if (!text::valid_unicode(line)) {
        error.message = "not valid UTF-8 (POLECAT files are UTF-8; re-encode the file, e.g. iconv -f latin1)";
        return ReadStatus::bad;
      }
      detail::split_tabs(line, f_);
      if (at_.empty()) {
        if (!header(error)) return ReadStatus::fatal;
        continue;
      }
      return detail::parsed(out, error, [&] { return parse(); });
    }
  }

 private:
  bool header(Diagnostic& error) {
    std::map<std::string, std::size_t, std::less<>> named;
    for (std::size_t i = 0; i < f_.size(); ++i) named.emplace(trimmed(f_[i]), i);
    width_ = f_.size();
    while (width_ > 0 && trimmed(f_[width_ - 1]).empty()) --width_;
    needed_ = 0;  // the documented columns must all be there; names after them may not be
    for (std::size_t i = 0; i < width_; ++i) {
      if (std::find(kDocumented.begin(), kDocumented.end(), trimmed(f_[i])) != kDocumented.end())
        needed_ = i + 1;
    }
    const auto find = [&](std::string_view n) { return named.find(n); };
    at_.assign(kColumns, SIZE_MAX);
    for (std::size_t c = 0; c < kColumns; ++c) {
      for (auto n : kColumnNames[c]) {
        if (!n.empty() && at_[c] == SIZE_MAX && find(n) != named.end()) at_[c] = find(n)->second;
      }
    }
    for (const char* side : {"Actor", "Recipient"}) {
      for (auto col : kSideColumns) {
        std::string n(col);
        if (const auto pct = n.find("%s"); pct != std::string::npos) {
          n.replace(pct, 2, side);
        } else {
          n = std::string(side) + " " + n;
        }
        side_at_.push_back(find(n) == named.end() ? SIZE_MAX : find(n)->second);
      }
    }
    for (Col c : {id, date, type, intensity, quad}) {
      if (at_[c] != SIZE_MAX) continue;
      error.message = "the header lacks the column \"" + std::string(kColumnNames[c][0]) +
                      "\" (is this a POLECAT file? its header names Event ID, Event Date, Event Type, ...)";
      return false;
    }
    return true;
  }

  [[nodiscard]] std::string_view get(Col c) const {
    const std::size_t i = at_[c];
    return i < f_.size() ? f_[i] : std::string_view();
  }
  [[nodiscard]] std::string value(Col c) const {
    const std::string v = trimmed(get(c));
    return null(v) ? std::string() : v;
  }

  [[noreturn]] static void bad(Col c, const std::string& what) {
    throw BadRecord{"column " + std::string(kColumnNames[c][0]) + ": " + what};
  }

  EventRecord parse() {
    std::size_t n = f_.size();  // rows may carry empty columns after the last (trailing tabs)
    while (n > width_ && trimmed(f_[n - 1]).empty()) --n;
    if (n < needed_ || n > width_)
      throw BadRecord{std::to_string(n) + " columns where the header has " + std::to_string(width_)};
    EventRecord rec;
    rec.id_space = "polecat";
    rec.id = value(id);
    if (rec.id.empty()) bad(id, "empty");
    const std::string day = value(date);
    if (const std::string p = date_problem(day); !p.empty()) bad(date, "\"" + day + "\" " + p);
    rec.date = Date(day);
    const std::string type_label = event_type(rec);
    coded_values(rec);
    for (std::size_t side = 0; side < 2; ++side) actors(side, rec);
    detail::coded_roles(rec);
    place(rec);
    rec.publisher = value(source);
    const std::string issued = value(published);
    if (date_problem(issued).empty()) rec.published = Date(issued);  // none where it is no date
    rec.label = label(type_label, rec);
    rec.source_records.push_back("polecat:" + std::string(ctx_.source_name()) + "#" +
                                 std::to_string(lines_.line_number()));
    return rec;
  }

  // The type and mode, and the class they become; the type's label.
  std::string event_type(EventRecord& rec) const {
    rec.plover_type = value(type);
    rec.plover_mode = value(mode);
    const PloverType* t = Plover::builtin().find(rec.plover_type, rec.plover_mode);
    if (!t) bad(type, "\"" + rec.plover_type + "\" is not a PLOVER event type");
    rec.event_class = t->event_class;
    return t->label;
  }

  void coded_values(EventRecord& rec) const {
    const std::string i = value(intensity);
    rec.intensity = Decimal::parse(i);
    if (!i.empty() && !rec.intensity) bad(intensity, "\"" + i + "\" is not a number");
    const std::string q = value(quad);
    rec.quad_class = quad_number(q);
    if (!q.empty() && rec.quad_class == 0)
      bad(quad, "\"" + q + "\" is not a quad class (VERBAL COOPERATION ... MATERIAL CONFLICT)");
    if (at_[contexts] != SIZE_MAX) rec.contexts = bar_list(get(contexts));
  }

  // The side's entities: its parallel lists, split on "; ", each of the same length.
  void actors(std::size_t side, EventRecord& rec) const {
    const char* name = side == 0 ? "Actor" : "Recipient";
    std::array<std::vector<std::string>, kSideColumns.size()> lists;
    std::size_t count = 0;
    for (std::size_t k = 0; k < kSideColumns.size(); ++k) {
      const std::size_t i = side_at_[side * kSideColumns.size() + k];
      if (i == SIZE_MAX || i >= f_.size()) continue;
      lists[k] = parts(f_[i]);
      if (count && lists[k].size() != count)
        throw BadRecord{std::string(name) + " columns list " + std::to_string(count) + " and " +
                        std::to_string(lists[k].size()) + " entities: the parallel lists differ in length"};
      count = lists[k].size();
    }
    for (std::size_t e = 0; e < count; ++e) {
      const auto at = [&](std::size_t k) {
        return lists[k].empty() || null(lists[k][e]) ? std::string() : lists[k][e];
      };
      entity(name, at(0), at(1), at(2), at(3), at(4), at(5), at(6), rec);
    }
  }

  // One actor or recipient: a state (a country named, no name of its own), a person, or a body.
  void entity(const std::string& side, const std::string& name, const std::string& country,
              const std::string& cow, const std::string& sectors, const std::string& title,
              const std::string& raw, const std::string& wikipedia, EventRecord& rec) const {
    const Country* c = state(side, country, cow);
    const bool body_of_states = !country.empty() && !c;  // "European Union", "Intergovernmental Organization"
    Participant p;
    p.title = title;
    for (auto& s : bar_list(sectors)) p.sectors.push_back(std::move(s));
    p.side = side == "Actor" ? Side::source : Side::target;
    if (c) p.state = c->iso3;
    if (name.empty() && c) {
      p.kind = ActorKind::state;
      p.name = c->name;
    } else if (name.empty() && body_of_states) {
      p.kind = ActorKind::organization;
      p.name = country;
    } else if (name.empty()) {
      if (title.empty() && p.sectors.empty()) return;  // nothing known of it
      p.kind = ActorKind::actor;                       // "teacher" with no name and no country
      p.name = title.empty() ? p.sectors.front() : title;
      p.id = "polecat/" + slug(p.name);
    } else {
      p.name = name;
      p.kind = body_of_states ? ActorKind::organization
                              : detail::name_kind(name, c || !p.sectors.empty(), *ctx_.words);
      if (!raw.empty() && raw != name) p.source_name = raw;
    }
    if (!wikipedia.empty() && p.kind != ActorKind::state) {
      p.same_as.push_back(wikipedia_iri(wikipedia));
      std::string t = wikipedia;
      std::replace(t.begin(), t.end(), ' ', '_');
      // One node for one article and state, whatever row or file names it: the state is part of
      // it, as the titles are not all people's ("Supreme court" of Israel, of Venezuela) and the
      // coder's resolution errs ("Congee" for a Congress of Peru or of Guatemala).
      p.id = (p.state.empty() ? "" : p.state + "/") + "wikipedia/" + t;
    }
    rec.participants.push_back(std::move(p));
  }

  // The state a country name names, its COW code checked against the country table; nullptr for
  // none and for the bodies POLECAT writes in that column.
  const Country* state(const std::string& side, const std::string& country, const std::string& cow) const {
    if (country.empty()) return nullptr;
    const Country* c = ctx_.countries->by_name(country);
    if (!c) {
      if (country == "European Union" || country == "Intergovernmental Organization" ||
          country == "United Nations")
        return nullptr;
      throw BadRecord{"column " + side + " Country: unknown country \"" + country + "\""};
    }
    if (cow.empty()) return c;
    const bool known = c->cow == cow || std::any_of(c->cow_member.begin(), c->cow_member.end(),
                                                    [&](const Membership& m) { return m.code == cow; });
    if (!known)
      throw BadRecord{"column " + side + " COW: " + cow + " is not a COW code of " + c->name +
                      (c->cow.empty() ? "" : " (" + c->cow + ")")};
    return c;
  }

  void place(EventRecord& rec) const {
    Location loc;
    loc.name = value(placename);
    const std::string iso = value(country);
    if (!iso.empty() && ctx_.countries->by_iso3(iso)) loc.country = iso;
    const std::string la = value(lat), lo = value(lon);
    if (!la.empty() && !lo.empty()) {
      loc.lat = text::number_of<double>(la);
      loc.lon = text::number_of<double>(lo);
      if (!loc.lat || !loc.lon || std::abs(*loc.lat) > 90 || std::abs(*loc.lon) > 180)
        bad(lat, "\"" + la + "\", \"" + lo + "\" are not coordinates");
    }
    const std::string g = value(geonames);
    if (!g.empty() && g.find_first_not_of("0123456789") == std::string::npos) loc.geonames = g;
    if (loc.name.empty() && loc.country.empty() && !loc.lat && loc.geonames.empty()) return;
    rec.location = std::move(loc);
  }

  // "Consult: by telephone: Narendra Modi and Joe Biden".
  static std::string label(const std::string& type_label, const EventRecord& rec) {
    std::string l = type_label;
    l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    for (std::size_t i = 0; i < rec.participants.size(); ++i) {
      l += (i == 0 ? ": " : i + 1 == rec.participants.size() ? " and " : ", ");
      l += rec.participants[i].name;
    }
    return l;
  }

  ReaderContext ctx_;
  detail::LineReader lines_;
  std::vector<std::string_view> f_;
  std::vector<std::size_t> at_, side_at_;
  std::size_t width_ = 0, needed_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> open_polecat(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<PolecatReader>(in, ctx);
}

bool sniff_polecat(std::string_view head) {
  const auto first = head.substr(0, head.find('\n'));
  return first.find("Event ID\t") != std::string_view::npos &&
         first.find("Event Type") != std::string_view::npos &&
         first.find("Recipient Name") != std::string_view::npos;
}

}  // namespace diplograph
