// Nothing lost, nothing misleading: each defect a researcher or a hostile client found, as the
// user met it, through the command line (the other backends ask the same through tests/asked.hpp).
#include <sys/wait.h>

#include <fstream>
#include <map>

#include "tests/helpers.hpp"

namespace {

using test::run;

const std::string kShared = SHARED_DATA;

std::string dir(const std::string& name) {
  return test::scratch("lost-" + name);
}

// The statements of a Turtle file, one N-Triples line each, sorted and distinct.
std::set<std::string> statements(const std::string& ttl) {
  std::set<std::string> out;
  const std::string nt = ttl + ".nt";
  const std::string cmd = "serdi -i turtle -o ntriples " + ttl + " > " + nt;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(nt);
  for (std::string line; std::getline(in, line);) out.insert(line);
  return out;
}

std::string convert(const std::string& inputs, const std::string& out_dir, std::string* err = nullptr) {
  const auto r = run("convert --no-progress " + inputs + " -o " + out_dir + "/g.ttl", out_dir);
  EXPECT_EQ(r.status, 0) << r.err;
  if (err) *err = r.err;
  return out_dir + "/g.ttl";
}

// ---------------------------------------------------------------- 1. facts whatever the order

const char* kJaneFirst =
    R"({"id":"e1","type":"meeting","date":"2020-01-01","participants":[{"name":"Jane Roe","state":"FRA"},{"name":"John Doe","state":"DEU"}]})"
    "\n";
const char* kJaneLinked =
    R"({"id":"e2","type":"meeting","date":"2020-01-02","participants":[{"name":"Jane Roe","state":"FRA","same_as":["wd:Q42"]},{"name":"John Doe","state":"DEU"}]})"
    "\n";

TEST(NothingLost, AnActorsLinkReachesTheGraphWhicheverRecordComesFirst) {
  const std::string d = dir("order");
  std::filesystem::create_directories(d + "/1");
  std::filesystem::create_directories(d + "/2");
  test::write(d + "/1/x.jsonl", std::string(kJaneFirst) + kJaneLinked);
  test::write(d + "/2/x.jsonl", std::string(kJaneLinked) + kJaneFirst);
  const auto one = statements(convert(d + "/1/x.jsonl", d + "/1"));
  const auto two = statements(convert(d + "/2/x.jsonl", d + "/2"));
  const std::string link =
      "<https://w3id.org/diplograph/id/person/FRA/jane-roe> <http://www.w3.org/2002/07/owl#sameAs> "
      "<http://www.wikidata.org/entity/Q42> .";
  EXPECT_TRUE(one.count(link));
  EXPECT_TRUE(two.count(link));
  const auto about_jane = [](const std::set<std::string>& all) {  // the records' line numbers differ
    std::set<std::string> out;
    for (const auto& l : all)
      if (l.starts_with("<https://w3id.org/diplograph/id/person/FRA/jane-roe>")) out.insert(l);
    return out;
  };
  EXPECT_EQ(about_jane(one), about_jane(two));
  EXPECT_EQ(about_jane(one).size(), 4U);  // type, label, represents, sameAs
}

TEST(NothingLost, TheSamplesKeepKimJongUnsWikidataLinkInAnyOrder) {
  const std::string s = std::string(SOURCE_DIR) + "/samples/";
  const std::string link =
      "<https://w3id.org/diplograph/id/person/PRK/kim-jong-un> <http://www.w3.org/2002/07/owl#sameAs> "
      "<http://www.wikidata.org/entity/Q56226> .";
  const std::string d = dir("samples");
  std::filesystem::create_directories(d + "/glob");
  std::filesystem::create_directories(d + "/reverse");
  const auto glob =
      statements(convert(s + "inter-korean.csv " + s + "meetings.jsonl " + s + "seed.jsonl", d + "/glob"));
  const auto reverse =
      statements(convert(s + "seed.jsonl " + s + "meetings.jsonl " + s + "inter-korean.csv", d + "/reverse"));
  EXPECT_TRUE(glob.count(link));
  EXPECT_EQ(glob, reverse);
}

// ---------------------------------------------------------------- 2, 3. states of their year

// Whether the shared membership table (`cow` or `gw`) has `code` a member in `year`.
bool shared_member(const std::string& system, const std::string& code, int year) {
  std::ifstream in(kShared + "/countries/" + system + "_membership.csv");
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with(code + ",")) continue;
    const auto last = line.rfind(','), before = line.rfind(',', last - 1);
    const int from = std::stoi(line.substr(before + 1)), to = std::stoi(line.substr(last + 1));
    if (year >= from && year <= to) return true;
  }
  return false;
}

std::string code_in(const diplograph::Country& c, const std::string& system, int year) {
  for (const auto& m : system == "cow" ? c.cow_member : c.gw_member) {
    if (year >= m.from && (m.to == 0 || year <= m.to)) return m.code;
  }
  return {};
}

TEST(NothingLost, StateSystemCodesByYearAgreeWithTheSharedMembershipTables) {
  struct Case {
    std::string iso3, system;
    int year;
    std::string code;
  };
  const std::vector<Case> cases{
      {"DEU", "cow", 1900, "255"}, {"DEU", "cow", 1960, "260"}, {"DEU", "cow", 2000, "255"},
      {"DEU", "gw", 1900, "255"},  {"DEU", "gw", 1960, "260"},  {"DEU", "gw", 2000, "260"},
      {"SRB", "cow", 1900, "345"}, {"SRB", "cow", 2010, "345"}, {"SRB", "gw", 1900, "340"},
      {"SRB", "gw", 1990, "345"},  {"SRB", "gw", 2010, "340"},  {"YEM", "cow", 1995, "679"},
      {"YEM", "cow", 2000, "679"}, {"YEM", "gw", 2000, "678"},  {"VNM", "cow", 2000, "816"},
      {"VNM", "gw", 1960, "816"},  {"VNM", "gw", 2018, "816"},  {"XKX", "cow", 2010, "347"},
      {"XKX", "gw", 2010, "347"},
  };
  const auto& countries = diplograph::Countries::builtin();
  for (const auto& c : cases) {
    const auto* country = countries.by_iso3(c.iso3);
    ASSERT_NE(country, nullptr) << c.iso3;
    EXPECT_EQ(code_in(*country, c.system, c.year), c.code) << c.iso3 << " " << c.system << " " << c.year;
    EXPECT_TRUE(shared_member(c.system, c.code, std::min(c.year, 2016))) << c.code << " in " << c.year;
  }
  EXPECT_EQ(code_in(*countries.by_iso3("VNM"), "gw", 1850), "");   // Annam (815) is not today's Vietnam
  EXPECT_EQ(code_in(*countries.by_iso3("YEM"), "cow", 1980), "");  // COW's Yemen Arab Republic is 678
  EXPECT_EQ(countries.by_iso3("VNM")->gw, "816");
}

TEST(NothingLost, KosovoIsAStateInEveryFormat) {
  const std::string d = dir("kosovo");
  const std::string icews_header = [] {
    std::ifstream in(kShared + "/icews/events.2018.sample.tab");
    std::string h;
    std::getline(in, h);
    return h;
  }();
  test::write(d + "/k.tab",
              icews_header +
                  "\n90000001\t2018-06-01\tHashim Thaci\tGovernment\tKosovo\tMake statement\t036\t4.0\t"
                  "Aleksandar Vucic\tGovernment\tSerbia\t1\t1\tX\tPristina\t\t\tKosovo\t42.6\t21.1\n");
  test::write(
      d + "/k.jsonl",
      R"({"id":"k1","type":"meeting","date":"2019-05-01","participants":[{"name":"Kosovo","kind":"state","state":"XKX"},{"name":"Serbia","kind":"state","state":"SRB"}]})"
      "\n");
  // A GDELT 2.0 row: 61 columns, Kosovo's government and Serbia's (CAMEO KSV).
  std::vector<std::string> cols(61);
  cols[0] = "9";
  cols[1] = "20190501";
  cols[5] = "KSVGOV";
  cols[6] = "KOSOVO";
  cols[7] = "KSV";
  cols[15] = "SRBGOV";
  cols[16] = "SERBIA";
  cols[17] = "SRB";
  cols[25] = "1";
  cols[26] = "036";
  cols[27] = "03";
  cols[28] = "03";
  cols[29] = "1";
  cols[30] = "4.0";
  std::string row;
  for (std::size_t i = 0; i < cols.size(); ++i) row += (i ? "\t" : "") + cols[i];
  test::write(d + "/k.export.CSV", row + "\n");
  for (const std::string f : {"k.tab", "k.jsonl", "k.export.CSV"}) {
    const auto ttl = convert(d + "/" + f, d);
    const auto r = run("query dyads --level state --codes cow --format csv " + ttl, d);
    ASSERT_EQ(r.status, 0) << f << ": " << r.err;
    EXPECT_NE(r.out.find("/state/XKX,Kosovo,347,1,"), std::string::npos) << f << ":\n" << r.out;
    EXPECT_EQ(r.err.find("left out"), std::string::npos) << f << ": " << r.err;
  }
}

TEST(NothingLost, AnEventDroppedAtStateLevelForWantOfAStateIsCounted) {
  const std::string d = dir("stateless");
  test::write(
      d + "/x.jsonl",
      R"({"id":"a","type":"meeting","date":"2019-05-01","participants":[{"name":"A Person","state":"FRA"},{"name":"B Person","state":"DEU"}]})"
      "\n"
      R"({"id":"b","type":"meeting","date":"2019-05-02","participants":[{"name":"A Person","state":"FRA"},{"name":"Red Cross","kind":"organization"}]})"
      "\n"
      R"({"id":"c","type":"meeting","date":"2019-05-03","participants":[{"name":"A Person","state":"FRA"},{"name":"C Person","state":"FRA"}]})"
      "\n");
  const auto ttl = convert(d + "/x.jsonl", d);
  for (const std::string format : {"csv", "table", "json"}) {
    const auto r = run("query dyads --level state --format " + format + " " + ttl, d);
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.err.find("1 event left out at state level: a participant has no state"), std::string::npos)
        << format << ": " << r.err;
  }
  const auto person = run("query dyads --format csv " + ttl, d);
  EXPECT_EQ(person.err.find("left out"), std::string::npos) << person.err;
  const auto other = run("query dyads --level state --actor DEU --format csv " + ttl, d);
  EXPECT_EQ(other.err.find("left out"), std::string::npos) << "not DEU's event: " << other.err;
}

// ---------------------------------------------------------------- 4. --actor stays in `actor`

TEST(NothingLost, TheActorAskedAboutIsTheActorColumnWithCount) {
  const std::string s = std::string(SOURCE_DIR) + "/samples/";
  const std::string d = dir("count");
  const auto ttl = convert(s + "meetings.jsonl " + s + "inter-korean.csv " + s + "seed.jsonl", d);
  for (const std::string who : {"Kim Jong Un", "Moon Jae-in", "Donald Trump"}) {
    for (const std::string count : {"", " --count"}) {
      const auto r = run("query met --actor \"" + who + "\"" + count + " --format csv " + ttl, d);
      ASSERT_EQ(r.status, 0) << r.err;
      std::istringstream lines(r.out);
      std::string line;
      std::getline(lines, line);
      const auto column = [](const std::string& l, std::size_t k) {  // no field here holds a comma
        std::size_t at = 0;
        for (std::size_t i = 0; i < k; ++i) at = l.find(',', at) + 1;
        return l.substr(at, l.find(',', at) - at);
      };
      std::size_t label = 0;
      while (column(line, label) != "actor_label") ++label;
      int rows = 0;
      while (std::getline(lines, line)) {
        ++rows;
        EXPECT_EQ(column(line, label), who) << count << ": " << line;
      }
      EXPECT_GT(rows, 0) << who;
    }
  }
}

// ---------------------------------------------------------------- 5. the summary counts output

TEST(NothingLost, ConvertCountsWhatLandsAndTheRepeatsItDropped) {
  const std::string d = dir("twice");
  const std::string icews = kShared + "/icews/events.2018.sample.tab";
  const std::string text = test::read(icews);
  std::string once_err, twice_err;
  std::filesystem::create_directories(d + "/1");
  std::filesystem::create_directories(d + "/2");
  test::write(d + "/1/events.tab", text);
  const auto once = statements(convert("-f icews " + d + "/1/events.tab", d + "/1", &once_err));
  test::write(d + "/2/events.tab", text + text.substr(text.find('\n') + 1));
  const auto twice = statements(convert("-f icews " + d + "/2/events.tab", d + "/2", &twice_err));
  EXPECT_EQ(once, twice);
  const std::string triples = std::to_string(once.size()) + " triples";
  EXPECT_NE(once_err.find("3203 events written, 0 skipped, " + triples), std::string::npos) << once_err;
  EXPECT_NE(twice_err.find("3203 events written, 0 skipped, " + triples), std::string::npos) << twice_err;
  EXPECT_NE(twice_err.find("3203 repeated records of an event already written dropped"), std::string::npos)
      << twice_err;
}

TEST(NothingLost, ARecordSayingMoreUnderAnIdAlreadyWrittenIsMergedAndReported) {
  const std::string d = dir("same-id");
  test::write(
      d + "/x.jsonl",
      R"({"id":"e1","type":"meeting","date":"2020-01-01","participants":[{"name":"A Person","state":"FRA"}]})"
      "\n"
      R"({"id":"e1","type":"meeting","date":"2020-01-01","participants":[{"name":"A Person","state":"FRA"}],"topics":["trade"]})"
      "\n");
  std::string err;
  convert(d + "/x.jsonl", d, &err);
  EXPECT_NE(err.find("x.jsonl:2: event <https://w3id.org/diplograph/id/event/x/e1> was already written"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("1 events written"), std::string::npos) << err;
  EXPECT_NE(err.find("1 records merged into an event of the same id"), std::string::npos) << err;
}

// ---------------------------------------------------------------- 6. networks carry dates

TEST(NothingLost, DyadNetworksCarryFirstAndLastDatesByDefault) {
  const std::string s = std::string(SOURCE_DIR) + "/samples/";
  const std::string d = dir("net");
  const auto ttl = convert(s + "meetings.jsonl " + s + "inter-korean.csv " + s + "seed.jsonl", d);
  const auto gexf = run("query dyads --format gexf " + ttl, d);
  ASSERT_EQ(gexf.status, 0) << gexf.err;
  EXPECT_NE(gexf.out.find("start=\"2018-04-27\" end=\"2019-06-30\""), std::string::npos) << gexf.out;
  EXPECT_EQ(
      gexf.out.find("<edge id=\"0\" source=\"https://w3id.org/diplograph/id/person/AFG/amir-khan-muttaqi\" "
                    "target=\"https://w3id.org/diplograph/id/person/PAK/mohammad-ishaq-dar\" weight=\"1\"/>"),
      std::string::npos);
  const auto graphml = run("query dyads --format graphml " + ttl, d);
  EXPECT_EQ(graphml.out.find("<data key=\"first\"></data>"), std::string::npos) << graphml.out;
  EXPECT_NE(graphml.out.find("<data key=\"first\">2018-04-27</data><data key=\"last\">2019-06-30</data>"),
            std::string::npos);
}

}  // namespace

// ---------------------------------------------------------------- 7, 8. names as people type them

namespace {

// "José Martínez" and "Recep Tayyip Erdoğan" stored decomposed (NFD), António Guterres by his
// full name; as a Turtle file and as an index of it.
std::vector<std::string> named_graphs(const std::string& d) {
  const std::string jose = "Jose\xCC\x81 Marti\xCC\x81nez", erdogan =
                                                                "Recep Tayyip Erdog\xCC\x86"
                                                                "an";
  test::write(
      d + "/names.jsonl",
      R"({"id":"e1","type":"meeting","date":"2020-01-01","participants":[{"name":")" + jose +
          R"(","state":"ESP"},{"name":")" + erdogan + R"(","state":"TUR"}]})" + "\n" +
          R"({"id":"e2","type":"meeting","date":"2020-01-02","participants":[{"name":"António Manuel de Oliveira Guterres"},{"name":"Other Person","state":"TUR"}]})" +
          "\n");
  const auto ttl = convert(d + "/names.jsonl", d);
  EXPECT_EQ(run("index -q -o " + d + "/names.idx " + ttl, d).status, 0);
  return {ttl, d + "/names.idx"};
}

}  // namespace

TEST(NothingLost, DecomposedNamesAreFoundAsTyped) {
  const std::string d = dir("nfd");
  for (const auto& graph : named_graphs(d)) {
    for (const std::string typed : {"José Martínez", "Jose Martinez", "Martinez", "jose martinez"}) {
      const auto r = run("query met --actor \"" + typed + "\" --format csv " + graph, d);
      EXPECT_EQ(r.status, 0) << graph << " " << typed << ": " << r.err;
      EXPECT_NE(r.out.find("/person/ESP/jos"), std::string::npos) << typed << ": " << r.out;
    }
    for (const std::string typed : {"Erdoğan", "Erdogan", "Recep Erdogan"}) {
      const auto r = run("query met --actor \"" + typed + "\" --format csv " + graph, d);
      EXPECT_EQ(r.status, 0) << graph << " " << typed << ": " << r.err;
      EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
    }
  }
}

TEST(NothingLost, ANameShortenedToSomeOfItsWordsFindsTheActor) {
  const std::string d = dir("shortened");
  for (const auto& graph : named_graphs(d)) {
    const auto met = run("query met --actor \"Antonio Guterres\" --format csv " + graph, d);
    EXPECT_EQ(met.status, 0) << met.err;
    EXPECT_NE(met.out.find("António Manuel de Oliveira Guterres,"), std::string::npos) << met.out;
    const auto actors = run("actors \"Antonio Guterres\" --format csv " + graph, d);
    EXPECT_EQ(actors.status, 0);
    EXPECT_NE(actors.out.find("António Manuel de Oliveira Guterres,person"), std::string::npos) << actors.out;
    const auto wrong_order = run("query met --actor \"Guterres Antonio\" --format csv " + graph, d);
    EXPECT_EQ(wrong_order.status, 1) << "words out of order are a misspelling at best: " << wrong_order.out;
  }
}

// ---------------------------------------------------------------- 9-11, 14. messages that mislead

TEST(NothingLost, PrintSparqlWithoutAnEndpointSaysItNeedsOne) {
  const std::string s = std::string(SOURCE_DIR) + "/samples/seed.jsonl";
  const auto ttl = convert(s, dir("print"));
  const auto r = run("query met --print-sparql " + ttl);
  test::expect_error(r, 1, "--print-sparql prints the SPARQL sent to a store: it needs --endpoint URL");
  EXPECT_EQ(r.err.find("not both"), std::string::npos) << r.err;
}

TEST(NothingLost, ADayThatDoesNotExistIsCalledSoEverywhere) {
  const std::string d = dir("dates");
  test::write(d + "/x.jsonl",
              R"({"id":"x","type":"meeting","date":"2018-02-30","participants":[{"name":"A B"}]})"
              "\n");
  test::expect_error(run("convert --no-progress " + d + "/x.jsonl", d), 2,
                     "x.jsonl:1: date: \"2018-02-30\" is not a date: 2018-02 has 28 days");
  test::write(d + "/x.csv", "id,type,date,actor1\nx,meeting,2019-02-29,A B\n");
  test::expect_error(run("convert --no-progress " + d + "/x.csv", d), 2,
                     "\"2019-02-29\" is not a date: 2019-02 has 28 days");
  const std::string icews = test::read(kShared + "/icews/events.2018.sample.tab");
  const auto second_line = icews.find('\n') + 1;
  std::string row = icews.substr(second_line, icews.find('\n', second_line) - second_line);
  row.replace(row.find('\t') + 1, 10, "2018-06-31");
  test::write(d + "/x.tab", icews.substr(0, second_line) + row + "\n");
  test::expect_error(run("convert --no-progress -f icews " + d + "/x.tab", d), 2,
                     "x.tab:2: column Event Date: \"2018-06-31\" is not a date: 2018-06 has 30 days");
  const auto ttl = convert(std::string(SOURCE_DIR) + "/samples/seed.jsonl", d);
  test::expect_error(run("query met --since 2018-02-30 " + ttl, d), 1,
                     "--since \"2018-02-30\" is not a date: 2018-02 has 28 days");
  test::expect_error(run("query met --until 2018-13 " + ttl, d), 1,
                     "--until \"2018-13\" is not a date: there is no month 13");
  test::expect_error(run("query met --since 2018-2 " + ttl, d), 1,
                     "--since takes YYYY-MM-DD, YYYY-MM or YYYY");
}

TEST(NothingLost, ARelationWithNothingRecordedSaysSo) {
  const std::string s = std::string(SOURCE_DIR) + "/samples/";
  const std::string d = dir("relation");
  const auto ttl = convert(s + "meetings.jsonl " + s + "inter-korean.csv " + s + "seed.jsonl", d);
  for (const std::string format : {"table", "csv", "json"}) {
    const auto r = run("query relation --between USA --and PRK --format " + format + " " + ttl, d);
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.err.find("no change of representation between USA and PRK is recorded"), std::string::npos)
        << format << ": " << r.err;
  }
  const auto recorded = run("query relation --between AFG --and PAK --format csv " + ttl, d);
  EXPECT_EQ(recorded.err.find("no change of representation"), std::string::npos) << recorded.err;
}

TEST(NothingLost, AFileNamedAsAnIndexThatIsNoneIsToldSo) {
  const std::string d = dir("not-index");
  test::write(d + "/empty.idx", "");
  test::write(d + "/random.idx", std::string("\x01\x02\x03 random bytes \xff\xfe", 20));
  test::write(d + "/turtle.idx", test::read(std::string(SOURCE_DIR) + "/tests/golden/samples.nt"));
  test::expect_error(run("query met " + d + "/empty.idx", d), 2,
                     "empty.idx: an empty file, not a diplograph index");
  test::expect_error(run("query met " + d + "/random.idx", d), 2, "random.idx: not a diplograph index");
  test::expect_error(run("query met " + d + "/turtle.idx", d), 2,
                     "turtle.idx: not a diplograph index but RDF text: name it .ttl or .nt");
  test::expect_error(run("actors " + d + "/random.idx", d), 2, "random.idx: not a diplograph index");
}

// ---------------------------------------------------------------- 15, 17. faults

namespace {

// A file system of `kib` KiB at `where` (tmpfs), unmounted when let go; root only.
class SmallDisk {
 public:
  SmallDisk(const std::string& where, int kib) : where_(where) {
    std::filesystem::create_directories(where);
    mounted_ =
        ::geteuid() == 0 &&
        std::system(("mount -t tmpfs -o size=" + std::to_string(kib) + "k tmpfs " + where).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) (void)std::system(("umount " + where_).c_str());
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  [[nodiscard]] bool mounted() const { return mounted_; }

 private:
  std::string where_;
  bool mounted_ = false;
};

std::vector<std::string> files_in(const std::string& where) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(where))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(NothingLost, AFullDiskEndsEveryWriterWithTheFileNamedAndNothingLeft) {
  const std::string d = dir("full");
  const std::string icews = kShared + "/icews/events.2018.sample.tab";
  const auto ttl = convert("-f icews " + icews, d);
  SmallDisk disk(d + "/disk", 1024);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  test::write(d + "/disk/keep.ttl", "# an earlier output\n");
  const std::string full = d + "/disk/";
  // The rest of the disk taken, so that even a small output (describe's) does not fit.
  ASSERT_NE(std::system(("dd if=/dev/zero of=" + full + "fill bs=4096 2>/dev/null").c_str()), -1);
  const std::string no_room = ": cannot write: No space left on device";
  const std::vector<std::pair<std::string, std::string>> writers{
      {"convert --no-progress -f icews " + icews + " -o " + full + "keep.ttl", full + "keep.ttl" + no_room},
      {"convert --no-progress -f icews " + icews + " -o " + full + "x.ttl.gz",
       full + "x.ttl.gz: cannot write"},
      {"convert --no-progress -f icews -t nquads --split 30000 " + icews + " -o " + full + "p.nq",
       full + "p.0001.nq" + no_room},
      {"merge " + ttl + " -o " + full + "m.ttl", full + "m.ttl" + no_room},
      {"describe " + ttl + " -o " + full + "d.ttl", full + "d.ttl" + no_room},
      {"convert --no-progress -f icews -t jsonld " + icews + " -o " + full + "x.jsonld",
       full + "x.jsonld" + no_room},
      {"describe -t jsonld " + ttl + " -o " + full + "d.jsonld", full + "d.jsonld" + no_room},
      {"ontology -t jsonld -o " + full + "o.jsonld", full + "o.jsonld" + no_room},
      {"index -q -o " + full + "i.idx " + ttl,
       full + "i.idx: cannot write the index: No space left on device"},
      {"index -q -o " + full + "r.idx " + icews,  // the records themselves, no Turtle between
       full + "r.idx: cannot write the index: No space left on device"},
  };
  for (const auto& [args, message] : writers) {
    const auto r = run(args, d);
    test::expect_error(r, 2, message);
    EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
    EXPECT_EQ(files_in(full), (std::vector<std::string>{"fill", "keep.ttl"})) << args;
    EXPECT_EQ(test::read(full + "keep.ttl"), "# an earlier output\n") << args;
  }
}

TEST(NothingLost, AnIndexBuildRunningOutOfRoomInAnyPhaseEndsCleanly) {
  const std::string d = dir("full-phases");
  const auto ttl = convert("-f icews " + kShared + "/icews/events.2018.sample.tab", d);
  ASSERT_EQ(run("index -q -o " + d + "/whole.idx " + ttl, d).status, 0);  // ~2.6 MB: disks of parts of it
  const auto whole = static_cast<double>(std::filesystem::file_size(d + "/whole.idx")) / 1024;
  for (const double part : {0.08, 0.3, 0.45, 0.6, 0.8, 0.95}) {
    const int kib = static_cast<int>(whole * part);
    const std::string where = d + "/disk" + std::to_string(kib);
    SmallDisk disk(where, kib);
    if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
    const auto r = run("index -q -o " + where + "/i.idx " + ttl, d);
    test::expect_error(r, 2, where + "/i.idx: cannot write the index: No space left on device");
    EXPECT_TRUE(files_in(where).empty()) << kib << " KiB";
  }
}

TEST(NothingLost, AFullTemporaryDiskEndsTheIndexBuildCleanly) {
  const std::string d = dir("full-tmp");
  const auto ttl = convert("-f icews " + kShared + "/icews/events.2018.sample.tab", d);
  SmallDisk disk(d + "/tmp", 1024);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  const std::string cmd = "TMPDIR=" + d + "/tmp " + std::string(DIPLOGRAPH_EXE) + " index -q -o " + d +
                          "/i.idx " + ttl + " 2>" + d + "/err";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 2);
  EXPECT_NE(
      test::read(d + "/err").find(d + "/tmp: cannot write a temporary file here: No space left on device"),
      std::string::npos)
      << test::read(d + "/err");
  EXPECT_TRUE(files_in(d + "/tmp").empty());
  EXPECT_FALSE(std::filesystem::exists(d + "/i.idx"));
}

TEST(NothingLost, AnAppendThatRunsOutOfRoomLeavesTheIndexAsItWas) {
  const std::string d = dir("full-append");
  const std::string s = std::string(SOURCE_DIR) + "/samples/";
  const auto samples = convert(s + "seed.jsonl", d);
  std::filesystem::create_directories(d + "/more");
  const auto icews = convert("-f icews " + kShared + "/icews/events.2018.sample.tab", d + "/more");
  SmallDisk disk(d + "/disk", 512);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  ASSERT_EQ(run("index -q -o " + d + "/disk/i.idx " + samples, d).status, 0);
  const std::string before = test::read(d + "/disk/i.idx");
  test::expect_error(run("index -q --append -o " + d + "/disk/i.idx " + icews, d), 2,
                     "i.idx: cannot write the index: No space left on device");
  EXPECT_EQ(test::read(d + "/disk/i.idx"), before);
  EXPECT_EQ(files_in(d + "/disk"), std::vector<std::string>{"i.idx"});
  EXPECT_EQ(run("index --verify " + d + "/disk/i.idx", d).status, 0);
}

TEST(NothingLost, AKilledBuildsTemporaryIsRemovedByTheNextAndNamedByVerify) {
  const std::string d = dir("killed");
  const auto ttl = convert("-f icews " + kShared + "/icews/events.2018.sample.tab", d);
  ASSERT_EQ(run("index -q -o " + d + "/i.idx " + ttl, d).status, 0);
  // What a build killed with SIGKILL leaves: its temporary, named with its process, now gone.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const std::string stale = d + "/.i.idx." + std::to_string(child) + ".Ab12Cd";
  const std::string alive = d + "/.i.idx." + std::to_string(::getpid()) + ".Ef34Gh";  // a build running now
  test::write(stale, "half an index");
  test::write(alive, "a build in progress");
  const auto verify = run("index --verify " + d + "/i.idx", d);
  EXPECT_EQ(verify.status, 0);
  EXPECT_NE(verify.err.find(".i.idx." + std::to_string(child) + ".Ab12Cd: a temporary file a killed build"),
            std::string::npos)
      << verify.err;
  EXPECT_EQ(verify.err.find("Ef34Gh"), std::string::npos) << verify.err;
  ASSERT_EQ(run("index -q -o " + d + "/i.idx " + ttl, d).status, 0);
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(alive));
}
