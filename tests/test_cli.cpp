// The command line as a user meets it: real files in, exit codes, messages and files out.
#include <gtest/gtest.h>

#include <set>

#include "diplograph/rdf.hpp"
#include "tests/helpers.hpp"

using namespace diplograph;

namespace {

std::string all_samples() {
  const auto s = test::samples();
  return s + "/seed.jsonl " + s + "/meetings.jsonl " + s + "/inter-korean.csv";
}

std::set<std::string> triples_of(const std::string& path, bool drop_graphs = true) {
  test::Collect c;
  test::Errors errors;
  EXPECT_TRUE(read_rdf_file(path, {}, c, errors.sink())) << (errors.all.empty() ? "" : errors.all[0]);
  if (!drop_graphs) return c.lines;
  std::set<std::string> out;
  for (const auto& l : c.lines) {
    // N-Quads lines end with the graph IRI; keep subject, predicate and object.
    const auto g = l.rfind(" <https://w3id.org/diplograph/id/graph/");
    out.insert(g == std::string::npos ? l : l.substr(0, g));
  }
  return out;
}

}  // namespace

TEST(Cli, SeedQuestionWhoDidMuttaqiTalkTo) {
  const auto dir = test::scratch("cli-seed");
  auto conv = test::run("convert " + test::samples() + "/*.jsonl -o " + dir + "/s.ttl", dir);
  ASSERT_EQ(conv.status, 0) << conv.err;
  // Serd's own tool accepts the Turtle (scripts/setup.sh --test installs Debian's serdi).
  ASSERT_EQ(std::system("command -v serdi >/dev/null 2>&1"), 0)
      << "serdi is missing: run scripts/setup.sh --test";
  EXPECT_EQ(std::system(("serdi -i turtle -o ntriples " + dir + "/s.ttl >/dev/null 2>&1").c_str()), 0);
  auto q = test::run("query met --actor Muttaqi --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(q.out,
            "date,event,type,actor,actor_label,other,other_label,source\r\n"
            "2025-05,https://w3id.org/diplograph/id/event/seed/afg-pak-2025-05-call,PhoneCall,"
            "https://w3id.org/diplograph/id/person/AFG/amir-khan-muttaqi,Amir Khan Muttaqi,"
            "https://w3id.org/diplograph/id/person/PAK/mohammad-ishaq-dar,Mohammad Ishaq Dar,\r\n");
}

TEST(Cli, SeedQuestionLevelOfRepresentation) {
  const auto dir = test::scratch("cli-relation");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  auto hist = test::run("query relation --between AFG --and Pakistan --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(hist.status, 0) << hist.err;
  EXPECT_NE(hist.out.find("2025-05,AFG,PAK,ambassador,charge_d_affaires,proposed,"), std::string::npos)
      << hist.out;
  EXPECT_NE(hist.out.find("2025-05,PAK,AFG,ambassador,charge_d_affaires,proposed,"), std::string::npos);
  auto at =
      test::run("query relation --between AFG --and PAK --at 2025-06-30 --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(at.status, 0) << at.err;
  // The upgrade is proposed, not in force: the chargés d'affaires level holds in both directions.
  EXPECT_NE(at.out.find("2021-08,AFG,PAK,charge_d_affaires,,effective,"), std::string::npos) << at.out;
  EXPECT_NE(at.out.find("2021-08,PAK,AFG,charge_d_affaires,,effective,"), std::string::npos) << at.out;
  auto table = test::run("query relation --between AFG --and PAK " + dir + "/s.ttl", dir);
  for (const char* topic :
       {"trade", "security", "regional connectivity", "people-to-people exchanges", "border management",
        "counterterrorism", "refugee return", "trade facilitation"}) {
    EXPECT_NE(table.out.find(topic), std::string::npos) << topic;
  }
  EXPECT_NE(table.out.find("Pending"), std::string::npos);
}

TEST(Cli, FourSyntaxesHoldTheSameTriples) {
  const auto dir = test::scratch("cli-syntaxes");
  std::set<std::string> reference;
  for (const char* t : {"turtle", "ntriples", "nquads", "trig"}) {
    const std::string ext = t == std::string("turtle")     ? "ttl"
                            : t == std::string("ntriples") ? "nt"
                            : t == std::string("nquads")   ? "nq"
                                                           : "trig";
    const std::string out = dir + "/s." + ext;
    auto r = test::run("convert -t " + std::string(t) + " " + all_samples() + " -o " + out, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    auto triples = triples_of(out);
    if (reference.empty()) reference = triples;
    EXPECT_EQ(triples, reference) << t;
  }
  EXPECT_GT(reference.size(), 600U);
  // N-Quads put each input file's triples in a named graph.
  auto quads = triples_of(dir + "/s.nq", false);
  EXPECT_TRUE(std::any_of(quads.begin(), quads.end(), [](const std::string& l) {
    return l.ends_with("<https://w3id.org/diplograph/id/graph/inter-korean.csv>");
  }));
}

TEST(Cli, GoldenNTriples) {
  const auto dir = test::scratch("cli-golden");
  ASSERT_EQ(test::run("convert -t ntriples " + all_samples() + " -o " + dir + "/s.nt", dir).status, 0);
  const auto got = triples_of(dir + "/s.nt");
  const auto want = triples_of(std::string(SOURCE_DIR) + "/tests/golden/samples.nt");
  std::vector<std::string> extra, missing;
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  EXPECT_TRUE(extra.empty()) << "not in the golden file: " << extra.front();
  EXPECT_TRUE(missing.empty()) << "missing from the output: " << missing.front();
  EXPECT_EQ(got.size(), want.size());
}

TEST(Cli, SameActorSameIriAcrossFilesAndRuns) {
  const auto dir = test::scratch("cli-deterministic");
  ASSERT_EQ(
      test::run("convert " + test::samples() + "/meetings.jsonl -o " + dir + "/a.nt -t ntriples", dir).status,
      0);
  ASSERT_EQ(test::run("convert " + test::samples() + "/inter-korean.csv -o " + dir + "/b.nt -t ntriples", dir)
                .status,
            0);
  const std::string kim =
      "<https://w3id.org/diplograph/id/person/PRK/kim-jong-un> <http://www.w3.org/2000/01/rdf-schema#label>";
  EXPECT_NE(test::read(dir + "/a.nt").find(kim), std::string::npos);
  EXPECT_NE(test::read(dir + "/b.nt").find(kim), std::string::npos);
  ASSERT_EQ(
      test::run("convert " + test::samples() + "/meetings.jsonl -o " + dir + "/c.nt -t ntriples", dir).status,
      0);
  EXPECT_EQ(test::read(dir + "/a.nt"), test::read(dir + "/c.nt"));
}

TEST(Cli, BadInputExits2AndWritesNothing) {
  const auto dir = test::scratch("cli-bad");
  test::write(
      dir + "/bad.jsonl",
      test::read(test::samples() + "/seed.jsonl") +
          R"({"id":"x","type":"meeting","date":"2025-05","participants":[{"name":"A","state":"PAKK"}]})" +
          "\n");
  auto r = test::run("convert " + dir + "/bad.jsonl -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(dir + "/bad.jsonl:3: participants[0].state: unknown country code \"PAKK\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl"));
  // An existing output is untouched.
  test::write(dir + "/out.ttl", "keep me");
  EXPECT_EQ(test::run("convert " + dir + "/bad.jsonl -o " + dir + "/out.ttl", dir).status, 2);
  EXPECT_EQ(test::read(dir + "/out.ttl"), "keep me");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}),
            4);  // bad.jsonl, out.ttl, stdout, stderr
}

TEST(Cli, KeepGoingReportsEachBadRecordWritesTheRestExits3) {
  const auto dir = test::scratch("cli-keep-going");
  test::write(dir + "/mixed.jsonl",
              "not json\n" + test::read(test::samples() + "/seed.jsonl") + "{\"id\":1}\n");
  auto r = test::run("convert --keep-going " + dir + "/mixed.jsonl -o " + dir + "/out.ttl", dir);
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:1: not JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:4: id: must be a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("4 records read, 2 events written, 2 skipped"), std::string::npos) << r.err;
  auto q = test::run("query met --actor Muttaqi --format csv " + dir + "/out.ttl", dir);
  EXPECT_NE(q.out.find("PhoneCall"), std::string::npos);
}

TEST(Cli, UsageErrorsExit1) {
  const auto dir = test::scratch("cli-usage");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  auto amb = test::run("query met --actor Moon --actor x " + dir + "/s.ttl", dir);
  EXPECT_EQ(amb.status, 1);
  auto ambiguous = test::run("query met --actor Kim " + dir + "/s.ttl", dir);
  EXPECT_EQ(ambiguous.status, 0);                                       // one actor matches
  auto two = test::run("query met --actor Jo " + dir + "/s.ttl", dir);  // no whole word: a suggestion
  EXPECT_EQ(two.status, 1);
  EXPECT_NE(two.err.find("no actor matches \"Jo\"; did you mean \"Joe Biden\""), std::string::npos)
      << two.err;
  EXPECT_EQ(test::run("convert --no-such-option x", dir).status, 1);
  EXPECT_EQ(test::run("frobnicate", dir).status, 1);
  EXPECT_EQ(test::run("query met --format xml " + dir + "/s.ttl", dir).status, 1);
  EXPECT_EQ(test::run("--help", dir).status, 0);
}

TEST(Cli, StatementIsNoMeetingAndStateLevelCounts) {
  const auto dir = test::scratch("cli-state");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  // Trump's statement on Jerusalem is in the data (his timeline) but is no meeting.
  auto trump = test::run("query met --actor \"Donald Trump\" --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(trump.status, 0) << trump.err;
  EXPECT_NE(trump.out.find("singapore-summit"), std::string::npos) << trump.out;
  EXPECT_EQ(trump.out.find("jerusalem"), std::string::npos);
  auto timeline = test::run("query timeline --actor \"Donald Trump\" --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  EXPECT_NE(timeline.out.find("jerusalem-recognition,Statement"), std::string::npos) << timeline.out;
  auto counts = test::run("query met --level state --count --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(counts.status, 0);
  EXPECT_NE(
      counts.out.find("https://w3id.org/diplograph/id/state/KOR,South "
                      "Korea,https://w3id.org/diplograph/id/state/PRK,North Korea,4,2018-04-27,2019-06-30"),
      std::string::npos)
      << counts.out;
  auto dot = test::run("query met --format dot " + dir + "/s.ttl", dir);
  EXPECT_TRUE(dot.out.starts_with("graph met {"));
}

TEST(Cli, HostileRdfIsBadInputWithPosition) {
  const auto dir = test::scratch("cli-hostile-rdf");
  test::write(dir + "/garbage.ttl", std::string("<a> <b> \x01\x02\xff\xfe garbage\n"));
  auto r = test::run("query met " + dir + "/garbage.ttl", dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(dir + "/garbage.ttl:1:"), std::string::npos) << r.err;
  auto missing = test::run("query met " + dir + "/missing.ttl", dir);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("missing.ttl"), std::string::npos);
  auto unwritable = test::run("convert " + test::samples() + "/seed.jsonl -o /nonexistent-dir/out.ttl", dir);
  EXPECT_EQ(unwritable.status, 2);
  EXPECT_NE(unwritable.err.find("/nonexistent-dir/out.ttl"), std::string::npos);
}

TEST(Cli, OntologyIsPrintedAndParses) {
  const auto dir = test::scratch("cli-ontology");
  ASSERT_EQ(test::run("ontology -o " + dir + "/o.ttl", dir).status, 0);
  ASSERT_EQ(test::run("ontology -t ntriples -o " + dir + "/o.nt", dir).status, 0);
  EXPECT_EQ(triples_of(dir + "/o.ttl"), triples_of(dir + "/o.nt"));
  EXPECT_EQ(test::read(dir + "/o.ttl"), test::read(std::string(SOURCE_DIR) + "/ontology/diplomacy.ttl"));
}

TEST(Cli, CodedEventFilesConvertWithASummary) {
  const auto dir = test::scratch("cli-coded");
  auto g =
      test::run("convert " + test::shared() + "/gdelt/20150218230000.export.CSV -o " + dir + "/g.ttl", dir);
  ASSERT_EQ(g.status, 0) << g.err;
  EXPECT_NE(g.err.find("2271 records read, 2271 events written, 0 skipped"), std::string::npos) << g.err;
  auto i = test::run("convert " + test::shared() + "/icews/events.2018.sample.tab -o " + dir + "/i.ttl", dir);
  ASSERT_EQ(i.status, 0) << i.err;
  EXPECT_NE(i.err.find("3705 records read"), std::string::npos) << i.err;
  auto q =
      test::run("query met --actor \"Mike Pompeo\" --type Consultation --type Negotiation --format csv " +
                    dir + "/i.ttl",
                dir);
  ASSERT_EQ(q.status, 0) << q.err;
  // Every row a consultation or negotiation of Pompeo's, as many as the sample has (counted from
  // its rows: 040 or 046 with Pompeo on either side, mirrored rows as one).
  std::istringstream rows_in(q.out);
  std::string row;
  std::getline(rows_in, row);
  std::size_t talks = 0;
  while (std::getline(rows_in, row)) {
    ++talks;
    EXPECT_TRUE(row.find(",Consultation,") != std::string::npos ||
                row.find(",Negotiation,") != std::string::npos)
        << row;
    EXPECT_NE(row.find("/person/USA/mike-pompeo,Mike Pompeo,"), std::string::npos) << row;
  }
  std::set<std::string> raw;  // story, sentence, date, code, the pair: one interaction
  std::istringstream icews(test::read(test::shared() + "/icews/events.2018.sample.tab"));
  for (std::string line; std::getline(icews, line);) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, '\t');) f.push_back(c);
    if (f.size() < 13 || (f[6] != "040" && f[6] != "046")) continue;
    if (f[2] != "Mike Pompeo" && f[8] != "Mike Pompeo") continue;
    raw.insert(f[11] + "/" + f[12] + "/" + f[1] + "/" + f[6] + "/" + std::min(f[2], f[8]) + "/" +
               std::max(f[2], f[8]));
  }
  EXPECT_GT(raw.size(), 0U);
  EXPECT_EQ(talks, raw.size());
  // A bad row: exit 2 naming file and line, or skipped and counted with --keep-going.
  std::string rows = test::read(test::shared() + "/gdelt/20191024143000.export.CSV");
  rows.insert(rows.find('\n') + 1, "123\tnot a row\n");
  test::write(dir + "/bad.export.CSV", rows);
  auto bad = test::run("convert " + dir + "/bad.export.CSV -o " + dir + "/b.ttl", dir);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find(dir + "/bad.export.CSV:2: 2 columns where this GDELT 2.0 file has 61"),
            std::string::npos)
      << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/b.ttl"));
  auto kept = test::run("convert --keep-going " + dir + "/bad.export.CSV -o " + dir + "/b.ttl", dir);
  EXPECT_EQ(kept.status, 3);
  EXPECT_NE(kept.err.find("2112 records read, 2111 events written, 1 skipped"), std::string::npos)
      << kept.err;
}

TEST(Cli, PathAndTimeline) {
  const auto dir = test::scratch("cli-path");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  auto p = test::run(
      "query path --from \"Moon Jae-in\" --to Putin --format csv --columns hop,actor_label,other_label " +
          dir + "/s.ttl",
      dir);
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_EQ(p.out,
            "hop,actor_label,other_label\r\n1,Moon Jae-in,Donald Trump\r\n2,Donald Trump,Vladimir Putin\r\n");
  auto none = test::run("query path --from Muttaqi --to Putin " + dir + "/s.ttl", dir);
  EXPECT_EQ(none.status, 0);
  EXPECT_NE(none.err.find("no chain"), std::string::npos);
  auto t = test::run(
      "query timeline --actor \"Donald Trump\" --format csv --columns date,type " + dir + "/s.ttl", dir);
  EXPECT_EQ(t.out,
            "date,type\r\n2016-12-02,PhoneCall\r\n2017-12-06,Statement\r\n2018-06-12,Meeting\r\n2018-07-16,"
            "Meeting\r\n"
            "2019-02-27,Meeting\r\n2019-06-30,Meeting\r\n");
}

TEST(Cli, MergeKeepsBlankNodesOfEachFileApartAndLosesNothing) {
  const auto dir = test::scratch("cli-merge");
  // The same statement about _:node in two files: two blank nodes, so two statements.
  test::write(dir + "/a.nt", "_:node <http://p> \"x\" .\n<http://s> <http://p> <http://o> .\n");
  test::write(dir + "/b.ttl",
              "@prefix : <http://ex/> .\n_:node <http://p> \"x\" .\n<http://s> <http://p> <http://o> .\n");
  test::write(dir + "/c.nq", "<http://s> <http://p> \"in a graph\" <http://g> .\n");
  test::write(dir + "/d.trig", "<http://g2> { <http://s2> <http://p> <http://o> . }\n");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  std::set<std::string> inputs;
  for (const char* f : {"/a.nt", "/b.ttl", "/c.nq", "/d.trig", "/s.ttl"}) {
    for (const auto& l : triples_of(dir + f)) inputs.insert(l);
  }
  auto r = test::run("merge " + dir + "/a.nt " + dir + "/b.ttl " + dir + "/c.nq " + dir + "/d.trig " + dir +
                         "/s.ttl -o " + dir + "/m.nt",
                     dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto merged = triples_of(dir + "/m.nt");
  // Exactly the distinct triples of the inputs, except that _:node of a.nt and of b.ttl are two nodes.
  EXPECT_EQ(merged.size(), inputs.size() + 1);
  std::size_t b1 = 0;
  for (const auto& l : merged) b1 += l.ends_with("<http://p> \"x\"");
  EXPECT_EQ(b1, 2U);
  std::set<std::string> subjects;
  for (const auto& l : merged) {
    if (l.starts_with("_:")) subjects.insert(l.substr(0, l.find(' ')));
  }
  EXPECT_EQ(subjects.size(), 2U);
  // --graphs: a named graph per input file.
  auto g = test::run("merge --graphs " + dir + "/a.nt " + dir + "/b.ttl -o " + dir + "/m.nq", dir);
  ASSERT_EQ(g.status, 0) << g.err;
  const auto quads = triples_of(dir + "/m.nq", false);
  EXPECT_TRUE(quads.count("<http://s> <http://p> <http://o> <https://w3id.org/diplograph/id/graph/a.nt>"));
  EXPECT_TRUE(quads.count("<http://s> <http://p> <http://o> <https://w3id.org/diplograph/id/graph/b.ttl>"));
  EXPECT_EQ(test::run("merge --graphs -t turtle " + dir + "/a.nt", dir).status, 1);
  // A bad input: exit 2, nothing written.
  test::write(dir + "/bad.ttl", "<http://s> <http://p> .\n");
  auto bad = test::run("merge " + dir + "/a.nt " + dir + "/bad.ttl -o " + dir + "/never.nt", dir);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find(dir + "/bad.ttl:1:"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/never.nt"));
}

TEST(Cli, SmushMovesWikidataStatementsOntoTheProjectsStateIri) {
  const auto dir = test::scratch("cli-smush");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  test::write(dir + "/wd.nt",
              "<http://www.wikidata.org/entity/Q889> <http://www.wikidata.org/prop/direct/P36> "
              "<http://www.wikidata.org/entity/Q5838> .\n");
  auto r = test::run("merge --smush " + dir + "/s.ttl " + dir + "/wd.nt -o " + dir + "/m.nt", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto m = triples_of(dir + "/m.nt");
  const std::string afg = "<https://w3id.org/diplograph/id/state/AFG>";
  EXPECT_TRUE(
      m.count(afg + " <http://www.wikidata.org/prop/direct/P36> <http://www.wikidata.org/entity/Q5838>"));
  EXPECT_TRUE(m.count(afg + " <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q889>"));
  for (const auto& l : m) EXPECT_FALSE(l.starts_with("<http://www.wikidata.org/entity/Q889>")) << l;
  // A person's external IRI is smushed onto the project's person IRI too.
  EXPECT_TRUE(m.count(
      "<https://w3id.org/diplograph/id/person/USA/donald-trump> <http://www.w3.org/2002/07/owl#sameAs> "
      "<http://www.wikidata.org/entity/Q22686>"));
}

TEST(Cli, ValidatePassesWhatConvertWritesAndCatchesEachProblem) {
  const auto dir = test::scratch("cli-validate");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  ASSERT_EQ(test::run("convert " + test::shared() + "/gdelt/20191024143000.export.CSV " + test::shared() +
                          "/icews/events.2018.sample.tab -o " + dir + "/coded.ttl",
                      dir)
                .status,
            0);
  for (const char* f : {"/s.ttl", "/coded.ttl"}) {
    auto clean = test::run("validate " + dir + f, dir);
    EXPECT_EQ(clean.status, 0) << clean.out;
    EXPECT_EQ(clean.out, "");
  }
  test::write(dir + "/bad.ttl", R"(@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://ex/e1> a dg:Meeting ; dg:date "2025-02-30"^^xsd:date ; dg:participant <http://ex/p1> , <http://ex/place> .
<http://ex/e2> a dg:PhoneCall ; dg:flavour "x" .
<http://ex/p1> a dg:Person .
<http://ex/place> a dg:Place ; rdfs:label "Kabul" .
<http://ex/p2> a dg:Person ; rdfs:label "B" ; dg:represents <http://ex/p1> .
<http://ex/e3> a dg:Meeting ; dg:date "2025"^^xsd:gYear ; dg:participant <http://ex/p2> ; dg:topic 5 .
<http://ex/x> dg:date "2020-01-01"^^xsd:date .
)");
  auto bad = test::run("validate " + dir + "/bad.ttl", dir);
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.out,
            "http://ex/e1: \"2025-02-30\" is not a valid http://www.w3.org/2001/XMLSchema#date\n"
            "http://ex/e1: object of dg:participant (http://ex/place) is not of its range\n"
            "http://ex/e2: event without dg:date\n"
            "http://ex/e2: event without dg:participant\n"
            "http://ex/e3: dg:topic value \"5\" has datatype http://www.w3.org/2001/XMLSchema#integer, not "
            "its range\n"
            "http://ex/p1: actor without rdfs:label\n"
            "http://ex/p2: object of dg:represents (http://ex/p1) is not of its range\n"
            "http://ex/x: subject of dg:date is not of its domain\n"
            "https://w3id.org/diplograph/ontology#flavour: not declared in the ontology\n");
}

TEST(Cli, StatsCountEventsActorsStatesRelations) {
  const auto dir = test::scratch("cli-stats");
  ASSERT_EQ(test::run("convert " + all_samples() + " -o " + dir + "/s.ttl", dir).status, 0);
  auto r = test::run("stats --format csv " + dir + "/s.ttl", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string nt = test::read(test::samples() + "/../tests/golden/samples.nt");
  const auto triples = std::count(nt.begin(), nt.end(), '\n');
  EXPECT_NE(r.out.find("triples,," + std::to_string(triples) + "\r\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("events by class,PhoneCall,2\r\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("events by year,2018,5\r\n"), std::string::npos);
  EXPECT_NE(r.out.find("relation changes by status,proposed,2\r\n"), std::string::npos);
  EXPECT_NE(r.out.find("states,,17\r\n"), std::string::npos);
}

TEST(Cli, ProgressShowsRecordsRateAndShareRead) {
  const auto dir = test::scratch("cli-progress");
  auto r = test::run(
      "convert --progress " + test::shared() + "/icews/events.2018.sample.tab -o " + dir + "/i.ttl", dir);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("records, "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/s, 100% of events.2018.sample.tab"), std::string::npos) << r.err;
  auto quiet =
      test::run("convert --no-progress " + test::samples() + "/seed.jsonl -o " + dir + "/s.ttl", dir);
  EXPECT_EQ(quiet.err.find("\r"), std::string::npos);
}
