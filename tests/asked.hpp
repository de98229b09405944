// Shared by the tests that compare backends (index file, SPARQL store) with the Turtle: every
// question and option, and a synthetic world to ask them of.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "tests/helpers.hpp"

namespace test {

// Every question and option on a graph, naming these actors and states.
inline std::vector<std::string> questions(const std::string& person, const std::string& a,
                                          const std::string& b) {
  const std::string csv = " --format csv";
  std::vector<std::string> out{
      "actors" + csv,
      "actors \"" + person + "\"" + csv,
      "actors " + a + csv,
      "query met" + csv,
      "query met --count" + csv,
      "query met --level state" + csv,
      "query met --level state --count" + csv,
      "query met --actor \"" + person + "\"" + csv,
      "query met --actor \"" + person + "\" --count" + csv,
      "query met --actor \"" + person + "\" --count --format json",
      "query met --actor " + b + " --level state --count" + csv,
      "query met --actor " + a + " --level state --since 2018-03 --until 2019" + csv,
      "query met --actor " + a + " --with " + b + " --level state" + csv,
      "query met --actor " + a + " --level state --count --format dot",
      "query met --level state --count --format graphml",
      "query met --type Meeting --type PhoneCall" + csv,
      "query relation --between " + a + " --and " + b + csv,
      "query relation --between " + a + " --and " + b + " --at 2019-01-01" + csv,
      "query timeline --actor \"" + person + "\"" + csv,
      "query timeline --actor " + a + " --level state" + csv,
      "query events" + csv,
      "query events --actor " + a + " --level state --quad-class 1" + csv,
      "query events --cameo 04 --cameo 05 --goldstein 0:10" + csv,
      "query dyads --by month --level state" + csv,
      "query dyads --by year --level state --directed --codes cow" + csv,
      "query dyads --by all --level state --codes gw --format gexf",
      "query dyads --by day" + csv,
      "query dyads --level state" + csv,
      "query dyads --by year --level state --all-known-dyads" + csv,
      "query dyads --by year --level state --actor " + a + " --format json",
      "query representation" + csv,
      "query representation --between " + a + " --codes cow" + csv,
      "query representation --between " + a + " --and " + b + " --since 2016 --until 2019" + csv,
      "query met --actor \"no such person at all\"" + csv,
      "query met --actor " + a + csv,
  };
  return out;
}

// `graphs` built into an index file by `diplograph index` (the run expected to succeed).
inline std::string indexed(const std::string& graphs, const std::string& name) {
  const std::string out = test::scratch("index-" + name) + "/g.idx";
  const auto r = test::run("index -q -o " + out + " " + graphs);
  EXPECT_EQ(r.status, 0) << r.err;
  return out;
}

// A synthetic world: random meetings, calls and visits among officials of eight states, and
// changes of representation between them, over six years.
inline std::string synthetic_world(const std::string& dir, unsigned seed, int records) {
  std::mt19937 rng(seed);
  const std::vector<std::string> states{"USA", "RUS", "CHN", "FRA", "DEU", "IND", "PAK", "AFG"};
  const std::vector<std::string> types{"meeting", "phone_call", "visit", "negotiation", "statement"};
  const std::vector<std::string> levels{"ambassador", "charge_d_affaires", "minister", "none"};
  std::string text;
  for (int i = 0; i < records; ++i) {
    const std::string date = std::to_string(2015 + rng() % 6) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                             std::to_string(rng() % 10);
    const std::string a = states[rng() % states.size()], b = states[rng() % states.size()];
    if (rng() % 10 == 0 && a != b) {
      text += "{\"id\":\"r" + std::to_string(i) + "\",\"type\":\"relation_change\",\"date\":\"" + date +
              "\",\"participants\":[{\"name\":\"" + a + "\",\"kind\":\"state\",\"state\":\"" + a +
              "\"},{\"name\":\"" + b + "\",\"kind\":\"state\",\"state\":\"" + b +
              "\"}],\"relation\":{\"between\":[\"" + a + "\",\"" + b + "\"],\"level\":\"" +
              levels[rng() % levels.size()] + "\",\"status\":\"" + (rng() % 2 ? "effective" : "proposed") +
              "\"}}\n";
      continue;
    }
    std::vector<std::pair<std::string, std::string>> people;
    for (int k = 0; k < 2 + static_cast<int>(rng() % 2); ++k) {
      const std::string st = k == 0 ? a : k == 1 ? b : states[rng() % states.size()];
      people.emplace_back("Official " + std::to_string(rng() % 5) + " of " + st, st);
    }
    std::string line = test::meeting("e" + std::to_string(i), date, people);
    line.replace(line.find("\"meeting\""), 9, "\"" + types[rng() % types.size()] + "\"");
    text += line;
  }
  test::write(dir + "/world.jsonl", text);
  return dir + "/world.jsonl";
}

}  // namespace test
