// The researchers' formats on the real files in ../shared/data: GDELT 2.0 exports, GDELT 1.0 rows
// built from the codebook's layout, and the ICEWS sample with its mirrored rows.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "diplograph/convert.hpp"
#include "diplograph/query.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

test::Records read_all(const std::string& format, std::istream& in, const std::string& name) {
  return test::read_records(format, in, name);
}

test::Records read_text(const std::string& format, const std::string& text, const std::string& name = "in") {
  std::istringstream in(text);
  return read_all(format, in, name);
}

std::vector<std::string> lines_of(const std::string& path) {
  std::istringstream in(test::read(path));
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> f;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      f.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

std::string join(const std::vector<std::string>& f) {
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
  return out;
}

const char* kGdeltFiles[] = {"20150218230000.export.CSV", "20151027220000.export.CSV",
                             "20191024143000.export.CSV"};

}  // namespace

TEST(Gdelt, EveryRowOfEachRealFileIsExactlyOneEvent) {
  for (const char* name : kGdeltFiles) {
    const std::string path = test::shared() + "/gdelt/" + name;
    const auto rows = lines_of(path);
    ASSERT_GT(rows.size(), 2000U) << path;
    std::istringstream in(test::read(path));
    auto r = read_all("gdelt", in, path);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    ASSERT_EQ(r.records.size(), rows.size()) << name;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto f = split(rows[i]);
      const auto& rec = r.records[i];
      ASSERT_EQ(rec.id, f[0]);
      EXPECT_EQ(rec.cameo_code, f[26]);
      EXPECT_EQ(rec.date.text().substr(0, 4), f[1].substr(0, 4));
      // SOURCEURL is a URL, or (BBC Monitoring rows) a citation kept as one.
      EXPECT_EQ(rec.source_url.empty() && rec.source_title.empty(), f[60].empty());
      EXPECT_EQ(!rec.source_url.empty(), f[60].starts_with("http"));
      const std::size_t actors =
          (f[5].empty() && f[6].empty() ? 0 : 1) + (f[15].empty() && f[16].empty() ? 0 : 1);
      EXPECT_EQ(rec.participants.size(), actors) << rows[i];
      EXPECT_TRUE(Vocabulary::builtin().is_event_class(rec.event_class)) << rec.event_class;
    }
  }
}

TEST(Gdelt, ActorsKeepCameoCodesAndCountriesResolve) {
  const std::string path = test::shared() + "/gdelt/20191024143000.export.CSV";
  std::istringstream in(test::read(path));
  auto r = read_all("gdelt", in, path);
  std::size_t states = 0, with_state = 0, regional = 0;
  for (const auto& rec : r.records) {
    for (const auto& p : rec.participants) {
      EXPECT_FALSE(p.actor_code.empty() && p.kind != ActorKind::state);
      states += p.kind == ActorKind::state;
      with_state += !p.state.empty();
      regional += p.actor_code.starts_with("EUR") || p.actor_code.starts_with("AFR");
      if (!p.state.empty()) {
        EXPECT_NE(Countries::builtin().by_iso3(p.state), nullptr) << p.state;
      }
      if (p.actor_code == "EUR") {
        EXPECT_TRUE(p.state.empty());  // a region, not a state
      }
    }
  }
  EXPECT_GT(states, 100U);
  EXPECT_GT(with_state, 1000U);
}

TEST(Gdelt, Version1RowsFromTheCodebookLayout) {
  // A GDELT 1.0 row has no ADMIN2 code in its three geo blocks (codebook: 57 fields, 58 with
  // SOURCEURL); build one from a real 2.0 row by removing those columns.
  const auto rows = lines_of(test::shared() + "/gdelt/20150218230000.export.CSV");
  const auto v2 = split(rows[5]);
  ASSERT_EQ(v2.size(), 61U);
  std::vector<std::string> v1;
  for (std::size_t i = 0; i < v2.size(); ++i) {
    if (i != 39 && i != 47 && i != 55) v1.push_back(v2[i]);
  }
  ASSERT_EQ(v1.size(), 58U);
  auto without_url = v1;
  without_url.pop_back();
  const auto a = read_text("gdelt", rows[5] + "\n");
  const auto b = read_text("gdelt", join(v1) + "\n" + join(v1) + "\n");
  const auto c = read_text("gdelt", join(without_url) + "\n");
  ASSERT_EQ(a.records.size(), 1U);
  ASSERT_EQ(b.records.size(), 2U);
  ASSERT_EQ(c.records.size(), 1U);
  for (const auto* r : {&b.records[0], &c.records[0]}) {
    EXPECT_EQ(r->event_class, a.records[0].event_class);
    EXPECT_EQ(r->date, a.records[0].date);
    EXPECT_EQ(r->participants.size(), a.records[0].participants.size());
    ASSERT_EQ(r->location.has_value(), a.records[0].location.has_value());
    if (r->location) {
      EXPECT_EQ(r->location->name, a.records[0].location->name);
      EXPECT_EQ(r->location->lat, a.records[0].location->lat);
    }
  }
  EXPECT_EQ(b.records[0].source_url, a.records[0].source_url);
  EXPECT_TRUE(c.records[0].source_url.empty());
  // A file keeps the version of its first row: a 61-column row after a 58-column one is an error.
  const auto mixed = read_text("gdelt", join(v1) + "\n" + rows[5] + "\n", "mixed.export.CSV");
  ASSERT_EQ(mixed.errors.size(), 1U);
  EXPECT_EQ(mixed.errors[0], "mixed.export.CSV:2: 61 columns where this GDELT 1.0 file has 58");
}

TEST(Gdelt, MalformedRowsNameFileAndLine) {
  const auto rows = lines_of(test::shared() + "/gdelt/20151027220000.export.CSV");
  auto f = split(rows[0]);
  auto bad_date = f;
  bad_date[1] = "20151341";
  auto bad_code = f;
  bad_code[26] = "999";
  auto short_row = f;
  short_row.resize(40);
  const auto r = read_text("gdelt",
                           rows[0] + "\n" + join(bad_date) + "\n" + join(bad_code) + "\n" + join(short_row) +
                               "\n" + rows[1] + "\n",
                           "x.export.CSV");
  EXPECT_EQ(r.records.size(), 2U);
  ASSERT_EQ(r.errors.size(), 3U);
  EXPECT_EQ(r.errors[0], "x.export.CSV:2: SQLDATE: \"20151341\" is not a date: there is no month 13");
  EXPECT_EQ(r.errors[1], "x.export.CSV:3: EventCode: unknown CAMEO code \"999\"");
  EXPECT_EQ(r.errors[2], "x.export.CSV:4: 40 columns where this GDELT 2.0 file has 61");
}

TEST(Icews, MirroredRowsBecomeOneEventWithBothIds) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  std::istringstream in(test::read(path));
  auto r = read_all("icews", in, path);
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.records.size() + r.merged, 3705U);  // every row is an event or merged into one
  EXPECT_GT(r.merged, 400U);
  // The Pompeo / Kim Yong-chol negotiation of story 47400387, sentence 2: rows 32891175 and
  // 32891174; the lower Event ID stands for the event, wherever the rows stand.
  const EventRecord* neg = nullptr;
  for (const auto& rec : r.records) {
    if (rec.id == "32891174-2018-06-01") neg = &rec;
    EXPECT_NE(rec.id, "32891175-2018-06-01");  // merged into its twin
  }
  ASSERT_NE(neg, nullptr);
  EXPECT_EQ(neg->event_class, "Negotiation");
  ASSERT_EQ(neg->source_records.size(), 2U);
  EXPECT_EQ(neg->source_records[0], "icews:events.2018.sample.tab#32891174");
  EXPECT_EQ(neg->source_records[1], "icews:events.2018.sample.tab#32891175");
  EXPECT_EQ(neg->story_id, "47400387");
  EXPECT_EQ(neg->publisher.empty(), false);
}

TEST(Icews, ActorsAreStatesOrganizationsOrPeople) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  std::istringstream in(test::read(path));
  auto r = read_all("icews", in, path);
  std::map<std::string, ActorKind> kinds;
  for (const auto& rec : r.records) {
    for (const auto& p : rec.participants) kinds[p.name + "/" + p.state] = p.kind;
  }
  EXPECT_EQ(kinds.at("Foreign Affairs (Bangladesh)/BGD"), ActorKind::organization);
  EXPECT_EQ(kinds.at("Mike Pompeo/USA"), ActorKind::person);
  EXPECT_EQ(kinds.at("North Korea/PRK"), ActorKind::state);
  EXPECT_EQ(kinds.at("Russian Federation/RUS"), ActorKind::state);
}

TEST(Icews, CodesMapToClassesAndVisitRoles) {
  const std::string header =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO "
      "Code\tIntensity\tTarget "
      "Name\tTarget Sectors\tTarget Country\tStory ID\tSentence "
      "Number\tPublisher\tCity\tDistrict\tProvince\tCountry\t"
      "Latitude\tLongitude\n";
  // Dar speaks for Pakistan, Muttaqi for Afghanistan, whichever side of the row they stand on.
  auto row = [](const std::string& id, const std::string& date, bool dar_first, const std::string& code,
                const std::string& story) {
    const std::string dar = "Ishaq Dar\tGovernment\tPakistan",
                      muttaqi = "Amir Khan Muttaqi\tGovernment\tAfghanistan";
    return id + "\t" + date + "\t" + (dar_first ? dar : muttaqi) + "\tx\t" + code + "\t1\t" +
           (dar_first ? muttaqi : dar) + "\t" + story +
           "\t1\tPub\tKabul\tNA\tKabul\tAfghanistan\t34.5\t69.2\n";
  };
  const auto r = read_text(
      "icews", header + row("1", "2018-06-01", true, "041", "9") + row("2", "2018-06-02", true, "042", "10") +
                   row("3", "2018-06-02", false, "043", "10") + row("4", "2018-06-03", true, "040", "11") +
                   row("4", "2018-06-04", true, "040", "12") + row("5", "2018-06-05", true, "999", "13"));
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0], "in:7: column CAMEO Code: unknown CAMEO code \"999\"");
  ASSERT_EQ(r.records.size(), 4U);
  std::map<std::string, EventRecord> by_id;  // rows that may have a twin come after the others
  for (const auto& rec : r.records) by_id[rec.id] = rec;
  EXPECT_EQ(by_id["1-2018-06-01"].event_class, "PhoneCall");
  EXPECT_EQ(by_id["2-2018-06-02"].event_class, "Visit");
  EXPECT_EQ(by_id["2-2018-06-02"].participants[0].role, "visitor");
  EXPECT_EQ(by_id["2-2018-06-02"].participants[1].role, "host");
  EXPECT_EQ(by_id["2-2018-06-02"].source_records.size(), 2U);  // 042 mirrored by 043
  // The same Event ID on two dates: two events.
  EXPECT_EQ(by_id.count("4-2018-06-03"), 1U);
  EXPECT_EQ(by_id.count("4-2018-06-04"), 1U);
  EXPECT_EQ(by_id["1-2018-06-01"].location->country, "AFG");
}

TEST(Icews, EveryInteractionAppearsOnceInWhoMetWhom) {
  // Independently of the reader: an interaction is a row with an interaction code and two
  // different actors; mirrored rows (same story, sentence, pair, code or 042/043) are one.
  const auto rows = lines_of(test::shared() + "/icews/events.2018.sample.tab");
  std::set<std::string> expected, pompeo;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = split(rows[i]);
    static const std::set<std::string> codes{"040", "041", "042", "043", "044", "045", "046", "057"};
    if (!codes.count(f[6]) || f[2] == "NA" || f[8] == "NA" || f[2] + f[4] == f[8] + f[10]) continue;
    const std::string a = f[2] + "|" + f[4], b = f[8] + "|" + f[10];
    const std::string key = f[11] + "/" + f[12] + "/" + (f[6] == "043" ? "042" : f[6]) + "/" +
                            std::min(a, b) + "/" + std::max(a, b) + "/" + f[1];
    expected.insert(key);
    if (f[2] == "Mike Pompeo" || f[8] == "Mike Pompeo") pompeo.insert(key);
  }
  MemorySource src;
  ReadOptions o;
  o.syntax = Syntax::turtle;
  test::Errors errors;
  ASSERT_TRUE(read_rdf_string(ontology_turtle(), "onto", o, src, errors.sink()));
  Mapper mapper(src, {});
  std::istringstream in(test::read(test::shared() + "/icews/events.2018.sample.tab"));
  for (const auto& rec : read_all("icews", in, "events.2018.sample.tab").records) mapper.map(rec, "x");
  EXPECT_EQ(query_met(src, {}).rows.size(), expected.size());
  MetOptions p;
  p.actor = "Mike Pompeo";
  const auto t = query_met(src, p);
  EXPECT_EQ(t.rows.size(), pompeo.size());
  std::set<std::string> events;
  for (const auto& row : t.rows) events.insert(row.event);
  EXPECT_EQ(events.size(), t.rows.size());  // each meeting once
  EXPECT_GE(t.rows.size(), 15U);
}

TEST(Formats, RealFilesDetectedByNameAndContent) {
  for (const char* name : kGdeltFiles) {
    const std::string path = test::shared() + "/gdelt/" + name;
    EXPECT_EQ(detect_input_format(path, test::read(path).substr(0, 4096))->name, "gdelt");
    EXPECT_EQ(detect_input_format("renamed.txt", test::read(path).substr(0, 4096))->name, "gdelt");
  }
  const std::string icews = test::shared() + "/icews/events.2018.sample.tab";
  EXPECT_EQ(detect_input_format(icews, test::read(icews).substr(0, 4096))->name, "icews");
}
