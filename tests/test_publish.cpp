// What a linked-data publisher gets: readable IRIs, a prefix for every IRI space used and none
// unused, output that other parsers read back to the same triples.
#include <gtest/gtest.h>

#include <regex>

#include "diplograph/text.hpp"
#include "tests/helpers.hpp"

namespace {

using test::run;

std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) out.insert(l);
  }
  return out;
}

// The prefixes a Turtle/TriG text declares, and whether each is used after its declaration.
std::map<std::string, bool> prefixes_used(const std::string& text) {
  std::map<std::string, bool> used;
  const std::regex decl(R"(@prefix ([A-Za-z][\w-]*): <)");
  for (std::sregex_iterator it(text.begin(), text.end(), decl), end; it != end; ++it) {
    const std::string name = (*it)[1];
    const auto after = text.substr(static_cast<std::size_t>(it->position() + it->length()));
    used[name] = std::regex_search(after, std::regex("(^|[\\s,;(\\[{^])" + name + ":"));
  }
  return used;
}

TEST(Publish, IriSegmentsKeepLettersOfEveryScriptAndEncodeWhatIrisForbid) {
  using diplograph::text::iri_segment;
  EXPECT_EQ(iri_segment("erdoğan", "-_.~"), "erdoğan");
  EXPECT_EQ(iri_segment("москва", "-_.~"), "москва");
  EXPECT_EQ(iri_segment("a b<c>", "-_.~"), "a%20b%3Cc%3E");
  EXPECT_EQ(iri_segment("x\xC2\x85y", "-_.~"), "x%C2%85y");         // U+0085, a control: not ucschar
  EXPECT_EQ(iri_segment("p\xEE\x80\x80q", "-_.~"), "p%EE%80%80q");  // private use: not in a path
  EXPECT_EQ(iri_segment("bad\xFF", "-_.~"), "bad%FF");              // not UTF-8 at all
}

TEST(Publish, TurtleLocalNamesEscapeWhatTheyMust) {
  using diplograph::text::turtle_local_name;
  EXPECT_EQ(turtle_local_name("seed/afg-pak"), "seed\\/afg-pak");
  EXPECT_EQ(turtle_local_name("CHE/zürich/47.37,8.54"), "CHE\\/zürich\\/47.37\\,8.54");
  EXPECT_EQ(turtle_local_name("a%20b"), "a%20b");
  EXPECT_FALSE(turtle_local_name("a b"));
  EXPECT_FALSE(turtle_local_name("a\"b"));
}

// One name typed with a combining breve and with the precomposed letter is one person, with a
// readable IRI.
TEST(Publish, NamesAreNfcNormalisedIntoReadableIris) {
  const std::string dir = test::scratch("publish-nfc");
  test::write(dir + "/u.jsonl", test::meeting("t1", "2020-01-02",
                                              {{"Recep Tayyip Erdo\xC4\x9F"
                                                "an",
                                                "TUR"},
                                               {"Ann Lee", "USA"}}) +
                                    test::meeting("t2", "2020-01-03",
                                                  {{"Recep Tayyip Erdog\xCC\x86"
                                                    "an",
                                                    "TUR"},
                                                   {"Ann Lee", "USA"}}));
  const auto r = run("convert -t ntriples " + dir + "/u.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> people;
  const std::regex person("<(https://w3id.org/diplograph/id/person/TUR/[^>]*)>");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), person), end; it != end; ++it)
    people.insert((*it)[1]);
  EXPECT_EQ(people, std::set<std::string>{"https://w3id.org/diplograph/id/person/TUR/recep-tayyip-erdoğan"});
}

// Every output of the samples, the ICEWS sample and a GDELT file: each IRI space diplograph
// mints has its prefix where used, no prefix is declared unused, and serdi and rapper read
// Turtle and TriG back to the statements of N-Triples/N-Quads output.
TEST(Publish, EveryPrefixDeclaredIsUsedAndOtherParsersReadTheSameTriples) {
  const std::string s = test::samples(), data = test::shared();
  const std::vector<std::string> inputs{s + "/seed.jsonl " + s + "/meetings.jsonl " + s + "/inter-korean.csv",
                                        data + "/icews/events.2018.sample.tab",
                                        data + "/gdelt/*.export.CSV"};  // the three GDELT files together
  const std::string dir = test::scratch("publish-prefixes");
  for (const auto& in : inputs) {
    for (const std::string syntax : {"turtle", "trig"}) {
      const std::string plain = syntax == "turtle" ? "ntriples" : "nquads";
      ASSERT_EQ(run("convert --no-progress -t " + syntax + " " + in + " -o " + dir + "/out." + syntax).status,
                0);
      ASSERT_EQ(run("convert --no-progress -t " + plain + " " + in + " -o " + dir + "/out.plain").status, 0);
      const std::string text = test::read(dir + "/out." + syntax);
      EXPECT_EQ(run("validate --syntax " + syntax + " " + dir + "/out." + syntax).status, 0)
          << in << " " << syntax;
      // rdflib reads it too, to as many statements as the N-Triples/N-Quads output holds
      const std::string count =
          "/usr/bin/python3 -c \"import rdflib, sys; g = rdflib.ConjunctiveGraph(); "
          "g.parse(sys.argv[1], format=sys.argv[2]); print(len(set(g.quads())))\" ";
      ASSERT_EQ(
          std::system((count + dir + "/out." + syntax + " " + syntax + " > " + dir + "/rdflib.out").c_str()),
          0);
      EXPECT_EQ(std::stoul(test::read(dir + "/rdflib.out")), lines(test::read(dir + "/out.plain")).size())
          << in;
      for (const auto& [name, used] : prefixes_used(text))
        EXPECT_TRUE(used) << in << ": @prefix " << name << " unused";
      EXPECT_NE(text.find("\ta dg:"), std::string::npos) << in << ": rdf:type written as 'a'";
      for (const std::string space : {"event", "state"})
        EXPECT_TRUE(prefixes_used(text).count(space)) << in << " " << space;
      const std::string cmd = " > " + dir + "/back.nt 2> " + dir + "/err";
      for (const std::string& reader :
           {"serdi -i " + syntax + " -o " + plain, "rapper -q -i " + syntax + " -o " + plain}) {
        ASSERT_EQ(std::system((reader + " " + dir + "/out." + syntax + cmd).c_str()), 0)
            << reader << " " << in << ": " << test::read(dir + "/err");
        // rapper writes non-ASCII as \u escapes; serdi as it is: compare what serdi makes of both
        ASSERT_EQ(std::system(("serdi -i " + plain + " -o " + plain + " " + dir + "/back.nt > " + dir +
                               "/a.nt && serdi -i " + plain + " -o " + plain + " " + dir + "/out.plain > " +
                               dir + "/b.nt")
                                  .c_str()),
                  0);
        EXPECT_EQ(lines(test::read(dir + "/a.nt")), lines(test::read(dir + "/b.nt"))) << reader << " " << in;
      }
    }
  }
}

}  // namespace

namespace {

// Text diplograph makes is English (@en); a record's own text keeps the record's `lang`, a
// participant's its own; without one, no tag.
TEST(Publish, GeneratedTextIsEnglishAndRecordTextKeepsTheRecordsLanguage) {
  const std::string dir = test::scratch("publish-lang");
  test::write(
      dir + "/fr.jsonl",
      "{\"id\":\"r1\",\"lang\":\"fr\",\"type\":\"meeting\",\"date\":\"2020-01-02\",\"summary\":\"Entretien "
      "à l'Élysée.\",\"participants\":[{\"name\":\"Emmanuel "
      "Macron\",\"state\":\"FRA\",\"title\":\"Président\"},"
      "{\"name\":\"Ашраф Гани\",\"state\":\"AFG\",\"lang\":\"ru\"}],\"location\":{\"name\":\"Paris\","
      "\"country\":\"FRA\"}}\n"
      "{\"id\":\"r2\",\"type\":\"meeting\",\"date\":\"2020-01-03\",\"summary\":\"No language given.\","
      "\"participants\":[{\"name\":\"Ann Lee\",\"state\":\"USA\"},{\"name\":\"Bo "
      "Bi\",\"state\":\"FRA\"}]}\n");
  const auto r = run("convert -t ntriples " + dir + "/fr.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto has = [&](const std::string& s) { return r.out.find(s) != std::string::npos; };
  EXPECT_TRUE(has("\"Meeting: Emmanuel Macron and Ашраф Гани\"@en .")) << r.out;
  EXPECT_TRUE(has("\"Entretien à l'Élysée.\"@fr ."));
  EXPECT_TRUE(has("<http://www.w3.org/2000/01/rdf-schema#label> \"Emmanuel Macron\"@fr ."));
  EXPECT_TRUE(has("<https://w3id.org/diplograph/ontology#title> \"Président\"@fr ."));
  EXPECT_TRUE(has("\"Ашраф Гани\"@ru ."));
  EXPECT_TRUE(has("\"Paris\"@fr ."));
  EXPECT_TRUE(has("\"France\"@en ."));           // the state's name, from the country table
  EXPECT_TRUE(has("\"No language given.\" ."));  // no tag where the record gives none
  EXPECT_TRUE(has("\"Ann Lee\" ."));
}

TEST(Publish, ABadLanguageTagIsAnErrorAtItsLine) {
  const std::string dir = test::scratch("publish-badlang");
  test::write(
      dir + "/bad.jsonl",
      "{\"id\":\"r1\",\"type\":\"meeting\",\"date\":\"2020-01-02\",\"participants\":[{\"name\":\"A "
      "B\",\"state\":\"FRA\"},{\"name\":\"C D\",\"state\":\"USA\"}]}\n"
      "{\"id\":\"r2\",\"lang\":\"en_US\",\"type\":\"meeting\",\"date\":\"2020-01-02\",\"participants\":[{"
      "\"name\":\"A B\",\"state\":\"FRA\"},{\"name\":\"C D\",\"state\":\"USA\"}]}\n");
  test::write(dir + "/bad.csv",
              "id,type,date,actor1,actor2,lang\nm1,meeting,2020-01-01,A B,C D,a-very-long-language-tag\n");
  test::expect_error(run("convert " + dir + "/bad.jsonl -o " + dir + "/out.ttl"), 2,
                     "bad.jsonl:2: lang: not a language tag (\"en\", \"ps-AF\"): \"en_US\"");
  test::expect_error(run("convert " + dir + "/bad.csv -o " + dir + "/out.ttl"), 2,
                     "bad.csv:2: column lang: a language tag of 1 to 15");
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.ttl"));
}

}  // namespace

namespace {

// --dataset: the published IRIs do not depend on what the file is called.
TEST(Publish, DatasetNameKeepsIrisWhenTheFileIsRenamed) {
  const std::string dir = test::scratch("publish-dataset");
  const std::string record = test::meeting("m1", "2020-01-02", {{"A B", "FRA"}, {"C D", "USA"}});
  test::write(dir + "/summits.jsonl", record);
  test::write(dir + "/summits-final-v2.jsonl", record);
  const auto nq = [&](const std::string& file, const std::string& extra) {
    const auto r = run("convert -t nquads " + extra + dir + "/" + file);
    EXPECT_EQ(r.status, 0) << r.err;
    auto out = lines(r.out);  // less the provenance, which names the file as it is
    std::erase_if(out, [](const std::string& l) { return l.find("#sourceRecord>") != std::string::npos; });
    return out;
  };
  EXPECT_NE(nq("summits.jsonl", ""), nq("summits-final-v2.jsonl", ""));  // the stem names events and graph
  const auto named = nq("summits.jsonl", "--dataset summits-2020 ");
  EXPECT_EQ(named, nq("summits-final-v2.jsonl", "--dataset summits-2020 "));
  const std::string text = [&] {
    std::string all;
    for (const auto& l : named) all += l + "\n";
    return all;
  }();
  EXPECT_NE(text.find("<https://w3id.org/diplograph/id/event/summits-2020/m1>"), std::string::npos) << text;
  EXPECT_NE(text.find("<https://w3id.org/diplograph/id/graph/summits-2020> ."), std::string::npos);
  test::expect_error(run("convert --dataset 'a b' " + dir + "/summits.jsonl"), 1,
                     "--dataset \"a b\": use letters, digits, '-', '_' and '.'");
}

}  // namespace

namespace {

// describe's counts are what rdflib counts in the same file and what stats says; the terms it
// uses are VoID's and DCAT's (tests/scripts/check_describe.py).
TEST(Publish, DescribeCountsWhatRdflibAndStatsCount) {
  const std::string s = test::samples(), data = test::shared();
  const std::vector<std::pair<std::string, std::string>> inputs{
      {s + "/seed.jsonl " + s + "/meetings.jsonl " + s + "/inter-korean.csv", "samples"},
      {data + "/icews/events.2018.sample.tab", "icews"},
      {data + "/gdelt/20150218230000.export.CSV", "gdelt"}};
  for (const auto& [in, name] : inputs) {
    const std::string graph = test::converted(in, "describe-" + name);
    const std::string dir = graph.substr(0, graph.rfind('/'));
    const auto d =
        run("describe --license https://creativecommons.org/licenses/by/4.0/ --publisher "
            "https://example.org/publisher --download-base https://example.org/data/ -o " +
            dir + "/void.ttl " + graph);
    ASSERT_EQ(d.status, 0) << d.err;
    const std::string check = std::string(SOURCE_DIR) + "/tests/scripts/check_describe.py";
    const auto py = std::system(
        ("/usr/bin/python3 " + check + " " + graph + " " + dir + "/void.ttl > " + dir + "/check.out 2>&1")
            .c_str());
    EXPECT_EQ(py, 0) << name << ": " << test::read(dir + "/check.out");
    const auto stats = run("stats --format csv " + graph);
    const std::string triples = stats.out.substr(stats.out.find("triples,,") + 9);
    EXPECT_NE(
        test::read(dir + "/void.ttl").find("void:triples \"" + triples.substr(0, triples.find('\r')) + "\""),
        std::string::npos)
        << name;
    EXPECT_EQ(std::system(("rapper -q -i turtle -o ntriples " + dir + "/void.ttl > /dev/null").c_str()), 0);
  }
}

// A gzipped graph (what `convert -o x.ttl.gz` writes) is described as its plain twin is, its
// distribution the Turtle media type with DCAT's compressFormat gzip.
TEST(Publish, AGzippedGraphIsDescribedAsItsPlainTwinCompressed) {
  const std::string graph = test::converted(test::shared() + "/icews/events.2018.sample.tab", "describe-gz");
  const std::string dir = graph.substr(0, graph.rfind('/'));
  ASSERT_EQ(
      run("convert --no-progress " + test::shared() + "/icews/events.2018.sample.tab -o " + dir + "/g.ttl.gz")
          .status,
      0);
  const auto plain = run("describe --iri https://example.org/d " + graph);
  const auto gz = run("describe --iri https://example.org/d " + dir + "/g.ttl.gz");
  ASSERT_EQ(gz.status, 0) << gz.err;
  EXPECT_NE(
      gz.out.find("dcat:compressFormat <https://www.iana.org/assignments/media-types/application/gzip>"),
      std::string::npos)
      << gz.out;
  EXPECT_NE(gz.out.find("media-types/text/turtle>"), std::string::npos) << gz.out;
  EXPECT_EQ(plain.out.find("compressFormat"), std::string::npos);
  const auto count = [](const std::string& out) { return out.substr(out.find("void:triples"), 40); };
  EXPECT_EQ(count(gz.out), count(plain.out));
}

TEST(Publish, DescribeRefusesWhatIsNotAnIriAndWritesNothingOnBadInput) {
  const std::string dir = test::scratch("describe-bad");
  const std::string graph = test::samples() + "/../tests/golden/samples.nt";
  test::expect_error(run("describe --license 'CC BY' " + graph), 1, "--license \"CC BY\"");
  test::expect_error(run("describe --issued 30.11.2026 " + graph), 1, "--issued takes YYYY-MM-DD");
  test::write(dir + "/broken.ttl", "<http://a> <http://b> \"unterminated .\n");
  const auto r = run("describe -o " + dir + "/void.ttl " + dir + "/broken.ttl");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("broken.ttl:1:"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/void.ttl"));
}

}  // namespace

namespace {

// The documentation page: one article per term of the ontology, docs/ontology.html as the
// command writes it, and in a real browser (headless Chromium) the page shows its terms with
// no console error; the screenshot stays in the build tree.
TEST(Publish, OntologyPageDocumentsEveryTermAndOpensCleanInChromium) {
  const auto r = run("ontology -t html");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, test::read(std::string(SOURCE_DIR) + "/docs/ontology.html"))
      << "docs/ontology.html is stale: diplograph ontology -t html -o docs/ontology.html";
  const std::string ttl = test::read(std::string(SOURCE_DIR) + "/ontology/diplomacy.ttl");
  const std::regex declared(
      R"((^|\n)dg:(\w+) a (owl:Class|owl:ObjectProperty|owl:DatatypeProperty|rdfs:Datatype))");
  std::size_t terms = 0;
  for (std::sregex_iterator it(ttl.begin(), ttl.end(), declared), end; it != end; ++it, ++terms)
    EXPECT_NE(r.out.find("<article id=\"" + (*it)[2].str() + "\">"), std::string::npos) << (*it)[2];
  EXPECT_GT(terms, 60U);
  const std::string shot = std::string(BUILD_DIR) + "/screenshots/ontology.png";
  std::filesystem::create_directories(std::string(BUILD_DIR) + "/screenshots");
  const std::string dir = test::scratch("publish-page");
  const std::string cmd = "/usr/bin/python3 " + std::string(SOURCE_DIR) + "/tests/scripts/check_page.py " +
                          SOURCE_DIR + "/docs/ontology.html " + shot +
                          " Meeting=meeting 'Meeting=Participants met in person' classes=Classes "
                          "'cowCode=Correlates of War' > " +
                          dir + "/page.out 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << test::read(dir + "/page.out");
  EXPECT_GT(std::filesystem::file_size(shot), 10000U);
}

}  // namespace

namespace {

// JSON-LD (`-t jsonld`): what rdflib and pyld read back is exactly what the Turtle of the same
// input holds (tests/scripts/check_jsonld.py), for every format's real data and for text that
// JSON must escape; the @context is the one ontology/context.jsonld publishes.
std::string check_jsonld(const std::string& jsonld, const std::string& rdf, const std::string& extra = "") {
  const std::string out = jsonld + ".check";
  const int status =
      std::system(("/usr/bin/python3 " + std::string(SOURCE_DIR) + "/tests/scripts/check_jsonld.py " +
                   jsonld + " " + rdf + " " + extra + " > " + out + " 2>&1")
                      .c_str());
  return status == 0 ? std::string() : test::read(out);
}

TEST(Publish, JsonLdReadsBackAsTheTurtlesStatements) {
  const std::string s = test::samples(), data = test::shared();
  const std::string dir = test::scratch("publish-jsonld");
  test::write(
      dir + "/hostile.jsonl",
      test::meeting("q1", "2020-01-02", {{"Ünïcödé \\\"Quoted\\\" Öne", "DEU"}, {"会談 😀 Two", "JPN"}},
                    R"("note": "a \"quoted\" back\\slash, a tab\t, a line\nbreak, Ünïcödé 会談 😀")"));
  // ICEWS's first 600 rows: pyld takes a minute over the whole sample's 95k statements.
  const std::string icews = test::read(data + "/icews/events.2018.sample.tab");
  std::size_t cut = 0;
  for (int n = 0; n < 600 && cut != std::string::npos; ++n) cut = icews.find('\n', cut + 1);
  test::write(dir + "/icews.tab", icews.substr(0, cut + 1));
  const std::vector<std::pair<std::string, std::string>> inputs{
      {s + "/*.jsonl " + s + "/*.csv", "samples"},
      {dir + "/icews.tab", "icews"},
      {data + "/gdelt/20191024143000.export.CSV", "gdelt"},
      {data + "/cow/Diplomatic_Exchange_2006v1.excerpt.csv", "cow"},
      {data + "/polecat/ngecEvents.2024-05-26.sample.txt", "polecat"},
      {dir + "/hostile.jsonl", "hostile"}};
  for (const auto& [in, name] : inputs) {
    const std::string base = dir + "/" + name;
    ASSERT_EQ(run("convert --no-progress -t jsonld " + in + " -o " + base + ".jsonld").status, 0) << name;
    ASSERT_EQ(run("convert --no-progress " + in + " -o " + base + ".ttl").status, 0) << name;
    EXPECT_EQ(check_jsonld(base + ".jsonld", base + ".ttl",
                           "--context " + std::string(SOURCE_DIR) + "/ontology/context.jsonld"),
              "")
        << name;
  }
  // merge, describe and the ontology write it too, each through the same writer.
  ASSERT_EQ(run("merge -t jsonld " + dir + "/icews.ttl " + dir + "/gdelt.ttl -o " + dir + "/m.jsonld").status,
            0);
  ASSERT_EQ(run("merge " + dir + "/icews.ttl " + dir + "/gdelt.ttl -o " + dir + "/m.ttl").status, 0);
  EXPECT_EQ(check_jsonld(dir + "/m.jsonld", dir + "/m.ttl"), "");
  ASSERT_EQ(run("describe -t jsonld " + dir + "/icews.ttl -o " + dir + "/void.jsonld").status, 0);
  ASSERT_EQ(run("describe " + dir + "/icews.ttl -o " + dir + "/void.ttl").status, 0);
  EXPECT_EQ(check_jsonld(dir + "/void.jsonld", dir + "/void.ttl"), "");
  ASSERT_EQ(run("ontology -t jsonld -o " + dir + "/onto.jsonld").status, 0);
  ASSERT_EQ(run("ontology -o " + dir + "/onto.ttl").status, 0);
  EXPECT_EQ(check_jsonld(dir + "/onto.jsonld", dir + "/onto.ttl"), "");
}

TEST(Publish, JsonLdIsWrittenNotRead) {
  const std::string dir = test::scratch("publish-jsonld-read");
  ASSERT_EQ(run("convert --no-progress -t jsonld " + test::samples() + "/seed.jsonl -o " + dir + "/s.jsonld")
                .status,
            0);
  test::expect_error(run("query met " + dir + "/s.jsonld"), 2, "jsonld is written, not read");
  test::expect_error(run("query met --syntax jsonld " + dir + "/s.jsonld"), 1, "unknown syntax \"jsonld\"");
  test::expect_error(run("convert -t json " + test::samples() + "/seed.jsonl"), 1, "jsonld)");
}

}  // namespace
