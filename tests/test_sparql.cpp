// The SPARQL backend: results documents read (and refused when malformed), the queries printed
// and parsed by another engine (Rasqal's roqet), a store that refuses the connection, answers
// HTTP 500, sends a malformed or a truncated document; and against a real Virtuoso (started by
// scripts/test.sh, which exports DIPLOGRAPH_TEST_ENDPOINT): every question answered from the store
// exactly as from the Turtle loaded into it (samples, the ICEWS sample, a synthetic world), both
// ways of loading, a wrong password.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "diplograph/sparql.hpp"
#include "tests/asked.hpp"
#include "tests/helpers.hpp"

namespace {

using test::run;

// ------------------------------------------------------------------------- results documents

TEST(SparqlResults, ReadsTermsAsStoresWriteThem) {
  const std::string doc = R"({ "head": { "link": [], "vars": ["s", "p", "o"] },
    "results": { "distinct": false, "ordered": true, "bindings": [
      { "s": { "type": "uri", "value": "http://ex/a" }, "p": { "type": "uri", "value": "http://ex/p" },
        "o": { "type": "literal", "xml:lang": "en", "value": "x\u00E9" }},
      { "s": { "type": "bnode", "value": "nodeID://b1" }, "p": { "type": "uri", "value": "http://ex/q" },
        "o": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "1" }},
      { "s": { "type": "uri", "value": "http://ex/c" },
        "o": { "type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#string", "value": "plain" }} ] } })";
  std::vector<std::string> rows;
  diplograph::read_sparql_json(
      doc, {"s", "p", "o"},
      [&](const std::vector<diplograph::TermRef>& r) {
        std::string line;
        for (const auto& t : r)
          line += (t.empty() ? std::string("UNBOUND") : diplograph::to_ntriples(t)) + " ";
        rows.push_back(line);
      },
      "test");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0], "<http://ex/a> <http://ex/p> \"x\xC3\xA9\"@en ");
  EXPECT_EQ(rows[1], "_:nodeID://b1 <http://ex/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ");
  EXPECT_EQ(rows[2], "<http://ex/c> UNBOUND \"plain\" ");  // xsd:string is a simple literal
}

TEST(SparqlResults, MalformedDocumentsAreStoreErrorsNamingTheStore) {
  const auto none = [](const std::vector<diplograph::TermRef>&) {};
  for (const std::string& doc :
       {std::string("{\"head\": "), std::string("<html>busy</html>"),
        std::string(R"({"head": {"vars": ["s"]}})"), std::string(R"({"results": {"bindings": [1]}})"),
        std::string(R"({"results": {"bindings": [{"s": {"type": "iri", "value": "x"}}]}})"),
        std::string(R"({"results": {"bindings": [{"s": {"type": "uri", "value": 7}}]}})")}) {
    try {
      diplograph::read_sparql_json(doc, {"s"}, none, "http://store/sparql");
      ADD_FAILURE() << "accepted: " << doc;
    } catch (const diplograph::StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("http://store/sparql: not a SPARQL JSON results document"),
                std::string::npos)
          << e.what();
    }
  }
}

// Each row as N-Triples terms ("UNBOUND" for none), in the order read.
std::vector<std::string> rows_of(const std::function<void(const diplograph::BindingFn&)>& read) {
  std::vector<std::string> rows;
  read([&](const std::vector<diplograph::TermRef>& r) {
    std::string line;
    for (const auto& t : r) line += (t.empty() ? std::string("UNBOUND") : diplograph::to_ntriples(t)) + " ";
    rows.push_back(line);
  });
  return rows;
}

TEST(SparqlResults, XmlReadsTermsAsStoresWriteThem) {
  // A prefix on the elements, a declaration, a comment, a link, references, a CDATA section, a
  // variable not asked for, an empty literal, an attribute in single quotes holding '>'.
  const std::string doc = R"(<?xml version="1.0" encoding="utf-8"?>
<!-- written by hand -->
<r:sparql xmlns:r="http://www.w3.org/2005/sparql-results#">
 <r:head><r:variable name="s"/><r:variable name="p"/><r:variable name="o"/><r:link href="x"/></r:head>
 <r:results distinct="false" ordered="true">
  <r:result>
   <r:binding name="s"><r:uri>http://ex/a?x=1&amp;y=2</r:uri></r:binding>
   <r:binding name="p"><r:uri>http://ex/p</r:uri></r:binding>
   <r:binding name="o"><r:literal xml:lang="en">x&#233;&#xE9; &lt;b&gt; <![CDATA[<raw & kept>]]></r:literal></r:binding>
  </r:result>
  <r:result>
   <r:binding name="s"><r:bnode>nodeID://b1</r:bnode></r:binding>
   <r:binding name="p"><r:uri>http://ex/q</r:uri></r:binding>
   <r:binding name="o"><r:literal datatype='http://www.w3.org/2001/XMLSchema#integer'>1</r:literal></r:binding>
   <r:binding name="unasked"><r:literal>ignored</r:literal></r:binding>
  </r:result>
  <r:result>
   <r:binding name="s"><r:uri>http://ex/c</r:uri></r:binding>
   <r:binding name="o"><r:literal datatype="http://www.w3.org/2001/XMLSchema#string">plain</r:literal></r:binding>
  </r:result>
  <r:result><r:binding name="o"><r:literal/></r:binding></r:result>
  <r:result/>
 </r:results>
</r:sparql>
)";
  const auto rows = rows_of([&](const auto& row) {
    diplograph::read_sparql_xml(doc, {"s", "p", "o"}, row, "test");
  });
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_EQ(rows[0], "<http://ex/a?x=1&y=2> <http://ex/p> \"x\xC3\xA9\xC3\xA9 <b> <raw & kept>\"@en ");
  EXPECT_EQ(rows[1], "_:nodeID://b1 <http://ex/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ");
  EXPECT_EQ(rows[2], "<http://ex/c> UNBOUND \"plain\" ");  // xsd:string is a simple literal
  EXPECT_EQ(rows[3], "UNBOUND UNBOUND \"\" ");
  EXPECT_EQ(rows[4], "UNBOUND UNBOUND UNBOUND ");
}

// rdflib writes one answer in both formats: the same rows read from each, for every statement of
// the samples (language tags, datatypes, non-ASCII text).
TEST(SparqlResults, XmlAndJsonOfOneAnswerGiveTheSameRows) {
  const std::string dir = test::scratch("sparql-formats");
  for (const std::string format : {"json", "xml"}) {
    const std::string cmd =
        "/usr/bin/python3 -c \"import rdflib, sys; g = rdflib.Graph(); g.parse(sys.argv[1], format='nt'); "
        "sys.stdout.buffer.write(g.query('SELECT ?s ?p ?o WHERE { ?s ?p ?o }').serialize(format='" +
        format + "'))\" " + std::string(SOURCE_DIR) + "/tests/golden/samples.nt > " + dir + "/answer." +
        format;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  const std::string json = test::read(dir + "/answer.json"), xml = test::read(dir + "/answer.xml");
  const std::vector<std::string> vars{"s", "p", "o"};
  auto from_json =
      rows_of([&](const auto& row) { diplograph::read_sparql_results(json, "", vars, row, "j"); });
  auto from_xml = rows_of([&](const auto& row) {
    diplograph::read_sparql_results(xml, "application/sparql-results+xml; charset=UTF-8", vars, row, "x");
  });
  EXPECT_GT(from_json.size(), 100U);
  std::sort(from_json.begin(), from_json.end());
  std::sort(from_xml.begin(), from_xml.end());
  EXPECT_EQ(from_json, from_xml);
  for (const std::string kind : {"\"@en ", "\"^^<"}) {
    EXPECT_NE(std::find_if(from_xml.begin(), from_xml.end(),
                           [&](const std::string& r) { return r.find(kind) != std::string::npos; }),
              from_xml.end())
        << kind;
  }
}

TEST(SparqlResults, MalformedXmlIsAStoreErrorWithItsLine) {
  const auto none = [](const std::vector<diplograph::TermRef>&) {};
  const std::string head = "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n<results>\n<result>\n";
  for (const std::string& doc :
       {std::string("<sparql"), std::string("<html><body>busy</body></html>"),
        std::string("<sparql><head/></sparql>"),                      // no results
        std::string("<sparql><boolean>true</boolean></sparql>"),      // an ASK answer
        std::string("<!DOCTYPE x [<!ENTITY e \"boom\">]><sparql/>"),  // no DTD is read
        head + "<binding name=\"s\"><iri>x</iri></binding>", head + "<binding name=\"s\"><uri>x</uri>",
        head + "<binding name=\"s\"><uri>a &bogus; b</uri></binding></result></results></sparql>",
        head + "<binding name=\"s\"><uri>&#0;</uri></binding></result></results></sparql>",
        head + "<binding name=\"s\"><uri>&#xD800;</uri></binding></result></results></sparql>",
        head + "<binding name=\"s\"><literal>a &amp b</literal></binding></result></results></sparql>",
        head + "<binding><uri>x</uri></binding></result></results></sparql>",
        head + "<binding name=\"s\"><uri>x</uri></binding></result></results></sparql><more/>",
        head + "<binding name=\"s\"><uri>x</uri></binding></result>stray</results></sparql>",
        head + "<binding name=\"s\"><literal><![CDATA[open</literal></binding></result></results></sparql>",
        head + "<binding name=\"s\"><uri>a" + std::string(1, '\0') +
            "b</uri></binding></result></results></sparql>"}) {
    try {
      diplograph::read_sparql_xml(doc, {"s"}, none, "http://store/sparql");
      ADD_FAILURE() << "accepted: " << doc;
    } catch (const diplograph::StoreError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("http://store/sparql: not a SPARQL XML results document: "), std::string::npos)
          << what;
      EXPECT_NE(what.find("(line "), std::string::npos) << what;
    }
  }
}

// ------------------------------------------------------------------------- printed queries

// Splits --print-sparql output into its queries.
std::vector<std::string> printed_queries(const std::string& out) {
  std::vector<std::string> queries;
  std::size_t at = 0;
  while ((at = out.find("# query ", at)) != std::string::npos) {
    const auto start = out.find('\n', at) + 1;
    const auto next = out.find("\n# query ", start);
    queries.push_back(out.substr(start, next == std::string::npos ? std::string::npos : next - start));
    at = start;
  }
  return queries;
}

TEST(SparqlPrint, EveryQuestionsQueriesParseInAnotherEngine) {
  const std::string dir = test::scratch("sparql-print");
  const std::string store = " --print-sparql --endpoint http://127.0.0.1:9/sparql --graph urn:x:g";
  std::size_t checked = 0;
  for (const auto& ask : test::questions("Amir Khan Muttaqi", "AFG", "PAK")) {
    const auto r = run(ask + store);
    if (ask.find("no such person") != std::string::npos) continue;
    ASSERT_EQ(r.status, 0) << ask << "\n" << r.err;
    const auto queries = printed_queries(r.out);
    ASSERT_FALSE(queries.empty()) << ask << "\n" << r.out;
    for (const auto& q : queries) {
      EXPECT_NE(q.find("FROM <urn:x:g>"), std::string::npos) << q;
      test::write(dir + "/q.rq", q);
      const int rc =
          std::system(("roqet -q -n -W 0 -i sparql " + dir + "/q.rq >/dev/null 2>" + dir + "/err").c_str());
      EXPECT_EQ(rc, 0) << ask << "\n" << q << "\n" << test::read(dir + "/err");
      ++checked;
    }
  }
  EXPECT_GE(checked, 45U);
  // The date rule and the event classes are the store's work, in the query.
  const auto r = run("query met --actor https://w3id.org/x/a --since 2019-03 --until 2019" + store);
  EXPECT_NE(r.out.find("\"2019-03-01\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"2019-12-31\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<https://w3id.org/diplograph/ontology#PhoneCall>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dg:participant <https://w3id.org/x/a>"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Statement>"), std::string::npos) << "a statement is no interaction\n" << r.out;
}

TEST(SparqlPrint, FilesAndAStoreAreOneOrTheOther) {
  const std::string graph = test::converted(test::samples() + "/*", "sparql-both");
  test::expect_error(run("query met --endpoint http://127.0.0.1:9/sparql " + graph), 1, "not both");
  test::expect_error(run("query met --graph urn:x:g " + graph), 1, "--graph names a graph of the store");
  test::expect_error(run("query met"), 1, "--endpoint URL");
}

// ------------------------------------------------------------------------- a store that fails

// A store on loopback that answers every request with `response` (a whole HTTP response).
class FakeStore {
 public:
  explicit FakeStore(std::string response) : response_(std::move(response)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    EXPECT_EQ(::listen(fd_, 8), 0);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeStore() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  FakeStore(const FakeStore&) = delete;
  FakeStore& operator=(const FakeStore&) = delete;
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sparql"; }
  [[nodiscard]] int requests() const { return requests_; }

 private:
  void serve() {
    while (!stop_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      read_request(c);
      ++requests_;
      std::size_t sent = 0;
      while (sent < response_.size()) {
        const auto n = ::write(c, response_.data() + sent, response_.size() - sent);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
      ::close(c);
    }
  }
  static void read_request(int c) {
    std::string req;
    char buf[65536];
    std::size_t want = std::string::npos;
    while (want == std::string::npos || req.size() < want) {
      const auto n = ::read(c, buf, sizeof buf);
      if (n <= 0) return;
      req.append(buf, static_cast<std::size_t>(n));
      const auto end = req.find("\r\n\r\n");
      if (end == std::string::npos || want != std::string::npos) continue;
      const auto cl = req.find("Content-Length: ");
      want = end + 4 + (cl == std::string::npos || cl > end ? 0 : std::stoul(req.substr(cl + 16)));
    }
  }
  std::string response_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

std::string http(const std::string& status, const std::string& type, const std::string& body,
                 const std::string& extra = "") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" +
         body;
}

TEST(SparqlStoreFails, ConnectionRefusedSaysWhereAndWhatToCheck) {
  std::string url;
  {
    FakeStore closed(http("200 OK", "text/plain", ""));
    url = closed.url();
  }  // nothing listens there any more
  const auto r = run("query met --actor AFG --endpoint " + url);
  test::expect_error(r, 2, url + ": ");
  EXPECT_NE(r.err.find("is the store running"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(SparqlStoreFails, Http500GivesTheStoresMessage) {
  FakeStore store(http("500 SPARQL Request Failed", "text/plain",
                       "Virtuoso 42000 Error SR186: No permission to execute procedure DB.DBA.SPARUL_RUN"));
  const auto r = run("query met --level state --count --endpoint " + store.url());
  test::expect_error(r, 2, "HTTP 500: Virtuoso 42000 Error SR186: No permission");
  EXPECT_TRUE(r.out.empty());
}

TEST(SparqlStoreFails, MalformedResultsAreRefused) {
  FakeStore store(
      http("200 OK", "application/sparql-results+json", R"({"head": {"vars": ["s"]}, "results": )"));
  const auto r = run("query timeline --actor AFG --endpoint " + store.url());
  test::expect_error(r, 2, store.url() + ": not a SPARQL JSON results document");
  EXPECT_TRUE(r.out.empty());
}

TEST(SparqlStoreFails, MalformedXmlResultsAreRefusedWithTheirLine) {
  FakeStore store(http("200 OK", "application/sparql-results+xml",
                       "<sparql>\n<results>\n<result><binding name=\"s\"><uri>x</uri></binding>\n"));
  const auto r = run("query timeline --actor AFG --endpoint " + store.url());
  test::expect_error(r, 2,
                     store.url() + ": not a SPARQL XML results document: it ends inside an element (line 4");
  EXPECT_TRUE(r.out.empty());
}

// A store that names no media type: the document's first character tells the format.
TEST(SparqlStoreFails, AnAnswerOfNoMediaTypeIsReadByItsFirstCharacter) {
  const std::string xml = R"(<sparql><results><result>
    <binding name="s"><uri>relative</uri></binding><binding name="p"><uri>p</uri></binding>
    <binding name="o"><literal>1</literal></binding></result></results></sparql>)";
  FakeStore store(http("200 OK", "application/octet-stream", xml));
  test::expect_error(run("query timeline --actor AFG --endpoint " + store.url()), 1,
                     "no actor matches \"AFG\"");
}

// libcurl (with the TLS, Kerberos and LDAP libraries it links) is opened when a store is first
// asked: a question of a file never loads it, and starts ~12 ms sooner. The dynamic loader's own
// trace (LD_DEBUG=libs) says which libraries a run loaded.
TEST(SparqlLibcurl, IsLoadedOnlyWhenAStoreIsAsked) {
  const std::string graph = test::converted(test::samples() + "/*", "sparql-libcurl");
  const std::string from_file = test::loaded_libraries("query met --actor Muttaqi " + graph);
  EXPECT_NE(from_file.find("find library=libserd"), std::string::npos)
      << "no trace: " << from_file.substr(0, 300);
  EXPECT_EQ(from_file.find("libcurl"), std::string::npos);
  FakeStore store(http("200 OK", "application/sparql-results+xml", "<sparql><results/></sparql>"));
  EXPECT_NE(test::loaded_libraries("query met --actor AFG --endpoint " + store.url())
                .find("find library=libcurl.so.4"),
            std::string::npos);
}

TEST(SparqlStoreFails, ACutAnswerIsNeverTakenForAWholeOne) {
  const std::string doc = R"({"head": {"vars": ["s","p","o"]}, "results": {"bindings": []}})";
  FakeStore store(http("200 OK", "application/sparql-results+json", doc, "X-SPARQL-MaxRows: 10000\r\n"));
  test::expect_error(run("query events --endpoint " + store.url()), 2, "cut the answer at 10000 rows");
}

TEST(SparqlStoreFails, RelativeIrisFromAStoreAreTakenAsGiven) {  // fuzz_sparql found a crash here
  const std::string doc = R"({"head": {"vars": ["s","p","o"]}, "results": {"bindings": [
    {"s": {"type": "uri", "value": "relative"}, "p": {"type": "uri", "value": "p"},
     "o": {"type": "literal", "datatype": "no-scheme", "value": "1"}}]}})";
  FakeStore store(http("200 OK", "application/sparql-results+json", doc));
  test::expect_error(run("query timeline --actor AFG --endpoint " + store.url()), 1,
                     "no actor matches \"AFG\"");
}

TEST(SparqlStoreFails, AFailedLoadSaysHowMuchLanded) {
  FakeStore store(http("401 Unauthorized", "text/html", "<html><body>Unauthorized access</body></html>"));
  const std::string graph = test::converted(test::samples() + "/*", "sparql-load-fails");
  const auto r = run("load --store " + store.url() + " --graph urn:x:g " + graph);
  test::expect_error(r, 2, "HTTP 401: Unauthorized access");
  EXPECT_NE(r.err.find("0 statements in 0 requests had landed"), std::string::npos) << r.err;
  EXPECT_EQ(store.requests(), 1);
}

// ------------------------------------------------------------------------- bulk-load files

// The statements of N-Triples files (gzip-compressed or not), sorted.
std::string sorted_statements(const std::string& files, const std::string& dir) {
  EXPECT_EQ(std::system(("zcat -f " + files + " | LC_ALL=C sort > " + dir + "/sorted").c_str()), 0);
  return test::read(dir + "/sorted");
}

TEST(BulkLoadFiles, SplitAndCompressedHoldTheSameStatements) {
  const std::string dir = test::scratch("bulk-split");
  const std::string icews = test::shared() + "/icews/events.2018.sample.tab";
  ASSERT_EQ(run("convert --no-progress -t nquads -o " + dir + "/all.nq " + icews).status, 0);
  const auto r = run("convert --no-progress -t nquads --split 30000 -o " + dir + "/part.nq.gz " + icews);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("4 files"), std::string::npos) << r.err;  // 94,697 statements
  for (const char* n : {"0001", "0002", "0003", "0004"}) {
    const std::string part = dir + "/part." + n + ".nq.gz";
    EXPECT_EQ(test::read(part).substr(0, 2), "\x1f\x8b") << part << " is gzip";
    EXPECT_EQ(std::system(("test $(zcat " + part + " | wc -l) -le 30000").c_str()), 0) << part;
  }
  const std::string whole = sorted_statements(dir + "/all.nq", dir);
  EXPECT_EQ(std::count(whole.begin(), whole.end(), '\n'), 94697);  // Viet Nam: one G-W span, open
  EXPECT_EQ(sorted_statements(dir + "/part.*.nq.gz", dir), whole);
  test::expect_error(run("convert --no-progress --split 10 " + icews), 1, "--split writes numbered files");
}

TEST(BulkLoadFiles, AFailedConversionLeavesNoPart) {
  const std::string dir = test::scratch("bulk-fails");
  std::string text = test::read(test::samples() + "/meetings.jsonl");
  test::write(dir + "/bad.jsonl", text + text + "{\"id\": broken\n");
  const auto r =
      run("convert --no-progress --split 5 -t ntriples -o " + dir + "/out.nt.gz " + dir + "/bad.jsonl");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:"), std::string::npos) << r.err;
  std::size_t left = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) left += f.path().filename() != "bad.jsonl";
  EXPECT_EQ(left, 0U) << "parts or temporary files left behind";
}

// ------------------------------------------------------------------------- a real store

struct Virtuoso {
  std::string endpoint, store, user, isql;
};

// The throwaway Virtuoso scripts/test.sh started, or nothing (the test is then skipped).
std::optional<Virtuoso> virtuoso() {
  const char* e = std::getenv("DIPLOGRAPH_TEST_ENDPOINT");
  const char* s = std::getenv("DIPLOGRAPH_TEST_STORE");
  const char* u = std::getenv("DIPLOGRAPH_TEST_USER");
  const char* i = std::getenv("DIPLOGRAPH_TEST_ISQL");
  if (!e || !s || !u || !i) return std::nullopt;
  return Virtuoso{e, s, u, i};
}

#define NEED_VIRTUOSO(v)                                                                        \
  const auto v = virtuoso();                                                                    \
  if (!v) GTEST_SKIP() << "no Virtuoso: scripts/test.sh starts one (DIPLOGRAPH_TEST_ENDPOINT)"; \
  static_assert(true)

std::string graph_iri(const std::string& name) {
  return "urn:diplograph:test:" + name + ":" + std::to_string(::getpid());
}

// Loads `graph` into the store as `iri`, by the Graph Store Protocol.
void load(const Virtuoso& v, const std::string& graph, const std::string& iri) {
  const auto r = run("load --store " + v.store + " --user " + v.user + " --graph " + iri + " " + graph);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("statements in"), std::string::npos) << r.err;
}

void expect_same_answers(const Virtuoso& v, const std::string& graph, const std::string& iri,
                         const std::vector<std::string>& asks) {
  const std::string store = " --endpoint " + v.endpoint + " --graph " + iri;
  std::size_t answered = 0;
  for (const auto& ask : asks) {
    const auto a = run(ask + " " + graph), b = run(ask + store);
    answered += a.status == 0 && std::count(a.out.begin(), a.out.end(), '\n') > 1;
    EXPECT_EQ(a.status, b.status) << ask << "\n" << a.err << "\n" << b.err;
    EXPECT_EQ(a.out, b.out) << ask;
    EXPECT_EQ(a.err, b.err) << ask;
  }
  // + 3: the representation panel is empty on data that records no representation (ICEWS, GDELT)
  EXPECT_GE(answered + 9, asks.size()) << "most questions should have answers with rows";
}

TEST(SparqlVirtuoso, SamplesAnswerAsTheTurtleDoes) {
  NEED_VIRTUOSO(v);
  const std::string graph = test::converted(test::samples() + "/*", "sparql-samples");
  const std::string iri = graph_iri("samples");
  load(*v, graph, iri);
  auto asks = test::questions("Amir Khan Muttaqi", "AFG", "PAK");
  asks.push_back("query met --actor Muttaqi --format csv");
  asks.push_back(
      "query met --actor https://w3id.org/diplograph/id/person/AFG/amir-khan-muttaqi --format csv");
  asks.push_back("query path --from Muttaqi --to \"Mohammad Ishaq Dar\" --format csv");
  asks.push_back("query relation --between AFG --and PAK");
  asks.push_back("query met --count --since 1990 --until 1991 --format csv");  // the note on the data's dates
  expect_same_answers(*v, graph, iri, asks);
}

// Virtuoso's own XML and JSON answers to one query: the same rows read from each (the questions
// ask for XML, which it writes about twice as fast).
TEST(SparqlVirtuoso, ItsXmlAndJsonAnswersGiveTheSameRows) {
  NEED_VIRTUOSO(v);
  const std::string dir = test::scratch("sparql-virtuoso-formats");
  const std::string graph = test::converted(test::samples() + "/*", "sparql-formats");
  const std::string iri = graph_iri("formats");
  load(*v, graph, iri);
  const std::string query = "SELECT ?s ?p ?o FROM <" + iri + "> WHERE { ?s ?p ?o }";
  for (const std::string format : {"json", "xml"}) {
    const std::string cmd =
        "/usr/bin/python3 -c \"import sys, urllib.request, urllib.parse; "
        "r = urllib.request.Request(sys.argv[1], urllib.parse.urlencode({'query': sys.argv[2]}).encode(), "
        "{'Accept': 'application/sparql-results+" +
        format +
        "'}); "
        "sys.stdout.buffer.write(urllib.request.urlopen(r).read())\" " +
        v->endpoint + " '" + query + "' > " + dir + "/answer." + format;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  const std::string json = test::read(dir + "/answer.json"), xml = test::read(dir + "/answer.xml");
  ASSERT_EQ(xml.rfind("<sparql", 0), 0U) << xml.substr(0, 200);
  const std::vector<std::string> vars{"s", "p", "o"};
  auto from_json = rows_of([&](const auto& row) { diplograph::read_sparql_json(json, vars, row, "j"); });
  auto from_xml = rows_of([&](const auto& row) { diplograph::read_sparql_xml(xml, vars, row, "x"); });
  EXPECT_GT(from_json.size(), 100U);
  std::sort(from_json.begin(), from_json.end());
  std::sort(from_xml.begin(), from_xml.end());
  EXPECT_EQ(from_json, from_xml);
}

TEST(SparqlVirtuoso, IcewsSampleAnswersAsTheTurtleDoes) {
  NEED_VIRTUOSO(v);
  const std::string graph = test::converted(test::shared() + "/icews/events.2018.sample.tab", "sparql-icews");
  const std::string iri = graph_iri("icews");
  load(*v, graph, iri);
  auto asks = test::questions("Mike Pompeo", "PRK", "USA");
  asks.push_back("query path --from \"Mike Pompeo\" --to \"Kim Jong-Un\" --format csv");
  asks.push_back("query path --from \"Mike Pompeo\" --to \"Kim Jong-Un\" --via person --format csv");
  asks.push_back("query met --actor Russia --level state --count --format csv");
  asks.push_back("query met --actor \"Mike Pompeio\" --format csv");  // did you mean
  asks.push_back("query met --actor Government --format csv");        // ambiguous
  asks.push_back("query met --sector Military --level state --count --format csv");
  expect_same_answers(*v, graph, iri, asks);
}

// The COW excerpt with the samples: observations and recorded changes, states of their year.
TEST(SparqlVirtuoso, CowObservationsAnswerAsTheTurtleDoes) {
  NEED_VIRTUOSO(v);
  const std::string graph = test::converted(
      test::shared() + "/cow/Diplomatic_Exchange_2006v1.excerpt.csv " + test::samples() + "/*", "sparql-cow");
  const std::string iri = graph_iri("cow");
  load(*v, graph, iri);
  expect_same_answers(
      *v, graph, iri,
      {"query representation --codes cow --format csv",
       "query representation --between USA --and RUS --format csv",
       "query representation --between 2 --and 260 --format csv",
       "query representation --between \"German Federal Republic\" --since 1980 --format json",
       "query relation --between AFG --and PAK", "query relation --between AFG --and PAK --format csv",
       "query relation --between USA --and CHN --at 1990-06-01 --format csv"});
}

TEST(SparqlVirtuoso, SyntheticWorldAnswersAsTheTurtleDoes) {
  NEED_VIRTUOSO(v);
  const std::string dir = test::scratch("sparql-world");
  const std::string graph = test::converted(test::synthetic_world(dir, 7, 600), "sparql-world");
  const std::string iri = graph_iri("world");
  load(*v, graph, iri);
  auto asks = test::questions("Official 1 of USA", "USA", "RUS");
  asks.push_back("query path --from \"Official 1 of USA\" --to \"Official 3 of AFG\" --format csv");
  expect_same_answers(*v, graph, iri, asks);
}

TEST(SparqlVirtuoso, SparqlUpdateLoadsASmallGraphTheSame) {
  NEED_VIRTUOSO(v);
  const std::string graph = test::converted(test::samples() + "/*", "sparql-update");
  const std::string iri = graph_iri("update");
  const auto r = run("load --endpoint " + v->endpoint + " --chunk 200 --graph " + iri + " " + graph);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(" requests"), std::string::npos) << r.err;
  expect_same_answers(*v, graph, iri,
                      {"query met --format csv", "query relation --between AFG --and PAK --format csv",
                       "actors --format csv", "query dyads --by year --level state --format csv"});
}

TEST(SparqlVirtuoso, TheStoresBulkLoaderTakesTheSplitFiles) {
  NEED_VIRTUOSO(v);
  const std::string dir = test::scratch("sparql-bulk");
  const std::string icews = test::shared() + "/icews/events.2018.sample.tab";
  const std::string graph = test::converted(icews, "sparql-bulk-ttl");
  const auto r = run("convert --no-progress -t ntriples --split 25000 -o " + dir + "/icews.nt.gz " + icews);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string iri = graph_iri("bulk");
  const std::string sql = "ld_dir('" + dir + "', '*.nt.gz', '" + iri + "'); rdf_loader_run(); checkpoint;";
  ASSERT_EQ(std::system((v->isql + " exec=\"" + sql + "\" >" + dir + "/isql.log 2>&1 </dev/null").c_str()), 0)
      << test::read(dir + "/isql.log");
  expect_same_answers(
      *v, graph, iri,
      {"query met --level state --count --format csv", "query met --actor \"Mike Pompeo\" --format csv",
       "query relation --between PRK --and USA --format csv",
       "query dyads --by month --level state --format csv"});
}

TEST(SparqlVirtuoso, AWrongPasswordIsRefusedWithTheStoresAnswer) {
  NEED_VIRTUOSO(v);
  const std::string graph = test::converted(test::samples() + "/*", "sparql-password");
  ::setenv("DIPLOGRAPH_PASSWORD", "not-the-password", 1);
  const auto r =
      run("load --store " + v->store + " --user " + v->user + " --graph " + graph_iri("pw") + " " + graph);
  test::expect_error(r, 2, "HTTP 401");
  EXPECT_NE(r.err.find("0 statements in 0 requests had landed"), std::string::npos) << r.err;
}

}  // namespace
