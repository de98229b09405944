// query dyads on the real files, against counts made in the test straight from the raw rows;
// state-system codes read from the graph; network files read back by networkx.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "tests/helpers.hpp"

namespace {

using test::run;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> f;
  std::string cell;
  std::istringstream cells(line);
  while (std::getline(cells, cell, sep)) f.push_back(cell);
  if (!line.empty() && line.back() == sep) f.emplace_back();
  return f;
}

std::vector<std::vector<std::string>> tab_rows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(test::read(path));
  for (std::string line; std::getline(in, line);) rows.push_back(split(line, '\t'));
  return rows;
}

// The rows of a CSV answer without quoted cells (codes and counts only), keyed by their first
// `key` columns joined with '|'; the rest as the value.
std::map<std::string, std::string> answer(const std::string& args, std::size_t key) {
  const auto r = run(args);
  EXPECT_EQ(r.status, 0) << args << ": " << r.err;
  std::map<std::string, std::string> out;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = split(line, ',');
    std::string k, v;
    for (std::size_t i = 0; i < f.size(); ++i)
      (i < key ? k : v) += (i < key && i ? "|" : i > key ? "," : "") + f[i];
    EXPECT_TRUE(out.emplace(k, v).second) << "row twice: " << line;
  }
  return out;
}

int quad_of(const std::string& cameo) {
  const int root = std::stoi(cameo.substr(0, 2));
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

struct Expected {
  std::size_t events = 0;
  std::array<std::size_t, 4> quad{};
  double goldstein = 0;
  void add(int q, double g = 0) {
    ++events;
    ++quad[static_cast<std::size_t>(q - 1)];
    goldstein += g;
  }
  [[nodiscard]] std::string counts() const {
    return std::to_string(events) + "," + std::to_string(quad[0]) + "," + std::to_string(quad[1]) + "," +
           std::to_string(quad[2]) + "," + std::to_string(quad[3]);
  }
};

// Keeps only the rows of pairs among `states`, and drops the goldstein column.
std::map<std::string, std::string> among(const std::map<std::string, std::string>& rows,
                                         const std::map<std::string, std::string>& states) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : rows) {
    const auto f = split(k, '|');
    bool in = true;
    for (std::size_t i = 1; i < f.size(); ++i) {
      in = in && std::any_of(states.begin(), states.end(), [&](const auto& s) { return s.second == f[i]; });
    }
    if (in) out.emplace(k, v.substr(0, v.rfind(',')));
  }
  return out;
}

const std::map<std::string, std::string> kIcewsStates{
    {"United States", "USA"},      {"North Korea", "PRK"}, {"South Korea", "KOR"}, {"China", "CHN"},
    {"Russian Federation", "RUS"}, {"Ukraine", "UKR"},     {"Syria", "SYR"},       {"Israel", "ISR"}};

// ICEWS per month, state level: one event per row, except that the rows written from both sides
// of one interaction (same story, sentence, date, code with 042/043 as one, and pair of actors)
// are one event, paired in Event ID order; directed, each row counts from source to target (an
// event written from both sides has both directions).
TEST(Dyads, IcewsStatePairsPerMonthMatchTheRawRows) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  const std::string graph = test::converted(path, "dyads-icews");
  struct Group {
    std::string month, a, b;
    int quad = 0;
    std::size_t one_way = 0, other_way = 0;
  };
  std::map<std::string, Group> groups;
  std::map<std::string, Expected> directed;
  for (const auto& f : tab_rows(path)) {
    if (f.size() < 13 || f[0] == "Event ID" || !kIcewsStates.count(f[4]) || !kIcewsStates.count(f[10]))
      continue;
    const std::string a = kIcewsStates.at(f[4]), b = kIcewsStates.at(f[10]);
    if (a == b) continue;
    const std::string month = f[1].substr(0, 7), code = f[6] == "043" ? "042" : f[6];
    const std::string src = f[2] + "\t" + a, tgt = f[8] + "\t" + b;
    // Only interactions (CAMEO 040-046, 057: classes below dg:Interaction) are written twice.
    const bool interaction = (code.size() == 3 && code.starts_with("04") && code[2] <= '6') || code == "057";
    const std::string key = (interaction ? "" : f[0]) + "\t" + f[11] + "\t" + f[12] + "\t" + f[1] + "\t" +
                            code + "\t" + std::min(src, tgt) + "\t" + std::max(src, tgt);
    Group& g = groups[key];
    g = {month,         std::min(a, b),          std::max(a, b),
         quad_of(f[6]), g.one_way + (src < tgt), g.other_way + (src > tgt)};
    directed[month + "|" + a + "|" + b].add(quad_of(f[6]));
  }
  std::map<std::string, Expected> undirected;
  for (const auto& [k, g] : groups) {
    for (std::size_t i = 0; i < std::max(g.one_way, g.other_way); ++i)
      undirected[g.month + "|" + g.a + "|" + g.b].add(g.quad);
  }
  const std::string ask =
      "query dyads --level state --by month --format csv --columns "
      "period,actor_code,other_code,events,verbal_cooperation,material_cooperation,"
      "verbal_conflict,material_conflict,goldstein_mean ";
  for (const bool is_directed : {false, true}) {
    const auto got = among(answer(ask + (is_directed ? "--directed " : "") + graph, 3), kIcewsStates);
    const auto& want = is_directed ? directed : undirected;
    ASSERT_EQ(got.size(), want.size()) << (is_directed ? "directed" : "undirected");
    for (const auto& [k, e] : want) {
      ASSERT_TRUE(got.count(k)) << k;
      EXPECT_EQ(got.at(k), e.counts()) << k << (is_directed ? " directed" : "");
    }
  }
  EXPECT_GT(undirected["2018-06|PRK|USA"].events, 100U);  // the Singapore summit month
}

// GDELT per day, state level: every row one event from Actor1 to Actor2, GDELT's own QuadClass
// and GoldsteinScale.
TEST(Dyads, GdeltStatePairsPerDayMatchTheRawRows) {
  const std::map<std::string, std::string> states{{"USA", "USA"}, {"RUS", "RUS"}, {"CHN", "CHN"},
                                                  {"GBR", "GBR"}, {"FRA", "FRA"}, {"ISR", "ISR"},
                                                  {"IRN", "IRN"}, {"TUR", "TUR"}};
  for (const std::string file : {"20150218230000.export.CSV", "20191024143000.export.CSV"}) {
    const std::string path = test::shared() + "/gdelt/" + file;
    const std::string graph = test::converted(path, "dyads-" + file.substr(0, 8));
    std::map<std::string, Expected> undirected, directed;
    for (const auto& f : tab_rows(path)) {
      if (!states.count(f[7]) || !states.count(f[17]) || f[7] == f[17]) continue;
      const std::string day = f[1].substr(0, 4) + "-" + f[1].substr(4, 2) + "-" + f[1].substr(6, 2);
      const int quad = std::stoi(f[29]);
      const double g = std::stod(f[30]);
      undirected[day + "|" + std::min(f[7], f[17]) + "|" + std::max(f[7], f[17])].add(quad, g);
      directed[day + "|" + f[7] + "|" + f[17]].add(quad, g);
    }
    ASSERT_GT(undirected.size(), 3U) << file;
    for (const bool is_directed : {false, true}) {
      const auto r = answer(
          "query dyads --level state --by day --format csv --columns "
          "period,actor_code,other_code,events,verbal_cooperation,material_cooperation,"
          "verbal_conflict,material_conflict,goldstein_mean " +
              std::string(is_directed ? "--directed " : "") + graph,
          3);
      const auto got = among(r, states);
      const auto& want = is_directed ? directed : undirected;
      ASSERT_EQ(got.size(), want.size()) << file;
      for (const auto& [k, e] : want) {
        ASSERT_TRUE(got.count(k)) << file << " " << k;
        EXPECT_EQ(got.at(k), e.counts()) << file << " " << k;
        const std::string v = r.at(k);
        EXPECT_NEAR(std::stod(v.substr(v.rfind(',') + 1)), e.goldstein / static_cast<double>(e.events), 5e-5)
            << k;
      }
    }
  }
}

// Native records made here: people of four states meeting, calling (the caller a source) and
// visiting in several months; counts per month at person and state level, both ways.
TEST(Dyads, NativeRecordsPerMonthAtPersonAndStateLevel) {
  const std::vector<std::pair<std::string, std::string>> people{
      {"Ann Able", "USA"}, {"Bo Brand", "USA"}, {"Cy Coe", "DEU"}, {"Di Dorn", "FRA"}, {"Ed Eck", "JPN"}};
  const std::vector<std::string> types{"meeting", "phone_call", "visit", "negotiation"};
  std::mt19937 rng(7);
  std::string jsonl;
  std::map<std::string, std::size_t> person, state, directed;  // month|a|b -> events
  for (int i = 0; i < 60; ++i) {
    const std::string type = types[rng() % types.size()];
    const std::string month = "2019-0" + std::to_string(1 + rng() % 4);
    std::vector<std::size_t> who{rng() % people.size()};
    while (who.size() < (type == "meeting" ? 2 + rng() % 2 : 2)) {
      const std::size_t p = rng() % people.size();
      if (std::find(who.begin(), who.end(), p) == who.end()) who.push_back(p);
    }
    jsonl += "{\"id\":\"e" + std::to_string(i) + "\",\"type\":\"" + type + "\",\"date\":\"" + month + "-1" +
             std::to_string(rng() % 9) + "\",\"participants\":[";
    std::set<std::string> states_in;
    for (std::size_t k = 0; k < who.size(); ++k) {
      const auto& [name, st] = people[who[k]];
      jsonl += std::string(k ? "," : "") + "{\"name\":\"" + name + "\",\"state\":\"" + st + "\"" +
               (type == "phone_call" && k == 0 ? ",\"role\":\"caller\"" : "") + "}";
      states_in.insert(st);
      for (std::size_t j = 0; j < k; ++j) {
        const std::string& other = people[who[j]].first;
        person[month + "|" + std::min(name, other) + "|" + std::max(name, other)]++;
        if (type != "phone_call") {
          directed[month + "|" + name + "|" + other]++;
          directed[month + "|" + other + "|" + name]++;
        }
      }
      if (type == "phone_call" && k > 0) directed[month + "|" + people[who[0]].first + "|" + name]++;
    }
    jsonl += "]}\n";
    for (auto a = states_in.begin(); a != states_in.end(); ++a) {
      for (auto b = std::next(a); b != states_in.end(); ++b) state[month + "|" + *a + "|" + *b]++;
    }
  }
  const std::string dir = test::scratch("dyads-native");
  test::write(dir + "/made.jsonl", jsonl);
  const std::string graph = test::converted(dir + "/made.jsonl", "dyads-native");
  const auto counts = [](const std::map<std::string, std::string>& rows, bool unordered) {
    std::map<std::string, std::size_t> out;
    for (const auto& [k, v] : rows) {
      auto f = split(k, '|');
      if (unordered && f[2] < f[1]) std::swap(f[1], f[2]);
      out[f[0] + "|" + f[1] + "|" + f[2]] = std::stoul(v);
    }
    return out;
  };
  const std::string ask = "query dyads --by month --format csv ";
  EXPECT_EQ(counts(answer(ask + "--columns period,actor_label,other_label,events " + graph, 3), true),
            person);
  EXPECT_EQ(
      counts(answer(ask + "--columns period,actor_code,other_code,events --level state " + graph, 3), true),
      state);
  EXPECT_EQ(
      counts(answer(ask + "--columns period,actor_label,other_label,events --directed " + graph, 3), false),
      directed);
  // Interactions of these classes are verbal cooperation by their dg:cameoRoot (04x).
  for (const auto& [k, v] :
       answer(ask + "--columns period,actor_label,other_label,events,verbal_cooperation " + graph, 3))
    EXPECT_EQ(v.substr(0, v.find(',')), v.substr(v.find(',') + 1)) << k;
}

std::string germany_graph() {
  const std::string dir = test::scratch("dyads-codes");
  std::string jsonl;
  for (const std::string year : {"1950", "1985", "1995", "2018"}) {
    jsonl += "{\"id\":\"m" + year + "\",\"type\":\"meeting\",\"date\":\"" + year +
             "-05-01\",\"participants\":[{\"name\":\"Germany\",\"state\":\"DEU\",\"kind\":\"state\"},"
             "{\"name\":\"France\",\"state\":\"FRA\",\"kind\":\"state\"}]}\n";
  }
  test::write(dir + "/germany.jsonl", jsonl);
  return test::converted(dir + "/germany.jsonl", "dyads-germany");
}

// COW and G-W codes are those of the period's year, read from the graph: Germany is 255 in COW
// until 1945 and from 1990, 260 in between, and no member in 1950; G-W has it 260 from 1949.
TEST(Dyads, StateSystemCodesOfThePeriodsYearFromTheGraph) {
  const std::string graph = germany_graph();
  const std::string ask =
      "query dyads --level state --by year --format csv --columns period,actor_code,other_code ";
  EXPECT_EQ(answer(ask + "--codes cow " + graph, 3).size(), 4U);
  EXPECT_EQ(answer(ask + "--codes cow " + graph, 3).count("1950||220"), 1U);
  EXPECT_EQ(answer(ask + "--codes cow " + graph, 3).count("1985|260|220"), 1U);
  EXPECT_EQ(answer(ask + "--codes cow " + graph, 3).count("1995|255|220"), 1U);
  EXPECT_EQ(answer(ask + "--codes gw " + graph, 3).count("1950|260|220"), 1U);
  EXPECT_EQ(answer(ask + "--codes gw " + graph, 3).count("2018|260|220"), 1U);
  const std::string all = "query dyads --level state --format csv --columns actor_code,other_code,events ";
  EXPECT_EQ(answer(all + "--codes cow " + graph, 2).count("255|220"), 1U);  // today's code
  EXPECT_EQ(answer(all + graph, 2).count("DEU|FRA"), 1U);
  // The codes come from the graph: a publisher's own notation is what the table shows.
  std::string ttl = test::read(graph);
  for (std::size_t at; (at = ttl.find("\"255\"^^dg:cowCode")) != std::string::npos;)
    ttl.replace(at, 5, "\"999\"");
  const std::string edited = test::scratch("dyads-edited") + "/g.ttl";
  test::write(edited, ttl);
  EXPECT_EQ(answer(ask + "--codes cow " + edited, 3).count("1995|999|220"), 1U);
}

TEST(Dyads, BadOptionsSayWhatTheyTake) {
  const std::string graph = test::samples() + "/../tests/golden/samples.nt";
  test::expect_error(run("query dyads --by week " + graph), 1,
                     "--by takes all, year, month or day, not \"week\"");
  test::expect_error(run("query dyads --codes iso2 " + graph), 1,
                     "--codes takes iso3, cow (Correlates of War) or gw (Gleditsch-Ward), not \"iso2\"");
  test::expect_error(run("query dyads --quad-class 0 " + graph), 1,
                     "--quad-class takes 1 (verbal cooperation)");
  test::expect_error(run("query dyads --goldstein 5:x " + graph), 1, "--goldstein takes MIN:MAX");
  test::expect_error(run("query dyads --format pdf " + graph), 1, "--format takes table, csv or json");
}

// Shuffled rows and a gzipped file: the same dyads.
TEST(Dyads, ShuffledAndPackedIcewsGiveTheSameTable) {
  const std::string path = test::shared() + "/icews/events.2018.sample.tab";
  const std::string dir = test::scratch("dyads-shuffled");
  std::istringstream in(test::read(path));
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  std::shuffle(lines.begin(), lines.end(), std::mt19937(11));
  std::string shuffled = header + "\n";
  for (const auto& l : lines) shuffled += l + "\n";
  test::write(dir + "/events.2018.sample.tab", shuffled);
  ASSERT_EQ(std::system(("gzip -kf " + dir + "/events.2018.sample.tab").c_str()), 0);
  const std::string ask = "query dyads --level state --by month --directed --format csv ";
  const auto plain = run(ask + test::converted(path, "dyads-plain"));
  const auto mixed = run(ask + test::converted(dir + "/events.2018.sample.tab.gz", "dyads-mixed"));
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out, mixed.out);
}

// GraphML and GEXF, read back by networkx (Debian's python3-networkx): the nodes, their
// attributes, and edge weights summing to the events counted.
TEST(Dyads, NetworkFilesReadByNetworkx) {
  const std::string graph = test::converted(test::shared() + "/icews/events.2018.sample.tab", "dyads-net");
  const std::string dir = test::scratch("dyads-net-files");
  const auto total = [&](const std::string& args) {
    std::size_t sum = 0;
    for (const auto& [k, v] :
         answer("query dyads --format csv --columns actor,other,events " + args + graph, 2))
      sum += std::stoul(v);
    return sum;
  };
  const std::string check = dir + "/check.py";
  test::write(
      check,
      "import sys, networkx as nx\n"
      "g = nx.read_graphml(sys.argv[1]) if sys.argv[1].endswith('graphml') else nx.read_gexf(sys.argv[1])\n"
      "usa = 'https://w3id.org/diplograph/id/state/USA'\n"
      "assert g.nodes[usa]['label'] == 'United States', g.nodes[usa]\n"
      "assert g.nodes[usa]['kind'] == 'state' and g.nodes[usa]['state'] == 'USA'\n"
      "print(g.is_directed(), g.number_of_nodes(), int(sum(w for _, _, w in g.edges(data='weight'))))\n");
  for (const std::string format : {"graphml", "gexf"}) {
    for (const std::string args : {"--level state ", "--level state --directed --by month ", ""}) {
      const std::string file = dir + "/net." + format;
      const auto r = run("query dyads --format " + format + " " + args + graph);
      ASSERT_EQ(r.status, 0) << r.err;
      test::write(file, r.out);
      const std::string out = dir + "/nx.out";
      ASSERT_EQ(std::system(("/usr/bin/python3 " + check + " " + file + " > " + out).c_str()), 0)
          << format << " " << args;
      const auto words = split(test::read(out), ' ');
      EXPECT_EQ(words[0], args.find("--directed") != std::string::npos ? "True" : "False");
      EXPECT_EQ(std::stoul(words[2]), total(args)) << format << " " << args;
    }
  }
  // who met whom as a network, GEXF edges carrying their first and last day
  const auto met = run("query met --actor 'Kim Jong-Un' --format gexf " + graph);
  ASSERT_EQ(met.status, 0) << met.err;
  EXPECT_NE(met.out.find("start=\"2018-"), std::string::npos);
}

}  // namespace

namespace {

// GEXF dates are real days: a month ends on its last day (February of a leap year on the 29th),
// a year runs from 1 January to 31 December.
TEST(Dyads, GexfEdgesSpanRealDays) {
  const std::string dir = test::scratch("dyads-gexf-days");
  test::write(dir + "/f.jsonl", test::meeting("a", "2020-02", {{"A B", "USA"}, {"C D", "FRA"}}) +
                                    test::meeting("b", "2019", {{"A B", "USA"}, {"C D", "FRA"}}));
  const std::string graph = test::converted(dir + "/f.jsonl", "dyads-gexf-days");
  const auto met = run("query met --format gexf " + graph);
  ASSERT_EQ(met.status, 0) << met.err;
  EXPECT_NE(met.out.find("weight=\"2\" start=\"2019-01-01\" end=\"2020-02-29\""), std::string::npos)
      << met.out;
  const auto dyads = run("query dyads --by month --level state --format gexf " + graph);
  EXPECT_NE(dyads.out.find("start=\"2019-01-01\" end=\"2020-02-29\""), std::string::npos) << dyads.out;
}

}  // namespace

namespace {

// A graph written by others may hold any literal as a date: the network is still written, the
// edge without days (found by the fuzzer: "2018-13" made the GEXF writer throw).
TEST(Dyads, GexfOfMalformedDatesHasEdgesWithoutDays) {
  const std::string dir = test::scratch("dyads-gexf-bad-dates");
  test::write(
      dir + "/g.ttl",
      "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "<http://ex/m> a dg:Meeting ; dg:date \"2018-13\" ; dg:participant <http://ex/a>, <http://ex/b> .\n"
      "<http://ex/a> a dg:Person ; rdfs:label \"A\" .\n<http://ex/b> a dg:Person ; rdfs:label \"B\" .\n");
  const auto r = run("query met --format gexf " + dir + "/g.ttl");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("source=\"http://ex/a\" target=\"http://ex/b\" weight=\"1\"/>"), std::string::npos)
      << r.out;
}

}  // namespace
