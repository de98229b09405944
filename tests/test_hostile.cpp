// Hostile input through the CLI: every bad file is exit 2 with FILE:LINE (and column for RDF),
// quickly, without a crash and without a partial output file.
#include <gtest/gtest.h>

#include "tests/helpers.hpp"

namespace {

struct Hostile : ::testing::Test {
  std::string dir = test::scratch(
      "hostile-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));

  // Converts `name` (with `content`) and expects exit 2, the message, and no output file.
  void expect_refused(const std::string& name, const std::string& content, const std::string& message,
                      const std::string& extra = "") {
    test::write(dir + "/" + name, content);
    test::write(dir + "/out.ttl", "previous output");
    auto r = test::run("convert " + extra + " " + dir + "/" + name + " -o " + dir + "/out.ttl", dir);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find(dir + "/" + name + ":" + message), std::string::npos) << r.err;
    EXPECT_EQ(test::read(dir + "/out.ttl"), "previous output");
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      files += e.path().filename().string()[0] == '.';
    EXPECT_EQ(files, 0U) << "a temporary file was left behind";
  }
};

const std::string kGood =
    R"({"id":"c1","type":"phone_call","date":"2025-05","participants":[{"name":"A","state":"AFG"},{"name":"B","state":"PAK"}]})"
    "\n";

}  // namespace

TEST_F(Hostile, InvalidUtf8) {
  expect_refused("u.jsonl", kGood + "{\"id\":\"x\xff\xfe\",\"type\":\"meeting\"}\n", "2: not JSON");
  expect_refused("u.csv", "id,type,date,actor1\nk,meeting,2020,Mo\xc3\x28n\n", "2: not valid UTF-8");
}

TEST_F(Hostile, NulBytes) {
  expect_refused("n.jsonl", kGood + std::string("{\"id\":\"a\0b\"}\n", 13), "2:9: a NUL character");
  expect_refused(
      "n2.jsonl",
      kGood + R"({"id":"a\u0000b","type":"meeting","date":"2020","participants":[{"name":"A"}]})" + "\n",
      "2: id: contains a NUL character");
}

TEST_F(Hostile, ThirtyMegabyteLine) {
  expect_refused("big.jsonl", kGood + "{\"id\":\"" + std::string(30U << 20U, 'x') + "\"}\n",
                 "2: line longer than the limit");
}

TEST_F(Hostile, JsonNested200000Deep) {
  expect_refused("deep.jsonl", std::string(200000, '[') + std::string(200000, ']') + "\n", "1: not JSON");
}

TEST_F(Hostile, TruncatedLastLine) {
  const std::string good = kGood.substr(0, kGood.size() - 1);  // a last line without newline is fine
  test::write(dir + "/ok.jsonl", good);
  EXPECT_EQ(test::run("convert " + dir + "/ok.jsonl -o " + dir + "/ok.ttl", dir).status, 0);
  expect_refused("t.jsonl", kGood + kGood.substr(0, 40), "2: not JSON");
}

TEST_F(Hostile, UnbalancedCsvQuotes) {
  expect_refused("q.csv", "id,type,date,actor1\nk,meeting,2020,\"Moon\nk2,meeting,2020,Kim\n",
                 "2: unbalanced quotes");
}

TEST_F(Hostile, TsvRowsTooShortOrTooLong) {
  const std::string row = test::read(test::shared() + "/gdelt/20151027220000.export.CSV").substr(0, 4096);
  const std::string first = row.substr(0, row.find('\n') + 1);
  expect_refused("s.export.CSV", first + "1\t2\t3\n", "2: 3 columns where this GDELT 2.0 file has 61");
  expect_refused("l.export.CSV", first + first.substr(0, first.size() - 1) + "\textra\n",
                 "2: 62 columns where this GDELT 2.0 file has 61");
  const std::string icews = test::read(test::shared() + "/icews/events.2018.sample.tab").substr(0, 2000);
  const std::string header = icews.substr(0, icews.find('\n') + 1);
  expect_refused("short.tab", header + "1\t2018-06-01\tx\n", "2: 3 columns where the header has 20");
}

TEST_F(Hostile, MissingFileAndUnwritableOutput) {
  auto missing = test::run("convert " + dir + "/none.jsonl -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find(dir + "/none.jsonl: cannot open"), std::string::npos) << missing.err;
  test::write(dir + "/ok.jsonl", kGood);
  auto unwritable = test::run("convert " + dir + "/ok.jsonl -o /proc/no/such/dir/out.ttl", dir);
  EXPECT_EQ(unwritable.status, 2);
  EXPECT_NE(unwritable.err.find("/proc/no/such/dir/out.ttl: cannot write"), std::string::npos)
      << unwritable.err;
  auto to_dir = test::run("convert " + dir + "/ok.jsonl -o " + dir, dir);
  EXPECT_EQ(to_dir.status, 2);
}

TEST_F(Hostile, BinaryGarbageAsTurtle) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
  test::write(dir + "/g.ttl", garbage);
  for (const char* cmd : {"query met ", "merge ", "validate ", "stats "}) {
    auto r = test::run(std::string(cmd) + dir + "/g.ttl", dir);
    EXPECT_EQ(r.status, 2) << cmd;
    EXPECT_TRUE(r.err.starts_with(dir + "/g.ttl:1:")) << cmd << r.err;
  }
  test::write(dir + "/g.jsonl", garbage);
  auto c = test::run("convert --from jsonl " + dir + "/g.jsonl -o " + dir + "/o.ttl", dir);
  EXPECT_EQ(c.status, 2);
  EXPECT_FALSE(std::filesystem::exists(dir + "/o.ttl"));
}

TEST_F(Hostile, LimitsAreVisibleAndChangeable) {
  test::write(dir + "/l.jsonl", kGood);
  auto small = test::run("convert --max-line 50 " + dir + "/l.jsonl -o " + dir + "/o.ttl", dir);
  EXPECT_EQ(small.status, 2);
  EXPECT_NE(small.err.find("l.jsonl:1: line longer than the limit of 50 bytes (--max-line)"),
            std::string::npos);
  const std::string nested =
      R"({"id":"n","type":"meeting","date":"2020","participants":[{"name":"A"}],"x":[[[[1]]]]})";
  test::write(dir + "/d.jsonl", nested + "\n");
  EXPECT_EQ(test::run("convert --max-depth 3 " + dir + "/d.jsonl -o " + dir + "/o.ttl", dir).status, 2);
  EXPECT_EQ(test::run("convert --max-depth 8 " + dir + "/d.jsonl -o " + dir + "/o.ttl", dir).status, 0);
  auto help = test::run("convert --help", dir);
  EXPECT_NE(help.out.find("--max-line"), std::string::npos);
  EXPECT_NE(help.out.find("--max-depth"), std::string::npos);
}
