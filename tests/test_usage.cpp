// The command line as people meet it: every error says what was wrong and what to do next,
// nothing is silently empty, and --help cannot drift from the contract (../shared/spec/cli.md).
#include <gtest/gtest.h>

#include <regex>

#include "tests/helpers.hpp"

namespace {

using test::run;

const std::string& samples_graph() {
  const std::string s = test::samples();
  static const std::string path =
      test::converted(s + "/seed.jsonl " + s + "/meetings.jsonl " + s + "/inter-korean.csv", "usage");
  return path;
}

const std::string& icews_graph() {
  static const std::string path =
      test::converted(test::shared() + "/icews/events.2018.sample.tab", "usage-icews");
  return path;
}

using test::expect_error;

TEST(Usage, NumericOptionsAreCheckedNeverWrappedAround) {
  expect_error(run("query path --from Moon --to Putin --max-hops -1 " + samples_graph()), 1,
               "diplograph: --max-hops takes a whole number from 0 to 100, not \"-1\" (see --help)");
  expect_error(run("query path --from Moon --to Putin --max-hops 1e3 " + samples_graph()), 1,
               "--max-hops takes a whole number from 0 to 100, not \"1e3\"");
  expect_error(run("convert --max-line -5 " + test::samples() + "/seed.jsonl"), 1,
               "--max-line takes a whole number from 1 to 4294967296, not \"-5\"");
  expect_error(run("convert --max-depth 0 " + test::samples() + "/seed.jsonl"), 1,
               "--max-depth takes a whole number from 1 to 100000, not \"0\"");
  expect_error(run("actors --limit -1 " + samples_graph()), 1,
               "--limit takes a whole number from 1 to 1000000000, not \"-1\"");
}

TEST(Usage, PathsOfZeroHopsAndPathsThroughPeopleOnly) {
  auto r = run("query path --from Putin --to 'Vladimir Putin' " + samples_graph());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("note: --from and --to name the same actor: a chain of zero hops"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("no chain"), std::string::npos);
  // On ICEWS, Wilbur Ross reaches Lavrov through the state node China unless only people count.
  r = run("query path --from 'Wilbur Ross' --to Lavrov --format csv " + icews_graph());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("/state/"), std::string::npos) << r.out;
  r = run("query path --from 'Wilbur Ross' --to Lavrov --via person --format csv " + icews_graph());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("/state/"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("/org/"), std::string::npos) << r.out;
  expect_error(run("query path --from a --to b --via states " + samples_graph()), 1,
               "--via takes any or person, not \"states\"");
}

TEST(Usage, ClassesTypedLooselyAndClassesThatAreNoInteraction) {
  auto r = run("query met --type visit --format csv " + samples_graph());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(",Visit,"), std::string::npos);
  r = run("query met --type phone_call --format csv " + samples_graph());
  EXPECT_NE(r.out.find(",PhoneCall,"), std::string::npos) << r.err;
  r = run("query met --type Statement " + samples_graph());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(
      r.err.find("note: Statement is not an interaction (dg:Interaction): who met whom counts only events "
                 "in which the participants dealt with each other; query timeline lists every event"),
      std::string::npos)
      << r.err;
  expect_error(run("query met --type Summit " + samples_graph()), 1,
               "unknown event class \"Summit\" (--type takes one of: AgreementSigning, ");
}

TEST(Usage, DatesOutsideTheDataAreExplained) {
  const auto r = run("query met --since 1900 --until 1901 " + icews_graph());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(
      r.err.find("note: no event of the data lies in the dates asked: its events run from 2018-06-01 to "
                 "2018-06-02"),
      std::string::npos)
      << r.err;
}

TEST(Usage, ForeignDelimitersAreNamedAndDelimiterReadsThem) {
  const std::string dir = test::scratch("delimiter");
  test::write(dir + "/excel.csv",
              "id;type;date;actor1;actor2\n1;meeting;2019-06-30;Moon Jae-in;Kim Jong Un\n");
  expect_error(run("convert " + dir + "/excel.csv -o " + dir + "/out.ttl", dir), 2,
               "excel.csv:1: header: required column \"id\" missing; the header is separated by ';', not ',' "
               "(use --delimiter ';')");
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl"));
  const auto ok = run("convert --delimiter ';' -t ntriples " + dir + "/excel.csv", dir);
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_NE(ok.out.find("\"Kim Jong Un\""), std::string::npos);
  test::write(dir + "/tabs.csv", "id\ttype\tdate\tactor1\n1\tmeeting\t2019\tX\n");
  expect_error(run("convert " + dir + "/tabs.csv", dir), 2,
               "the header is separated by tab, not ',' (use --delimiter 'tab')");
  EXPECT_EQ(run("convert --delimiter tab " + dir + "/tabs.csv", dir).status, 0);
  expect_error(run("convert --delimiter '#' " + dir + "/tabs.csv", dir), 1,
               "--delimiter takes ',', ';', '|', ':' or tab, not \"#\"");
}

TEST(Usage, ATruncatedLastLineSuggestsKeepGoing) {
  const std::string dir = test::scratch("truncated");
  const std::string text = test::read(test::shared() + "/gdelt/20150218230000.export.CSV");
  test::write(dir + "/cut.export.CSV", text.substr(0, text.size() - 300));  // the last row cut short
  auto r = run("convert " + dir + "/cut.export.CSV -o " + dir + "/out.ttl", dir);
  expect_error(r, 2, "cut.export.CSV:2271: ");
  EXPECT_NE(r.err.find("diplograph: nothing written to " + dir +
                       "/out.ttl (--keep-going skips bad records, reports each and converts the rest)"),
            std::string::npos)
      << r.err;
  r = run("convert --keep-going " + dir + "/cut.export.CSV -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("2271 records read, 2270 events written, 1 skipped"), std::string::npos) << r.err;
  // An unreadable file is no bad record: no such hint.
  r = run("convert " + dir + "/missing.jsonl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find("--keep-going"), std::string::npos) << r.err;
}

TEST(Usage, IcewsSectorsAreKeptAndFilter) {
  const std::string graph = test::read(icews_graph());
  EXPECT_NE(graph.find("dg:sector"), std::string::npos);
  EXPECT_NE(graph.find("\"Foreign Ministry\""), std::string::npos);
  const auto all = run("query met --count --format csv " + icews_graph());
  const auto military = run("query met --sector military --count --format csv " + icews_graph());
  ASSERT_EQ(military.status, 0) << military.err;
  const auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  EXPECT_GT(lines(military.out), 1);
  EXPECT_LT(lines(military.out), lines(all.out));
  expect_error(run("query met --sector Militry " + icews_graph()), 1,
               "unknown sector \"Militry\" (the data's sectors: ");
}

TEST(Usage, EveryErrorOfAQuestionNamesTheValidValues) {
  expect_error(run("query met --level country " + samples_graph()), 1,
               "--level takes person or state, not \"country\"");
  expect_error(run("query met --format xml " + samples_graph()), 1,
               "--format takes table, csv, json, dot, graphml or gexf, not \"xml\"");
  expect_error(run("query relation --between AFG --and PAK --format dot " + samples_graph()), 1,
               "--format takes table, csv or json, not \"dot\"");
  expect_error(run("query meet " + samples_graph()), 1,
               "unknown query \"meet\" (met, relation, path, timeline, events, dyads or representation)");
  expect_error(run("query met --since 2019-13 " + samples_graph()), 1,
               "--since \"2019-13\" is not a date: there is no month 13");
  expect_error(run("query met --since 2019-1 " + samples_graph()), 1,
               "--since takes YYYY-MM-DD, YYYY-MM or YYYY, not \"2019-1\"");
}

TEST(Usage, HelpNamesEveryOutputFormat) {
  const auto query = run("query --help");
  EXPECT_EQ(query.status, 0);
  EXPECT_NE(query.out.find("--format table, csv, json, or a network of who met whom: dot"), std::string::npos)
      << query.out;
  const auto met = run("query met --help");
  EXPECT_NE(met.out.find("table, csv, json, or a network of who met whom: dot"), std::string::npos)
      << met.out;
  EXPECT_NE(met.out.find("(Graphviz), graphml, gexf (Gephi)"), std::string::npos) << met.out;
  EXPECT_NE(run("query dyads --help").out.find("table, csv, json, or a network: graphml, gexf"),
            std::string::npos);
  EXPECT_NE(run("query timeline --help").out.find("table, csv, json"), std::string::npos);
}

// The usage lines of a text ("    diplograph COMMAND [...]", continued on indented lines).
std::vector<std::string> usage_lines(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> usages;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("    diplograph ")) {
      usages.push_back(line);
    } else if (!usages.empty() && line.starts_with("     ") && line.find('[') != std::string::npos &&
               line.find("diplograph") == std::string::npos) {
      usages.back() += line;
    }
  }
  return usages;
}

struct HelpCheck {
  std::size_t checked = 0;
  std::vector<std::string> not_offered;
};

// Every option each usage line names is in its command's --help (`where` names the text).
HelpCheck check_help(const std::vector<std::string>& usages, const std::string& where) {
  const std::regex option("(--[a-z][a-z-]*|-[a-z])\\b");
  HelpCheck out;
  for (const auto& usage : usages) {
    std::istringstream words(usage);
    std::string dg, cmd, sub;
    words >> dg >> cmd;
    if (cmd == "query") words >> sub;
    const std::string command = cmd + (sub.empty() ? "" : " " + sub);
    const auto help = run(command + " --help");
    if (help.status != 0) {
      out.not_offered.push_back(command);
      continue;
    }
    for (std::sregex_iterator it(usage.begin(), usage.end(), option), end; it != end; ++it) {
      ++out.checked;
      EXPECT_NE(help.out.find((*it)[1].str()), std::string::npos)
          << "diplograph " << command << " --help does not name " << (*it)[1] << " (" << where << ": "
          << usage << ")";
    }
  }
  return out;
}

// Each usage line of cli.md for a command diplograph offers: every option it names is in that
// command's --help. (Commands of the contract not offered yet are listed, not checked.)
TEST(Usage, HelpNamesEveryOptionOfTheContract) {
  const std::string spec = test::read(std::string(SOURCE_DIR) + "/../shared/spec/cli.md");
  const auto usages = usage_lines(spec);
  ASSERT_GE(usages.size(), 10U);
  const auto result = check_help(usages, "cli.md");
  for (const auto& c : result.not_offered) std::cout << "not offered yet: diplograph " << c << '\n';
  EXPECT_GT(result.checked, 25U);  // convert, the five questions, merge and ontology have as many
}

// The README's command-line section names only commands and options that --help names too.
TEST(Usage, ReadmeAndHelpSayTheSame) {
  const std::string readme = test::read(std::string(SOURCE_DIR) + "/README.md");
  const auto from = readme.find("## The command line"), to = readme.find("Every query also takes");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const auto usages = usage_lines(readme.substr(from, to - from));
  ASSERT_GE(usages.size(), 10U);
  const auto result = check_help(usages, "README");
  EXPECT_EQ(result.not_offered, std::vector<std::string>{});
  EXPECT_GT(result.checked, 30U);
}

}  // namespace
