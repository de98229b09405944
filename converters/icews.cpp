// ICEWS coded events (records.md section 4). ICEWS writes a symmetric interaction twice, once
// from each side, with the same Story ID and Sentence Number: the two rows become one event with
// both Event IDs. Rows wait in a bounded window for their mirror, so memory stays flat.
#include <array>
#include <deque>
#include <map>

#include "converters/coded.hpp"
#include "converters/readers.hpp"
#include "converters/text.hpp"

namespace diplograph {

namespace {

constexpr std::array<std::string_view, 20> kHeader{
    "Event ID",       "Event Date", "Source Name",     "Source Sectors", "Source Country",
    "Event Text",     "CAMEO Code", "Intensity",       "Target Name",    "Target Sectors",
    "Target Country", "Story ID",   "Sentence Number", "Publisher",      "City",
    "District",       "Province",   "Country",         "Latitude",       "Longitude"};

using detail::BadRecord;

struct Pending {
  EventRecord rec;
  std::string sentence;
  bool merged = false;
};

bool mirrored_codes(std::string_view a, std::string_view b) {
  return a == b || (a == "042" && b == "043") || (a == "043" && b == "042");
}

bool same_actor(const Participant& a, const Participant& b) {
  return a.name == b.name && a.state == b.state;
}

class IcewsReader : public RecordReader {
 public:
  IcewsReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    for (;;) {
      if (!eof_ && window_.size() <= ctx_.limits.mirror_window) {
        const ReadStatus s = read_row(error);
        if (s == ReadStatus::ok) continue;  // the row went into the window
        if (s != ReadStatus::end) return s;
        eof_ = true;
      }
      if (window_.empty()) return ReadStatus::end;
      out = std::move(window_.front().rec);
      window_.pop_front();
      return ReadStatus::ok;
    }
  }

  std::uint64_t merged() const override { return merged_; }

 private:
  ReadStatus read_row(Diagnostic& error) {
    for (;;) {
      std::string_view line;
      if (const ReadStatus s = lines_.next_record(line, error, ctx_.file); s != ReadStatus::ok) return s;
      try {
        if (!detail::valid_utf8(line)) throw BadRecord{"not valid UTF-8"};
        detail::split_tabs(line, f_);
        if (columns_.empty()) {
          header(error);
          if (!error.message.empty()) return ReadStatus::fatal;
          continue;
        }
        add(parse());
        return ReadStatus::ok;
      } catch (const BadRecord& e) {
        error.message = e.message;
        return ReadStatus::bad;
      }
    }
  }

  void header(Diagnostic& error) {
    for (std::size_t i = 0; i < f_.size(); ++i) columns_.emplace(std::string(f_[i]), i);
    for (auto name : kHeader) {
      if (!columns_.count(std::string(name))) {
        error.message = "header: ICEWS column \"" + std::string(name) + "\" missing";
        return;
      }
    }
    width_ = f_.size();
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

  // "Foreign Affairs (Bangladesh)" is a body speaking for its state; a country's own name is the
  // state; any other name is taken for a person of the given country.
  void actor(const char* side, EventRecord& rec) const {
    const std::string prefix(side);
    const std::string_view name = get(prefix + " Name");
    if (name.empty()) return;
    Participant p;
    p.name = std::string(name);
    const Country* c = country(prefix + " Country");
    if (c) p.state = c->iso3;
    if (c && ctx_.countries->by_name(name) == c) {
      p.kind = "state";
      p.name = c->name;
    } else if (name.back() == ')' && name.find(" (") != std::string_view::npos) {
      p.kind = "organization";
    } else if (!c) {
      p.kind = "organization";  // no country: an international body or a group
    }
    rec.participants.push_back(std::move(p));
  }

  Pending parse() {
    if (f_.size() != width_) {
      throw BadRecord{std::to_string(f_.size()) + " columns where the header has " + std::to_string(width_)};
    }
    EventRecord rec;
    rec.id_space = "icews";
    const std::string id(get("Event ID"));
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
      throw BadRecord{"column Event ID: \"" + id + "\" is not a number"};
    }
    rec.date = std::string(get("Event Date"));
    if (date_datatype(rec.date) != "date")
      throw BadRecord{"column Event Date: malformed date \"" + rec.date + "\""};
    rec.id = id + "-" + rec.date;  // Event IDs recur with other dates: those are other events
    actor("Source", rec);
    actor("Target", rec);
    const std::string_view code = get("CAMEO Code");
    if (!detail::apply_cameo(code, *ctx_.cameo, rec)) {
      throw BadRecord{"column CAMEO Code: unknown CAMEO code \"" + std::string(code) + "\""};
    }
    detail::coded_roles(rec);
    rec.intensity = std::string(get("Intensity"));
    if (!rec.intensity.empty() && rec.intensity.find_first_not_of("-.0123456789") != std::string::npos) {
      throw BadRecord{"column Intensity: \"" + rec.intensity + "\" is not a number"};
    }
    rec.story_id = std::string(get("Story ID"));
    rec.publisher = std::string(get("Publisher"));
    location(rec);
    rec.source_records.push_back("icews:" + std::string(ctx_.source_name()) + "#" + id);
    return {std::move(rec), std::string(get("Sentence Number")), false};
  }

  void location(EventRecord& rec) const {
    std::string_view name = get("City");
    if (name.empty()) name = get("District");
    if (name.empty()) name = get("Province");
    const Country* c = country("Country");
    if (name.empty() && !c) return;
    Location loc;
    loc.name = std::string(name.empty() && c ? c->name : name);
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

  // A row whose mirror waits in the window is merged into it; any other row waits for its own.
  void add(Pending row) {
    const auto& r = row.rec;
    for (auto& p : window_) {
      const auto& q = p.rec;
      if (p.merged || p.sentence != row.sentence || q.story_id != r.story_id || q.date != r.date ||
          !mirrored_codes(q.cameo_code, r.cameo_code) || q.participants.size() != 2 ||
          r.participants.size() != 2 || !ctx_.vocabulary->is_interaction_class(q.event_class) ||
          !same_actor(q.participants[0], r.participants[1]) ||
          !same_actor(q.participants[1], r.participants[0])) {
        continue;
      }
      p.rec.source_records.push_back(r.source_records.front());
      p.merged = true;
      ++merged_;
      return;
    }
    window_.push_back(std::move(row));
  }

  const ReaderContext& ctx_;
  detail::LineReader lines_;
  std::map<std::string, std::size_t> columns_;
  std::size_t width_ = 0;
  std::vector<std::string_view> f_;
  std::deque<Pending> window_;
  std::uint64_t merged_ = 0;
  bool eof_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> open_icews(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<IcewsReader>(in, ctx);
}

bool sniff_icews(std::string_view head) {
  return head.starts_with("Event ID\tEvent Date\t") || head.starts_with(
                                                           "\xEF\xBB\xBF"
                                                           "Event ID\tEvent Date\t");
}

}  // namespace diplograph
