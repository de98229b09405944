// POLECAT as researchers download it (../shared/data/polecat): the weekly file byte for byte and
// 3,565 more events (CSV, tab-joined back into the original lines); answers checked against
// counts made here from the raw rows, shuffled, packed and broken the way users get them.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <regex>

#include "tests/helpers.hpp"

namespace {

using test::csv_fields;
using test::lines_of;
using test::run;

std::string weekly() {
  return test::shared() + "/polecat/ngecEvents.2024-05-26.sample.txt";
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const auto at = s.find(sep, from);
    out.push_back(s.substr(from, at - from));
    if (at == std::string::npos) return out;
    from = at + sep.size();
  }
}

// The 3,565 events of the CSV conversion as the weekly files have them: tab-joined lines.
std::string converted_back(const std::string& dir) {
  std::string text;
  for (const std::string name : {"test_data_new3.csv", "train_data_new3.csv"}) {
    const auto lines = lines_of(test::read(test::shared() + "/polecat/csv-conversion/" + name));
    for (std::size_t i = text.empty() ? 0 : 1; i < lines.size(); ++i) {
      const auto f = csv_fields(lines[i]);
      std::string joined;
      for (std::size_t k = 0; k < f.size(); ++k) joined += (k ? "\t" : "") + f[k];
      text += joined + "\n";
    }
  }
  test::write(dir + "/ngecEvents.converted.txt", text);
  return dir + "/ngecEvents.converted.txt";
}

// What the raw rows say, counted here: events per PLOVER type (each Event ID once), and per
// year and pair of COW codes the events in which both states took part.
struct Raw {
  std::map<std::string, int> per_type;
  std::map<std::string, int> per_quad;      // 1 verbal cooperation ... 4 material conflict
  std::map<std::string, int> per_cow_pair;  // "2024,2,710"
  std::size_t events = 0;
};

// The COW numbers of countries by name, from the shared state system table: POLECAT leaves the
// number out for some states that have one (Taiwan, 713).
std::map<std::string, std::string> cow_by_name() {
  std::map<std::string, std::string> out;
  const auto lines = lines_of(test::read(test::shared() + "/countries/state_system_codes.csv"));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = csv_fields(lines[i]);  // iso3c,name,cown,...
    if (!f[2].empty()) out[f[1]] = f[2];
  }
  return out;
}

Raw count_raw(const std::string& path) {
  static const auto cow_of = cow_by_name();
  Raw r;
  const auto lines = lines_of(test::read(path));
  const auto header = split(lines[0], "\t");
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  std::set<std::string> seen;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = split(lines[i], "\t");
    if (!seen.insert(f[col["Event ID"]]).second) continue;
    ++r.events;
    ++r.per_type[f[col["Event Type"]]];
    const std::string quad = f[col["Quad Code"]];
    ++r.per_quad[quad == "VERBAL COOPERATION"     ? "1"
                 : quad == "MATERIAL COOPERATION" ? "2"
                 : quad == "VERBAL CONFLICT"      ? "3"
                                                  : "4"];
    std::set<int> cows;
    for (const std::string side : {"Actor", "Recipient"}) {
      const auto codes = split(f[col[side + " COW"]], "; "), names = split(f[col[side + " Country"]], "; ");
      for (std::size_t k = 0; k < codes.size(); ++k) {
        const auto known = cow_of.find(names[k]);
        if (codes[k] != "None") cows.insert(std::stoi(codes[k]));
        if (codes[k] == "None" && known != cow_of.end()) cows.insert(std::stoi(known->second));
      }
    }
    const std::string year = f[col["Event Date"]].substr(0, 4);
    for (auto a = cows.begin(); a != cows.end(); ++a) {
      for (auto b = std::next(a); b != cows.end(); ++b)
        ++r.per_cow_pair[year + "," + std::to_string(*a) + "," + std::to_string(*b)];
    }
  }
  return r;
}

// The same counts from diplograph's answers on the converted file.
Raw count_answers(const std::string& input) {
  Raw r;
  const auto nt = run("convert -t ntriples " + input);
  EXPECT_EQ(nt.status, 0) << nt.err;
  const std::string graph = test::converted(input, "polecat-answers");
  for (const auto& l : lines_of(nt.out)) {
    const auto at = l.find("ontology#ploverType> \"");
    if (at != std::string::npos) ++r.per_type[l.substr(at + 22, l.find('"', at + 22) - at - 22)];
  }
  const auto events = run("query events --format csv --columns quad_class " + graph);
  const auto quads = lines_of(events.out);
  r.events = quads.size() - 1;
  for (std::size_t i = 1; i < quads.size(); ++i) ++r.per_quad[quads[i]];
  const auto dyads = run("query dyads --by year --level state --codes cow --format csv " + graph);
  EXPECT_EQ(dyads.status, 0) << dyads.err;
  const auto lines = lines_of(dyads.out);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = csv_fields(lines[i]);  // period,...,actor_code (3),...,other_code (6),events (7)
    if (f[3].empty() || f[6].empty()) continue;
    const int a = std::stoi(f[3]), b = std::stoi(f[6]);
    r.per_cow_pair[f[0] + "," + std::to_string(std::min(a, b)) + "," + std::to_string(std::max(a, b))] +=
        std::stoi(f[7]);
  }
  return r;
}

void expect_counts_of_the_raw_rows(const std::string& raw_file, const std::string& graph_inputs) {
  const Raw raw = count_raw(raw_file), got = count_answers(graph_inputs);
  EXPECT_EQ(got.events, raw.events);
  EXPECT_EQ(got.per_type, raw.per_type);
  EXPECT_EQ(got.per_quad, raw.per_quad);
  EXPECT_EQ(got.per_cow_pair, raw.per_cow_pair);
  EXPECT_GT(raw.per_cow_pair.size(), 10U);
}

TEST(Polecat, TheWeeklyFileAnswersAsItsRawRowsCount) {
  const auto r = run("convert -t ntriples " + weekly());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("99 records read, 99 events written, 0 skipped"), std::string::npos) << r.err;
  expect_counts_of_the_raw_rows(weekly(), weekly());
}

TEST(Polecat, TheConvertedEventsAnswerAsTheirRawRowsCount) {
  const std::string dir = test::scratch("polecat-converted");
  const std::string file = converted_back(dir);
  const auto r = run("convert -t ntriples " + file, dir);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("3565 records read, 3565 events written"), std::string::npos) << r.err;
  expect_counts_of_the_raw_rows(file, file);
}

TEST(Polecat, AnEventInTwoFilesIsOneEventWithBothRows) {
  const std::string dir = test::scratch("polecat-twice");
  const auto r = run("convert -t ntriples " + weekly() + " " + converted_back(dir), dir);
  ASSERT_EQ(r.status, 0) << r.err;
  // Four events of 2024-05-26 are in both samples: one event each, citing both rows.
  EXPECT_NE(r.err.find("3664 records read, 3660 events written, 0 skipped"), std::string::npos) << r.err;
  const auto rows = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_GT(rows, 90000);
  std::size_t twice = 0;
  for (const auto& l : lines_of(r.out))
    twice += l.find(
                 "20240526-4503-960b1d8e9aa1_ACCUSE> <https://w3id.org/"
                 "diplograph/ontology#sourceRecord>") != std::string::npos;
  EXPECT_EQ(twice, 2U);
}

TEST(Polecat, ShuffledZippedGzippedAndWithTrailingTabsTheFileGivesTheSameGraph) {
  const std::string dir = test::scratch("polecat-packed");
  auto lines = lines_of(test::read(weekly()));
  std::mt19937 rng(29);
  std::shuffle(lines.begin() + 1, lines.end(), rng);
  std::string shuffled;
  for (std::size_t i = 0; i < lines.size(); ++i) shuffled += lines[i] + (i ? "\t\t" : "") + "\r\n";
  test::write(dir + "/shuffled.txt", shuffled);
  ASSERT_EQ(
      std::system(("cd " + dir + " && mkdir plain && cp " + weekly() +
                   " plain/week.txt && cp plain/week.txt . && gzip week.txt && cp plain/week.txt . && zip -q "
                   "week.zip week.txt && rm week.txt")
                      .c_str()),
      0);
  const auto graph = [&](const std::string& in, bool rows) {
    const auto r = run("convert -t ntriples " + dir + "/" + in, dir);
    EXPECT_EQ(r.status, 0) << in << r.err;
    std::set<std::string> out;
    for (const auto& l : lines_of(r.out)) {
      if (rows || l.find("ontology#sourceRecord>") == std::string::npos) out.insert(l);
    }
    return out;
  };
  const auto plain = graph("plain/week.txt", true);
  EXPECT_EQ(graph("week.txt.gz", true), plain);
  EXPECT_EQ(graph("week.zip", true), plain);
  EXPECT_EQ(graph("shuffled.txt", false), graph("plain/week.txt", false));
}

TEST(Polecat, OlderAndLongerHeadersAreReadByTheirNames) {
  const std::string dir = test::scratch("polecat-headers");
  const auto lines = lines_of(test::read(weekly()));
  std::string older = lines[0];
  older.replace(older.find("Event Intensity"), 15, "Intensity");
  std::string body;
  for (std::size_t i = 1; i < lines.size(); ++i) body += lines[i] + "\n";
  test::write(dir + "/older.txt", older + "\n" + body);
  test::write(dir + "/longer.txt", lines[0] + "\tHeadline\tEvent Text\tFeed\tStory ID\n" + body);
  const auto plain = run("convert -t ntriples " + weekly(), dir);
  for (const std::string name : {"older.txt", "longer.txt"}) {
    auto r = run("convert -t ntriples " + dir + "/" + name, dir);
    ASSERT_EQ(r.status, 0) << name << r.err;
    const std::string want =
        std::regex_replace(plain.out, std::regex("ngecEvents.2024-05-26.sample.txt"), name);
    EXPECT_EQ(r.out, want) << name;
  }
}

TEST(Polecat, SeveralActorsAllTakePartAndPeopleAreOneNodeByTheirWikipediaArticle) {
  const auto r = run("convert -t ntriples " + weekly());
  const std::string id = "https://w3id.org/diplograph/id/";
  // Zelenskyy's REQUEST to "United States; China": both recipients take part.
  const auto zelenskyy = r.out.find("<" + id + "person/UKR/wikipedia/Volodymyr_Zelenskyy>");
  ASSERT_NE(zelenskyy, std::string::npos);
  EXPECT_NE(r.out.find("<https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy>"), std::string::npos);
  const std::string graph = test::converted(weekly(), "polecat-weekly");
  const auto events = run("query events --actor \"Volodymyr Zelenskyy\" --format csv " + graph);
  ASSERT_EQ(events.status, 0) << events.err;
  EXPECT_NE(events.out.find("China; United States; Volodymyr Zelenskyy"), std::string::npos) << events.out;
  // Fumio Kishida in several rows is one person of Japan.
  const auto kishida = run("actors Kishida --format csv " + graph);
  EXPECT_NE(kishida.out.find(id + "person/JPN/wikipedia/Fumio_Kishida,Fumio Kishida,person,JPN,5"),
            std::string::npos)
      << kishida.out;
  // A body of states is an organization, never a state; the Hama of the data is kept as given.
  EXPECT_NE(r.out.find("<" + id +
                       "org/wikipedia/NATO_Parliamentary_Assembly> "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                       "<https://w3id.org/diplograph/ontology#Organization>"),
            std::string::npos);
  EXPECT_NE(r.out.find("\"Hama\""), std::string::npos);
  // The PLOVER type and mode, the contexts and the place's GeoNames link are kept.
  EXPECT_NE(r.out.find("ontology#ploverMode> \"strike\""), std::string::npos);
  EXPECT_NE(r.out.find("ontology#context> \"election\""), std::string::npos);
  EXPECT_NE(r.out.find("<" + id +
                       "place/geonames/706483> <http://www.w3.org/2002/07/owl#sameAs> "
                       "<https://sws.geonames.org/706483/>"),
            std::string::npos);
}

TEST(Polecat, IntensityIsTheScoreWhereGoldsteinIsAskedForButNotRelabelled) {
  const std::string graph = test::converted(weekly(), "polecat-intensity");
  const auto all = run("query events --format csv --columns goldstein " + graph);
  EXPECT_EQ(all.out.find_first_of("0123456789"), std::string::npos) << "no Goldstein score is made up";
  // --goldstein selects by PLOVER's intensity: the raw rows with an intensity of -10 to -8.
  const auto lines = lines_of(test::read(weekly()));
  std::size_t raw = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double v = std::stod(split(lines[i], "\t")[4]);
    raw += v >= -10 && v <= -8;
  }
  // --type with a PLOVER type: as many events as the raw rows of that type.
  std::size_t accusations = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) accusations += split(lines[i], "\t")[2] == "ACCUSE";
  EXPECT_EQ(lines_of(run("query events --type ACCUSE --format csv " + graph).out).size() - 1, accusations);
  EXPECT_GT(accusations, 5U);
  const auto severe = run("query events --goldstein -10:-8 --format csv " + graph);
  ASSERT_EQ(severe.status, 0) << severe.err;
  EXPECT_EQ(lines_of(severe.out).size() - 1, raw);
  EXPECT_GT(raw, 5U);
  const auto dyads = run("query dyads --by year --level state --actor RUS --with UKR --format csv " + graph);
  EXPECT_NE(dyads.out.find(",-4.7,"), std::string::npos) << dyads.out;  // the mean of the five intensities
}

TEST(Polecat, AGraphOfIcewsAndPolecatAnswersAcrossBoth) {
  const std::string icews = test::shared() + "/icews/events.2018.sample.tab";
  const std::string both = test::converted(icews + " " + weekly(), "polecat-with-icews");
  const std::string one = test::converted(icews, "polecat-icews-only"),
                    other = test::converted(weekly(), "polecat-only");
  const std::string panel = "query dyads --by year --level state --codes cow --format csv ";
  const auto rows = [&](const std::string& graph) {
    const auto r = run(panel + graph);
    EXPECT_EQ(r.status, 0) << r.err;
    auto l = lines_of(r.out);
    return std::set<std::string>(l.begin() + 1, l.end());
  };
  // The years do not overlap: the panel of both is the two panels, the same states' codes in each.
  std::set<std::string> sum = rows(one);
  const auto polecat = rows(other);
  sum.insert(polecat.begin(), polecat.end());
  EXPECT_EQ(rows(both), sum);
  EXPECT_GT(polecat.size(), 10U);
  // One Russia: its events are those of both sources.
  const auto count = [&](const std::string& graph) {
    const auto r = run("actors RUS --limit 1 --format csv " + graph);
    return std::stoi(csv_fields(lines_of(r.out).at(1)).at(4));
  };
  EXPECT_EQ(count(both), count(one) + count(other));
}

TEST(Polecat, ConsultationsAreWhoMetWhomByTheirMode) {
  const std::string dir = test::scratch("polecat-consult");
  const auto lines = lines_of(test::read(weekly()));
  std::string text = lines[0] + "\n";
  const std::pair<const char*, const char*> modes[] = {
      {"visit", "Visit"}, {"phone", "PhoneCall"}, {"multilateral", "Meeting"}, {"None", "Consultation"}};
  int n = 0;
  for (const auto& [mode, cls] : modes) {
    auto f = split(lines[1], "\t");  // Modi's row, made a consultation with Lula
    f[0] = "c" + std::to_string(++n);
    f[2] = "CONSULT";
    f[3] = mode;
    f[15] = "Luiz Inácio Lula da Silva";
    f[16] = "Brazil";
    f[17] = "140";
    f[22] = "Luiz Inácio Lula da Silva";
    std::string joined;
    for (std::size_t k = 0; k < f.size(); ++k) joined += (k ? "\t" : "") + f[k];
    text += joined + "\n";
  }
  test::write(dir + "/consult.txt", text);
  const std::string graph = test::converted(dir + "/consult.txt", "polecat-consult");
  const auto met = run("query met --actor Modi --format csv " + graph, dir);
  ASSERT_EQ(met.status, 0) << met.err;
  for (const auto& [mode, cls] : modes)
    EXPECT_NE(met.out.find("," + std::string(cls) + ","), std::string::npos) << mode << met.out;
  // A PLOVER type in capitals selects the classes it becomes: the four consultations.
  const auto consult = run("query events --type CONSULT --format csv " + graph, dir);
  EXPECT_EQ(lines_of(consult.out).size(), 5U) << consult.out;
  const auto states = run("query met --level state --count --format csv " + graph, dir);
  EXPECT_NE(states.out.find("Brazil,https://w3id.org/diplograph/id/state/IND,India,4,"), std::string::npos)
      << states.out;
}

TEST(Polecat, EachBadRowIsNamedByFileLineAndColumnAndNothingIsWritten) {
  const std::string dir = test::scratch("polecat-bad");
  const auto lines = lines_of(test::read(weekly()));
  const auto with = [&](std::size_t column, const std::string& value) {
    auto f = split(lines[1], "\t");
    f[column] = value;
    std::string joined;
    for (std::size_t k = 0; k < f.size(); ++k) joined += (k ? "\t" : "") + f[k];
    return joined;
  };
  const std::pair<std::string, std::string> bad[] = {
      {with(2, "GOSSIP"), "bad.txt:3: column Event Type: \"GOSSIP\" is not a PLOVER event type"},
      {with(1, "2024-02-30"),
       "bad.txt:3: column Event Date: \"2024-02-30\" is not a date: 2024-02 has 29 days"},
      {with(4, "high"), "bad.txt:3: column Event Intensity: \"high\" is not a number"},
      {with(8, "India; Brazil"),
       "bad.txt:3: Actor columns list 1 and 2 entities: the parallel lists differ in length"},
      {with(9, "2"), "bad.txt:3: column Actor COW: 2 is not a COW code of India (750)"},
      {with(8, "Narnia"), "bad.txt:3: column Actor Country: unknown country \"Narnia\""},
      {lines[1] + "\tsurplus", "bad.txt:3: 41 columns where the header has 40"},
      {lines[1].substr(0, lines[1].rfind('\t')), "bad.txt:3: 39 columns where the header has 40"},
  };
  for (const auto& [row, message] : bad) {
    test::write(dir + "/bad.txt", lines[0] + "\n" + lines[2] + "\n" + row + "\n");
    test::expect_error(run("convert " + dir + "/bad.txt -o " + dir + "/out.ttl", dir), 2, message);
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl")) << message;
    const auto kept = run("convert --keep-going -t ntriples " + dir + "/bad.txt", dir);
    EXPECT_EQ(kept.status, 3) << message << kept.err;
    EXPECT_NE(kept.err.find("2 records read, 1 events written, 1 skipped"), std::string::npos) << kept.err;
  }
  test::write(dir + "/latin1.txt", lines[0] + "\n" + with(7, "S\xe3o Paulo") + "\n");
  test::expect_error(run("convert " + dir + "/latin1.txt", dir), 2, "latin1.txt:2: not valid UTF-8");
}

}  // namespace
