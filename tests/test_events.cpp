// query events on the real files, against counts made in the test straight from the raw rows.
#include <gtest/gtest.h>

#include <map>

#include "tests/helpers.hpp"

namespace {

using test::run;

std::vector<std::vector<std::string>> rows_of(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(test::read(path));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, '\t');) f.push_back(c);
    rows.push_back(std::move(f));
  }
  return rows;
}

std::size_t lines_of(const std::string& csv) {
  return static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;  // less the header
}

// GDELT: events of a state (either actor's country), per quad class, as GDELT's QuadClass says.
TEST(Events, GdeltStatesPerQuadClassMatchTheRawRows) {
  for (const std::string file : {"20150218230000.export.CSV", "20191024143000.export.CSV"}) {
    const std::string path = test::shared() + "/gdelt/" + file;
    const std::string graph = test::converted(path, "gdelt");
    const auto rows = rows_of(path);
    for (const std::string state : {"USA", "RUS", "CHN"}) {
      std::map<std::string, std::size_t> raw;  // quad class -> events
      for (const auto& f : rows) {
        if (f[7] == state || f[17] == state) ++raw[f[29]];
      }
      for (const std::string quad : {"1", "2", "3", "4"}) {
        const auto r = run("query events --actor " + state + " --level state --quad-class " + quad +
                           " --format csv --columns event " + graph);
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(lines_of(r.out), raw[quad]) << file << " " << state << " quad class " << quad;
      }
    }
  }
}

// ICEWS: conflict events (CAMEO 10-20 are never mirrored interactions) of a state, per day,
// and the quad class read from the CAMEO root.
TEST(Events, IcewsConflictPerStateAndDayMatchesTheRawRows) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  const std::string graph = test::converted(path, "icews");
  const auto rows = rows_of(path);
  for (const std::string country : {"Russian Federation", "United States", "Syria"}) {
    for (const std::string day : {"2018-06-01", "2018-06-02"}) {
      std::map<int, std::size_t> raw;  // quad class 3 or 4 -> events
      for (const auto& f : rows) {
        if (f.size() < 11 || f[1] != day || (f[4] != country && f[10] != country)) continue;
        const int root = std::stoi(f[6].substr(0, 2));
        if (root >= 10) ++raw[root >= 15 ? 4 : 3];
      }
      for (const int quad : {3, 4}) {
        const auto r =
            run("query events --actor '" + country + "' --level state --quad-class " + std::to_string(quad) +
                " --since " + day + " --until " + day + " --format csv --columns event " + graph);
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(lines_of(r.out), raw[quad]) << country << " " << day << " quad " << quad;
        EXPECT_GT(raw[3] + raw[4], 0U) << country << " " << day;
      }
    }
  }
}

TEST(Events, CameoPrefixesAndGoldsteinRangesFilter) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  const std::string graph = test::converted(path, "icews-codes");
  std::size_t fights = 0;  // CAMEO 19x: one-sided, never merged
  for (const auto& f : rows_of(path)) fights += f.size() > 6 && f[6].starts_with("19");
  auto r = run("query events --cameo 19 --format csv --columns cameo,goldstein " + graph);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines_of(r.out), fights);
  r = run("query events --goldstein -10:-9.5 --format csv --columns goldstein " + graph);
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  std::size_t n = 0;
  for (; std::getline(in, line); ++n) {
    const double g = std::stod(line);
    EXPECT_GE(g, -10);
    EXPECT_LE(g, -9.5);
  }
  EXPECT_GT(n, 0U);
}

// Native records: every event of an actor, of any class, and the quad class from the
// ontology's dg:cameoRoot of its class (a phone call is CAMEO 041: verbal cooperation).
TEST(Events, NativeRecordsEveryClassAndQuadClassFromTheOntology) {
  const std::string s = test::samples();
  const std::string graph = test::converted(s + "/seed.jsonl " + s + "/meetings.jsonl", "native");
  std::size_t trump = 0;
  for (const auto& f : rows_of(s + "/meetings.jsonl"))
    trump += f[0].find("\"name\":\"Donald Trump\"") != std::string::npos;
  const auto r = run("query events --actor 'Donald Trump' --format csv --columns type " + graph);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines_of(r.out), trump);
  EXPECT_NE(r.out.find("Statement"), std::string::npos);  // the Jerusalem statement: not only meetings
  const auto call = run("query events --actor Muttaqi --format csv --columns type,quad_class " + graph);
  EXPECT_NE(call.out.find("PhoneCall,1"), std::string::npos) << call.out;
}

TEST(Events, BadOptionsSayWhatTheyTake) {
  const std::string graph = test::samples() + "/../tests/golden/samples.nt";
  test::expect_error(
      run("query events --quad-class 5 " + graph), 1,
      "--quad-class takes 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) "
      "or 4 (material conflict), not \"5\"");
  test::expect_error(
      run("query events --goldstein 5:x " + graph), 1,
      "--goldstein takes MIN:MAX, numbers from -10 to 10 (either may be left out), not \"5:x\"");
  test::expect_error(run("query events --cameo 04x " + graph), 1,
                     "--cameo takes the digits a CAMEO code starts with");
}

}  // namespace
