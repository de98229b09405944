// The Correlates of War Diplomatic Exchange data set (records.md section 6): one row per pair of
// states and year, read as two directed observations of the level of representation in force
// that year. Not changes: an observation says what was seen that year, not when it began.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

using detail::BadRecord;

constexpr std::size_t kNamed = 5;  // the first few lines a warning names
constexpr std::string_view kDataset = "https://correlatesofwar.org/data-sets/diplomatic-exchange/";

enum Column : std::uint8_t { ccode1, ccode2, year, dr_at_1, dr_at_2, de, version, kColumns };
constexpr std::array<std::string_view, kColumns> kNames{"ccode1",  "ccode2", "year",   "DR_at_1",
                                                        "DR_at_2", "DE",     "version"};
constexpr std::array<bool, kColumns> kRequired{true, true, true, true, true, false, false};

// One side of an observation as the graph names it: today's state where the COW code is that
// state's code now (255 Germany, 365 Russia), else a state of its time of its own ("cow-260").
std::string state_key(const SystemState& s, const Countries& countries) {
  const Country* c = countries.by_cow(s.code);
  return c ? c->iso3 : "cow-" + s.code;
}

// What a dyad-year was first given as: its line and its levels (to tell a repeat from a conflict).
struct Seen {
  std::uint64_t line = 0;
  std::pair<Level, Level> level;  ///< at 1 and at 2, the lower code first
};

class CowReader : public RecordReader {
 public:
  CowReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    if (pending_) {
      out = std::move(*pending_);
      pending_.reset();
      return ReadStatus::ok;
    }
    for (;;) {
      std::string_view line;
      const ReadStatus s = lines_.next_record(line, error, ctx_.file);
      if (s == ReadStatus::end) {
        finish();
        return s;
      }
      if (s != ReadStatus::ok) return s;
      error.where = {ctx_.file, static_cast<unsigned>(lines_.line_number()), 0};
      if (const auto problem = text::split_csv(line, fields_)) {
        error.message = problem->message();
        return ReadStatus::bad;
      }
      if (at_.empty()) {
        if (!header(error)) return ReadStatus::fatal;
        continue;
      }
      return detail::parsed(out, error, [&] { return row(); });
    }
  }

 private:
  bool header(Diagnostic& error) {
    at_.assign(kColumns, SIZE_MAX);
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const std::string name = std::string(text::trim_blanks(fields_[i]));
      const auto known = std::find_if(kNames.begin(), kNames.end(), [&](std::string_view n) {
        return text::ascii_lower(n) == text::ascii_lower(name);
      });
      if (known == kNames.end()) {
        error.message = "column " + std::to_string(i + 1) + " \"" + name +
                        "\" is not a column of the Diplomatic Exchange data (ccode1, ccode2, year, DR_at_1, "
                        "DR_at_2, DE, version)";
        return false;
      }
      at_[static_cast<std::size_t>(known - kNames.begin())] = i;
    }
    header_fields_ = fields_.size();
    for (std::size_t c = 0; c < kColumns; ++c) {
      if (kRequired[c] && at_[c] == SIZE_MAX) {
        error.message = "the header lacks the column " + std::string(kNames[c]);
        return false;
      }
    }
    return true;
  }

  [[nodiscard]] std::string field(Column c) const {
    return at_[c] == SIZE_MAX ? std::string() : std::string(text::trim_blanks(fields_[at_[c]]));
  }

  [[noreturn]] static void bad(Column c, const std::string& what) {
    throw BadRecord{std::string(kNames[c]) + ": " + what};
  }

  const SystemState& state(Column c) const {
    const std::string code = field(c);
    const SystemState* s = text::number_of<int>(code) ? CowStates::builtin().find(code) : nullptr;
    if (!s) bad(c, "\"" + code + "\" is not a Correlates of War state code");
    return *s;
  }

  Level level(Column c) const {
    const std::string code = field(c);
    const auto level = cow_level_of_code(code);
    if (!level) bad(c, "\"" + code + "\" is not a level of the codebook (0, 1, 2, 3 or 9)");
    return *level;
  }

  int year_of() const {
    const std::string y = field(year);
    const auto v = text::number_of<int>(y);
    if (!v || y.size() != 4) bad(year, "\"" + y + "\" is not a year");
    return *v;
  }

  // The row's first observation (DR_at_1: side 2 represented in side 1's capital); the second
  // (DR_at_2) waits for the next call.
  EventRecord row() {
    if (fields_.size() != header_fields_)
      throw BadRecord{"the row has " + std::to_string(fields_.size()) + " fields where the header names " +
                      std::to_string(header_fields_) + " columns"};
    const int y = year_of();
    const SystemState& one = state(ccode1);
    const SystemState& two = state(ccode2);
    if (one.code == two.code) bad(ccode2, "the same state as ccode1 (" + one.code + ")");
    const auto at_1 = level(dr_at_1), at_2 = level(dr_at_2);
    const std::string d = field(de);
    if (!d.empty() && d != "0" && d != "1") bad(de, "\"" + d + "\" is not 0 or 1");
    if (!field(version).empty() && !text::number_of<double>(field(version)))
      bad(version, "\"" + field(version) + "\" is not a number");
    remember(one, two, y, at_1, at_2);
    count_oddities(d, at_1, at_2);
    for (const SystemState* s : {&one, &two}) count_outside(*s, y);
    pending_ = observation(one, two, y, at_2);
    return observation(two, one, y, at_1);
  }

  // DE says whether either side has a rank; real data contradicts it now and then: counted.
  void count_oddities(std::string_view d, Level at_1, Level at_2) {
    const auto ranked = [](Level l) { return l != Level::none && l != Level::represented; };
    const bool contradicts =
        d == "0" ? ranked(at_1) || ranked(at_2) : d == "1" && at_1 == Level::none && at_2 == Level::none;
    if (contradicts && de_odd_++ < kNamed)
      de_named_ += (de_named_.empty() ? "" : ", ") + std::to_string(lines_.line_number());
  }

  // A state observed in a year it was not a member of the system (the panels are year-end: the
  // real file has 260 in 1990): kept, counted.
  void count_outside(const SystemState& s, int y) {
    if (s.member_in(y) || outside_++ >= kNamed) return;
    outside_named_ += (outside_named_.empty() ? "" : ", ") + s.code + " in " + std::to_string(y) + " (line " +
                      std::to_string(lines_.line_number()) + ")";
  }

  // The same dyad and year given twice: the same levels are one observation; others conflict.
  void remember(const SystemState& one, const SystemState& two, int y, Level at_1, Level at_2) {
    const bool swapped = two.code < one.code;
    const std::string key =
        (swapped ? two.code + "-" + one.code : one.code + "-" + two.code) + "/" + std::to_string(y);
    const auto levels = swapped ? std::pair{at_2, at_1} : std::pair{at_1, at_2};
    const auto [it, fresh] = seen_.try_emplace(key, Seen{lines_.line_number(), levels});
    if (fresh || it->second.level == levels) return;
    throw BadRecord{one.code + " and " + two.code + " in " + std::to_string(y) + " were given on line " +
                    std::to_string(it->second.line) + " with other levels (the two rows conflict)"};
  }

  EventRecord observation(const SystemState& sending, const SystemState& receiving, int y,
                          Level level) const {
    EventRecord r;
    ObservationSpec o;
    o.sending = state_key(sending, *ctx_.countries);
    o.receiving = state_key(receiving, *ctx_.countries);
    o.level = level;
    o.year = static_cast<unsigned>(y);
    o.dataset = kDataset;
    r.id = o.sending + "-in-" + o.receiving + "-" + std::to_string(y);
    r.id_space = "cow-dipex";
    r.date = Date(std::to_string(y));
    r.observation = std::move(o);
    r.source_records.push_back("cow-dipex:" + std::string(ctx_.source_name()) + "#" +
                               std::to_string(lines_.line_number()));
    return r;
  }

  void finish() {
    if (de_odd_)
      warn({{ctx_.file, 0, 0},
            std::to_string(de_odd_) +
                " rows whose DE contradicts their levels (kept as the levels say), on lines " + de_named_ +
                (de_odd_ > kNamed ? ", ..." : "")});
    if (outside_)
      warn({{ctx_.file, 0, 0},
            "states named in years outside their membership of the COW state system (kept, " +
                std::to_string(outside_) + " in all): " + outside_named_ +
                (outside_ > kNamed ? ", ..." : "")});
    de_odd_ = outside_ = 0;
  }

  ReaderContext ctx_;
  detail::LineReader lines_;
  std::vector<std::string> fields_;
  std::vector<std::size_t> at_;  // each column's place in the rows; SIZE_MAX where absent
  std::size_t header_fields_ = 0;
  std::optional<EventRecord> pending_;
  std::unordered_map<std::string, Seen> seen_;
  std::uint64_t de_odd_ = 0, outside_ = 0;
  std::string de_named_, outside_named_;
};

}  // namespace

std::unique_ptr<RecordReader> open_cow_dipex(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<CowReader>(in, ctx);
}

bool sniff_cow_dipex(std::string_view head) {
  const auto first = text::ascii_lower(head.substr(0, head.find('\n')));
  return first.find("ccode1") != std::string::npos && first.find("dr_at_1") != std::string::npos;
}

}  // namespace diplograph
