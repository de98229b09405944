// Native records, flat CSV (records.md section 2): RFC 4180, a header, columns in any order.
#include <array>
#include <map>

#include "converters/lines.hpp"
#include "converters/readers.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

using detail::BadRecord;

class CsvReader : public RecordReader {
 public:
  CsvReader(std::istream& in, const ReaderContext& ctx) : ctx_(ctx), lines_(in, ctx.limits.max_line) {}

  ReadStatus next(EventRecord& out, Diagnostic& error) override {
    for (;;) {
      std::string record;
      const ReadStatus s = read_record(record, error);
      if (s != ReadStatus::ok) return s;
      if (record.empty()) continue;
      if (const auto problem = text::split_csv(record, fields_, ctx_.delimiter)) {
        error.message = problem->message();
        return ReadStatus::bad;
      }
      if (columns_.empty()) {
        if (!header(error)) return ReadStatus::fatal;
        continue;
      }
      return detail::parsed(out, error, [&] { return parse(); });
    }
  }

 private:
  // Joins physical lines until the quotes balance; positions the error at the record's start.
  ReadStatus read_record(std::string& record, Diagnostic& error) {
    std::string_view line;
    bool first = true;
    for (;;) {
      const auto r = lines_.next(line);
      if (first)
        error.where = {
            ctx_.file,
            static_cast<unsigned>(lines_.line_number() + (r == detail::LineReader::Result::end ? 1 : 0)), 0};
      if (first) start_line_ = lines_.line_number();
      if (r == detail::LineReader::Result::end) {
        if (first) return ReadStatus::end;
        error.message = "unbalanced quotes: the record's quoted field runs to the end of the file";
        return ReadStatus::fatal;
      }
      if (r == detail::LineReader::Result::error) {
        error.message = "read error";
        return ReadStatus::fatal;
      }
      if (r == detail::LineReader::Result::too_long || record.size() + line.size() > ctx_.limits.max_line) {
        error.message = "record longer than the limit of " + std::to_string(ctx_.limits.max_line) +
                        " bytes ({{max-line}})";
        return first ? ReadStatus::bad : ReadStatus::fatal;
      }
      if (!first) record += '\n';
      record += line;
      first = false;
      if (text::csv_record_complete(record)) break;
    }
    if (!text::valid_unicode(record)) {
      error.message = "not valid UTF-8";
      return ReadStatus::bad;
    }
    if (record.find('\0') != std::string::npos) {
      error.message = "a NUL character (no RDF term may hold one)";
      return ReadStatus::bad;
    }
    return ReadStatus::ok;
  }

  bool header(Diagnostic& error) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      std::string name = fields_[i];
      if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name.erase(0, 3);  // a byte-order mark
      columns_.emplace(name, i);
    }
    for (std::string_view required : {"id", "type", "date", "actor1"}) {
      if (!columns_.count(std::string(required))) {
        error.message =
            "header: required column \"" + std::string(required) + "\" missing" + delimiter_hint();
        return false;
      }
    }
    width_ = fields_.size();
    return true;
  }

  // A header that did not split is often one written with another delimiter (Excel writes ';').
  std::string delimiter_hint() const {
    if (fields_.size() != 1) return {};
    for (const auto& [c, name] :
         {std::pair{';', "';'"}, std::pair{'\t', "tab"}, std::pair{'|', "'|'"}, std::pair{',', "','"}}) {
      if (c != ctx_.delimiter && fields_[0].find(c) != std::string::npos) {
        const std::string option = c == '\t' ? "tab" : std::string(1, c);
        return "; the header is separated by " + std::string(name) + ", not " +
               (ctx_.delimiter == '\t' ? std::string("tab") : "'" + std::string(1, ctx_.delimiter) + "'") +
               " (use " + option_ref("delimiter", "'" + option + "'") + ")";
      }
    }
    return {};
  }

  const std::string& get(std::string_view column) {
    static const std::string empty;
    auto it = columns_.find(std::string(column));
    return it == columns_.end() || it->second >= fields_.size() ? empty : fields_[it->second];
  }

  [[noreturn]] void bad(std::string_view column, const std::string& what) {
    throw BadRecord{"column " + std::string(column) + ": " + what};
  }

  std::string country(std::string_view column) {
    const std::string& code = get(column);
    if (!code.empty() && !ctx_.countries->by_iso3(code)) bad(column, "unknown country code \"" + code + "\"");
    return code;
  }

  void actor(EventRecord& rec, const std::string& n) {
    const std::string& name = get("actor" + n);
    if (name.empty()) return;
    Participant p;
    p.name = name;
    const std::string& kind = get("actor" + n + "_kind");
    const auto known = kind.empty() ? ActorKind::person : record_kind(kind);
    if (!known) bad("actor" + n + "_kind", "unknown kind \"" + kind + "\" " + std::string(kKindsNamed));
    p.kind = *known;
    p.state = country("actor" + n + "_state");
    p.title = get("actor" + n + "_title");
    if (p.kind == ActorKind::state && p.state.empty()) {
      const Country* c = ctx_.countries->by_name(name);
      if (!c) c = ctx_.countries->by_iso3(name);
      if (!c) bad("actor" + n + "_state", "required for a state participant");
      p.state = c->iso3;
    }
    rec.participants.push_back(std::move(p));
  }

  EventRecord parse() {
    if (fields_.size() != width_) {
      throw BadRecord{std::to_string(fields_.size()) + " fields where the header has " +
                      std::to_string(width_)};
    }
    EventRecord rec;
    rec.id = get("id");
    if (rec.id.empty()) bad("id", "required value missing");
    const std::string& type = get("type");
    rec.event_class = std::string(ctx_.vocabulary->class_for_record_type(type));
    if (rec.event_class.empty()) bad("type", "unknown event type \"" + type + "\"");
    const std::string& date = get("date");
    if (date_datatype(date).empty()) bad("date", "\"" + date + "\" " + date_problem(date));
    rec.date = Date(date);
    actor(rec, "1");
    actor(rec, "2");
    if (rec.participants.empty()) bad("actor1", "required value missing");
    const std::string& place = get("location");
    const std::string country_code = country("country");
    if (!place.empty() || !country_code.empty()) rec.location = Location{place, country_code, {}, {}, {}, {}};
    std::string_view topics = get("topics");
    while (!topics.empty()) {
      const auto semi = topics.find(';');
      auto topic = topics.substr(0, semi);
      while (!topic.empty() && topic.front() == ' ') topic.remove_prefix(1);
      while (!topic.empty() && topic.back() == ' ') topic.remove_suffix(1);
      if (!topic.empty()) rec.topics.emplace_back(topic);
      topics.remove_prefix(semi == std::string_view::npos ? topics.size() : semi + 1);
    }
    rec.lang = get("lang");
    if (!rec.lang.empty()) {
      if (const auto why = detail::lang_problem(rec.lang); !why.empty()) bad("lang", why);
    }
    detail::inherit_lang(rec);
    rec.source_url = get("source_url");
    if (const auto why = detail::source_url_problem(rec.source_url); !why.empty()) bad("source_url", why);
    rec.source_records.push_back("csv:" + std::string(ctx_.source_name()) + "#" +
                                 std::to_string(start_line_));
    return rec;
  }

  const ReaderContext& ctx_;
  detail::LineReader lines_;
  std::map<std::string, std::size_t> columns_;
  std::size_t width_ = 0;
  std::vector<std::string> fields_;
  std::uint64_t start_line_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> open_csv(std::istream& in, const ReaderContext& ctx) {
  return std::make_unique<CsvReader>(in, ctx);
}

bool sniff_csv(std::string_view head) {
  const auto nl = head.find('\n');
  const auto first = head.substr(0, nl);
  return first.find(',') != std::string_view::npos && first.find("id") != std::string_view::npos &&
         first.find("type") != std::string_view::npos && first.find('\t') == std::string_view::npos;
}

}  // namespace diplograph
