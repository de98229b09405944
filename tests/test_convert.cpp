// The converters: record readers on good and bad input, the tables, and the mapping.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "diplograph/convert.hpp"
#include "diplograph/text.hpp"
#include "diplograph/values.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

test::Records read_all(const std::string& format, const std::string& text) {
  std::istringstream in(text);
  return test::read_records(format, in, "in." + format);
}

const std::string kCall =
    R"({"id":"c1","type":"phone_call","date":"2025-05","participants":[{"name":"A","state":"AFG"},{"name":"B","state":"PAK"}]})";

}  // namespace

Participant participant(std::string name, ActorKind kind, std::string state) {
  Participant p;
  p.name = std::move(name);
  p.kind = kind;
  p.state = std::move(state);
  return p;
}

TEST(Tables, CountriesResolveEveryCodeSystem) {
  const auto& c = Countries::builtin();
  EXPECT_EQ(c.size(), 250U);                    // ISO 3166-1 and Kosovo (XKX)
  EXPECT_EQ(c.by_code("KSV")->iso3, "XKX");     // CAMEO
  EXPECT_EQ(c.by_name("Kosovo")->iso3, "XKX");  // ICEWS
  EXPECT_EQ(c.by_code("ROM")->iso3, "ROU");     // CAMEO
  EXPECT_EQ(c.by_code("TMP")->iso3, "TLS");
  EXPECT_EQ(c.by_code("PK")->iso3, "PAK");  // alpha-2
  EXPECT_EQ(c.by_name("Russian Federation")->iso3, "RUS");
  EXPECT_EQ(c.by_name("occupied palestinian territory")->iso3, "PSE");  // ICEWS
  EXPECT_EQ(c.by_iso3("AFG")->wikidata, "Q889");
  EXPECT_EQ(c.by_code("EUR"), nullptr);  // a region, not a state
  EXPECT_EQ(c.by_iso3("ROM"), nullptr);  // not an alpha-3 code
}

TEST(Tables, CameoCodebookNotGdeltLookup) {
  const auto& t = Cameo::builtin();
  EXPECT_EQ(t.size(), 312U);
  EXPECT_EQ(t.find("041")->event_class, "PhoneCall");
  EXPECT_EQ(t.find("042")->event_class, "Visit");
  EXPECT_EQ(t.find("043")->event_class, "Visit");
  EXPECT_EQ(t.find("057")->event_class, "AgreementSigning");
  EXPECT_EQ(t.find("106")->label, "Demand meeting, negotiation");
  ASSERT_NE(t.find("1213"), nullptr);
  EXPECT_EQ(t.find("161")->event_class, "ReduceRelations");
  EXPECT_EQ(t.find("999"), nullptr);
}

TEST(Tables, RecordTypesComeFromTheOntology) {
  const auto& v = Vocabulary::builtin();
  EXPECT_EQ(v.class_for_record_type("phone_call"), "PhoneCall");
  EXPECT_EQ(v.class_for_record_type("agreement"), "AgreementSigning");
  EXPECT_EQ(v.class_for_record_type("relation_change"), "RelationChange");
  EXPECT_EQ(v.class_for_record_type("lunch"), "");
  EXPECT_TRUE(v.is_event_class("Meeting"));
  EXPECT_FALSE(v.is_event_class("Person"));
}

TEST(Dates, ThreePrecisions) {
  EXPECT_EQ(date_datatype("2025-05-30"), "date");
  EXPECT_EQ(date_datatype("2025-05"), "gYearMonth");
  EXPECT_EQ(date_datatype("2025"), "gYear");
  EXPECT_EQ(date_datatype("2024-02-29"), "date");
  EXPECT_EQ(date_datatype("2025-02-29"), "");
  EXPECT_EQ(date_datatype("2025-13"), "");
  EXPECT_EQ(date_datatype("25-05-30"), "");
  EXPECT_EQ(date_datatype("2025-5-3"), "");
}

TEST(Dates, HeldAsPartsOrKeptAsWritten) {
  const Date d("2018-06-12"), m("2018-06"), y("2018");
  EXPECT_EQ(d.day_number(), 20180612U);
  EXPECT_EQ(d.precision(), Date::Precision::day);
  EXPECT_EQ(m.precision(), Date::Precision::month);
  EXPECT_EQ(y.precision(), Date::Precision::year);
  EXPECT_EQ(m.year(), 2018U);
  EXPECT_EQ(m.month(), 6U);
  EXPECT_EQ(m.day(), 0U);
  EXPECT_EQ(d.datatype(), "date");
  EXPECT_EQ(y.datatype(), "gYear");
  EXPECT_EQ(m.text(), "2018-06");
  EXPECT_EQ(Date::of_day(20180600), m);
  EXPECT_EQ(Date("2016-02").last_day(), 20160229U);
  EXPECT_EQ(Date("2018").first_day(), 20180101U);
  EXPECT_EQ(Date("2018").last_day(), 20181231U);
  EXPECT_EQ(d.first_day(), d.last_day());
  EXPECT_EQ(Date("spring").first_day(), 0U);
  EXPECT_TRUE(Date().empty());
  EXPECT_TRUE(Date::of_day(0).empty());
  EXPECT_FALSE(Date::of_day(20180230).calendar());  // a day the calendar has not: kept as text
  EXPECT_EQ(Date::of_day(20180230).text(), "2018-02-30");
  // What a graph says that is no record-format date is kept, not lost or read as one.
  for (const char* other : {"2018-06-12T10:00:00Z", "2025-02-29", "spring 2018", "0000"}) {
    const Date o(other);
    EXPECT_FALSE(o.calendar()) << other;
    EXPECT_FALSE(o.empty()) << other;
    EXPECT_EQ(o.text(), other);
    EXPECT_EQ(o.datatype(), "");
  }
}

// A Date is a calendar date exactly when date_datatype says the text is one.
TEST(Dates, CalendarExactlyWhereTheRecordFormatSaysSo) {
  std::vector<std::string> texts{"2018",        "2018-",      "2018-6",   "2018x06",
                                 "2018-06-1",   "2018-06x12", "20180612", "2018/06/12",
                                 "2018-06-12 ", "-2018",      "201a",     "2018-0a"};
  char buf[16];
  for (int y : {1900, 2000, 2016, 2019}) {
    for (int m = 0; m <= 13; ++m) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      texts.emplace_back(buf);
      for (int d = 0; d <= 32; ++d) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        texts.emplace_back(buf);
      }
    }
  }
  for (const auto& t : texts) {
    EXPECT_EQ(Date(t).calendar(), !date_datatype(t).empty()) << t;
    EXPECT_EQ(Date(t).text(), t);
  }
}

TEST(Dates, OrderAsTheirTextDoes) {
  const std::vector<std::string> texts{
      "2017-12-31", "2018",        "2018-01", "2018-01-01", "2018-01-01T09:00", "2018-02",
      "2019",       "spring 2018", ""};
  std::vector<Date> dates;
  for (const auto& t : texts) dates.emplace_back(t);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    for (std::size_t j = 0; j < dates.size(); ++j) {
      EXPECT_EQ(dates[i] < dates[j], texts[i] < texts[j]) << texts[i] << " vs " << texts[j];
      EXPECT_EQ(dates[i] == dates[j], texts[i] == texts[j]) << texts[i] << " vs " << texts[j];
    }
  }
}

TEST(Values, DecimalsKeepTheirDigits) {
  for (const char* text : {"-2.0", "4", "3.40", "+1.5", "-.5", "0"}) {
    const auto d = Decimal::parse(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(d->text(), text);
    EXPECT_DOUBLE_EQ(d->value(), std::stod(text));
  }
  for (const char* text : {"", "abc", "1e5", "inf", "nan", "2.0x", "-", "1 "})
    EXPECT_EQ(Decimal::parse(text), std::nullopt) << text;
}

// The closed sets name what the shipped ontology names: each level and status individual's
// skos:notation reads back as a value whose individual is that one.
TEST(Values, NameTheOntologysIndividuals) {
  const std::string ttl(ontology_turtle());
  const std::regex individual(
      R"re(dg:(\w+) a dg:(RepresentationLevel|ChangeStatus) ;[^\n]*skos:notation "(\w+)")re");
  std::size_t levels = 0, statuses = 0;
  for (std::sregex_iterator it(ttl.begin(), ttl.end(), individual), end; it != end; ++it) {
    const std::string local = (*it)[1], cls = (*it)[2], notation = (*it)[3];
    if (cls == "RepresentationLevel") {
      const auto l = level_named(notation);
      ASSERT_TRUE(l) << notation;
      EXPECT_EQ(level_individual(*l), local);
      EXPECT_EQ(level_name(*l), notation);
      ++levels;
    } else {
      const auto s = status_named(notation);
      ASSERT_TRUE(s) << notation;
      EXPECT_EQ(status_individual(*s), local);
      EXPECT_EQ(status_name(*s), notation);
      ++statuses;
    }
  }
  EXPECT_EQ(levels, 5U);
  EXPECT_EQ(statuses, 3U);
  EXPECT_EQ(level_named("unknown"), std::nullopt);  // no evidence is not a level a record gives
  EXPECT_EQ(level_named("Ambassador"), std::nullopt);
  EXPECT_EQ(status_named("observed"), Status::observed);
  EXPECT_EQ(kind_named("region"), ActorKind::region);
  EXPECT_EQ(kind_named("country"), std::nullopt);
  EXPECT_EQ(side_name(Side::target), "target");
}

TEST(Csv, ARecordSplitsOrSaysWhatBreaksIt) {
  std::vector<std::string> f;
  EXPECT_EQ(text::split_csv(R"(a,"b,""c""",)", f), std::nullopt);
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b,\"c\"", ""}));
  const auto open = text::split_csv(R"(a,"b)", f);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->kind, text::CsvProblem::Kind::unclosed_quote);
  const auto after = text::split_csv(R"(a,"b"c)", f);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->message(), "text after a closing quote in field 2");
  const auto inside = text::split_csv("a;b\"c;d", f, ';');
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->message(), "a quote inside an unquoted field 2");
}

TEST(Jsonl, ReadsARecord) {
  auto r = read_all("jsonl", kCall + "\n\n");
  ASSERT_EQ(r.errors.size(), 0U);
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].event_class, "PhoneCall");
  EXPECT_EQ(r.records[0].participants[1].state, "PAK");
  EXPECT_EQ(r.records[0].source_records[0], "jsonl:in.jsonl#1");
}

TEST(Jsonl, BadRecordsNameFileLineAndKey) {
  const std::string text =
      kCall + "\n" +
      R"({"id":"c2","type":"phone_call","date":"2025-05","participants":[{"name":"A"},{"name":"B","state":"PAKK"}]})" +
      "\nnot json\n[1,2]\n" + R"({"id":"c3","type":"lunch","date":"2025","participants":[{"name":"A"}]})" +
      "\n" + R"({"id":"c4","type":"meeting","date":"2025-02-30","participants":[{"name":"A"}]})" + "\n" +
      R"({"id":"c5","type":"meeting","date":"2025","participants":[]})" + "\n" +
      R"({"type":"meeting","date":"2025","participants":[{"name":"A"}]})" + "\n";
  auto r = read_all("jsonl", text);
  EXPECT_EQ(r.records.size(), 1U);
  ASSERT_EQ(r.errors.size(), 7U);
  EXPECT_EQ(r.errors[0], "in.jsonl:2: participants[1].state: unknown country code \"PAKK\"");
  EXPECT_TRUE(r.errors[1].starts_with("in.jsonl:3: not JSON")) << r.errors[1];
  EXPECT_EQ(r.errors[2], "in.jsonl:4: not a JSON object");
  EXPECT_EQ(r.errors[3], "in.jsonl:5: type: unknown event type \"lunch\"");
  EXPECT_EQ(r.errors[4], "in.jsonl:6: date: \"2025-02-30\" is not a date: 2025-02 has 28 days");
  EXPECT_TRUE(r.errors[5].starts_with("in.jsonl:7: participants:")) << r.errors[5];
  EXPECT_EQ(r.errors[6], "in.jsonl:8: id: required key missing");
}

TEST(Jsonl, UnknownKeysWarnOncePerName) {
  std::string rec = kCall;
  rec.insert(1, R"("mood":"good",)");
  auto r = read_all("jsonl", rec + "\n" + rec + "\n");
  EXPECT_EQ(r.records.size(), 2U);
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_NE(r.warnings[0].find("\"mood\""), std::string::npos);
}

TEST(Jsonl, DeepNestingAndLongLinesAreBadRecordsNotCrashes) {
  const std::string deep = "{\"id\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  auto r = read_all("jsonl", deep + "\n" + kCall + "\n");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_TRUE(r.errors[0].starts_with("in.jsonl:1: not JSON")) << r.errors[0];
  EXPECT_EQ(r.records.size(), 1U);
}

TEST(Jsonl, RelationNeedsKnownLevelAndDirection) {
  const std::string base =
      R"({"id":"r","type":"relation_change","date":"2021","participants":[{"name":"Afghanistan","kind":"state"}],"relation":)";
  auto r = read_all(
      "jsonl", base + R"({"between":["AFG","PAK"],"level":"consul"}})" + "\n" + base +
                   R"({"level":"ambassador"}})" + "\n" + base +
                   R"({"sending":"AFG","receiving":"PAK","level":"ambassador","status":"proposed"}})" + "\n");
  ASSERT_EQ(r.errors.size(), 2U);
  EXPECT_NE(r.errors[0].find("relation.level: unknown level \"consul\""), std::string::npos);
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].participants[0].state, "AFG");  // a state named by its name
  EXPECT_FALSE(r.records[0].relation->both_directions);
}

TEST(Csv, QuotedFieldsSpanLinesAndColumnsComeInAnyOrder) {
  const std::string text =
      "date,type,id,actor1,actor1_state,actor2,actor2_state,topics\n"
      "2018-05-26,meeting,k1,Moon Jae-in,KOR,\"Kim, Jong Un\",PRK,\"a; b\"\"c\"\"\n d\"\n";
  auto r = read_all("csv", text);
  ASSERT_EQ(r.errors.size(), 0U) << r.errors[0];
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].participants[1].name, "Kim, Jong Un");
  ASSERT_EQ(r.records[0].topics.size(), 2U);
  EXPECT_EQ(r.records[0].topics[1], "b\"c\"\n d");
}

TEST(Csv, ErrorsNameLineAndColumn) {
  const std::string text =
      "id,type,date,actor1,actor1_state\n"
      "k1,meeting,2018-13-01,Moon,KOR\n"
      "k2,meeting,2018-01-01,Moon,KORR\n"
      "k3,meeting,2018-01-01,Moon\n"
      "k4,meeting,2018,Moon,KOR\n"
      "k5,\"meeting,2018,Moon,KOR\n";
  auto r = read_all("csv", text);
  EXPECT_EQ(r.records.size(), 1U);
  ASSERT_EQ(r.errors.size(), 4U);
  EXPECT_EQ(r.errors[0], "in.csv:2: column date: \"2018-13-01\" is not a date: there is no month 13");
  EXPECT_EQ(r.errors[1], "in.csv:3: column actor1_state: unknown country code \"KORR\"");
  EXPECT_TRUE(r.errors[2].starts_with("in.csv:4: 4 fields")) << r.errors[2];
  EXPECT_TRUE(r.errors[3].starts_with("in.csv:6: unbalanced quotes")) << r.errors[3];
}

TEST(Csv, MissingRequiredColumnIsFatal) {
  auto r = read_all("csv", "id,type,actor1\nk,meeting,Moon\n");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0], "in.csv:1: header: required column \"date\" missing");
}

TEST(Formats, DetectedByExtensionThenContent) {
  EXPECT_EQ(detect_input_format("x.jsonl", "{\"id\":1}")->name, "jsonl");
  EXPECT_EQ(detect_input_format("x.txt", "  {\"id\":1}")->name, "jsonl");
  EXPECT_EQ(detect_input_format("x.csv", "id,type,date,actor1\n")->name, "csv");
  EXPECT_EQ(detect_input_format("x.bin", "\x01\x02garbage"), nullptr);
}

TEST(Mapper, DeterministicIrisFromNameAndState) {
  test::Collect sink;
  Mapper m(sink, {});
  const Participant dar = participant("Mohammad Ishaq Dar", ActorKind::person, "PAK");
  Participant other_dar = dar;
  other_dar.state = "AFG";
  EXPECT_EQ(m.actor_iri(dar), "https://w3id.org/diplograph/id/person/PAK/mohammad-ishaq-dar");
  EXPECT_NE(m.actor_iri(dar), m.actor_iri(other_dar));
  const Participant pak = participant("Pakistan", ActorKind::state, "PAK");
  EXPECT_EQ(m.actor_iri(pak), "https://w3id.org/diplograph/id/state/PAK");
  Mapper based(sink, {"http://example.org/", ""});
  EXPECT_EQ(based.actor_iri(dar), "http://example.org/person/PAK/mohammad-ishaq-dar");
}

TEST(Mapper, StateHasNotationsAndWikidata) {
  test::Collect sink;
  Mapper m(sink, {});
  EventRecord rec;
  rec.id = "x";
  rec.event_class = "Meeting";
  rec.date = Date("2025");
  rec.participants.push_back(participant("Pakistan", ActorKind::state, "PAK"));
  m.map(rec, "f.jsonl");
  const std::string pak = "<https://w3id.org/diplograph/id/state/PAK> ";
  EXPECT_TRUE(sink.lines.count(pak + "<http://www.w3.org/2004/02/skos/core#notation> \"PAK\""));
  EXPECT_TRUE(sink.lines.count(pak + "<http://www.w3.org/2004/02/skos/core#notation> \"PK\""));
  EXPECT_TRUE(
      sink.lines.count(pak + "<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q843>"));
  EXPECT_TRUE(sink.lines.count(
      "<https://w3id.org/diplograph/id/event/f/x> <https://w3id.org/diplograph/ontology#date> "
      "\"2025\"^^<http://www.w3.org/2001/XMLSchema#gYear>"));
}

TEST(Mapper, OddIdsArePercentEncoded) {
  test::Collect sink;
  Mapper m(sink, {});
  EventRecord rec;
  rec.id = "a b/c#d";
  EXPECT_EQ(m.event_iri(rec, "dir/my file.jsonl"),
            "https://w3id.org/diplograph/id/event/my-file/a%20b%2Fc%23d");
}

// One rule for a source URL in every format: what an IRI may hold (issue 16: CSV let '{' pass).
TEST(SourceUrls, TheSameRuleInCsvAndJsonLines) {
  const std::string url = "https://example.org/a{b}";
  std::istringstream csv("id,type,date,actor1,source_url\n1,meeting,2020,X," + url + "\n");
  std::istringstream jsonl(
      R"({"id":"1","type":"meeting","date":"2020","participants":[{"name":"X"}],"source":{"url":")" + url +
      "\"}}\n");
  const auto c = test::read_records("csv", csv, "c.csv");
  const auto j = test::read_records("jsonl", jsonl, "j.jsonl");
  ASSERT_EQ(c.errors.size(), 1U);
  ASSERT_EQ(j.errors.size(), 1U);
  const std::string why =
      "\"" + url + "\" is not an absolute IRI: holds '{', which an IRI may not (percent-encode it)";
  EXPECT_EQ(c.errors[0], "c.csv:2: column source_url: " + why);
  EXPECT_EQ(j.errors[0], "j.jsonl:1: source.url: " + why);
}

// A bad line before the ICEWS header, skipped with --keep-going, must not make the good header
// fail with the bad line's message (it once did: a stale diagnostic).
TEST(Icews, AGoodHeaderAfterABadLineIsReadWithKeepGoing) {
  std::istringstream in("\xff\xfe garbage\n" + test::read(test::shared() + "/icews/events.2018.sample.tab"));
  const auto r = test::read_records("icews", in, "i.tab");  // one Diagnostic reused, as convert does
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0], "i.tab:1: not valid UTF-8");
  EXPECT_EQ(r.records.size() + r.merged, 3705U);  // every row of the sample, after the header
}

// libarchive (and the compression libraries it links) is opened when a packed file is first
// read: converting or asking plain files never loads it; a gzipped file converts the same.
TEST(Packed, LibarchiveIsLoadedOnlyForAPackedFile) {
  const std::string dir = test::scratch("packed-libarchive");
  const std::string jsonl = test::samples() + "/meetings.jsonl";
  ASSERT_EQ(std::system(("gzip -c " + jsonl + " > " + dir + "/meetings.jsonl.gz").c_str()), 0);
  const std::string plain =
      test::loaded_libraries("convert --no-progress " + jsonl + " -o " + dir + "/plain.ttl");
  EXPECT_NE(plain.find("find library=libserd"), std::string::npos) << "no trace: " << plain.substr(0, 300);
  EXPECT_EQ(plain.find("libarchive"), std::string::npos);
  EXPECT_EQ(test::loaded_libraries("query met --actor Muttaqi " + dir + "/plain.ttl").find("libarchive"),
            std::string::npos);
  const std::string packed =
      test::loaded_libraries("convert --no-progress " + dir + "/meetings.jsonl.gz -o " + dir + "/packed.ttl");
  EXPECT_NE(packed.find("find library=libarchive.so.13"), std::string::npos);
  EXPECT_GT(test::read(dir + "/packed.ttl").size(), 1000U);
  EXPECT_EQ(test::read(dir + "/plain.ttl"), test::read(dir + "/packed.ttl"));
}
