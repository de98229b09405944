// Researchers' data as they really have it: packed inputs, rows in any order, actor identity
// and kinds, and the names people type. Every test reads the real files in ../shared/data.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <random>

#include "diplograph/external_sort.hpp"
#include "tests/helpers.hpp"

namespace {

using test::run;

const std::vector<std::string> kGdelt{"20150218230000.export.CSV", "20151027220000.export.CSV",
                                      "20191024143000.export.CSV"};

std::string gdelt(const std::string& name) {
  return test::shared() + "/gdelt/" + name;
}
std::string icews() {
  return test::shared() + "/icews/events.2018.sample.tab";
}

// Sorted distinct N-Triples lines of a file: the graph, whatever order it was written in.
std::set<std::string> graph_of(const std::string& nt_file) {
  std::set<std::string> lines;
  std::istringstream in(test::read(nt_file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.insert(line);
  }
  return lines;
}

int shell(const std::string& cmd) {
  return std::system(cmd.c_str());
}

// --------------------------------------------------------------------------- packed inputs

TEST(Packed, ZipAndGzipOfEachRealFileGiveTheSameStatementsAsThePlainFile) {
  const std::string dir = test::scratch("packed");
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& name : kGdelt) files.emplace_back(gdelt(name), name);
  files.emplace_back(icews(), "events.2018.sample.tab");
  for (const auto& [path, name] : files) {
    ASSERT_EQ(shell("cd " + dir + " && zip -qj " + name + ".zip " + path + " && gzip -c " + path + " > " +
                    name + ".gz"),
              0);
    for (const std::string form : {"plain", "zip", "gz"}) {
      const std::string in = form == "plain" ? path : dir + "/" + name + "." + form;
      const auto r = run("convert --no-progress -t nquads " + in + " -o " + dir + "/" + form + ".nq", dir);
      ASSERT_EQ(r.status, 0) << in << ": " << r.err;
    }
    const auto plain = graph_of(dir + "/plain.nq");
    EXPECT_GT(plain.size(), 40000U) << name;
    // Provenance and the named graph name the member, not the archive.
    EXPECT_EQ(graph_of(dir + "/zip.nq"), plain) << name;
    EXPECT_EQ(graph_of(dir + "/gz.nq"), plain) << name;
  }
}

// Packing is told by the first bytes, whatever the name: a bzip2 stream of any block size.
TEST(Packed, CompressionIsToldByContentNotOnlyByName) {
  const std::string dir = test::scratch("magic");
  for (const std::string level : {"-1", "-9"}) {
    ASSERT_EQ(shell("bzip2 " + level + " -c " + icews() + " > " + dir + "/events.dat"), 0);
    const auto r =
        run("convert --no-progress -f icews -t ntriples " + dir + "/events.dat -o " + dir + "/out.nt", dir);
    EXPECT_EQ(r.status, 0) << level << ": " << r.err;
    EXPECT_NE(r.err.find("3705 records read"), std::string::npos) << level << ": " << r.err;
  }
}

// Re-encoded as Windows tools write it: a byte order mark and CRLF line ends, then gzipped.
TEST(Packed, ByteOrderMarkAndCrlfGiveTheSameGraph) {
  for (const auto& [path, name] : std::vector<std::pair<std::string, std::string>>{
           {icews(), "events.2018.sample.tab"}, {gdelt(kGdelt[1]), kGdelt[1]}}) {
    const std::string dir = test::scratch("crlf");
    std::string text = "\xEF\xBB\xBF";
    for (char ch : test::read(path)) text += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    std::filesystem::create_directories(dir + "/windows");
    test::write(dir + "/windows/" + name, text);
    ASSERT_EQ(shell("gzip -k " + dir + "/windows/" + name), 0);
    const auto a = run("convert --no-progress -t ntriples " + path + " -o " + dir + "/a.nt", dir);
    const auto b =
        run("convert --no-progress -t ntriples " + dir + "/windows/" + name + ".gz -o " + dir + "/b.nt", dir);
    ASSERT_EQ(a.status, 0) << a.err;
    ASSERT_EQ(b.status, 0) << b.err;
    EXPECT_EQ(graph_of(dir + "/a.nt"), graph_of(dir + "/b.nt")) << name;
  }
}

TEST(Packed, EveryMemberOfAZipIsReadInTurn) {
  const std::string dir = test::scratch("members");
  ASSERT_EQ(shell("cd " + dir + " && zip -qj all.zip " + gdelt(kGdelt[0]) + " " + gdelt(kGdelt[1])), 0);
  const auto r = run("convert --no-progress -t nquads " + dir + "/all.zip -o " + dir + "/all.nq", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string all = test::read(dir + "/all.nq");
  EXPECT_NE(all.find("/graph/" + kGdelt[0] + ">"), std::string::npos);
  EXPECT_NE(all.find("/graph/" + kGdelt[1] + ">"), std::string::npos);
  EXPECT_NE(r.err.find("4387 records read"), std::string::npos) << r.err;  // 2271 + 2116 rows
}

TEST(Packed, CorruptTruncatedOrEmptyArchivesExit2NamingFileAndLineWritingNothing) {
  const std::string dir = test::scratch("corrupt");
  ASSERT_EQ(shell("gzip -c " + icews() + " | head -c 100000 > " + dir + "/cut.tab.gz"), 0);
  auto r = run("convert --no-progress " + dir + "/cut.tab.gz -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cut.tab.gz:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated gzip input"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl"));

  ASSERT_EQ(
      shell("cd " + dir + " && zip -qj g.zip " + gdelt(kGdelt[2]) + " && head -c 100000 g.zip > cut.zip"), 0);
  r = run("convert --no-progress " + dir + "/cut.zip -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cut.zip/" + kGdelt[2] + ":"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl"));

  test::write(dir + "/not.zip", "this is no zip archive\n");
  r = run("convert --no-progress " + dir + "/not.zip -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not.zip: cannot read"), std::string::npos) << r.err;

  ASSERT_EQ(shell("cd " + dir + " && mkdir -p d && zip -qr empty.zip d"), 0);
  r = run("convert --no-progress " + dir + "/empty.zip", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("holds no file"), std::string::npos) << r.err;
}

TEST(Packed, ByteOrderMarkIsSkippedAndStandardInputIsDetectedByContent) {
  const std::string dir = test::scratch("bom");
  const std::string line = test::read(test::samples() + "/seed.jsonl");
  ASSERT_FALSE(line.empty());
  test::write(dir + "/bom.jsonl", "\xEF\xBB\xBF" + line);
  test::write(dir + "/plain.jsonl", line);
  const auto a = run("convert --no-progress -t ntriples " + dir + "/bom.jsonl -o " + dir + "/bom.nt", dir);
  const auto b = run("convert --no-progress -t ntriples " + dir + "/plain.jsonl -o " + dir + "/bom2.nt", dir);
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  const auto with_bom = test::read(dir + "/bom.nt");
  // The event IRI takes the file's stem: only that differs.
  EXPECT_EQ(graph_of(dir + "/bom.nt").size(), graph_of(dir + "/bom2.nt").size());
  const auto c = run("convert --no-progress -t ntriples - < " + dir + "/bom.jsonl", dir);
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("Muttaqi"), std::string::npos);
  // Empty standard input is an empty input, as an empty file is, not an unreadable archive.
  test::write(dir + "/empty", "");
  const auto e = run("convert --no-progress -f jsonl - < " + dir + "/empty", dir);
  EXPECT_EQ(e.status, 0) << e.err;
  EXPECT_NE(e.err.find("0 records read"), std::string::npos) << e.err;
}

TEST(Packed, BaseMustBeAnAbsoluteIriEndingInSlashOrHash) {
  const std::string seed = test::samples() + "/seed.jsonl";
  auto r = run("convert --base https://example.org/dip " + seed);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("must end in '/' or '#' (try \"https://example.org/dip/\")"), std::string::npos)
      << r.err;
  r = run("convert --base 'https://example.org/a b/' " + seed);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("holds a space"), std::string::npos) << r.err;
  r = run("convert --base example/ " + seed);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not an absolute IRI"), std::string::npos) << r.err;
  r = run("convert -t ntriples --base https://example.org/dip# " + seed);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("https://example.org/dip#state/AFG"), std::string::npos);
}

}  // namespace

// --------------------------------------------------------------------------- ICEWS row order

namespace {

// The sample with its rows (not the header) reordered by `order`, under the same file name
// (provenance names the file) in its own directory.
std::string reordered_icews(const std::string& dir,
                            const std::function<void(std::vector<std::string>&)>& order) {
  std::istringstream in(test::read(icews()));
  std::string header;
  std::getline(in, header);
  std::vector<std::string> rows;
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  order(rows);
  std::filesystem::create_directories(dir);
  std::string text = header + "\n";
  for (const auto& r : rows) text += r + "\n";
  const std::string path = dir + "/events.2018.sample.tab";
  test::write(path, text);
  return path;
}

std::set<std::string> converted(const std::string& input, const std::string& dir) {
  const auto r = run("convert --no-progress -t ntriples " + input + " -o " + dir + "/out.nt", dir);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("502 mirrored rows merged"), std::string::npos) << input << ": " << r.err;
  return graph_of(dir + "/out.nt");
}

}  // namespace

TEST(IcewsOrder, ShuffledAndReSortedRowsGiveTheSameGraph) {
  const std::string dir = test::scratch("icews-order");
  const auto original = converted(icews(), dir);
  std::mt19937 random(20180601);
  const auto shuffled =
      reordered_icews(dir + "/shuffled", [&](auto& rows) { std::shuffle(rows.begin(), rows.end(), random); });
  const auto reversed =
      reordered_icews(dir + "/reversed", [](auto& rows) { std::sort(rows.rbegin(), rows.rend()); });
  EXPECT_EQ(converted(shuffled, dir + "/shuffled"), original);
  EXPECT_EQ(converted(reversed, dir + "/reversed"), original);
}

TEST(IcewsOrder, MergingThroughTemporaryFilesGivesWhatMemoryGives) {
  using namespace diplograph;
  const auto records_with = [](std::size_t budget) {
    std::ifstream in(icews(), std::ios::binary);
    ReaderContext ctx;
    ctx.file = icews();
    ctx.limits.merge_memory = budget;
    auto reader = input_format("icews")->open(in, ctx);
    test::Collect out;
    Mapper mapper(out, MapOptions{});
    EventRecord rec;
    Diagnostic d;
    ReadStatus s{};
    while ((s = reader->next(rec, d)) == ReadStatus::ok) mapper.map(rec, ctx.source_name());
    EXPECT_EQ(s, ReadStatus::end) << d.str();
    EXPECT_EQ(reader->merged(), 502U);
    return out.lines;
  };
  EXPECT_EQ(records_with(16 << 10), records_with(64 << 20));  // ~60 runs on disk against none
}

TEST(IcewsOrder, ExternalSorterSpillsAndMergesInOrder) {
  using Pair = std::pair<std::string, std::string>;
  diplograph::ExternalSort<Pair> sorter(4096);
  std::vector<Pair> pairs;
  std::mt19937 random(7);
  for (int i = 0; i < 5000; ++i) {
    pairs.emplace_back(std::to_string(random() % 1000), std::to_string(i));
    sorter.add(pairs.back());
  }
  sorter.finish();
  EXPECT_GT(sorter.runs(), 10U);
  std::sort(pairs.begin(), pairs.end());
  std::vector<Pair> back;
  for (Pair p; sorter.next(p);) back.push_back(p);
  EXPECT_EQ(back, pairs);
}

// Fixed-size records spilled in runs of a few, repeats dropped: each distinct one once, in
// order, as a sort in memory gives them.
TEST(IcewsOrder, ExternalSortDropsRepeatsAcrossRuns) {
  using Triple = std::array<std::uint32_t, 3>;
  diplograph::ExternalSort<Triple> sorter(64 * sizeof(Triple), diplograph::Repeats::drop);
  std::vector<Triple> all;
  std::mt19937 random(3);
  for (int i = 0; i < 20000; ++i) {
    const auto r = [&](std::uint32_t n) { return static_cast<std::uint32_t>(random() % n); };
    all.push_back({r(7), r(5), r(300)});
    sorter.add(all.back());
  }
  std::vector<Triple> back;
  sorter.each([&](const Triple& t) { back.push_back(t); });
  EXPECT_GT(sorter.runs(), 100U);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  EXPECT_EQ(back, all);
}

// A spill that cannot be written is an InputError naming where it was to go, not a message
// handed back for the caller to remember to check.
TEST(IcewsOrder, ASpillWithNowhereToGoIsAnInputErrorNamingTheDirectory) {
  const char* was = std::getenv("TMPDIR");
  const std::string saved = was ? was : "";
  ::setenv("TMPDIR", "/nonexistent/diplograph-spill", 1);
  diplograph::ExternalSort<std::pair<std::string, std::string>> sorter(16);
  try {
    for (int i = 0; i < 10; ++i) sorter.add({std::to_string(i), "a value longer than the budget"});
    ADD_FAILURE() << "no error";
  } catch (const diplograph::InputError& e) {
    EXPECT_EQ(e.diagnostic().where.file, "/nonexistent/diplograph-spill");
  }
  if (was)
    ::setenv("TMPDIR", saved.c_str(), 1);
  else
    ::unsetenv("TMPDIR");
}

// --------------------------------------------------------------------------- GDELT actors

namespace {

std::vector<std::vector<std::string>> tsv_rows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(test::read(path));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    rows.push_back(std::move(f));
  }
  return rows;
}

// Subject -> objects of one predicate, from N-Triples lines whose objects are literals.
std::map<std::string, std::set<std::string>> literal_values(const std::set<std::string>& lines,
                                                            const std::string& predicate) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& l : lines) {
    const auto sp = l.find(' ');
    const auto pp = l.find(' ', sp + 1);
    if (l.substr(sp + 1, pp - sp - 1) != "<" + predicate + ">") continue;
    const auto q = l.find('"', pp);
    out[l.substr(0, sp)].insert(l.substr(q + 1, l.find('"', q + 1) - q - 1));
  }
  return out;
}

}  // namespace

TEST(GdeltActors, EachDistinctCodeIsOneActorWithItsOwnCode) {
  const std::string dg = "https://w3id.org/diplograph/ontology#";
  for (const auto& name : kGdelt) {
    const std::string dir = test::scratch("gdelt-actors");
    const auto r = run("convert --no-progress -t ntriples " + gdelt(name) + " -o " + dir + "/out.nt", dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto lines = graph_of(dir + "/out.nt");
    // Straight from the rows: the codes that name someone (a country, group, ethnicity or
    // religion besides a bare country code, which is the state itself).
    std::set<std::string> codes;
    for (const auto& f : tsv_rows(gdelt(name))) {
      for (std::size_t at : {5U, 15U}) {
        const bool someone =
            !f[at + 2].empty() || !f[at + 3].empty() || !f[at + 4].empty() || !f[at + 5].empty();
        const bool state = f[at] == f[at + 2] && diplograph::Countries::builtin().by_code(f[at]);
        if (!f[at].empty() && someone && !state) codes.insert(f[at]);
      }
    }
    const auto by_actor = literal_values(lines, dg + "cameoActorCode");
    std::set<std::string> seen;
    std::size_t named = 0;
    for (const auto& [actor, actor_codes] : by_actor) {
      EXPECT_EQ(actor_codes.size(), 1U) << name << ": " << actor;  // one code per actor
      if (actor_codes.empty()) continue;
      const std::string& code = *actor_codes.begin();
      if (actor.ends_with("/cameo/" + code + ">") || actor.ends_with("/region/" + code + ">")) {
        ++named;
        EXPECT_TRUE(seen.insert(code).second) << code;  // and one actor per code
      }
    }
    std::vector<std::string> missing, extra;
    std::set_difference(codes.begin(), codes.end(), seen.begin(), seen.end(), std::back_inserter(missing));
    std::set_difference(seen.begin(), seen.end(), codes.begin(), codes.end(), std::back_inserter(extra));
    EXPECT_TRUE(missing.empty()) << name << ": " << missing.front();
    EXPECT_TRUE(extra.empty()) << name << ": " << extra.front();
    EXPECT_EQ(named, codes.size());
    // The summary counts what is written: no statement twice (an actor on both sides of a row).
    EXPECT_NE(r.err.find(std::to_string(lines.size()) + " triples"), std::string::npos) << r.err;
  }
}

TEST(GdeltActors, GovernmentsAreOrganizationsOfTheirStateWithReadableLabels) {
  const std::string dir = test::scratch("gdelt-gov");
  const auto r = run("convert --no-progress -t ntriples " + gdelt(kGdelt[0]) + " -o " + dir + "/out.nt", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string nt = test::read(dir + "/out.nt");
  const std::string gov = "<https://w3id.org/diplograph/id/org/cameo/USAGOV>";
  const std::string dg = "<https://w3id.org/diplograph/ontology#";
  EXPECT_NE(nt.find(gov + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " + dg + "Organization> ."),
            std::string::npos);
  EXPECT_NE(nt.find(gov + " " + dg + "represents> <https://w3id.org/diplograph/id/state/USA> ."),
            std::string::npos);
  EXPECT_NE(nt.find(gov + " <http://www.w3.org/2000/01/rdf-schema#label> \"United States government\"@en ."),
            std::string::npos);
  // Police with no country: each event's own, not one node for every police force in the world.
  EXPECT_EQ(nt.find("<https://w3id.org/diplograph/id/org/cameo/COP>"), std::string::npos);
  EXPECT_NE(nt.find("\"Police (no country given)\""), std::string::npos);
  // What GDELT wrote stays on the participation.
  EXPECT_NE(nt.find(dg + "sourceName> \"OBAMA\""), std::string::npos);
}

TEST(GdeltActors, ShuffledRowsGiveTheSameGraph) {
  for (const auto& name : kGdelt) {
    const std::string dir = test::scratch("gdelt-shuffle");
    auto rows = tsv_rows(gdelt(name));
    std::shuffle(rows.begin(), rows.end(), std::mt19937(15));
    std::string text;
    for (const auto& f : rows) {
      for (std::size_t i = 0; i < f.size(); ++i) text += (i ? "\t" : "") + f[i];
      text += "\n";
    }
    std::filesystem::create_directories(dir + "/shuffled");
    test::write(dir + "/shuffled/" + name, text);
    ASSERT_EQ(run("convert --no-progress -t ntriples " + gdelt(name) + " -o " + dir + "/a.nt", dir).status,
              0);
    ASSERT_EQ(
        run("convert --no-progress -t ntriples " + dir + "/shuffled/" + name + " -o " + dir + "/b.nt", dir)
            .status,
        0);
    EXPECT_EQ(graph_of(dir + "/a.nt"), graph_of(dir + "/b.nt")) << name;
  }
}

// --------------------------------------------------------------------------- ICEWS actor kinds

TEST(IcewsKinds, PeopleWithoutACountryArePersonsRegionsAndSectorsAreNot) {
  std::ifstream in(icews(), std::ios::binary);
  const auto r = test::read_records("icews", in, icews());
  ASSERT_TRUE(r.errors.empty());
  std::map<std::string, std::set<std::string>> kinds;  // name -> every kind it was given
  for (const auto& rec : r.records) {
    for (const auto& p : rec.participants) kinds[p.name].insert(std::string(kind_name(p.kind)));
  }
  const auto kind = [&](const std::string& name) {
    EXPECT_EQ(kinds[name].size(), 1U) << name;  // one name, one kind, in every row
    return kinds[name].empty() ? std::string() : *kinds[name].begin();
  };
  // People with no country in the sample (their sectors are their institution's).
  for (const char* person : {"Peter Maurer", "Staffan de Mistura", "Antonio Tajani", "Philip Alston",
                             "Sani Abacha", "Cecilia Malmstrom"}) {
    EXPECT_EQ(kind(person), "person") << person;
  }
  for (const char* person : {"Mike Pompeo", "Kim Jong-Un", "Bashar al-Assad", "Abdullah II of Jordan"})
    EXPECT_EQ(kind(person), "person") << person;
  for (const char* region : {"Africa", "South Asia", "Caribbean", "Southeast Asia"})
    EXPECT_EQ(kind(region), "region") << region;
  for (const char* org :
       {"European Union", "United Nations", "International Committee of the Red Cross", "G7",
        "Foreign Affairs (Bangladesh)", "Government (Japan)", "Al Qaeda", "Tata Motors"})
    EXPECT_EQ(kind(org), "organization") << org;
  // Sectors of a country (groups of people, office holders) are neither persons nor bodies.
  for (const char* group : {"Citizen (India)", "Head of Government (United States)",
                            "Military Personnel - Special (India)", "Unidentified State Actor"})
    EXPECT_EQ(kind(group), "actor") << group;
  EXPECT_EQ(kind("North Korea"), "state");
}

TEST(IcewsKinds, RegionsAreOneNodeWhateverTheSource) {
  const std::string dir = test::scratch("regions");
  const auto r =
      run("convert --no-progress -t ntriples " + icews() + " " + gdelt(kGdelt[0]) + " -o " + dir + "/out.nt",
          dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string nt = test::read(dir + "/out.nt");
  const std::string africa = "<https://w3id.org/diplograph/id/region/AFR>";
  EXPECT_NE(nt.find(africa + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                             "<https://w3id.org/diplograph/ontology#Region> ."),
            std::string::npos);
  EXPECT_NE(nt.find("<https://w3id.org/diplograph/ontology#participant> " + africa), std::string::npos);
  EXPECT_EQ(nt.find("/person/africa>"), std::string::npos);
  EXPECT_EQ(nt.find("/org/africa>"), std::string::npos);
}

// --------------------------------------------------------------------------- names people type

namespace {

// The ICEWS sample converted once for the name tests.
const std::string& icews_graph() {
  static const std::string path = test::converted(icews(), "names");
  return path;
}

// The actor `--actor NAME` resolves to: the first row's `actor` of `query met --count`, where
// the named actor is in `actor` or `other`; here asked through `actors NAME --limit 1`.
std::string resolved(const std::string& name) {
  const auto r = run("actors '" + name + "' --limit 1 --format csv " + icews_graph());
  EXPECT_EQ(r.status, 0) << name << ": " << r.err;
  const auto nl = r.out.find('\n');
  return r.out.substr(nl + 1, r.out.find(',', nl) - nl - 1);
}

}  // namespace

TEST(Names, EveryFormOfAStatesNameResolves) {
  const std::string rus = "https://w3id.org/diplograph/id/state/RUS";
  for (const char* name :
       {"Russia", "RUS", "RU", "365", "Q159", "wd:Q159", "russian federation", rus.c_str()})
    EXPECT_EQ(resolved(name), rus) << name;
  const std::string usa = "https://w3id.org/diplograph/id/state/USA";
  for (const char* name : {"US", "USA", "United States", "united states of america", "2", "Q30"})
    EXPECT_EQ(resolved(name), usa) << name;
  // "US" is a code, never a part of "bUSiness".
  const auto met = run("query met --actor US --count --format csv " + icews_graph());
  EXPECT_EQ(met.status, 0) << met.err;
  EXPECT_EQ(met.out.find("business"), std::string::npos);
}

TEST(Names, PeopleByNormalisedLabelsAndWholeWords) {
  const std::string kim = "https://w3id.org/diplograph/id/person/PRK/kim-jong-un";
  for (const char* name : {"Kim Jong-Un", "Kim Jong Un", "kim jong un", "KIM JONG-UN", "Kim  Jong.Un"})
    EXPECT_EQ(resolved(name), kim) << name;
  EXPECT_EQ(resolved("Pompeo"), "https://w3id.org/diplograph/id/person/USA/mike-pompeo");
  // Diacritics: ICEWS writes "Kolinda Grabar-Kitarović".
  EXPECT_EQ(resolved("Kolinda Grabar Kitarovic"),
            "https://w3id.org/diplograph/id/person/HRV/kolinda-grabar-kitarović");
}

TEST(Names, MisspellingsGetSuggestionsAndAmbiguityListsCandidates) {
  auto r = run("query met --actor 'Mike Pompeio' " + icews_graph());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no actor matches \"Mike Pompeio\"; did you mean \"Mike Pompeo\"?"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("diplograph actors"), std::string::npos);
  r = run("query met --actor Kim " + icews_graph());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("\"Kim\" is ambiguous"), std::string::npos) << r.err;
  for (const char* who : {"kim-jong-un", "kim-yong-chol", "sung-kim"})
    EXPECT_NE(r.err.find(who), std::string::npos) << who;
  r = run("query relation --between Rusia --and Ukraine " + icews_graph());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no state matches \"Rusia\""), std::string::npos) << r.err;
}

TEST(Names, AStateAtPersonLevelSaysHowToAskForItsOfficials) {
  auto r = run("query met --actor CHN --with USA --format csv " + icews_graph());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("note: --actor names the state China itself"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("note: --with names the state United States itself"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--level state"), std::string::npos);
  const auto person_rows = std::count(r.out.begin(), r.out.end(), '\n');
  r = run("query met --actor CHN --with USA --level state --format csv " + icews_graph());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("note:"), std::string::npos);
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), person_rows);
}

TEST(Names, ActorsListsKindsStatesAndEventsBestMatchFirst) {
  auto r = run("actors Kim --format csv " + icews_graph());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("actor,label,kind,state,events\r\n")) << r.out;
  EXPECT_NE(r.out.find("\nhttps://w3id.org/diplograph/id/person/PRK/kim-jong-un,Kim Jong-Un,person,PRK,"),
            std::string::npos)
      << r.out;
  r = run("actors --format csv --limit 3 " + icews_graph());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
  // Most events first: the first row's count is the largest.
  std::istringstream rows(r.out);
  std::string line;
  std::getline(rows, line);
  std::vector<int> events;
  while (std::getline(rows, line)) events.push_back(std::stoi(line.substr(line.rfind(',') + 1)));
  EXPECT_TRUE(std::is_sorted(events.rbegin(), events.rend()));
  r = run("actors Africa --format csv --limit 1 " + icews_graph());
  EXPECT_NE(r.out.find(",Africa,region,,"), std::string::npos) << r.out;
}
