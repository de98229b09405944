// Native records, JSON Lines (records.md section 1), parsed with simdjson.
#include <simdjson.h>

#include <set>

#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

using detail::BadRecord;

[[noreturn]] void bad(const std::string& key, const std::string& what) {
  throw BadRecord{key + ": " + what};
}

std::string q(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string as_string(element v, const std::string& key) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) bad(key, "must be a string");
  if (s.find('\0') != std::string_view::npos) bad(key, "contains a NUL character");
  return std::string(s);
}

std::vector<std::string> as_strings(element v, const std::string& key) {
  simdjson::dom::array arr;
  if (v.get_array().get(arr) != simdjson::SUCCESS) bad(key, "must be an array of strings");
  std::vector<std::string> out;
  std::size_t i = 0;
  for (element e : arr) out.push_back(as_string(e, key + "[" + std::to_string(i++) + "]"));
  return out;
}

double as_number(element v, const std::string& key) {
  double d = 0;
  if (v.get_double().get(d) != simdjson::SUCCESS) bad(key, "must be a number");
  return d;
}

object as_object(element v, const std::string& key) {
  object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) bad(key, "must be an object");
  return o;
}

std::string as_date(element v, const std::string& key) {
  std::string d = as_string(v, key);
  if (const std::string why = date_problem(d); !why.empty()) bad(key, q(d) + " " + why);
  return d;
}

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {
    if (parser_.allocate(simdjson::SIMDJSON_MAXSIZE_BYTES > ctx.limits.max_line
                             ? ctx.limits.max_line + 64
                             : simdjson::SIMDJSON_MAXSIZE_BYTES,
                         ctx.limits.max_depth) != simdjson::SUCCESS) {
      throw std::runtime_error("cannot allocate the JSON parser");
    }
  }

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    return detail::next_line_record(lines_, ctx_.file, out, error,
                                    [this](std::string_view l) { return parse(l); });
  }

 private:
  // The keys a record must have.
  struct Required {
    bool id = false, type = false, date = false, participants = false;
  };

  EventRecord parse(std::string_view line) {
    EventRecord rec;
    Required seen;
    for (auto field : json_object(line)) {
      const std::string key(field.key);
      if (!read_identity(key, field.value, rec, seen)) read_content(key, field.value, rec);
    }
    check(rec, seen);
    detail::inherit_lang(rec);
    rec.source_records.push_back("jsonl:" + std::string(ctx_.source_name()) + "#" +
                                 std::to_string(lines_.line_number()));
    return rec;
  }

  object json_object(std::string_view line) {
    element doc;
    if (auto err = parser_.parse(line.data(), line.size()).get(doc); err != simdjson::SUCCESS) {
      throw BadRecord{std::string("not JSON: ") + simdjson::error_message(err)};
    }
    object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) throw BadRecord{"not a JSON object"};
    return obj;
  }

  // What the event is, when, and who took part; false for any other key.
  bool read_identity(const std::string& key, element v, EventRecord& rec, Required& seen) {
    if (key == "id") {
      rec.id = as_string(v, key);
      if (rec.id.empty()) bad(key, "must not be empty");
      seen.id = true;
    } else if (key == "type") {
      const std::string type = as_string(v, key);
      rec.event_class = std::string(ctx_.vocabulary->class_for_record_type(type));
      if (rec.event_class.empty()) bad(key, "unknown event type " + q(type));
      seen.type = true;
    } else if (key == "date") {
      rec.date = Date(as_date(v, key));
      seen.date = true;
    } else if (key == "end_date") {
      rec.end_date = Date(as_date(v, key));
    } else if (key == "participants") {
      participants(v, rec);
      seen.participants = true;
    } else {
      return false;
    }
    return true;
  }

  // Everything else a record may say; an unknown key is warned about once per name.
  void read_content(const std::string& key, element v, EventRecord& rec) {
    if (key == "location") {
      rec.location = location(v);
    } else if (key == "topics") {
      rec.topics = as_strings(v, key);
    } else if (key == "summary") {
      rec.summary = as_string(v, key);
    } else if (key == "note") {
      rec.note = as_string(v, key);
    } else if (key == "lang") {
      rec.lang = as_lang(v, key);
    } else if (key == "relation") {
      rec.relation = relation(v);
    } else if (key == "source") {
      source(v, rec);
    } else if (warned_.insert(key).second) {
      warn({{ctx_.file, static_cast<unsigned>(lines_.line_number()), 0},
            "unknown key " + q(key) + " ignored (reported once)"});
    }
  }

  static void check(const EventRecord& rec, const Required& seen) {
    if (!seen.id) throw BadRecord{"id: required key missing"};
    if (!seen.type) throw BadRecord{"type: required key missing"};
    if (!seen.date) throw BadRecord{"date: required key missing"};
    if (!seen.participants) throw BadRecord{"participants: required key missing"};
    const std::string date = rec.date.text(), end = rec.end_date.text();
    if (!end.empty() && end.substr(0, date.size()) < date.substr(0, end.size())) {
      bad("end_date", q(end) + " is before date " + q(date));
    }
  }

  std::string country(element v, const std::string& key) {
    std::string code = as_string(v, key);
    if (!ctx_.countries->by_iso3(code)) bad(key, "unknown country code " + q(code));
    return code;
  }

  void participants(element v, EventRecord& rec) {
    simdjson::dom::array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS) bad("participants", "must be an array");
    std::size_t i = 0;
    for (element e : arr)
      rec.participants.push_back(participant(e, "participants[" + std::to_string(i++) + "]"));
    if (rec.participants.empty()) bad("participants", "must name at least one participant");
  }

  std::string as_lang(element v, const std::string& key) {
    std::string tag = as_string(v, key);
    if (const auto why = detail::lang_problem(tag); !why.empty()) bad(key, why);
    return tag;
  }

  Participant participant(element v, const std::string& at) {
    Participant p;
    bool has_name = false;
    for (auto field : as_object(v, at)) {
      const std::string key(field.key);
      const std::string k = at + "." + key;
      if (key == "name") {
        p.name = as_string(field.value, k);
        has_name = !p.name.empty();
      } else if (key == "kind") {
        const std::string kind = as_string(field.value, k);
        const auto known = record_kind(kind);
        if (!known) bad(k, "unknown kind " + q(kind) + " " + std::string(kKindsNamed));
        p.kind = *known;
      } else if (key == "state") {
        p.state = country(field.value, k);
      } else if (key == "title") {
        p.title = as_string(field.value, k);
      } else if (key == "role") {
        p.role = as_string(field.value, k);
      } else if (key == "lang") {
        p.lang = as_lang(field.value, k);
      } else if (key == "same_as") {
        p.same_as = same_as(field.value, k);
      } else if (warned_.insert(at.substr(0, at.find('[')) + "." + key).second) {
        warn({{ctx_.file, static_cast<unsigned>(lines_.line_number()), 0},
              "unknown key " + q("participants." + key) + " ignored (reported once)"});
      }
    }
    if (!has_name) bad(at + ".name", "required key missing");
    if (p.kind == ActorKind::state && p.state.empty()) p.state = state_named(p.name, at);
    return p;
  }

  // External identifiers: absolute IRIs or wd:Q...
  static std::vector<std::string> same_as(element v, const std::string& k) {
    auto ids = as_strings(v, k);
    for (const auto& id : ids) {
      const bool wd = id.size() > 4 && id.starts_with("wd:Q") &&
                      id.find_first_not_of("0123456789", 4) == std::string::npos;
      if (!wd && !text::has_scheme(id)) bad(k, q(id) + " is neither an absolute IRI nor wd:Q...");
    }
    return ids;
  }

  // A state participant without `state`: its name must be a country's.
  std::string state_named(const std::string& name, const std::string& at) const {
    const Country* c = ctx_.countries->by_name(name);
    if (!c) c = ctx_.countries->by_iso3(name);
    if (!c) bad(at + ".state", "required for a state participant (name " + q(name) + " is no known country)");
    return c->iso3;
  }

  Location location(element v) {
    Location loc;
    for (auto field : as_object(v, "location")) {
      const std::string key(field.key);
      const std::string k = "location." + key;
      if (key == "name")
        loc.name = as_string(field.value, k);
      else if (key == "country")
        loc.country = country(field.value, k);
      else if (key == "lat")
        loc.lat = as_number(field.value, k);
      else if (key == "lon")
        loc.lon = as_number(field.value, k);
    }
    if (loc.lat && (*loc.lat < -90 || *loc.lat > 90)) bad("location.lat", "out of range");
    if (loc.lon && (*loc.lon < -180 || *loc.lon > 180)) bad("location.lon", "out of range");
    return loc;
  }

  RelationSpec relation(element v) {
    RelationSpec r;
    bool has_level = false;
    for (auto field : as_object(v, "relation")) {
      const std::string key(field.key);
      const std::string k = "relation." + key;
      if (key == "between") {
        simdjson::dom::array arr;
        if (field.value.get_array().get(arr) != simdjson::SUCCESS || arr.size() != 2) {
          bad(k, "must be an array of two country codes");
        }
        r.sending = country(arr.at(0).value(), k + "[0]");
        r.receiving = country(arr.at(1).value(), k + "[1]");
        r.both_directions = true;
      } else if (key == "sending") {
        r.sending = country(field.value, k);
      } else if (key == "receiving") {
        r.receiving = country(field.value, k);
      } else if (key == "level" || key == "previous_level") {
        const std::string text = as_string(field.value, k);
        const auto level = level_named(text);
        if (!level) bad(k, "unknown level " + q(text) + " (ambassador, charge_d_affaires, minister, none)");
        if (key == "level")
          r.level = *level;
        else
          r.previous_level = level;
        has_level |= key == "level";
      } else if (key == "status") {
        const std::string text = as_string(field.value, k);
        const auto status = status_named(text);
        if (!status || *status == Status::observed)
          bad(k, "unknown status " + q(text) + " (proposed, agreed, effective)");
        r.status = *status;
      }
    }
    if (!has_level) bad("relation.level", "required key missing");
    if (r.sending.empty() || r.receiving.empty())
      bad("relation", "needs `between` or both `sending` and `receiving`");
    if (r.sending == r.receiving) bad("relation", "a state cannot keep a mission in itself");
    return r;
  }

  void source(element v, EventRecord& rec) {
    for (auto field : as_object(v, "source")) {
      const std::string key(field.key);
      const std::string k = "source." + key;
      if (key == "url") {
        rec.source_url = as_string(field.value, k);
        if (const auto why = detail::source_url_problem(rec.source_url); !why.empty()) bad(k, why);
      } else if (key == "title") {
        rec.source_title = as_string(field.value, k);
      } else if (key == "publisher") {
        rec.publisher = as_string(field.value, k);
      } else if (key == "published") {
        rec.published = Date(as_date(field.value, k));
      }
    }
  }

  const ReaderContext& ctx_;
  detail::LineReader lines_;
  simdjson::dom::parser parser_;
  std::set<std::string> warned_;
};

}  // namespace

std::unique_ptr<RecordReader> open_jsonl(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<JsonlReader>(in, ctx);
}

bool sniff_jsonl(std::string_view head) {
  const auto at = head.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && head[at] == '{';
}

}  // namespace diplograph
