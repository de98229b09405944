// The COW Diplomatic Exchange as researchers have it (../shared/data/cow): read as observations,
// states of their year, the representation panel that gives the file back, and the histories
// it tells, read the way users break inputs (shuffled, packed, mistyped).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <regex>

#include "tests/helpers.hpp"

namespace {

using test::csv_fields;
using test::lines_of;
using test::run;

std::string excerpt() {
  return test::shared() + "/cow/Diplomatic_Exchange_2006v1.excerpt.csv";
}

using Dyad = std::array<std::string, 5>;  // ccode1, ccode2, year, DR_at_1, DR_at_2

// The excerpt's rows as the five columns the panel gives back.
std::set<Dyad> excerpt_rows() {
  std::set<Dyad> out;
  const auto lines = lines_of(test::read(excerpt()));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = csv_fields(lines[i]);
    out.insert({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

std::string converted_excerpt() {
  static const std::string graph = test::converted(excerpt(), "cow-excerpt");
  return graph;
}

std::set<Dyad> panel_rows(const std::string& csv) {
  std::set<Dyad> out;
  const auto lines = lines_of(csv);
  EXPECT_FALSE(lines.empty());
  if (lines.empty()) return out;
  EXPECT_EQ(lines[0].rfind("year,side1,side2,level_at_1,level_at_2,side1_label,side2_label,basis,source", 0),
            0U);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = csv_fields(lines[i]);
    out.insert({f[1], f[2], f[0], f[3], f[4]});
  }
  return out;
}

// --------------------------------------------------------------------------- the round trip

TEST(Cow, ThePanelInCowCodesGivesBackEveryRowOfTheExcerptAndNothingElse) {
  const auto r = run("query representation --codes cow --format csv " + converted_excerpt());
  ASSERT_EQ(r.status, 0) << r.err;
  const auto given = excerpt_rows();
  ASSERT_EQ(given.size(), 919U);
  std::set<Dyad> both = given;  // the panel is directed: each dyad-year in both orders, as the full file
  for (const auto& [a, b, y, l1, l2] : given) both.insert({b, a, y, l2, l1});
  const auto panel = panel_rows(r.out);
  for (const auto& row : given) EXPECT_TRUE(panel.count(row)) << row[0] << "," << row[1] << "," << row[2];
  EXPECT_EQ(panel, both);
  EXPECT_EQ(both.size(), 1452U);  // 193 of the excerpt's rows are the reverse of another
}

TEST(Cow, TheIndexFileAnswersThePanelAndTheRelationByteForByte) {
  const std::string dir = test::scratch("cow-index");
  const std::string graphs =
      converted_excerpt() + " " + test::converted(test::samples() + "/*", "cow-samples");
  ASSERT_EQ(run("index -o " + dir + "/g.idx " + graphs, dir).status, 0);
  for (const std::string ask :
       {"query representation --codes cow --format csv", "query representation --between USA --format csv",
        "query relation --between AFG --and PAK --format csv",
        "query relation --between USA --and RUS --at 1990-06-01 --format csv",
        "query representation --between AFG --and PAK --since 2000 --format json"}) {
    const auto mem = run(ask + " " + graphs, dir), idx = run(ask + " " + dir + "/g.idx", dir);
    EXPECT_EQ(mem.status, 0) << ask << mem.err;
    EXPECT_EQ(mem.out, idx.out) << ask;
    EXPECT_EQ(mem.err, idx.err) << ask;
  }
}

// --------------------------------------------------------------------------- as users have the file

// The graph's statements but the row each came from (a shuffled file has other line numbers).
std::set<std::string> statements_but_rows(const std::string& nt) {
  std::set<std::string> out;
  for (const auto& l : lines_of(nt)) {
    if (l.find("ontology#sourceRecord>") == std::string::npos) out.insert(l);
  }
  return out;
}

TEST(Cow, ShuffledZippedAndGzippedTheFileGivesTheSameGraph) {
  const std::string dir = test::scratch("cow-packed");
  auto lines = lines_of(test::read(excerpt()));
  std::mt19937 rng(28);
  std::shuffle(lines.begin() + 1, lines.end(), rng);
  std::string shuffled;
  for (const auto& l : lines) shuffled += l + "\r\n";  // and as Windows writes it
  test::write(dir + "/shuffled.csv", shuffled);
  ASSERT_EQ(
      std::system(("cd " + dir + " && mkdir plain && cp " + excerpt() +
                   " plain/dipex.csv && cp plain/dipex.csv . && gzip dipex.csv && cp plain/dipex.csv . && "
                   "zip -q dipex.zip dipex.csv && rm dipex.csv")
                      .c_str()),
      0);
  const auto nt = [&](const std::string& in) {
    const auto r = run("convert -t ntriples " + dir + "/" + in, dir);
    EXPECT_EQ(r.status, 0) << in << r.err;
    const auto l = lines_of(r.out);
    return std::set<std::string>(l.begin(), l.end());
  };
  const auto plain = nt("plain/dipex.csv");
  EXPECT_GT(plain.size(), 10000U);
  EXPECT_EQ(nt("dipex.csv.gz"), plain);
  EXPECT_EQ(nt("dipex.zip"), plain);  // provenance names the member, as the plain file
  std::string all;
  for (const auto& l : plain) all += l + "\n";
  std::string from_shuffled;
  for (const auto& l : nt("shuffled.csv")) from_shuffled += l + "\n";
  EXPECT_EQ(statements_but_rows(from_shuffled), statements_but_rows(all));
}

TEST(Cow, TheFormatIsToldByItsHeaderWhateverTheFileIsCalled) {
  const std::string dir = test::scratch("cow-auto");
  test::write(dir + "/download", test::read(excerpt()));
  const auto r = run("convert -t ntriples " + dir + "/download", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1452 observations written"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ontology#RepresentationObservation>"), std::string::npos);
  EXPECT_EQ(run("convert -f cow-dipex -t ntriples " + dir + "/download", dir).out, r.out);
}

// --------------------------------------------------------------------------- states of their year

TEST(Cow, CodesOfTheirTimeAreStatesOfTheirOwnAndTodaysCodesAreTodaysStates) {
  const auto r = run("convert -t ntriples " + excerpt());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string id = "https://w3id.org/diplograph/id/";
  // 260 and 265: the two German states of 1949-1990, each a state of its own with its years.
  EXPECT_NE(r.out.find("<" + id +
                       "state/cow-260> <http://www.w3.org/2000/01/rdf-schema#label> "
                       "\"German Federal Republic\"@en"),
            std::string::npos);
  EXPECT_NE(r.out.find("<" + id +
                       "state/cow-265> <http://www.w3.org/2000/01/rdf-schema#label> "
                       "\"German Democratic Republic\"@en"),
            std::string::npos);
  EXPECT_NE(r.out.find("<" + id +
                       "state/cow-260/cow/1955> <https://w3id.org/diplograph/ontology#lastYear> "
                       "\"1989\"^^<http://www.w3.org/2001/XMLSchema#gYear>"),
            std::string::npos);
  // 255 is Germany today, 365 Russia, 700 Afghanistan: today's states.
  for (const std::string obs : {"USA-in-DEU-1995", "USA-in-RUS-1817", "PAK-in-AFG-1950"})
    EXPECT_NE(r.out.find("<" + id + "observation/cow-dipex/" + obs + ">"), std::string::npos) << obs;
  // The real file has 260 in 1990, a year after its membership: kept, and said.
  EXPECT_NE(r.out.find("<" + id + "observation/cow-dipex/USA-in-cow-260-1990>"), std::string::npos);
  EXPECT_NE(r.err.find("states named in years outside their membership of the COW state system (kept, 1 in "
                       "all): 260 in 1990 (line "),
            std::string::npos)
      << r.err;
}

// --------------------------------------------------------------------------- the histories

// The excerpt's levels of (c1, c2) in `year`: DR_at_1, DR_at_2.
std::pair<std::string, std::string> excerpt_levels(const std::string& c1, const std::string& c2,
                                                   const std::string& year) {
  for (const auto& [a, b, y, l1, l2] : excerpt_rows()) {
    if (a == c1 && b == c2 && y == year) return {l1, l2};
    if (a == c2 && b == c1 && y == year) return {l2, l1};
  }
  return {};
}

const std::map<std::string, std::string> kLevelNames{
    {"0", "none"}, {"1", "charge_d_affaires"}, {"2", "minister"}, {"3", "ambassador"}, {"9", "represented"}};

TEST(Cow, EveryObservedLevelOfTheFivePairsReadsAsTheFileSays) {
  const std::map<std::string, std::string> cow{
      {"USA", "2"}, {"RUS", "365"}, {"AFG", "700"}, {"CHN", "710"}, {"PAK", "770"}};
  std::size_t checked = 0;
  for (auto a = cow.begin(); a != cow.end(); ++a) {
    for (auto b = std::next(a); b != cow.end(); ++b) {
      const auto r = run("query relation --between " + a->first + " --and " + b->first + " --format csv " +
                         converted_excerpt());
      ASSERT_EQ(r.status, 0) << r.err;
      const auto lines = lines_of(r.out);
      for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f =
            csv_fields(lines[i]);  // date,sending,receiving,level,previous_level,status,event,source
        ASSERT_EQ(f[5], "observed") << lines[i];
        const auto [at_1, at_2] = excerpt_levels(cow.at(f[2]), cow.at(f[1]), f[0]);  // sending in receiving
        ASSERT_FALSE(at_1.empty()) << lines[i];
        EXPECT_EQ(f[3], kLevelNames.at(at_1)) << lines[i];
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 350U);  // 386: every observation of the ten pairs
}

TEST(Cow, TheSeedsQuestionReadsSeventyFiveYears) {
  const std::string graphs = converted_excerpt() + " " + test::converted(test::samples() + "/*", "cow-seed");
  const auto r = run("query relation --between AFG --and PAK --format csv " + graphs);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_GT(lines.size(), 10U);
  EXPECT_EQ(lines[1].substr(0, 30), "1950,AFG,PAK,represented,,obse");
  // observed from 1950 to 2005, then the samples' chargés of 2021 and the ambassadors proposed in 2025
  std::vector<std::string> order;
  for (std::size_t i = 1; i < lines.size(); ++i) order.push_back(csv_fields(lines[i])[5]);
  const auto first_recorded = std::find(order.begin(), order.end(), "effective");
  ASSERT_NE(first_recorded, order.end());
  EXPECT_TRUE(std::all_of(order.begin(), first_recorded, [](const auto& s) { return s == "observed"; }));
  EXPECT_EQ(order.back(), "proposed");
  EXPECT_NE(r.out.find("2021-08,AFG,PAK,charge_d_affaires,,effective"), std::string::npos) << r.out;

  // At a date, the latest evidence, and how old an observation is when it is the basis.
  const auto at = run("query relation --between AFG --and PAK --at 2010-06-01 --format csv " + graphs);
  ASSERT_EQ(at.status, 0) << at.err;
  EXPECT_NE(at.out.find("\n2005,AFG,PAK,ambassador,,observed,"), std::string::npos) << at.out;
  EXPECT_NE(at.err.find("AFG in PAK: the level on 2010-06-01 is the one observed in 2005"), std::string::npos)
      << at.err;
  const auto now = run("query relation --between AFG --and PAK --at 2022-01-01 --format csv " + graphs);
  EXPECT_NE(now.out.find("\n2021-08,AFG,PAK,charge_d_affaires,,effective,"), std::string::npos) << now.out;
  EXPECT_EQ(now.err.find("observed in"), std::string::npos) << now.err;  // a recorded change is the basis

  // The panel joins both: observed years, then the recorded one.
  const auto panel =
      run("query representation --between AFG --and PAK --since 2000 --format csv " + graphs).out;
  EXPECT_NE(panel.find("2005,AFG,PAK,ambassador,ambassador,Afghanistan,Pakistan,observed,"),
            std::string::npos)
      << panel;
  EXPECT_NE(panel.find("2021,AFG,PAK,charge_d_affaires,charge_d_affaires,Afghanistan,Pakistan,recorded,"),
            std::string::npos)
      << panel;
}

TEST(Cow, TheGermaniesAreThreeStatesInTheirYears) {
  const auto german = [&](const std::string& state) {
    return run("query representation --between USA --and " + state + " --codes cow --format csv " +
               converted_excerpt())
        .out;
  };
  const auto gmy = german("DEU"), gfr = german("\"German Federal Republic\""),
             gdr = german("\"German Democratic Republic\"");
  EXPECT_NE(gmy.find("\n1935,2,255,"), std::string::npos) << gmy;
  EXPECT_NE(gmy.find("\n1995,2,255,"), std::string::npos) << gmy;
  EXPECT_EQ(gmy.find("\n1960,2,"), std::string::npos) << gmy;  // no Germany of 255 between
  EXPECT_NE(gfr.find("\n1960,2,260,"), std::string::npos) << gfr;
  EXPECT_NE(gfr.find("\n1990,2,260,"), std::string::npos) << gfr;  // as the file has it
  EXPECT_NE(gdr.find("\n1975,2,265,"), std::string::npos) << gdr;
  // Their COW numbers name them as the file does: 260 is the Federal Republic's own code, though
  // Germany held it in COW's list until 1990; 255 is Germany's.
  EXPECT_EQ(german("260"), gfr);
  EXPECT_EQ(german("265"), gdr);
  EXPECT_EQ(german("255"), gmy);
}

// --------------------------------------------------------------------------- panels that join

TEST(Cow, TheStateDyadsByYearCarryTheLevelsInForceAndTheKnownDyadYearsWhenAsked) {
  const std::string graphs = converted_excerpt() + " " + test::converted(test::samples() + "/*", "cow-dyads");
  const auto cut = [](const std::string& csv) {  // period,actor_code,other_code,events and the levels
    std::string out;
    for (const auto& l : lines_of(csv)) {
      const auto f = csv_fields(l);
      out += f[0] + "," + f[3] + "," + f[6] + "," + f[7] + "," + f[13] + "," + f[14] + "," + f[15] + "," +
             f[16] + "\n";
    }
    return out;
  };
  // The events' years only: the level in force at each year's end, from the latest evidence.
  const auto events =
      run("query dyads --by year --level state --actor USA --with RUS --format csv " + graphs);
  ASSERT_EQ(events.status, 0) << events.err;
  EXPECT_EQ(cut(events.out),
            "period,actor_code,other_code,events,level_at_actor,level_at_actor_basis,level_at_other,"
            "level_at_other_basis\n"
            "2018,RUS,USA,1,ambassador,observed 2005,ambassador,observed 2005\n"
            "2021,RUS,USA,1,ambassador,observed 2005,ambassador,observed 2005\n");
  // Asked for, every dyad-year with evidence of a level, counts 0 where no event; COW's codes.
  const auto known =
      run("query dyads --by year --level state --actor AFG --with PAK --all-known-dyads --codes cow "
          "--format csv " +
          graphs);
  ASSERT_EQ(known.status, 0) << known.err;
  const std::string k = cut(known.out);
  EXPECT_NE(k.find("\n1950,700,770,0,9,observed 1950,9,observed 1950\n"), std::string::npos) << k;
  EXPECT_NE(k.find("\n1970,700,770,0,3,observed 1970,0,observed 1970\n"), std::string::npos) << k;
  EXPECT_NE(k.find("\n2021,700,770,3,1,recorded 2021-08,1,recorded 2021-08\n"), std::string::npos) << k;
  EXPECT_NE(k.find("\n2025,700,770,3,1,recorded 2021-08,1,recorded 2021-08\n"), std::string::npos) << k;
  EXPECT_EQ(lines_of(k).size(), 15U) << k;  // 12 observed years, 2021, 2025 and the header
  // Without the option, no row without events; other panels keep their columns.
  EXPECT_EQ(
      lines_of(run("query dyads --by year --level state --actor AFG --with PAK --format csv " + graphs).out)
          .size(),
      3U);
  EXPECT_EQ(lines_of(run("query dyads --by month --level state --format csv " + graphs).out)[0],
            "period,actor,actor_label,actor_code,other,other_label,other_code,events,verbal_cooperation,"
            "material_cooperation,verbal_conflict,material_conflict,goldstein_mean");
  test::expect_error(run("query dyads --all-known-dyads --level state " + graphs), 1,
                     "--all-known-dyads goes with --by year and --level state");
}

// --------------------------------------------------------------------------- bad input

const std::string kHeader = "\"ccode1\",\"ccode2\",\"year\",\"DR_at_1\",\"DR_at_2\",\"DE\",\"version\"\n";

TEST(Cow, EachBadRowIsNamedByFileLineAndColumnAndNothingIsWritten) {
  const std::string dir = test::scratch("cow-bad");
  const std::pair<std::string, std::string> bad[] = {
      {"2,20,1920,4,0,1,2006.1\n",
       "bad.csv:3: DR_at_1: \"4\" is not a level of the codebook (0, 1, 2, 3 or 9)"},
      {"2,999,1920,0,0,0,2006.1\n", "bad.csv:3: ccode2: \"999\" is not a Correlates of War state code"},
      {"2,20,19x0,0,0,0,2006.1\n", "bad.csv:3: year: \"19x0\" is not a year"},
      {"2,20,1920,0,0,0\n", "bad.csv:3: the row has 6 fields where the header names 7 columns"},
      {"2,20,1920,0,0,0,2006.1,x\n", "bad.csv:3: the row has 8 fields where the header names 7 columns"},
      {"2,20,1920,0,0,2,2006.1\n", "bad.csv:3: DE: \"2\" is not 0 or 1"},
      {"2,20,1920,3,0,1,2006.1\n",
       "bad.csv:3: 2 and 20 in 1920 were given on line 2 with other levels (the two rows conflict)"},
      {"20,2,1920,0,3,1,2006.1\n",
       "bad.csv:3: 20 and 2 in 1920 were given on line 2 with other levels (the two rows conflict)"},
  };
  for (const auto& [row, message] : bad) {
    test::write(dir + "/bad.csv", kHeader + "2,20,1920,0,0,0,2006.1\n" + row);
    test::expect_error(run("convert -f cow-dipex " + dir + "/bad.csv -o " + dir + "/out.ttl", dir), 2,
                       message);
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl")) << message;
    const auto kept = run("convert --keep-going -f cow-dipex -t ntriples " + dir + "/bad.csv", dir);
    EXPECT_EQ(kept.status, 3) << message << kept.err;  // skipped: converted, and said so
    EXPECT_NE(kept.err.find("1 skipped"), std::string::npos) << kept.err;
    EXPECT_NE(kept.out.find("observation/cow-dipex/CAN-in-USA-1920>"), std::string::npos) << message;
  }
  test::write(dir + "/bad.csv", "ccode1,ccode2,year,DR_at_1,DE\n2,20,1920,0,0\n");
  test::expect_error(run("convert -f cow-dipex " + dir + "/bad.csv", dir), 2,
                     "bad.csv:1: the header lacks the column DR_at_2");
  test::write(dir + "/bad.csv", "ccode1,ccode2,year,DR_at_1,DR_at_2,embassy\n2,20,1920,0,0,1\n");
  test::expect_error(run("convert -f cow-dipex " + dir + "/bad.csv", dir), 2,
                     "bad.csv:1: column 6 \"embassy\" is not a column of the Diplomatic Exchange data");
}

TEST(Cow, TheSameRowTwiceIsOneObservationAndADeThatContradictsIsCountedNotRefused) {
  const std::string dir = test::scratch("cow-noise");
  test::write(dir + "/noise.csv", kHeader +
                                      "2,20,1920,0,0,0,2006.1\n"
                                      "20,2,1920,0,0,0,2006.1\n"    // the same dyad-year, the other way
                                      "2,20,1925,3,0,0,2006.1\n"    // a rank with DE 0
                                      "2,20,1930,0,0,1,2006.1\n"    // two 0s with DE 1
                                      "2,20,1935,9,0,0,2006.1\n");  // 9 with DE 0: either may be
  const auto r = run("convert -t ntriples " + dir + "/noise.csv", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("8 observations written"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 rows whose DE contradicts their levels (kept as the levels say), on lines 4, 5"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("observation/cow-dipex/CAN-in-USA-1925> <https://w3id.org/diplograph/ontology#level> "
                       "<https://w3id.org/diplograph/ontology#Ambassador>"),
            std::string::npos);
  EXPECT_NE(r.out.find("observation/cow-dipex/CAN-in-USA-1935> <https://w3id.org/diplograph/ontology#level> "
                       "<https://w3id.org/diplograph/ontology#RepresentedRankUnknown>"),
            std::string::npos);
}

}  // namespace
