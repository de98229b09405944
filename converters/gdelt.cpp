// GDELT events exports (records.md section 3): 2.0 rows of 61 columns, 1.0 rows of 57 or 58
// (with SOURCEURL); the version is taken from the first row of each file.
#include <algorithm>
#include <cstdlib>

#include "converters/coded.hpp"
#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Layout {
  std::size_t columns;
  const char* version;
  std::size_t action_name, action_lat, action_long, url;
};

// Column positions from the GDELT event codebooks (shared/data/gdelt/schema): the 1.0 geo
// blocks lack ADM2Code, so everything after Actor1Geo moves.
constexpr Layout kLayouts[] = {
    {61, "GDELT 2.0", 52, 56, 57, 60},
    {58, "GDELT 1.0", 50, 53, 54, 57},
    {57, "GDELT 1.0", 50, 53, 54, kNone},
};

const Layout* layout_for(std::size_t columns) {
  for (const auto& l : kLayouts) {
    if (l.columns == columns) return &l;
  }
  return nullptr;
}

bool number(std::string_view s, bool integer) {
  if (s.empty()) return false;
  std::string t(s);
  char* end = nullptr;
  if (integer)
    (void)std::strtoll(t.c_str(), &end, 10);
  else
    (void)std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size() && t.find_first_of("xXnN") == std::string::npos;
}

using detail::BadRecord;

// RFC 3986 5.2.4: the path without "." and ".." segments. A Turtle reader resolves every IRI it
// reads and so removes them ("http://focus-fen.net/./news/..." came back without "./"): the
// graph holds the URL as every syntax reads it back.
std::string without_dot_segments(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const auto path_at = url.find('/', scheme + 3);
  if (path_at == std::string_view::npos) return std::string(url);
  const auto tail_at = std::min(url.find_first_of("?#", path_at), url.size());
  std::string_view in = url.substr(path_at, tail_at - path_at);
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("/./") || in == "/.") {
      in = in.size() == 2 ? std::string_view("/") : in.substr(2);
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      out.erase(std::min(out.size(), out.rfind('/') == std::string::npos ? out.size() : out.rfind('/')));
    } else {
      const auto next = in.find('/', 1);
      out += in.substr(0, next);
      in.remove_prefix(next == std::string_view::npos ? in.size() : next);
    }
  }
  return std::string(url.substr(0, path_at)) + out + std::string(url.substr(tail_at));
}

// Percent-encodes what may not stand in an IRI (spaces, quotes, controls...), so that
// real-world URLs stay usable; everything else, UTF-8 included, is kept.
std::string iri_escape(std::string_view raw) {
  const std::string url = without_dot_segments(raw);
  static const std::string keep = [] {
    std::string k;
    for (int c = 0x21; c < 0x100; ++c) {
      if (std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) == std::string_view::npos) {
        k += static_cast<char>(c);
      }
    }
    return k;
  }();
  return text::percent_encode(url, keep);
}

class GdeltReader : public RecordReader {
 public:
  GdeltReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    return detail::next_line_record(lines_, ctx_.file, out, error,
                                    [this](std::string_view l) { return parse(l); });
  }

 private:
  EventRecord parse(std::string_view line) {
    if (!text::valid_unicode(line)) throw BadRecord{"not valid UTF-8"};
    detail::split_tabs(line, f_);
    check_layout();
    EventRecord rec;
    rec.id_space = "gdelt";
    rec.id = std::string(f_[0]);
    if (!number(rec.id, true)) throw BadRecord{"GLOBALEVENTID: \"" + rec.id + "\" is not a number"};
    rec.date = Date(sql_date(f_[1]));
    actor(5, 1, rec);
    actor(15, 2, rec);
    coded(rec);
    location(rec);
    source(rec);
    rec.source_records.push_back("gdelt:" + std::string(ctx_.source_name()) + "#" + rec.id);
    return rec;
  }

  // The layout of the file from its first row; every later row must have as many columns.
  void check_layout() {
    if (!layout_) {
      layout_ = layout_for(f_.size());
      if (!layout_) {
        throw BadRecord{std::to_string(f_.size()) +
                        " columns: a GDELT 2.0 row has 61, a GDELT 1.0 row 57 or 58"};
      }
    } else if (f_.size() != layout_->columns) {
      throw BadRecord{std::to_string(f_.size()) + " columns where this " + layout_->version + " file has " +
                      std::to_string(layout_->columns)};
    }
  }

  // SQLDATE 20191024 -> 2019-10-24
  static std::string sql_date(std::string_view d) {
    std::string date = d.size() == 8 ? std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
                                           std::string(d.substr(6, 2))
                                     : std::string(d);
    if (date_datatype(date) == "date") return date;
    const std::string why = d.size() == 8 ? date_problem(date) : std::string();
    throw BadRecord{"SQLDATE: \"" + std::string(d) + "\" " +
                    (why.empty() || why.starts_with("is malformed") ? "is malformed (YYYYMMDD)" : why)};
  }

  // The CAMEO code and what GDELT measured of the event.
  void coded(EventRecord& rec) {
    if (!detail::apply_cameo(f_[26], *ctx_.cameo, rec)) {
      throw BadRecord{"EventCode: unknown CAMEO code \"" + std::string(f_[26]) + "\""};
    }
    detail::coded_roles(rec);
    if (const auto q = whole(29, "QuadClass")) {
      if (*q < 1 || *q > 4) throw BadRecord{"QuadClass: \"" + std::string(f_[29]) + "\" is not 1, 2, 3 or 4"};
      rec.quad_class = static_cast<std::uint8_t>(*q);
    }
    if (const auto goldstein = decimal(30, "GoldsteinScale")) rec.goldstein = goldstein;
    rec.num_mentions = whole(31, "NumMentions");
    rec.avg_tone = decimal(34, "AvgTone");
  }

  void source(EventRecord& rec) const {
    if (layout_->url == kNone || f_[layout_->url].empty()) return;
    const std::string_view url = f_[layout_->url];
    if (text::has_scheme(url))
      rec.source_url = iri_escape(url);
    else
      rec.source_title = std::string(url);  // GDELT 1.0 sometimes names the source instead
  }

  // A column's number as written; none where it is empty.
  std::optional<Decimal> decimal(std::size_t i, const char* column) const {
    if (f_[i].empty()) return std::nullopt;
    auto d = Decimal::parse(f_[i]);
    if (!d) throw BadRecord{std::string(column) + ": \"" + std::string(f_[i]) + "\" is not a number"};
    return d;
  }

  std::optional<std::uint64_t> whole(std::size_t i, const char* column) const {
    if (f_[i].empty()) return std::nullopt;
    const auto n = text::number_of<std::uint64_t>(f_[i]);
    if (!n) throw BadRecord{std::string(column) + ": \"" + std::string(f_[i]) + "\" is not a whole number"};
    return n;
  }

  // An actor is its CAMEO actor code (records.md section 3), read from the parts GDELT gives in
  // their own columns: country, known group, ethnic group, two religions, three types. A bare
  // country code is the state; a code naming no country, group, ethnicity or religion ("COP":
  // some police somewhere) names no one in particular and is the event's own actor.
  void actor(std::size_t at, int side, EventRecord& rec) {
    const std::string_view code = f_[at], name = f_[at + 1], country = f_[at + 2];
    if (code.empty() && name.empty()) return;
    Participant p;
    p.actor_code = std::string(code);
    p.source_name = std::string(name);
    p.side = side == 1 ? Side::source : Side::target;
    p.lang = "en";  // names made here from the code's parts, in English
    const Country* c = country.empty() ? nullptr : ctx_.countries->by_code(country);
    if (c) p.state = c->iso3;
    if (c && code == country) {
      p.kind = ActorKind::state;
      p.name = c->name;
    } else {
      describe(at, p);
      const bool anonymous =
          country.empty() && f_[at + 3].empty() && f_[at + 4].empty() && f_[at + 5].empty();
      p.id = (p.kind == ActorKind::region ? "" : "cameo/") + std::string(code.empty() ? "UNKNOWN" : code);
      if (anonymous) {
        p.id += "/" + rec.id + "-" + std::to_string(side);
        p.name += " (no country given)";
      }
    }
    rec.participants.push_back(std::move(p));
  }

  // Kind and label from the code's parts alone, so that every row with the code says the same.
  void describe(std::size_t at, Participant& p) const {
    const auto& parts = *ctx_.actors;
    const std::string_view country = f_[at + 2], group = f_[at + 3], ethnic = f_[at + 4];
    const ActorCodePart* known = group.empty() ? nullptr : parts.find(group, "group");
    const ActorCodePart* region = country.empty() ? nullptr : parts.find(country, "region");
    p.kind = known ? known->kind : region ? region->kind : ActorKind::actor;
    std::vector<std::string> words;
    if (!group.empty()) words.push_back(known ? known->label : std::string(group));
    if (group.empty() && !country.empty()) {
      const Country* c = ctx_.countries->by_code(country);
      words.push_back(c ? c->name : region ? region->label : std::string(country));
    }
    if (!ethnic.empty()) words.push_back("ethnic group " + std::string(ethnic));
    for (std::size_t i : {at + 5, at + 6}) {
      if (f_[i].empty()) continue;
      const ActorCodePart* r = parts.find(f_[i], "religion");
      words.push_back(r ? r->label : std::string(f_[i]));
      if (p.kind == ActorKind::region) p.kind = ActorKind::actor;
    }
    std::string types;
    for (std::size_t i : {at + 7, at + 8, at + 9}) {
      if (f_[i].empty()) continue;
      const ActorCodePart* t = parts.find(f_[i], "type");
      types += (types.empty() ? "" : " / ") + (t ? t->label : std::string(f_[i]));
      if (!known && t && t->kind == ActorKind::organization) p.kind = ActorKind::organization;
      if (p.kind == ActorKind::region) p.kind = ActorKind::actor;
    }
    if (!types.empty()) words.push_back(types);
    p.name = join_words(words, f_[at]);
  }

  static std::string join_words(const std::vector<std::string>& words, std::string_view code) {
    if (words.empty()) return std::string(code);
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }

  void location(EventRecord& rec) {
    const std::string_view name = f_[layout_->action_name];
    if (name.empty()) return;
    Location loc;
    loc.name = std::string(name);
    const std::string_view lat = f_[layout_->action_lat], lon = f_[layout_->action_long];
    if (number(lat, false) && number(lon, false)) {
      loc.lat = std::strtod(std::string(lat).c_str(), nullptr);
      loc.lon = std::strtod(std::string(lon).c_str(), nullptr);
      if (*loc.lat < -90 || *loc.lat > 90 || *loc.lon < -180 || *loc.lon > 180)
        loc.lat = loc.lon = std::nullopt;
    }
    rec.location = std::move(loc);
  }

  const ReaderContext& ctx_;
  detail::LineReader lines_;
  const Layout* layout_ = nullptr;
  std::vector<std::string_view> f_;
};

}  // namespace

std::unique_ptr<RecordReader> open_gdelt(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<GdeltReader>(in, ctx);
}

bool sniff_gdelt(std::string_view head) {
  const auto line = head.substr(0, head.find('\n'));
  std::vector<std::string_view> f;
  detail::split_tabs(line, f);
  return layout_for(f.size()) && !f[0].empty() &&
         f[0].find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace diplograph
